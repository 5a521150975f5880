import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** A staff decision on one intern: another bed, or none. */
export interface Override {
  internId: number;
  bedId: number | null;
}

/** POST /api/matching/apply: writes the previewed assignments with the staff's overrides (409 if anything changed). */
export const applyMatching = (input: { runId: number | string; overrides: Override[] }) => api('/matching/apply', { method: 'POST', body: input });

/** Applies a preview and refreshes assignments and indicators. */
export function useApplyMatching() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: applyMatching,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['assignments'] });
      void qc.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
}
