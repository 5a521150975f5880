import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** PUT /api/me/preferences: the intern's ranked sites and a note. */
export const putPreferences = (input: { siteIds: number[]; note?: string }) => api('/me/preferences', { method: 'PUT', body: input });

/** Saves preferences and refreshes the profile. */
export function usePutPreferences() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: putPreferences, onSuccess: () => qc.invalidateQueries({ queryKey: ['me-intern'] }) });
}
