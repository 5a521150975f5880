import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { AppContext } from '../context.ts';
import { AppError, ForbiddenError, UnauthorizedError } from '../errors.ts';
import type { Role } from '../generated/prisma/enums.ts';
import { readCookie, SESSION_COOKIE } from './cookie.ts';
import type { SessionUser } from './session-user.ts';
import { sessionCacheOf } from './session-cache.ts';

export type { SessionUser } from './session-user.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The signed-in user, set by loadSession; undefined when anonymous. */
      user?: SessionUser;
      /** The current session's id and CSRF token, set by loadSession. */
      authSession?: { id: string; csrfToken: string; expiresAt: Date };
    }
  }
}

/**
 * Reads the session cookie and sets `req.user` / `req.authSession` (anonymous when absent, expired or
 * ended), from the session cache: a session ended anywhere is refused at the next request.
 */
export function loadSession(ctx: AppContext): RequestHandler {
  const sessions = sessionCacheOf(ctx.db);
  return async (req, _res, next) => {
    const token = readCookie(req, SESSION_COOKIE);
    if (token) {
      const s = await sessions.find(token);
      if (s) {
        req.user = s.user;
        req.authSession = { id: s.id, csrfToken: s.csrfToken, expiresAt: s.expiresAt };
      }
    }
    next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests made with a session cookie but without the
 * session's `x-csrf-token` (403 `csrf`). Signing in is exempt; anonymous
 * requests carry no ambient authority and fall through to requireUser's 401.
 */
export const requireCsrf: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method) || !req.authSession) return next();
  if (req.method === 'POST' && req.path === '/session') return next();
  const sent = Buffer.from(req.get('x-csrf-token') ?? '');
  const expected = Buffer.from(req.authSession.csrfToken);
  const ok = sent.length === expected.length && timingSafeEqual(sent, expected);
  if (!ok) return next(new AppError(403, 'csrf', 'Missing or wrong x-csrf-token header'));
  next();
};

/** 401 unless signed in. */
export const requireUser: RequestHandler = (req, _res, next) => {
  next(req.user ? undefined : new UnauthorizedError());
};

/** 401 unless signed in, 403 unless the user has one of the roles. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.user) return next(new UnauthorizedError());
    if (!roles.includes(req.user.role)) return next(new ForbiddenError());
    next();
  };
}

/** The signed-in user of a request that went through requireUser/requireRole. */
export function currentUser(req: { user?: SessionUser }): SessionUser {
  if (!req.user) throw new UnauthorizedError();
  return req.user;
}

/** True when the user may change this site: staff always, a manager only for their own sites. */
export function canManageSite(user: SessionUser | undefined, siteId: number): boolean {
  if (!user) return false;
  return user.role === 'staff' || user.role === 'admin' || (user.role === 'manager' && user.managedSiteIds.includes(siteId));
}

/** Throws ForbiddenError unless the user may manage the site (see canManageSite). */
export function assertCanManageSite(user: SessionUser | undefined, siteId: number): void {
  if (!user) throw new UnauthorizedError();
  if (!canManageSite(user, siteId)) throw new ForbiddenError('You do not manage this site');
}
