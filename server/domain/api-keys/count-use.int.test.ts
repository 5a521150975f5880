import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../tests/helpers/factories.ts';
import { openIsolatedDatabase, testDbKind, unique } from '../../../tests/helpers/test-db.ts';
import type { Database } from '../../db/connect.ts';
import { countKeyUse, dayWindow, minuteWindow } from './count-use.ts';
import { generateApiKey, hashApiKey } from './key-token.ts';
import { insertApiKey } from './manage-api-keys.ts';

// Counting runs on both databases (TEST_DATABASE_URL): on PostgreSQL the concurrent requests come
// through several connections at once, so only the database's row lock keeps them within the quota.
describe('counting API key use in the database', () => {
  let db: Database & { connect(): Promise<Database> };
  let connections: Database[];
  let ownerId: number;
  beforeAll(async () => {
    db = await openIsolatedDatabase();
    connections = testDbKind === 'postgres' ? [db, await db.connect(), await db.connect(), await db.connect()] : [db];
    ownerId = (await buildUser(db.prisma, { role: 'staff' })).id;
  });
  afterAll(() => db?.close());

  const makeKey = async (quotas: { perMinute: number; perDay: number }) => {
    const key = generateApiKey();
    const row = await db.prisma.$transaction((tx) => insertApiKey(tx, { key, label: unique('key'), ownerId, ...quotas }));
    return { key, id: row.id };
  };
  const at = (iso: string) => new Date(iso);

  it('stores only the hash and first characters of a key', async () => {
    const { key, id } = await makeKey({ perMinute: 5, perDay: 10 });
    const row = await db.prisma.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.keyHash).toBe(hashApiKey(key));
    expect(row.keyHash).not.toContain(key);
    expect(row.prefix).toBe(key.slice(0, 8));
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('accepts a live key and counts the request in its minute and its day', async () => {
    const { key, id } = await makeKey({ perMinute: 5, perDay: 10 });
    const now = at('2027-03-10T14:25:30.250Z');
    const r = await countKeyUse(db.prisma, key, now);
    expect(r).toEqual({ ok: true, keyId: id, perDay: 10, usedToday: 1, dayResetAt: at('2027-03-11T00:00:00Z') });
    const row = await db.prisma.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ minuteCount: 1, dayCount: 1, minuteStart: minuteWindow(now), dayStart: dayWindow(now), lastUsedAt: now });
  });

  it('refuses an unknown key, an empty one, an over-long one, and a revoked one, counting nothing', async () => {
    expect(await countKeyUse(db.prisma, 'no-such-key')).toEqual({ ok: false, reason: 'unknown' });
    expect(await countKeyUse(db.prisma, '')).toEqual({ ok: false, reason: 'unknown' });
    expect(await countKeyUse(db.prisma, 'x'.repeat(201))).toEqual({ ok: false, reason: 'unknown' });
    const { key, id } = await makeKey({ perMinute: 5, perDay: 10 });
    await db.prisma.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    expect(await countKeyUse(db.prisma, key)).toEqual({ ok: false, reason: 'revoked' });
    expect((await db.prisma.apiKey.findUniqueOrThrow({ where: { id } })).dayCount).toBe(0);
  });

  it('refuses past the per-minute quota until the next minute, saying when to retry', async () => {
    const { key, id } = await makeKey({ perMinute: 3, perDay: 100 });
    for (let s = 0; s < 3; s++) expect((await countKeyUse(db.prisma, key, at(`2027-03-10T14:25:1${s}Z`))).ok).toBe(true);
    const refused = await countKeyUse(db.prisma, key, at('2027-03-10T14:25:45.500Z'));
    expect(refused).toEqual({ ok: false, reason: 'minute', keyId: id, limit: 3, resetAt: at('2027-03-10T14:26:00Z'), retryAfterSeconds: 15 });
    // A refused request is not counted: the day shows the 3 served ones.
    expect((await db.prisma.apiKey.findUniqueOrThrow({ where: { id } })).dayCount).toBe(3);
    const next = await countKeyUse(db.prisma, key, at('2027-03-10T14:26:00.001Z'));
    expect(next).toMatchObject({ ok: true, usedToday: 4 });
  });

  it('refuses past the per-day quota until 00:00 UTC, then starts a new day', async () => {
    const { key } = await makeKey({ perMinute: 2, perDay: 4 });
    for (const t of ['08:00:01', '08:00:02', '09:10:00', '23:59:00']) expect((await countKeyUse(db.prisma, key, at(`2027-03-10T${t}Z`))).ok).toBe(true);
    const refused = await countKeyUse(db.prisma, key, at('2027-03-10T23:59:30Z'));
    expect(refused).toMatchObject({ ok: false, reason: 'day', limit: 4, resetAt: at('2027-03-11T00:00:00Z'), retryAfterSeconds: 30 });
    expect(await countKeyUse(db.prisma, key, at('2027-03-11T00:00:05Z'))).toMatchObject({ ok: true, usedToday: 1 });
  });

  it('never moves a window back: a request stamped just before one already counted in the next minute counts there', async () => {
    const { key, id } = await makeKey({ perMinute: 2, perDay: 100 });
    expect((await countKeyUse(db.prisma, key, at('2027-03-10T14:26:00.010Z'))).ok).toBe(true);
    expect((await countKeyUse(db.prisma, key, at('2027-03-10T14:25:59.990Z'))).ok).toBe(true);
    const row = await db.prisma.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ minuteStart: at('2027-03-10T14:26:00Z'), minuteCount: 2, lastUsedAt: at('2027-03-10T14:26:00.010Z') });
    expect((await countKeyUse(db.prisma, key, at('2027-03-10T14:25:59.995Z'))).ok).toBe(false);
  });

  it(`lets exactly the quota through when 40 requests arrive at once (${testDbKind}, ${testDbKind === 'postgres' ? 'four connections' : 'one connection'})`, async () => {
    const { key, id } = await makeKey({ perMinute: 7, perDay: 1000 });
    const now = at('2027-03-10T15:00:10Z');
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => countKeyUse(connections[i % connections.length].prisma, key, now)));
    expect(results.filter((r) => r.ok)).toHaveLength(7);
    expect(results.filter((r) => !r.ok && r.reason === 'minute')).toHaveLength(33);
    const row = await db.prisma.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.minuteCount).toBe(7);
    expect(row.dayCount).toBe(7);
  });

  it('holds the day quota under concurrency too, across minutes', async () => {
    const { key } = await makeKey({ perMinute: 100, perDay: 9 });
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => countKeyUse(connections[i % connections.length].prisma, key, at(`2027-03-10T16:0${i % 3}:00Z`))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(9);
    expect(results.filter((r) => !r.ok && r.reason === 'day')).toHaveLength(21);
  });
});
