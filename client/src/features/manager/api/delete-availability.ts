import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { MY_SITES_KEY } from './get-my-sites.ts';

/** DELETE /api/availability/:id: closes a window. */
export const deleteAvailability = (id: number) => api(`/availability/${id}`, { method: 'DELETE' });

/** Removes a window and refreshes my sites. */
export function useDeleteAvailability() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: deleteAvailability, onSuccess: () => qc.invalidateQueries({ queryKey: MY_SITES_KEY }) });
}
