import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { MY_SITES_KEY } from './get-my-sites.ts';

/** The body of an availability window, dates inclusive. */
export interface AvailabilityInput {
  startDate: string;
  endDate: string;
  note?: string;
}

/** POST /api/rooms/:id/availability: opens a room for a period. */
export const createAvailability = ({ roomId, ...body }: AvailabilityInput & { roomId: number }) =>
  api(`/rooms/${roomId}/availability`, { method: 'POST', body, silent: true });

/** Adds a window and refreshes my sites. */
export function useCreateAvailability() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createAvailability, onSuccess: () => qc.invalidateQueries({ queryKey: MY_SITES_KEY }) });
}
