import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { PLACEMENTS_KEY } from './get-placements.ts';

/** A placement as staff enter it: one practice, or two (split week). */
export interface PlacementInput {
  internId: number;
  practiceId: number;
  secondPracticeId: number | null;
  startDate: string;
  endDate: string;
}

/** POST /api/placements (no id) or PATCH /api/placements/:id (the intern cannot change). */
export const savePlacement = ({ id, internId, ...rest }: PlacementInput & { id?: number }) =>
  api(id ? `/placements/${id}` : '/placements', { method: id ? 'PATCH' : 'POST', body: id ? rest : { internId, ...rest }, silent: true });

/** DELETE /api/placements/:id. */
export const deletePlacement = (id: number) => api(`/placements/${id}`, { method: 'DELETE' });

/** Creates or changes a placement and refreshes the lists. */
export function useSavePlacement() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: savePlacement, onSuccess: () => qc.invalidateQueries({ queryKey: PLACEMENTS_KEY }) });
}

/** Deletes a placement and refreshes the lists. */
export function useDeletePlacement() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: deletePlacement, onSuccess: () => qc.invalidateQueries({ queryKey: PLACEMENTS_KEY }) });
}
