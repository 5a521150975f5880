import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { engineWorkerSetup, PooledEngine } from '../../routing/pool/pooled-engine.ts';
import { WorkerPool } from '../../workers/worker-pool.ts';
import { heidelbergGraph } from '../../../tests/ors-conformance/heidelberg.ts';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { openTestDatabase } from '../../../tests/helpers/test-db.ts';
import { clientAs } from '../../../tests/helpers/factories.ts';
import { threadSchedstat } from '../../../tests/helpers/thread-schedstat.ts';
import type { Database } from '../../db/connect.ts';
import { createOrsRouter } from './router.ts';

/**
 * The requests that used to stop or stall the server (issue 9), against the real app with its
 * default limits (openrouteservice's public API) and the engine on a worker pool: each is refused
 * with ORS's error before any work starts, and /api/health answers while a large legal request runs.
 */
describe('the ORS-compatible API cannot be used to stop or stall the server', () => {
  let db: Database;
  let app: TestApp;
  let pool: WorkerPool;
  let key: string;
  beforeAll(async () => {
    db = await openTestDatabase();
    const graph = await heidelbergGraph();
    pool = new WorkerPool({ threads: 1, ...engineWorkerSetup(graph, {}) });
    const ors = createOrsRouter({ engine: new PooledEngine(pool), workers: pool, limits: loadConfig({}).orsApi.limits });
    app = await startTestApp(db, { ors });
    // An API key with room for the whole file (/ors requires one).
    const { client: staff } = await clientAs(app, db.prisma, 'staff');
    key = (await staff.post('/api/api-keys', { label: 'safety tests', perMinute: 1000, perDay: 10000 })).body.key;
    await app.client().get('/api/health'); // warm the server and the HTTP client up
    await app.client().request('POST', '/ors/v2/matrix/driving-car', {}, { authorization: key });
  });
  afterAll(async () => {
    await app.close();
    await pool.close();
    await db.close();
  });

  const timed = async (path: string, body: unknown) => {
    const t0 = performance.now();
    const res = await app.client().request('POST', path, body, { authorization: key });
    return { ...res, ms: performance.now() - t0 };
  };

  it.each([
    ['an interval of 1e-300 s', 3012, { locations: [[1.33, 47.59]], range: [600], interval: 1e-300 }],
    ['3,600 one-second intervals', 3012, { locations: [[8.68, 49.41]], range: [3600], interval: 1 }],
    ['a 20 km distance range in 1 m intervals', 3012, { locations: [[8.68, 49.41]], range: [20000], range_type: 'distance', interval: 1 }],
    ['a 2-hour range', 3004, { locations: [[8.68, 49.41]], range: [7200] }],
    ['a 500 km distance range', 3004, { locations: [[8.68, 49.41]], range: [500], range_type: 'distance', units: 'km' }],
    ['six locations', 3004, { locations: Array.from({ length: 6 }, () => [8.68, 49.41]), range: [60] }],
    ['intersections of 5 locations × 10 isochrones (1,000 polygon clippings)', 3004, { locations: [[8.68, 49.41], [8.69, 49.42], [8.7, 49.4], [8.66, 49.41], [8.69, 49.43]], range: [3600], interval: 360, intersections: true }],
    ['eleven ranges', 3012, { locations: [[8.68, 49.41]], range: Array.from({ length: 11 }, (_, i) => 60 * (i + 1)) }],
  ])('refuses %s at once with ORS error %s', async (_what, code, body) => {
    const res = await timed('/ors/v2/isochrones/driving-car', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(res.ms).toBeLessThan(1000); // milliseconds even on a loaded machine (unbounded, this took 10 s or killed the process)
  });

  it('refuses a 3,500-location matrix (12.25 M pairs) at once with 6004', async () => {
    const locations = Array.from({ length: 3500 }, (_, i) => [8.6 + (i % 70) * 0.002, 49.35 + Math.floor(i / 70) * 0.002]);
    const res = await timed('/ors/v2/matrix/driving-car', { locations });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 6004, message: 'Request parameters exceed the server configuration limits. Only a total of 3500 routes are allowed.' });
    expect(res.ms).toBeLessThan(1000);
  });

  /**
   * Health asked in a loop (a request, then 20 ms) until `stop()`; each answer's time, when it came,
   * and (Linux) this thread's CPU time over the whole turn, answer and pause: any synchronous work
   * that ran on it in between, wherever it fell, is in one turn's figure.
   */
  const pingHealth = async (stop: () => boolean) => {
    const health: { ms: number; at: number; status: number; cpuMs: number }[] = [];
    while (!stop()) {
      const s0 = threadSchedstat();
      const t0 = performance.now();
      const res = await app.client().get('/api/health');
      const ms = performance.now() - t0;
      const at = performance.now();
      await new Promise((r) => setTimeout(r, 20));
      const s1 = threadSchedstat();
      health.push({ ms, at, status: res.status, cpuMs: s0 && s1 ? s1.cpuMs - s0.cpuMs : 0 });
    }
    return health;
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

  it('keeps /api/health as quick during the largest legal requests as without them', async () => {
    // Baseline on this machine, now: health alone, 30 times.
    const alone = await pingHealth(((n = 0) => () => n++ >= 30)());
    // 5 locations × 10 ranges up to half an hour (~1 s of CPU on Heidelberg, a 0.9 MB answer built and
    // serialised on the pool), then a 1 × 3,500 matrix.
    const big = { locations: [[8.684177, 49.423034], [8.684177, 49.410034], [8.7, 49.4], [8.66, 49.41], [8.69, 49.43]], range: [1800], interval: 180, attributes: ['area'] };
    const wide = { locations: Array.from({ length: 3500 }, (_, i) => [8.62 + (i % 70) * 0.001, 49.38 + Math.floor(i / 70) * 0.001]), sources: [0] };
    for (const [path, body, check] of [
      ['/ors/v2/isochrones/driving-car', big, (b: any) => expect(b.features).toHaveLength(50)],
      ['/ors/v2/matrix/driving-car', wide, (b: any) => expect(b.durations[0]).toHaveLength(3500)],
    ] as const) {
      let done = 0;
      const request = timed(path, body).then((r) => {
        done = performance.now();
        return r;
      });
      const health = await pingHealth(() => done > 0);
      const res = await request;
      expect(res.status).toBe(200);
      check(res.body);
      const during = health.filter((h) => h.at < done);
      // The work ran off the request thread: health answered several times before the big answer came.
      expect(during.length).toBeGreaterThanOrEqual(2);
      expect(during.every((h) => h.status === 200)).toBe(true);
      const worst = Math.max(...during.map((h) => h.ms));
      const worstAlone = Math.max(...alone.map((h) => h.ms));
      // The request thread's own CPU time in one turn of health (Linux): whatever ran on it, the big
      // request's work included. A shared machine's load and the database's latency lengthen the
      // wall time, not this.
      const busiest = Math.max(...during.map((h) => h.cpuMs));
      console.log(`health during a ${Math.round(res.ms)} ms ${path} request: ${during.length} answers, median ${Math.round(median(during.map((h) => h.ms)))} ms, slowest ${Math.round(worst)} ms (request thread's CPU in one turn at most ${Math.round(busiest)} ms); alone: median ${Math.round(median(alone.map((h) => h.ms)))} ms, slowest ${Math.round(worstAlone)} ms`);
      // The 100 ms. Run on this thread, health would wait for all of the work (~1 s of CPU).
      // Without the kernel's figures, relative to the same machine a moment ago (tripled, for a
      // shared machine whose hiccups come and go; the test's own client also parses the big answer).
      if (threadSchedstat()) expect(busiest).toBeLessThan(100);
      else expect(worst).toBeLessThan(3 * worstAlone + 100);
      expect(median(during.map((h) => h.ms))).toBeLessThan(3 * median(alone.map((h) => h.ms)) + 50);
    }
  }, 180_000);
});
