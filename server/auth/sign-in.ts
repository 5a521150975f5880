import type { PrismaClient } from '../generated/prisma/client.ts';
import { RateLimitError, UnauthorizedError } from '../errors.ts';
import { verifyPassword } from './password.ts';
import { admitAttempt, clearThrottles, type ThrottlePolicy } from './rate-limit.ts';
import { sessionUserInclude, toSessionUser, type SessionUser } from './session-user.ts';
import { createSession, type NewSession } from './sessions.ts';

/** How long a throttle remembers attempts after its last delay has ended. */
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** The first delay once the limit is reached (it doubles with each later attempt), and the longest. */
export const LOGIN_BASE_DELAY_MS = 30_000;
export const LOGIN_MAX_DELAY_MS = 15 * 60_000;
/** An account as a whole (every source together) admits this many times the per-source limit. */
export const ACCOUNT_LIMIT_FACTOR = 10;

export interface SignInInput {
  prisma: PrismaClient;
  email: string;
  password: string;
  /** Client address: attempts are counted per account and source. */
  ip: string;
  /** Attempts admitted per account and source before the growing delay. */
  limit: number;
  ttlHours: number;
  now?: Date;
}

/** The throttle keys of an email: per account and source, and per account. */
export function signInKeys(email: string, ip: string): { source: string; account: string } {
  return { source: `signin:src:${email}\n${ip}`, account: `signin:acct:${email}` };
}

/** Forgets every sign-in throttle of an email (all sources), when its owner has proved who they are. */
export async function clearSignInThrottles(db: Pick<PrismaClient, 'signInThrottle'>, rawEmail: string): Promise<void> {
  const email = rawEmail.trim().toLowerCase();
  await db.signInThrottle.deleteMany({ where: { OR: [{ key: `signin:acct:${email}` }, { key: { startsWith: `signin:src:${email}\n` } }] } });
}

/**
 * Checks credentials and opens a session. Each attempt is counted and admitted in one atomic
 * statement before the password is checked (so no burst of concurrent attempts gets past the
 * limit), per account *and* source: an attacker elsewhere slows down only their own attempts, never
 * the owner's. Past `limit` attempts from one source, attempts wait a delay that doubles each time
 * (30 s, 1 min, 2 min … 15 min). Every source together gets `ACCOUNT_LIMIT_FACTOR` × `limit` before the
 * same delay applies to the account; its owner then gets in with a password-reset link.
 */
export async function signIn(input: SignInInput): Promise<{ user: SessionUser; session: NewSession }> {
  const { prisma, limit } = input;
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const keys = signInKeys(email, input.ip);
  const policy = (l: number): ThrottlePolicy => ({ limit: l, baseDelayMs: LOGIN_BASE_DELAY_MS, maxDelayMs: LOGIN_MAX_DELAY_MS, windowMs: LOGIN_WINDOW_MS });
  // The source's own counter first: an attempt it refuses does not count against the account.
  const fromSource = await admitAttempt(prisma, keys.source, policy(limit), now);
  if (!fromSource.admitted) throw tooMany(fromSource.retryAt, now);
  const account = await admitAttempt(prisma, keys.account, policy(limit * ACCOUNT_LIMIT_FACTOR), now);
  if (!account.admitted) throw tooMany(account.retryAt, now);

  const user = await prisma.user.findFirst({ where: { email: { equals: email, mode: 'insensitive' } }, include: sessionUserInclude });
  const ok = await verifyPassword(user?.passwordHash, input.password);
  // A deactivated account answers exactly like a wrong password: nothing tells it apart.
  if (!user || !ok || user.deactivatedAt) throw new UnauthorizedError('Wrong email or password');
  await clearThrottles(prisma, { keys: [keys.source, keys.account] });
  await pruneExpired(prisma, now);
  const session = await createSession(prisma, user.id, input.ttlHours, now);
  return { user: toSessionUser(user), session };
}

function tooMany(retryAt: Date, now: Date): RateLimitError {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  return new RateLimitError(`Too many sign-in attempts; try again in ${seconds} s, or reset your password`, seconds);
}

/** Housekeeping on each successful sign-in: drops expired sessions and counters (cheap, indexed). */
async function pruneExpired(prisma: PrismaClient, now: Date): Promise<void> {
  await prisma.session.deleteMany({ where: { expiresAt: { lt: now } } });
  await prisma.signInThrottle.deleteMany({ where: { windowEndsMs: { lt: BigInt(now.getTime()) } } });
  await prisma.rateLimitHit.deleteMany({ where: { resetAt: { lt: now } } });
}
