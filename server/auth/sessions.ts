import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { sessionUserInclude, toSessionUser, type SessionUser } from './session-user.ts';

type Db = Pick<PrismaClient, 'session'>;

/** The session id stored in the database: sha256 of the cookie token, so a leaked table grants nothing. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A freshly created session: `token` goes in the cookie and is never stored. */
export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Creates a database session for a user. */
export async function createSession(db: Db, userId: number, ttlHours: number, now = new Date()): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000);
  await db.session.create({ data: { id: sessionIdOf(token), userId, csrfToken, expiresAt } });
  return { token, csrfToken, expiresAt };
}

/** A live session found from its cookie token. */
export interface LoadedSession {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  user: SessionUser;
}

/** Finds the live session of a cookie token; expired sessions are deleted and read as none. */
export async function findSession(db: Db, token: string, now = new Date()): Promise<LoadedSession | null> {
  const id = sessionIdOf(token);
  const s = await db.session.findUnique({ where: { id }, include: { user: { include: sessionUserInclude } } });
  if (!s) return null;
  if (s.expiresAt <= now || s.user.deactivatedAt) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  return { id: s.id, csrfToken: s.csrfToken, expiresAt: s.expiresAt, user: toSessionUser(s.user) };
}

/** Ends one session (sign out). */
export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.session.deleteMany({ where: { id } });
}

/** Ends every session of a user (password reset, account change). */
export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
}
