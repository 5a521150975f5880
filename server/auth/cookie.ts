import type { Request, Response } from 'express';
import type { Config } from '../config.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'im_session';

/** Reads one cookie from the request header (no cookie-parser needed for one cookie). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    if (part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Secure when configured 'always', or 'auto' and the request came over HTTPS (trust proxy decides). */
export function cookieIsSecure(config: Config, req: Request): boolean {
  return config.session.cookieSecure === 'always' || (config.session.cookieSecure === 'auto' && req.secure);
}

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure behind TLS, expiring with the session. */
export function setSessionCookie(res: Response, req: Request, config: Config, token: string, expiresAt: Date): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieIsSecure(config, req),
    path: '/',
    expires: expiresAt,
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(res: Response, req: Request, config: Config): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: cookieIsSecure(config, req), path: '/' });
}
