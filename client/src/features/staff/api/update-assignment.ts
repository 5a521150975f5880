import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** PATCH /api/assignments/:id: lock/unlock, change status or bed. */
export const updateAssignment = ({ id, ...body }: { id: number; locked?: boolean; status?: string; bedId?: number }) =>
  api(`/assignments/${id}`, { method: 'PATCH', body });

/** Updates an assignment and refreshes the list. */
export function useUpdateAssignment() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: updateAssignment, onSuccess: () => qc.invalidateQueries({ queryKey: ['assignments'] }) });
}
