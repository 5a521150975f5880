import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** POST /api/password-reset: asks for a reset link (the answer is the same for any email). */
export async function requestPasswordReset(input: { email: string }): Promise<void> {
  await api('/password-reset', { method: 'POST', body: input, silent: true });
}

/** POST /api/invitations/:token: sets the password with a one-time link's token (an invitation or a reset). */
export async function confirmPasswordReset(input: { token: string; password: string }): Promise<void> {
  await api(`/invitations/${encodeURIComponent(input.token)}`, { method: 'POST', body: { password: input.password }, silent: true });
}

/** Asks for a reset link. */
export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

/** Sets a new password from a reset link. */
export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: confirmPasswordReset });
}
