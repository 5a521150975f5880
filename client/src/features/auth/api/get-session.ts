import { useQuery } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from '../../../lib/api-client.ts';
import { SESSION_KEY, sessionSchema, type SessionUser } from './session-schema.ts';

/** GET /api/session: the current user, or null when nobody is signed in. */
export async function getSession(): Promise<SessionUser | null> {
  try {
    const s = await api('/session', { schema: sessionSchema, silent: true });
    setCsrfToken(s.csrfToken);
    return s.user;
  } catch (err) {
    if (err instanceof ApiError && (err.status === 401 || err.status === 404)) return null;
    throw err;
  }
}

/** The current user (null when signed out). */
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: getSession, staleTime: 5 * 60_000, retry: false });
}
