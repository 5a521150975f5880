/**
 * `npm run bench:ors-health`: how long `/api/health` waits while the largest legal requests of the
 * ORS-compatible API run (issue 9: at most 100 ms more than without them). The ORS router runs as
 * in production, on a worker pool over Heidelberg's graph, beside a health route on the same event
 * loop; health is asked every 10 ms, first alone, then during each request. Prints p50 and max
 * delays, the request's time, and the load average (the machine is shared: compare with "alone").
 *
 * On a loaded machine the slowest answers are the request thread waiting for a core, not working.
 * On Linux the kernel says which (`/proc/thread-self/schedstat`: time on a CPU, time waiting in the
 * run queue), so the bench also prints the request thread's largest CPU time in one turn of health
 * (answer and pause: any synchronous work on it lands in one turn) and the slowest answer less its
 * run-queue wait ("not waiting for a core").
 */
import express from 'express';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { loadConfig } from '../server/config.ts';
import { engineWorkerSetup, PooledEngine } from '../server/routing/pool/pooled-engine.ts';
import { WorkerPool } from '../server/workers/worker-pool.ts';
import { createOrsRouter } from '../server/routes/ors/router.ts';
import { heidelbergGraph } from '../tests/ors-conformance/heidelberg.ts';
import { threadSchedstat } from '../tests/helpers/thread-schedstat.ts';

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
interface Answer { ms: number; cpu: number; wait: number; turnCpu: number }
async function ping(stop: () => boolean): Promise<Answer[]> {
  const out: Answer[] = [];
  while (!stop()) {
    const s0 = threadSchedstat();
    const t0 = performance.now();
    await (await fetch(`${base}/api/health`)).text();
    const ms = performance.now() - t0;
    const s1 = threadSchedstat();
    await new Promise((r) => setTimeout(r, 10));
    const s2 = threadSchedstat();
    out.push({ ms, cpu: s0 && s1 ? s1.cpuMs - s0.cpuMs : NaN, wait: s0 && s1 ? s1.waitMs - s0.waitMs : NaN, turnCpu: s0 && s2 ? s2.cpuMs - s0.cpuMs : NaN });
  }
  return out;
}
/** p50 and max delay, the largest delay not spent waiting for a core, the largest CPU time in one turn. */
function summary(answers: Answer[]): { p50: number; max: number; working: number; turnCpu: number } {
  const ms = answers.map((a) => a.ms);
  return {
    p50: round(percentile(ms, 50)),
    max: round(Math.max(...ms)),
    working: round(Math.max(...answers.map((a) => a.ms - a.wait))),
    turnCpu: round(Math.max(...answers.map((a) => a.turnCpu))),
  };
}
const say = (s: ReturnType<typeof summary>) =>
  `p50 ${s.p50} ms, max ${s.max} ms; not waiting for a core: max ${Number.isNaN(s.working) ? '?' : s.working} ms; request thread's CPU in one turn: max ${Number.isNaN(s.turnCpu) ? '?' : s.turnCpu} ms`;
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
const alone = summary(await ping(((n = 0) => () => n++ >= 100)()));
console.log(`health alone: ${say(alone)}`);
Object.assign(result, { health_alone_p50_ms: alone.p50, health_alone_max_ms: alone.max, health_alone_working_max_ms: alone.working, health_alone_turn_cpu_max_ms: alone.turnCpu });
for (const [i, [name, path, body]] of cases.entries()) {
  let done = false;
  const t0 = performance.now();
  const req = post(path, body).finally(() => (done = true));
  const answers = await ping(() => done);
  const r = await req;
  const ms = performance.now() - t0;
  const during = summary(answers);
  console.log(`${name}: ${r.status}, ${Math.round(r.bytes / 1000)} kB in ${Math.round(ms)} ms; health during it (${answers.length} answers): ${say(during)}`);
  Object.assign(result, { [`case${i}_ms`]: Math.round(ms), [`case${i}_health_p50_ms`]: during.p50, [`case${i}_health_max_ms`]: during.max, [`case${i}_health_working_max_ms`]: during.working, [`case${i}_turn_cpu_max_ms`]: during.turnCpu });
}
result.load_avg_1m = round(loadavg()[0]);
console.log(`load average (1 min): ${result.load_avg_1m}`);
console.log(JSON.stringify(result));
server.close();
await pool.close();
