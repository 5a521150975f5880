import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { MY_SITES_KEY } from './get-my-sites.ts';

/** POST /api/sites/:id/rooms: adds a room with a number of beds. */
export const createRoom = ({ siteId, ...body }: { siteId: number; label: string; beds: number }) => api(`/sites/${siteId}/rooms`, { method: 'POST', body, silent: true });

/** Adds a room and refreshes my sites. */
export function useCreateRoom() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createRoom, onSuccess: () => qc.invalidateQueries({ queryKey: MY_SITES_KEY }) });
}
