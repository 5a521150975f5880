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
 *   npm run bench:load -- --only catalogue --probe            # what the slow requests waited for
 *
 * Latencies are those of every response, each counted once (`p50`, `p99`, `max`), and with the correction
 * for coordinated omission at the connection's real interval (`p99Corrected`); `p99Autocannon` is
 * autocannon's own figure, which applies that correction with a 1 ms interval (bench/support/latency.ts).
 * `--profile DIR` starts the server with `node --cpu-prof` (written to DIR when it stops); read it with
 * `npx tsx bench/support/cpu-profile-summary.ts DIR/<file>.cpuprofile`. `--probe` preloads
 * bench/support/stall-probe.mjs into the server and reports, per endpoint, its garbage collections and
 * event-loop pauses (how much of them it waited for a CPU), and the load generator's own pauses.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import autocannon, { type Options, type Result } from 'autocannon';
import { correctedPercentiles, percentiles } from './support/latency.ts';
import { ROOT, startServer, throwawayPostgres, type ServerProcess } from './support/server-process.ts';

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
const probe = args.includes('--probe');
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
  p99Corrected: number;
  p99Autocannon: number;
  probe?: Probe;
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

/** What the server and the load generator paused for during one endpoint's run (`--probe`), in ms. */
interface Probe {
  /** Server garbage collections: minor (scavenges) and major (mark-compact), count and total. */
  serverGc: { minor: number; minorMs: number; major: number; majorMs: number; maxMs: number };
  /** Server event-loop pauses of 20 ms or more: count, total, longest, and of the total how long its thread waited for a CPU. */
  serverStalls: { count: number; totalMs: number; maxMs: number; waitingForCpuMs: number };
  /** The load generator's own event loop (this process): longest delay, and its garbage collections. */
  client: { loopMaxMs: number; gcMs: number };
}

interface ProbeLine {
  probe: 'gc' | 'stall';
  at: number;
  ms: number;
  gc?: number;
  wait?: number;
}

function summariseProbe(lines: ProbeLine[], client: Probe['client']): Probe {
  const gcs = lines.filter((l) => l.probe === 'gc');
  const minor = gcs.filter((l) => l.gc === 1);
  const major = gcs.filter((l) => l.gc === 4);
  const stalls = lines.filter((l) => l.probe === 'stall' && l.ms >= 20);
  const sum = (xs: ProbeLine[], f: (l: ProbeLine) => number) => Math.round(xs.reduce((a, l) => a + f(l), 0));
  return {
    serverGc: { minor: minor.length, minorMs: sum(minor, (l) => l.ms), major: major.length, majorMs: sum(major, (l) => l.ms), maxMs: Math.max(0, ...gcs.map((l) => l.ms)) },
    serverStalls: { count: stalls.length, totalMs: sum(stalls, (l) => l.ms), maxMs: Math.max(0, ...stalls.map((l) => l.ms)), waitingForCpuMs: sum(stalls, (l) => Math.min(l.ms, l.wait ?? 0)) },
    client,
  };
}

/** Runs autocannon, keeping every response time (ms) besides its own histogram. */
function cannon(opts: Options): Promise<{ result: Result; latencies: number[] }> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve({ result, latencies })));
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
}

async function run(baseUrl: string, e: Endpoint, server: ServerProcess): Promise<Measure> {
  const pid = server.child.pid!;
  // Warm up (fills the cache, JIT): 100 answered requests, however long the first (a cache miss) takes.
  await cannon({ url: baseUrl + e.path, connections: 4, amount: 100, headers: e.headers, timeout: 60 });
  const connections = Math.max(10, Math.ceil(e.rate / 20));
  const loop = monitorEventLoopDelay({ resolution: 5 });
  let clientGcMs = 0;
  const gcObserver = new PerformanceObserver((list) => list.getEntries().forEach((g) => (clientGcMs += g.duration)));
  loop.enable();
  gcObserver.observe({ entryTypes: ['gc'] });
  const outputFrom = server.output().length;
  const t0 = performance.timeOrigin + performance.now();
  const cpu0 = serverCpuMs(pid);
  const { result: r, latencies } = await cannon({
    url: baseUrl + e.path,
    headers: e.headers,
    connections,
    overallRate: e.rate,
    duration: seconds,
    timeout: 10,
  });
  const cpuMs = serverCpuMs(pid) - cpu0;
  loop.disable();
  gcObserver.disconnect();
  const probed = probe
    ? summariseProbe(
        server
          .output()
          .slice(outputFrom)
          .split('\n')
          .filter((l) => l.startsWith('{"probe"'))
          .map((l) => JSON.parse(l) as ProbeLine)
          .filter((l) => l.at >= t0),
        { loopMaxMs: Math.round(loop.max / 1e6), gcMs: Math.round(clientGcMs) },
      )
    : undefined;
  const measured = percentiles(latencies);
  const cpuMsPerRequest = Math.round((cpuMs / Math.max(1, r.requests.total)) * 1000) / 1000;
  return {
    cpuMsPerRequest,
    // What one core of the server could serve if the machine were not shared: 1000 / CPU ms per request.
    capacityPerCore: Math.round(1000 / cpuMsPerRequest),
    name: e.name,
    path: e.path,
    targetRate: e.rate,
    rps: Math.round(r.requests.average),
    ...measured,
    // A connection sends a request every connections / rate seconds.
    p99Corrected: correctedPercentiles(latencies, (1000 * connections) / e.rate).p99,
    p99Autocannon: r.latency.p99,
    requests: r.requests.total,
    // Failures: anything but 2xx and 304 (autocannon counts 304 with the non-2xx).
    failed: r.non2xx - (r.statusCodeStats?.['304']?.count ?? 0),
    errors: r.errors,
    timeouts: r.timeouts,
    ...(probed ? { probe: probed } : {}),
  };
}

async function benchOne(kind: 'pglite' | 'postgres'): Promise<{ db: string; endpoints: Measure[] }> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'im-bench-load-'));
  const pgDb = kind === 'postgres' ? await throwawayPostgres(pgUrl!, 'im_bench') : undefined;
  // DATA_DIR stays the repository's data/ so the road graph built once is reused (its cache lives there).
  const env: Record<string, string> = kind === 'postgres' ? { DATABASE_URL: pgDb!.url } : { PGLITE_DIR: path.join(tmp, 'pglite') };
  say(`[${kind}] starting the server (migrate, seed the demo, load the road graph)…`);
  const nodeArgs = [
    ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : []),
    ...(probe ? ['--import', path.join(ROOT, 'bench/support/stall-probe.mjs')] : []),
  ];
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
      const m = await run(base, e, server);
      measures.push(m);
      say(
        `[${kind}] ${e.name.padEnd(26)} target ${String(e.rate).padStart(3)}/s → ${String(m.rps).padStart(4)}/s  p50 ${m.p50} ms  p99 ${m.p99} ms (corrected ${m.p99Corrected}, autocannon ${m.p99Autocannon})  max ${m.max} ms  failed ${m.failed}  errors ${m.errors}  server CPU ${m.cpuMsPerRequest} ms/request (${m.capacityPerCore}/s per core)`,
      );
      if (m.probe) say(`[${kind}]   probe ${JSON.stringify(m.probe)}`);
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
