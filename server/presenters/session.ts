import type { SessionUser } from '../auth/session-user.ts';

/** The session payload the client keeps: who is signed in and the CSRF token to echo. */
export function presentSession(user: SessionUser, csrfToken: string) {
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      internId: user.internId,
      managedSiteIds: user.managedSiteIds,
    },
    csrfToken,
  };
}
