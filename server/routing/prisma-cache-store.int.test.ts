import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import { openTestDatabase, unique } from '../../tests/helpers/test-db.ts';
import { PrismaCacheStore } from './prisma-cache-store.ts';

// The ORS answer cache on a real database (PGlite, and PostgreSQL with TEST_DATABASE_URL): what the
// app stores must come back as it went in, and a second write must replace the first.
describe('Prisma cache store', () => {
  let db: Database;
  let store: PrismaCacheStore;
  beforeAll(async () => {
    db = await openTestDatabase();
    store = new PrismaCacheStore(db.prisma);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('answers undefined for a key never stored', async () => {
    expect(await store.get(unique('absent'))).toBeUndefined();
  });

  it('gives back a stored matrix answer as it was stored, nulls and nesting included', async () => {
    const key = unique('matrix');
    const value = { durations: [[0, 612.5, null]], distances: [[0, 8200, null]], metadata: { engine: { version: '9.0' } } };
    await store.set(key, 'openrouteservice', value);
    expect(await store.get(key)).toEqual(value);
  });

  it('replaces a value written twice under one key, keeping one row with the latest provider', async () => {
    const key = unique('twice');
    await store.set(key, 'openrouteservice', { a: 1 });
    await store.set(key, 'openrouteservice-self-hosted', { a: 2 });
    expect(await store.get(key)).toEqual({ a: 2 });
    const rows = await db.prisma.driveTimeCache.findMany({ where: { key } });
    expect(rows).toHaveLength(1);
    expect(rows[0].provider).toBe('openrouteservice-self-hosted');
  });
});
