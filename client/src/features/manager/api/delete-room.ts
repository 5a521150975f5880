import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { MY_SITES_KEY } from './get-my-sites.ts';

/** DELETE /api/rooms/:id: deletes a room with its beds (409 `room_in_use` while a live booking uses it). */
export const deleteRoom = (id: number) => api(`/rooms/${id}`, { method: 'DELETE', silent: true });

/** Deletes a room and refreshes my sites. */
export function useDeleteRoom() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: deleteRoom, onSuccess: () => qc.invalidateQueries({ queryKey: MY_SITES_KEY }) });
}
