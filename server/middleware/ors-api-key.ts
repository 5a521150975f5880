import type { Request, RequestHandler, Response } from 'express';
import { readCookie, SESSION_COOKIE } from '../auth/cookie.ts';
import { sessionCacheOf } from '../auth/session-cache.ts';
import type { AppContext } from '../context.ts';
import { countKeyUse } from '../domain/api-keys/count-use.ts';

/**
 * A request URL fit for the logs: the value of any `api_key` parameter replaced, so a key sent in the
 * query string (as ORS clients may) never lands in a log line.
 */
export function redactApiKey(url: string): string {
  return url.replace(/([?&]api_key=)[^&#]*/gi, '$1[redacted]');
}

/** Who was let through to /ors, for the handlers and the logs. */
export type OrsCaller = { kind: 'key'; keyId: number } | { kind: 'session'; userId: number };

/**
 * A refusal of the ORS gateway, in the shape openrouteservice's public API answers key problems with:
 * a JSON `{"error": "<message>"}` (not the `{error: {code, message}}` of its routing errors).
 */
export function refuseOrs(res: Response, status: number, message: string, headers: Record<string, string> = {}): void {
  res.status(status).set(headers).json({ error: message });
}

/**
 * The key of a request, as ORS clients send it: the raw key in the `Authorization` header
 * (openrouteservice-js, the QGIS plugin; a `Bearer ` prefix is tolerated), else the `api_key` query
 * parameter. Undefined when neither is there; '' when one is there but empty.
 */
export function apiKeyOf(req: Request): string | undefined {
  const header = req.get('authorization');
  if (header !== undefined) return header.replace(/^Bearer\s+/i, '').trim();
  const q = (req.query as Record<string, unknown>).api_key;
  if (q === undefined) return undefined;
  return typeof q === 'string' ? q.trim() : '';
}

/**
 * Guards the ORS-compatible API. A key (header or `api_key`) is checked and one request counted
 * against its per-minute and per-day quotas in one statement; without a key, a signed-in user's
 * session cookie lets the app's own pages through (no quota: they are already accounted users).
 * Refusals are answered as openrouteservice's gateway answers them: 401 no key, 403 unknown or
 * revoked key, 429 per-minute quota spent and 403 daily quota spent (both with `Retry-After`).
 * Accepted key requests carry ORS's `x-ratelimit-limit/-remaining/-reset` headers for the day.
 */
export function requireOrsAccess(ctx: Pick<AppContext, 'db'>): RequestHandler {
  return async (req, res, next) => {
    const key = apiKeyOf(req);
    if (key === undefined || key === '') {
      const token = readCookie(req, SESSION_COOKIE);
      const session = token ? await sessionCacheOf(ctx.db).find(token) : null;
      if (session) {
        res.locals.orsCaller = { kind: 'session', userId: session.user.id } satisfies OrsCaller;
        return next();
      }
      return refuseOrs(res, 401, 'Authorization field/api_key missing in request: send your API key in the Authorization header or as the api_key query parameter (staff create keys on the "Clés API" page).');
    }
    const r = await countKeyUse(ctx.db.prisma, key);
    if (r.ok) {
      res.locals.orsCaller = { kind: 'key', keyId: r.keyId } satisfies OrsCaller;
      res.set({
        'x-ratelimit-limit': String(r.perDay),
        'x-ratelimit-remaining': String(Math.max(0, r.perDay - r.usedToday)),
        'x-ratelimit-reset': String(Math.floor(r.dayResetAt.getTime() / 1000)),
      });
      return next();
    }
    if (r.reason === 'unknown' || r.reason === 'revoked') {
      return refuseOrs(res, 403, `Access to this API has been disallowed: ${r.reason === 'unknown' ? 'unknown API key' : 'this API key was revoked'}.`);
    }
    if (r.reason === 'day') {
      return refuseOrs(res, 403, `Daily quota reached: this API key allows ${r.limit} requests per day (UTC); it resets at ${r.resetAt.toISOString()}.`, {
        'Retry-After': String(r.retryAfterSeconds),
        'x-ratelimit-limit': String(r.limit),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(r.resetAt.getTime() / 1000)),
      });
    }
    refuseOrs(res, 429, `Rate limit exceeded: this API key allows ${r.limit} requests per minute; retry in ${r.retryAfterSeconds} s.`, { 'Retry-After': String(r.retryAfterSeconds) });
  };
}
