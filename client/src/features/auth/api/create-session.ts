import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api-client.ts';
import { SESSION_KEY, sessionSchema } from './session-schema.ts';

/** POST /api/session: signs in with email and password. */
export async function createSession(input: { email: string; password: string }) {
  const s = await api('/session', { method: 'POST', body: input, schema: sessionSchema, silent: true });
  setCsrfToken(s.csrfToken);
  return s.user;
}

/** Signs in and stores the user as the current session. */
export function useCreateSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createSession,
    onSuccess: (user) => {
      qc.clear();
      qc.setQueryData(SESSION_KEY, user);
    },
  });
}
