import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache.ts';

/** A database that answers only the version query, with a version the test moves, and counts the reads. */
function fakeDb() {
  const db = {
    version: 1,
    reads: 0,
    sql: {
      query: async <T>(): Promise<T[]> => {
        db.reads++;
        await new Promise((r) => setTimeout(r, 1));
        return [{ name: 'catalogue', v: String(db.version) }] as T[];
      },
    },
  };
  return db;
}

/** A computation that counts its calls and finishes when the test says so (a slow catalogue load). */
function gatedCompute<T>(value: T) {
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const c = {
    calls: 0,
    open: () => open(),
    run: async () => {
      c.calls++;
      await gate;
      return value;
    },
  };
  return c;
}

describe('read cache: concurrent misses', () => {
  it('50 concurrent requests missing one key compute it once and share the one answer (body and ETag made once)', async () => {
    const db = fakeDb();
    const cache = new ReadCache(db);
    const load = gatedCompute({ sites: [{ id: 1, name: 'Châteauroux' }] });
    const pending = Array.from({ length: 50 }, () => cache.body('sites', load.run));
    // Every request is waiting while the one computation runs.
    await new Promise((r) => setTimeout(r, 20));
    expect(load.calls).toBe(1);
    load.open();
    const answers = await Promise.all(pending);
    expect(load.calls).toBe(1);
    expect(new Set(answers).size).toBe(1);
    expect(answers[0].body.toString()).toBe('{"sites":[{"id":1,"name":"Châteauroux"}]}');
    expect(answers[0].etag).toMatch(/^"[\w-]{27}"$/);
    expect(cache.misses).toBe(1);
    expect(cache.hits).toBe(49);
    // The version is read by a few shared queries, not one per request.
    expect(db.reads).toBeLessThanOrEqual(2);
  });

  it('after a write (a new version) the next burst computes once more, and only once', async () => {
    const db = fakeDb();
    const cache = new ReadCache(db);
    let calls = 0;
    const compute = async () => ({ version: db.version, call: ++calls });
    await cache.body('sites', compute);
    db.version = 2;
    const answers = await Promise.all(Array.from({ length: 50 }, () => cache.body('sites', compute)));
    expect(calls).toBe(2);
    expect(answers.every((a) => JSON.parse(a.body.toString()).version === 2)).toBe(true);
  });

  it('a failed computation fails every request that waited on it, and is tried again by the next one', async () => {
    const db = fakeDb();
    const cache = new ReadCache(db);
    let calls = 0;
    const failing = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      throw new Error('database unavailable');
    };
    const settled = await Promise.allSettled(Array.from({ length: 50 }, () => cache.get('sites', failing)));
    expect(calls).toBe(1);
    expect(settled.filter((s) => s.status === 'rejected')).toHaveLength(50);
    await expect(cache.get('sites', async () => 'recovered')).resolves.toBe('recovered');
  });
});
