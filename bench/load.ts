/**
 * `npm run bench:load`: the server under a semester-choice morning, over loopback only. Starts the
 * real server in a child process on a fresh embedded database (and, with BENCH_DATABASE_URL or
 * TEST_DATABASE_URL, on a throwaway PostgreSQL database), seeded with the demo data, then drives each
 * endpoint with autocannon at a target rate for a bounded time (`--seconds`, default 10 per endpoint)
 * and reports requests/s, p50 and p99 latency and errors. Prints one JSON line at the end.
 *
 *   npm run bench:load                        # PGlite, and PostgreSQL when TEST_DATABASE_URL is set
 *   npm run bench:load -- --seconds 5 --db pglite
 *   npm run bench:load -- --only nearby --profile /tmp/prof   # some endpoints; V8 CPU profile of the server
 *
 * `--profile DIR` starts the server with `node --cpu-prof` (written to DIR when it stops); read it with
 * `npx tsx bench/support/cpu-profile-summary.ts DIR/<file>.cpuprofile`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { ROOT, startServer, throwawayPostgres } from './support/server-process.ts';

const args = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const seconds = Math.min(60, Math.max(2, Number(arg('seconds', '10'))));
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const which = arg('db', pgUrl ? 'both' : 'pglite');
const only = arg('only', '');
const profileDir = arg('profile', '');
const say = (line: string) => console.error(line);

interface Endpoint {
  name: string;
  path: string;
  rate: number;
  headers?: Record<string, string>;
}

interface Measure {
  cpuMsPerRequest: number;
  capacityPerCore: number;
  name: string;
  path: string;
  targetRate: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  failed: number;
  errors: number;
  timeouts: number;
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'demo1234' }) });
  if (!res.ok) throw new Error(`sign-in as ${email}: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** CPU time (user + system, ms) the server process has used so far, from /proc (Linux). */
function serverCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

async function run(baseUrl: string, e: Endpoint, pid: number): Promise<Measure> {
  // Warm up (fills the cache, JIT): 100 answered requests, however long the first (a cache miss) takes.
  await autocannon({ url: baseUrl + e.path, connections: 4, amount: 100, headers: e.headers, timeout: 60 });
  const cpu0 = serverCpuMs(pid);
  const r = await autocannon({
    url: baseUrl + e.path,
    headers: e.headers,
    connections: Math.max(10, Math.ceil(e.rate / 20)),
    overallRate: e.rate,
    duration: seconds,
    timeout: 10,
  });
  const cpuMs = serverCpuMs(pid) - cpu0;
  const cpuMsPerRequest = Math.round((cpuMs / Math.max(1, r.requests.total)) * 1000) / 1000;
  return {
    cpuMsPerRequest,
    // What one core of the server could serve if the machine were not shared: 1000 / CPU ms per request.
    capacityPerCore: Math.round(1000 / cpuMsPerRequest),
    name: e.name,
    path: e.path,
    targetRate: e.rate,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    requests: r.requests.total,
    // Failures: anything but 2xx and 304 (autocannon counts 304 with the non-2xx).
    failed: r.non2xx - (r.statusCodeStats?.['304']?.count ?? 0),
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

async function benchOne(kind: 'pglite' | 'postgres'): Promise<{ db: string; endpoints: Measure[] }> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'im-bench-load-'));
  const pgDb = kind === 'postgres' ? await throwawayPostgres(pgUrl!, 'im_bench') : undefined;
  // DATA_DIR stays the repository's data/ so the road graph built once is reused (its cache lives there).
  const env: Record<string, string> = kind === 'postgres' ? { DATABASE_URL: pgDb!.url } : { PGLITE_DIR: path.join(tmp, 'pglite') };
  say(`[${kind}] starting the server (migrate, seed the demo, load the road graph)…`);
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  // Start-up (migrate, seed, road graph) may take minutes on a machine shared with others.
  const server = await startServer({ ...env, DATA_DIR: path.join(ROOT, 'data') }, { nodeArgs, timeoutMs: 900_000 });
  try {
    const base = server.baseUrl;
    const intern = await signIn(base, 'intern@demo.test');
    const me = await (await fetch(`${base}/api/me/intern`, { headers: { cookie: intern } })).json();
    const placement = me.placements[0];
    const [lng, lat] = placement.practice.location as [number, number];
    const sites = await (await fetch(`${base}/api/sites`)).json();
    const etag = (await fetch(`${base}/api/sites`)).headers.get('etag') ?? '';
    const endpoints: Endpoint[] = [
      { name: 'catalogue', path: '/api/sites', rate: 500 },
      { name: 'catalogue 304', path: '/api/sites', rate: 500, headers: { 'if-none-match': etag } },
      { name: 'site detail', path: `/api/sites/${sites.sites[0].id}`, rate: 500 },
      { name: 'nearby sites (placement)', path: `/api/placements/${placement.id}/nearby-sites?minutes=30`, rate: 200, headers: { cookie: intern } },
      { name: 'nearby sites (point)', path: `/api/drive-times/nearby?lng=${lng}&lat=${lat}&minutes=30`, rate: 200, headers: { cookie: intern } },
      { name: 'isochrones (placement)', path: `/api/placements/${placement.id}/isochrone`, rate: 200, headers: { cookie: intern } },
    ];
    const measures: Measure[] = [];
    for (const e of endpoints.filter((x) => x.name.includes(only))) {
      const m = await run(base, e, server.child.pid!);
      measures.push(m);
      say(`[${kind}] ${e.name.padEnd(26)} target ${String(e.rate).padStart(3)}/s → ${String(m.rps).padStart(4)}/s  p50 ${m.p50} ms  p99 ${m.p99} ms  failed ${m.failed}  errors ${m.errors}  server CPU ${m.cpuMsPerRequest} ms/request (${m.capacityPerCore}/s per core)`);
    }
    return { db: kind, endpoints: measures };
  } finally {
    await server.stop();
    await pgDb?.drop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

const kinds: ('pglite' | 'postgres')[] = which === 'both' ? ['pglite', 'postgres'] : [which as 'pglite' | 'postgres'];
if (kinds.includes('postgres') && !pgUrl) throw new Error('PostgreSQL needs BENCH_DATABASE_URL or TEST_DATABASE_URL');
const loadBefore = loadavg()[0];
const results = [];
for (const k of kinds) results.push(await benchOne(k));
console.log(
  JSON.stringify({
    bench: 'load',
    seconds,
    cores: cpus().length,
    loadAvg1mBefore: Math.round(loadBefore * 100) / 100,
    loadAvg1mAfter: Math.round(loadavg()[0] * 100) / 100,
    results,
  }),
);
