/** The API's bound on beds per room (server/routes/rooms/schema.ts: 1–50; the form used to stop at 20). */
export const MAX_BEDS_PER_ROOM = 50;

/** The French/English message for a refused room deletion: names who still uses it when the server says. */
export function roomErrorMessage(err: unknown, t: (key: string, opts?: Record<string, unknown>) => string): string {
  // Read as ApiError's shape (status, details) without importing the client, which needs a browser.
  const api = err as { status?: unknown; details?: unknown } | null;
  if (api && typeof api === 'object' && api.status === 409) {
    const details = (api.details ?? {}) as { reason?: string; interns?: unknown };
    if (details.reason === 'room_in_use') {
      const names = Array.isArray(details.interns) ? details.interns.filter((n): n is string => typeof n === 'string') : [];
      return names.length ? t('manager.errRoomInUseBy', { names: names.join(', ') }) : t('manager.errRoomInUse');
    }
  }
  return err instanceof Error ? err.message : String(err);
}
