import { createHash, randomBytes } from 'node:crypto';
import type { SqlRunner } from '../db/migrations.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Role } from '../generated/prisma/enums.ts';
import type { SessionUser } from './session-user.ts';

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

/** What findSession needs: the raw SQL runner for the one read, Prisma for deleting a dead session. */
type FindDb = { sql: Pick<SqlRunner, 'query'>; prisma: Db };

interface SessionRow {
  id: string;
  csrfToken: string;
  expiresMs: number;
  deactivated: boolean;
  userId: number;
  email: string;
  name: string;
  role: Role;
  internId: number | null;
  managedSiteIds: number[] | null;
  departementCodes: string[] | null;
}

// The session, its user and the user's scope (intern profile, managed sites, départements) in one
// raw query: this runs for every signed-in request the session cache has not seen.
const FIND_SESSION_SQL = `SELECT s."id", s."csrfToken", (extract(epoch FROM s."expiresAt") * 1000)::float8 AS "expiresMs",
  u."deactivatedAt" IS NOT NULL AS "deactivated", u."id" AS "userId", u."email", u."name", u."role"::text AS "role",
  (SELECT i."id" FROM "Intern" i WHERE i."userId" = u."id") AS "internId",
  (SELECT array_agg(m."siteId" ORDER BY m."siteId") FROM "SiteManager" m WHERE m."userId" = u."id") AS "managedSiteIds",
  (SELECT array_agg(d."departementCode" ORDER BY d."departementCode") FROM "UserDepartement" d WHERE d."userId" = u."id") AS "departementCodes"
FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = $1`;

/**
 * Finds the live session of a cookie token (by its hash, `sessionIdOf`) in one query; expired
 * sessions and those of deactivated accounts are deleted and read as none. The result is frozen: the
 * session cache hands the same object to every request of the session.
 */
export async function findSession(db: FindDb, token: string, now = new Date()): Promise<LoadedSession | null> {
  const id = sessionIdOf(token);
  const [row] = await db.sql.query<SessionRow>(FIND_SESSION_SQL, [id]);
  if (!row) return null;
  if (row.expiresMs <= now.getTime() || row.deactivated) {
    await db.prisma.session.deleteMany({ where: { id } });
    return null;
  }
  const user: SessionUser = Object.freeze({
    id: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    internId: row.internId,
    managedSiteIds: Object.freeze(row.managedSiteIds ?? []) as number[],
    departementCodes: Object.freeze(row.departementCodes ?? []) as string[],
  });
  return Object.freeze({ id: row.id, csrfToken: row.csrfToken, expiresAt: new Date(row.expiresMs), user });
}

/** Ends one session (sign out). */
export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.session.deleteMany({ where: { id } });
}

/** Ends every session of a user (password reset, account change). */
export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
}
