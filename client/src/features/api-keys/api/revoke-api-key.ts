import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { API_KEYS_KEY } from './get-api-keys.ts';

/** DELETE /api/api-keys/:id: revokes a key for good. */
export const revokeApiKey = (id: number) => api(`/api-keys/${id}`, { method: 'DELETE' });

/** Revokes a key and refreshes the list. */
export function useRevokeApiKey() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: revokeApiKey, onSuccess: () => qc.invalidateQueries({ queryKey: API_KEYS_KEY }) });
}
