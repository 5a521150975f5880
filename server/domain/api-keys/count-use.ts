import type { PrismaClient } from '../../generated/prisma/client.ts';
import { hashApiKey, MAX_KEY_LENGTH } from './key-token.ts';

type Db = Pick<PrismaClient, '$queryRaw'>;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The start of the fixed minute window `now` falls in. */
export function minuteWindow(now: Date): Date {
  return new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
}

/** The start (00:00 UTC) of the day window `now` falls in. */
export function dayWindow(now: Date): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
}

/** A request counted against its key: what is left of the day, for ORS's `x-ratelimit-*` headers. */
export interface KeyAccepted {
  ok: true;
  keyId: number;
  perDay: number;
  usedToday: number;
  /** When the day window ends. */
  dayResetAt: Date;
}

/** A request refused: no such key, a revoked key, or a window whose quota is spent (nothing was counted). */
export type KeyRefused =
  | { ok: false; reason: 'unknown' }
  | { ok: false; reason: 'revoked' }
  | { ok: false; reason: 'minute' | 'day'; keyId: number; limit: number; resetAt: Date; retryAfterSeconds: number };

/**
 * Checks a key and counts one request against it, atomically: a single conditional UPDATE … RETURNING
 * bumps the minute and day counters only when the key is live and both are under quota. Concurrent
 * requests on one key queue on its row lock and each re-reads the row it waited for (PostgreSQL's
 * READ COMMITTED re-check), so together they can never pass the quota, on any number of app instances.
 * Windows only move forward: a request stamped a moment before one already counted in the next
 * window is counted in that newer window rather than reopening the old one.
 * Only a refusal costs a second query (to say why).
 */
export async function countKeyUse(db: Db, key: string, now = new Date()): Promise<KeyAccepted | KeyRefused> {
  if (!key || key.length > MAX_KEY_LENGTH) return { ok: false, reason: 'unknown' };
  const hash = hashApiKey(key);
  const minute = minuteWindow(now);
  const day = dayWindow(now);
  const rows = await db.$queryRaw<{ id: number; perDay: number; dayCount: number }[]>`
    UPDATE "ApiKey" SET
      "minuteCount" = CASE WHEN "minuteStart" >= ${minute} THEN "minuteCount" + 1 ELSE 1 END,
      "minuteStart" = GREATEST("minuteStart", ${minute}),
      "dayCount" = CASE WHEN "dayStart" >= ${day} THEN "dayCount" + 1 ELSE 1 END,
      "dayStart" = GREATEST("dayStart", ${day}),
      "lastUsedAt" = GREATEST("lastUsedAt", ${now})
    WHERE "keyHash" = ${hash} AND "revokedAt" IS NULL
      AND (CASE WHEN "minuteStart" >= ${minute} THEN "minuteCount" ELSE 0 END) < "perMinute"
      AND (CASE WHEN "dayStart" >= ${day} THEN "dayCount" ELSE 0 END) < "perDay"
    RETURNING "id", "perDay", "dayCount"`;
  if (rows.length) {
    const r = rows[0];
    return { ok: true, keyId: Number(r.id), perDay: Number(r.perDay), usedToday: Number(r.dayCount), dayResetAt: new Date(day.getTime() + DAY_MS) };
  }
  return explainRefusal(db, hash, now);
}

async function explainRefusal(db: Db, hash: string, now: Date): Promise<KeyRefused> {
  const rows = await db.$queryRaw<
    { id: number; revokedAt: Date | null; perMinute: number; minuteStart: Date | null; minuteCount: number; perDay: number; dayStart: Date | null; dayCount: number }[]
  >`SELECT "id", "revokedAt", "perMinute", "minuteStart", "minuteCount", "perDay", "dayStart", "dayCount" FROM "ApiKey" WHERE "keyHash" = ${hash}`;
  const k = rows[0];
  if (!k) return { ok: false, reason: 'unknown' };
  if (k.revokedAt) return { ok: false, reason: 'revoked' };
  const refused = (reason: 'minute' | 'day', limit: number, resetAt: Date): KeyRefused => ({
    ok: false,
    reason,
    keyId: Number(k.id),
    limit,
    resetAt,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000)),
  });
  const dayStart = k.dayStart ? new Date(k.dayStart) : null;
  if (dayStart && dayStart >= dayWindow(now) && Number(k.dayCount) >= Number(k.perDay)) {
    return refused('day', Number(k.perDay), new Date(dayStart.getTime() + DAY_MS));
  }
  const minuteStart = k.minuteStart ? new Date(k.minuteStart) : minuteWindow(now);
  // The minute quota is spent (or a window turned over between the two queries: retry at once).
  return refused('minute', Number(k.perMinute), new Date(Math.max(minuteStart.getTime() + MINUTE_MS, now.getTime())));
}
