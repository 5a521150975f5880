/**
 * `npm run bench:ors-health`: how long `/api/health` waits while the largest legal requests of the
 * ORS-compatible API run (issue 9: at most 100 ms more than without them). The ORS router runs as
 * in production, on a worker pool over Heidelberg's graph, beside a health route on the same event
 * loop; health is asked every 10 ms, first alone, then during each request. Prints p50 and max
 * delays, the request's time, and the load average (the machine is shared: compare with "alone").
 */
import express from 'express';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { loadConfig } from '../server/config.ts';
import { engineWorkerSetup, PooledEngine } from '../server/routing/pool/pooled-engine.ts';
import { WorkerPool } from '../server/workers/worker-pool.ts';
import { createOrsRouter } from '../server/routes/ors/router.ts';
import { heidelbergGraph } from '../tests/ors-conformance/heidelberg.ts';

const graph = await heidelbergGraph();
const pool = new WorkerPool({ threads: 1, ...engineWorkerSetup(graph, {}) });
const app = express();
app.get('/api/health', (_req, res) => void res.json({ status: 'ok' }));
app.use('/ors', createOrsRouter({ engine: new PooledEngine(pool), workers: pool, limits: loadConfig({}).orsApi.limits }));
const server = app.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const round = (x: number) => Math.round(x * 10) / 10;
async function ping(stop: () => boolean): Promise<number[]> {
  const ms: number[] = [];
  while (!stop()) {
    const t0 = performance.now();
    await (await fetch(`${base}/api/health`)).text();
    ms.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 10));
  }
  return ms;
}
const post = (path: string, body: unknown) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, bytes: (await r.text()).length }));

const five = [[8.684177, 49.423034], [8.684177, 49.410034], [8.7, 49.4], [8.66, 49.41], [8.69, 49.43]];
const cases: [string, string, unknown][] = [
  ['isochrones 5 locations × 10 ranges to 30 min', '/ors/v2/isochrones/driving-car', { locations: five, range: [1800], interval: 180, attributes: ['area'] }],
  ['isochrones 5 locations × 10 ranges to 60 min (largest legal)', '/ors/v2/isochrones/driving-car', { locations: five, range: [3600], interval: 360, attributes: ['area', 'reachfactor'] }],
  ['matrix 1 × 3,500', '/ors/v2/matrix/driving-car', { locations: Array.from({ length: 3500 }, (_, i) => [8.62 + (i % 70) * 0.001, 49.38 + Math.floor(i / 70) * 0.001]), sources: [0], metrics: ['duration', 'distance'] }],
  ['matrix 59 × 59', '/ors/v2/matrix/driving-car', { locations: Array.from({ length: 59 }, (_, i) => [8.62 + (i % 8) * 0.01, 49.38 + Math.floor(i / 8) * 0.008]), metrics: ['duration', 'distance'] }],
];
await post(cases[3][1], cases[3][2]); // warm the worker up
const result: Record<string, number> = {};
const alone = await ping(((n = 0) => () => n++ >= 100)());
console.log(`health alone: p50 ${round(percentile(alone, 50))} ms, max ${round(Math.max(...alone))} ms (${alone.length} answers)`);
Object.assign(result, { health_alone_p50_ms: round(percentile(alone, 50)), health_alone_max_ms: round(Math.max(...alone)) });
for (const [i, [name, path, body]] of cases.entries()) {
  let done = false;
  const t0 = performance.now();
  const req = post(path, body).finally(() => (done = true));
  const during = await ping(() => done);
  const r = await req;
  const ms = performance.now() - t0;
  console.log(`${name}: ${r.status}, ${Math.round(r.bytes / 1000)} kB in ${Math.round(ms)} ms; health during it: p50 ${round(percentile(during, 50))} ms, max ${round(Math.max(...during))} ms (${during.length} answers)`);
  Object.assign(result, { [`case${i}_ms`]: Math.round(ms), [`case${i}_health_p50_ms`]: round(percentile(during, 50)), [`case${i}_health_max_ms`]: round(Math.max(...during)) });
}
result.load_avg_1m = round(loadavg()[0]);
console.log(`load average (1 min): ${result.load_avg_1m}`);
console.log(JSON.stringify(result));
server.close();
await pool.close();
