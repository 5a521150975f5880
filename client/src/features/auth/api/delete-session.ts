import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client.ts';
import { SESSION_KEY } from './session-schema.ts';

/** DELETE /api/session: signs out. */
export async function deleteSession(): Promise<void> {
  await api('/session', { method: 'DELETE' });
  setCsrfToken(undefined);
}

/** Signs out and forgets everything cached for that user. */
export function useDeleteSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: deleteSession,
    onSettled: () => {
      qc.clear();
      qc.setQueryData(SESSION_KEY, null);
    },
  });
}
