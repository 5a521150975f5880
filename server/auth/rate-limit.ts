import { randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';

type Db = Pick<PrismaClient, '$queryRaw' | '$executeRaw' | 'rateLimitHit' | 'signInThrottle'>;

/** The state of one fixed-window counter. */
export interface WindowState {
  count: number;
  resetAt: Date;
}

/**
 * Counts one hit on a fixed-window counter stored in the database, atomically
 * (one upsert statement), so every app instance sharing the database shares the limit.
 */
export async function hitRateLimit(db: Db, key: string, windowMs: number, now = new Date()): Promise<WindowState> {
  const resetAt = new Date(now.getTime() + windowMs);
  const rows = await db.$queryRaw<{ count: number; resetAt: Date }[]>`
    INSERT INTO "RateLimitHit" ("key", "count", "resetAt") VALUES (${key}, 1, ${resetAt})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitHit"."resetAt" <= ${now} THEN 1 ELSE "RateLimitHit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimitHit"."resetAt" <= ${now} THEN EXCLUDED."resetAt" ELSE "RateLimitHit"."resetAt" END
    RETURNING "count", "resetAt"`;
  return { count: Number(rows[0].count), resetAt: new Date(rows[0].resetAt) };
}

/** How a throttle admits attempts: `limit` freely, then one per growing delay. */
export interface ThrottlePolicy {
  /** Attempts admitted at once before any delay. */
  limit: number;
  /** The delay after the limit-th attempt; it doubles with each later admitted attempt. */
  baseDelayMs: number;
  /** The longest delay. */
  maxDelayMs: number;
  /** The counter forgets this long after its last delay ends with no attempt. */
  windowMs: number;
}

/** The answer of `admitAttempt`: admitted (go on and check the password) or when to come back. */
export interface ThrottleDecision {
  admitted: boolean;
  /** Attempts counted in the current window, this one included when admitted. */
  attempts: number;
  /** When the next attempt will be admitted (now when there is no delay). */
  retryAt: Date;
}

/**
 * Counts and checks one attempt in a single atomic statement (an upsert that locks the row), so no
 * number of concurrent requests can slip past the limit: the first `limit` attempts are admitted, and
 * the one that reaches the limit sets a delay during which every attempt is refused without being
 * counted; each attempt admitted after a delay doubles the next delay (up to `maxDelayMs`). Whether
 * this very attempt was admitted is read back through a per-attempt id written only when admitted.
 */
export async function admitAttempt(db: Db, key: string, policy: ThrottlePolicy, now = new Date()): Promise<ThrottleDecision> {
  const attemptId = randomUUID();
  const N = Prisma.sql`CAST(${BigInt(now.getTime())} AS bigint)`;
  const L = Prisma.sql`CAST(${policy.limit} AS integer)`;
  const B = Prisma.sql`CAST(${BigInt(policy.baseDelayMs)} AS bigint)`;
  const C = Prisma.sql`CAST(${BigInt(policy.maxDelayMs)} AS bigint)`;
  const W = Prisma.sql`CAST(${BigInt(policy.windowMs)} AS bigint)`;
  // ON CONFLICT's SET sees the old row as t: every expression below reads the old values.
  const fresh = Prisma.sql`(t."windowEndsMs" <= ${N})`;
  const blocked = Prisma.sql`(NOT ${fresh} AND t."blockedUntilMs" > ${N})`;
  const n = Prisma.sql`(CASE WHEN ${fresh} THEN 1 WHEN ${blocked} THEN t."attempts" ELSE t."attempts" + 1 END)`;
  const delay = (count: Prisma.Sql) => Prisma.sql`LEAST(${B} << LEAST(${count} - ${L}, 40), ${C})`;
  const blockedUntil = Prisma.sql`(CASE WHEN ${blocked} THEN t."blockedUntilMs" WHEN ${n} >= ${L} THEN ${N} + ${delay(n)} ELSE CAST(0 AS bigint) END)`;
  const firstBlock = Prisma.sql`(CASE WHEN 1 >= ${L} THEN ${N} + ${delay(Prisma.sql`1`)} ELSE CAST(0 AS bigint) END)`;
  const rows = await db.$queryRaw<{ attempts: number; blockedUntilMs: bigint; admitted: boolean }[]>`
    INSERT INTO "SignInThrottle" AS t ("key", "attempts", "windowEndsMs", "blockedUntilMs", "lastAttemptId")
    VALUES (${key}, 1, GREATEST(${firstBlock}, ${N}) + ${W}, ${firstBlock}, ${attemptId})
    ON CONFLICT ("key") DO UPDATE SET
      "attempts" = ${n},
      "blockedUntilMs" = ${blockedUntil},
      "windowEndsMs" = CASE WHEN ${blocked} THEN t."windowEndsMs" ELSE GREATEST(${blockedUntil}, ${N}) + ${W} END,
      "lastAttemptId" = CASE WHEN ${blocked} THEN t."lastAttemptId" ELSE ${attemptId} END
    RETURNING "attempts", "blockedUntilMs", "lastAttemptId" = ${attemptId} AS admitted`;
  const row = rows[0];
  return {
    admitted: row.admitted,
    attempts: Number(row.attempts),
    retryAt: new Date(Math.max(now.getTime(), Number(row.blockedUntilMs))),
  };
}

/** Forgets throttle counters (an account's after a successful sign-in or a password reset). */
export async function clearThrottles(db: Db, where: { keys?: string[]; prefix?: string }): Promise<void> {
  const or = [...(where.keys?.length ? [{ key: { in: where.keys } }] : []), ...(where.prefix ? [{ key: { startsWith: where.prefix } }] : [])];
  if (or.length) await db.signInThrottle.deleteMany({ where: { OR: or } });
}
