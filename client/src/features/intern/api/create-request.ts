import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** POST /api/me/requests: asks for a room in a site. */
export const createRequest = (input: { siteId: number; note?: string }) => api('/me/requests', { method: 'POST', body: input });

/** Sends a room request and refreshes the profile. */
export function useCreateRequest() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createRequest, onSuccess: () => qc.invalidateQueries({ queryKey: ['me-intern'] }) });
}
