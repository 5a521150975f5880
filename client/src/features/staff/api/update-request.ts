import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** PATCH /api/requests/:id: accept, decline or reopen a room request. */
export const updateRequest = ({ id, status }: { id: number; status: 'open' | 'accepted' | 'declined' }) => api(`/requests/${id}`, { method: 'PATCH', body: { status } });

/** Answers a room request and refreshes the list. */
export function useUpdateRequest() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: updateRequest, onSuccess: () => qc.invalidateQueries({ queryKey: ['requests'] }) });
}
