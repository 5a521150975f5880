import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { AvailabilityInput } from './create-availability.ts';
import { MY_SITES_KEY } from './get-my-sites.ts';

/** PATCH /api/availability/:id: changes a window's dates or note. */
export const updateAvailability = ({ id, ...body }: AvailabilityInput & { id: number }) => api(`/availability/${id}`, { method: 'PATCH', body, silent: true });

/** Edits a window and refreshes my sites. */
export function useUpdateAvailability() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: updateAvailability, onSuccess: () => qc.invalidateQueries({ queryKey: MY_SITES_KEY }) });
}
