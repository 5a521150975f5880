import type { PrismaClient } from '../generated/prisma/client.ts';

type Db = Pick<PrismaClient, '$queryRaw' | 'rateLimitHit'>;

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

/** Reads a counter without counting; an elapsed window reads as zero. */
export async function peekRateLimit(db: Db, key: string, now = new Date()): Promise<WindowState> {
  const row = await db.rateLimitHit.findUnique({ where: { key } });
  if (!row || row.resetAt <= now) return { count: 0, resetAt: now };
  return { count: row.count, resetAt: row.resetAt };
}

/** Forgets a counter (e.g. an email's failures after a successful sign-in). */
export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.rateLimitHit.deleteMany({ where: { key } });
}
