import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { MY_SITES_KEY } from './get-my-sites.ts';

/** PATCH /api/rooms/:id: renames a room. */
export const renameRoom = ({ id, label }: { id: number; label: string }) => api(`/rooms/${id}`, { method: 'PATCH', body: { label }, silent: true });

/** Renames a room and refreshes my sites. */
export function useRenameRoom() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: renameRoom, onSuccess: () => qc.invalidateQueries({ queryKey: MY_SITES_KEY }) });
}
