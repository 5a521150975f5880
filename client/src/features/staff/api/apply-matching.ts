import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** A staff decision on one intern: another bed, or none. */
export interface Override {
  internId: number;
  bedId: number | null;
  /** Set when staff confirmed a bed beyond the intern's limit, rent ceiling or house rules. */
  confirm?: boolean;
}

/** POST /api/matching/apply (409 if anything changed since the preview); the board shows its errors on the intern's row, so they are not shown here. */
export const applyMatching = (input: { runId: number | string; overrides: Override[]; locks: number[] }) => api('/matching/apply', { method: 'POST', body: input, silent: true });

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
