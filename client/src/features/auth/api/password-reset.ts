import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** POST /api/password-reset: asks for a reset link (the answer is the same for any email). */
export async function requestPasswordReset(input: { email: string }): Promise<void> {
  await api('/password-reset', { method: 'POST', body: input, silent: true });
}

/** Asks for a reset link. */
export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}
