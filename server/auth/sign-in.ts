import type { PrismaClient } from '../generated/prisma/client.ts';
import { RateLimitError, UnauthorizedError } from '../errors.ts';
import { verifyPassword } from './password.ts';
import { clearRateLimit, hitRateLimit, peekRateLimit } from './rate-limit.ts';
import { sessionUserInclude, toSessionUser, type SessionUser } from './session-user.ts';
import { createSession, type NewSession } from './sessions.ts';

/** The fixed window of the login rate limit. */
export const LOGIN_WINDOW_MS = 15 * 60_000;

export interface SignInInput {
  prisma: PrismaClient;
  email: string;
  password: string;
  /** Client address, for the per-IP counter. */
  ip: string;
  /** Failed attempts allowed per email and per IP in one window. */
  limit: number;
  ttlHours: number;
  now?: Date;
}

/**
 * Checks credentials and opens a session. Failed attempts count per email and
 * per IP in the database; once either counter reaches the limit, every attempt
 * is refused with 429 until the window ends, right password or not.
 */
export async function signIn(input: SignInInput): Promise<{ user: SessionUser; session: NewSession }> {
  const { prisma, limit } = input;
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const keys = [`login:email:${email}`, `login:ip:${input.ip}`];
  for (const key of keys) {
    const state = await peekRateLimit(prisma, key, now);
    if (state.count >= limit) throw tooMany(state.resetAt, now);
  }
  const user = await prisma.user.findFirst({ where: { email: { equals: email, mode: 'insensitive' } }, include: sessionUserInclude });
  const ok = await verifyPassword(user?.passwordHash, input.password);
  // A deactivated account answers exactly like a wrong password: nothing tells it apart.
  if (!user || !ok || user.deactivatedAt) {
    for (const key of keys) await hitRateLimit(prisma, key, LOGIN_WINDOW_MS, now);
    throw new UnauthorizedError('Wrong email or password');
  }
  await clearRateLimit(prisma, keys[0]);
  await pruneExpired(prisma, now);
  const session = await createSession(prisma, user.id, input.ttlHours, now);
  return { user: toSessionUser(user), session };
}

function tooMany(resetAt: Date, now: Date): RateLimitError {
  const seconds = Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
  return new RateLimitError('Too many sign-in attempts; try again later', seconds);
}

/** Housekeeping on each successful sign-in: drops expired sessions and elapsed counters (cheap, indexed). */
async function pruneExpired(prisma: PrismaClient, now: Date): Promise<void> {
  await prisma.session.deleteMany({ where: { expiresAt: { lt: now } } });
  await prisma.rateLimitHit.deleteMany({ where: { resetAt: { lt: now } } });
}
