/**
 * `npm run bench:routing`: speed of the embedded drive-time engine on the demo France network,
 * Heidelberg and generated road-like graphs of 100 k, 1 M and 4 M nodes, with import time and
 * peak memory per extract and the ratio against a plain object-graph Dijkstra. Ends with one
 * JSON line so runs can be compared. `BENCH_ONLY=gen4m` runs only the 4 M-node part
 * (bench/routing-gen4m.ts: build with hierarchy, then serving from the cache in its own process).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRoadGraph } from '../server/routing/load-graph.ts';
import { EmbeddedEngine } from '../server/routing/embedded-engine.ts';
import { TreeSearch } from '../server/routing/graph/dijkstra.ts';
import type { ContractionHierarchy } from '../server/routing/ch/contraction-hierarchy.ts';
import { forwardAdjacency, type RoadNetwork } from '../server/routing/graph/road-network.ts';
import { buildRoadNetwork } from '../server/routing/graph/build-network.ts';
import { withHierarchy, type RoutingGraph } from '../server/routing/routing-graph.ts';
import type { LngLat } from '../server/routing/provider.ts';
import { mulberry32 } from '../server/lib/seeded-random.ts';
import { generateRoadNetwork } from './routing-generated.ts';
import { baselineDijkstra, toObjectGraph } from './routing-baseline.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repoRoot, '../shared/data');
// Heidelberg and Monaco are committed test fixtures; the France demo network stays in ../shared.
const extract = (name: string) => [path.join(repoRoot, 'tests/fixtures/osm', `${name}.osm.pbf`), path.join(shared, `${name}.osm.pbf`)].find(existsSync) ?? path.join(shared, `${name}.osm.pbf`);
const cacheDir = mkdtempSync(path.join(tmpdir(), 'im-bench-'));
const result: Record<string, unknown> = {};
const say = (line: string) => console.log(line);
const only = process.env.BENCH_ONLY;
const cpuAtStart = process.cpuUsage();
result.load_avg_1m_start = Math.round(loadavg()[0] * 10) / 10;
const round = (x: number) => Math.round(x * 10) / 10;
const mb = (bytes: number) => Math.round(bytes / 1e6);

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}
/** Wall time and CPU time (this process: the engine runs synchronously on this thread), ms. */
function timeBoth(fn: () => unknown): { wall: number; cpu: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  fn();
  const wall = performance.now() - t;
  const d = process.cpuUsage(c);
  return { wall, cpu: (d.user + d.system) / 1000 };
}
function graphBytes(g: RoadNetwork | RoutingGraph): number {
  // An array stored for two names (the weight when it is the time) counts once.
  const arrays = new Set([...Object.values(g), ...('ch' in g ? Object.values(g.ch) : [])].filter((v) => ArrayBuffer.isView(v)));
  let n = 0;
  for (const v of arrays) n += (v as ArrayBufferView).byteLength;
  return n;
}
function randomPoints(g: RoadNetwork, count: number, seed: number, jitterM = 300): LngLat[] {
  const rnd = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const v = Math.floor(rnd() * g.nodeCount);
    return [g.lng[v] + ((rnd() - 0.5) * jitterM) / 75000, g.lat[v] + ((rnd() - 0.5) * jitterM) / 111000] as LngLat;
  });
}
function emptyHierarchy(n: number): ContractionHierarchy {
  const f = () => new Float64Array(0);
  return { first: new Uint32Array(n + 1), head: new Uint32Array(0), dir: new Uint8Array(0), weight: f(), dur: f(), dist: f() };
}

// 1. Import time and peak memory, each extract in its own process so peak RSS is its own.
for (const name of only ? [] : ['monaco', 'heidelberg', 'france-main-roads']) {
  const file = extract(name);
  if (!existsSync(file)) continue;
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/roads-import.ts'), file, '--cache-dir', cacheDir, '--force'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const seconds = Number(/time\s+([\d.]+) s/.exec(out)?.[1]);
  const peak = Number(/peak RSS\s+(\d+) MB/.exec(out)?.[1]);
  const nodes = /nodes\s+([\d,]+)/.exec(out)?.[1];
  say(`import ${name}: ${nodes} nodes in ${seconds} s, peak RSS ${peak} MB`);
  result[`import_${name.replace(/-/g, '_')}_s`] = seconds;
  result[`import_${name.replace(/-/g, '_')}_peak_rss_mb`] = peak;
}

async function benchExtract(name: string, isoRange: number, isoKey: string, sources: number, targets: number, matrixKey: string, snapRadiusM: number) {
  const file = extract(name);
  if (!existsSync(file)) {
    say(`${name}: ${file} absent, skipped`);
    return;
  }
  const loads: number[] = [];
  let engine!: EmbeddedEngine;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const { graph } = await loadRoadGraph(file, cacheDir);
    engine = new EmbeddedEngine(graph, { snapRadiusM, accessSpeedKmh: 30 });
    loads.push(performance.now() - t);
  }
  const g = engine.graph;
  const loadMs = percentile(loads, 50);
  say(`${name}: graph load ${round(loadMs)} ms (${g.nodeCount} nodes, ${mb(graphBytes(g))} MB of arrays)`);
  const isoPoints = randomPoints(g, 80, 7);
  for (const p of isoPoints.slice(0, 5)) engine.isochronesSync([p], [isoRange]);
  const iso = isoPoints.map((p) => timeBoth(() => engine.isochronesSync([p], [isoRange])));
  const isoTimes = iso.map((x) => x.wall);
  const p50 = percentile(isoTimes, 50);
  const p95 = percentile(isoTimes, 95);
  const cpu50 = percentile(iso.map((x) => x.cpu), 50);
  const cpu95 = percentile(iso.map((x) => x.cpu), 95);
  say(`${name}: ${isoRange / 60}-min isochrone p50 ${round(p50)} ms, p95 ${round(p95)} ms; CPU p50 ${round(cpu50)} ms, p95 ${round(cpu95)} ms (${isoPoints.length} points)`);
  const src = randomPoints(g, sources, 11);
  const dst = randomPoints(g, targets, 13);
  engine.matrixSync(src.slice(0, 10), dst.slice(0, 10));
  const m = [0, 1, 2, 3, 4].map(() => timeBoth(() => engine.matrixSync(src, dst)));
  const mMs = percentile(m.map((x) => x.wall), 50);
  const mCpu = percentile(m.map((x) => x.cpu), 50);
  const mBestCpu = Math.min(...m.map((x) => x.cpu));
  say(`${name}: matrix ${sources}×${targets} ${round(mMs)} ms (median of 5); CPU median ${round(mCpu)} ms, best ${round(mBestCpu)} ms`);

  // Baseline: plain Dijkstra over an object graph, same questions.
  const obj = toObjectGraph(g);
  const tree = new TreeSearch(g);
  const starts = randomPoints(g, 20, 17).map((p) => g.edgeA[engine.snap(p).edge]);
  const fwd = forwardAdjacency(g);
  const baseIso = percentile(starts.map((v) => time(() => baselineDijkstra(obj, v, isoRange))[1]), 50);
  const ourTree = percentile(starts.map((v) => time(() => tree.run([{ node: v, weight: 0, dur: 0, dist: 0 }], isoRange, 'time', fwd))[1]), 50);
  const baseOneToAll = percentile(starts.slice(0, 5).map((v) => time(() => baselineDijkstra(obj, v))[1]), 50);
  const baseMatrix = baseOneToAll * sources;
  say(`${name}: baseline bounded Dijkstra ${round(baseIso)} ms vs ours ${round(ourTree)} ms (×${round(baseIso / ourTree)}); baseline matrix ≈ ${sources} × ${round(baseOneToAll)} ms = ${Math.round(baseMatrix)} ms vs ${round(mMs)} ms (×${round(baseMatrix / mMs)})`);
  Object.assign(result, {
    [`${isoKey}_p50_ms`]: round(p50),
    [`${isoKey}_p95_ms`]: round(p95),
    [`${isoKey}_cpu_p50_ms`]: round(cpu50),
    [`${isoKey}_cpu_p95_ms`]: round(cpu95),
    [matrixKey]: round(mMs),
    [matrixKey.replace(/_ms$/, '_cpu_ms')]: round(mCpu),
    [matrixKey.replace(/_ms$/, '_best_cpu_ms')]: round(mBestCpu),
    [`${name.replace(/-/g, '_')}_graph_load_ms`]: round(loadMs),
    [`${name.replace(/-/g, '_')}_tree_speedup_vs_baseline`]: round(baseIso / ourTree),
    [`${name.replace(/-/g, '_')}_matrix_speedup_vs_baseline`]: round(baseMatrix / mMs),
  });
  return loadMs;
}

if (!only) {
  const franceLoad = await benchExtract('france-main-roads', 1800, 'isochrone30', 100, 500, 'matrix_100x500_ms', 5000);
  if (franceLoad !== undefined) result.graph_load_ms = round(franceLoad);
  await benchExtract('heidelberg', 600, 'heidelberg_isochrone10', 50, 50, 'heidelberg_matrix_50x50_ms', 2000);
}

// 3. Growth on generated road-like graphs (4 M below, in child processes).
for (const size of only ? [] : [100_000, 1_000_000]) {
  const [{ network: base }, buildMs] = time(() => buildRoadNetwork(generateRoadNetwork(size, 3), { minNetworkSize: 50 }));
  const label = size >= 1e6 ? `${size / 1e6}M` : `${size / 1e3}k`;
  let graph: RoutingGraph = { ...base, ch: emptyHierarchy(base.nodeCount) };
  let chMs: number | undefined;
  if (size <= 1_000_000) {
    const [withCh, ms] = time(() => withHierarchy(base));
    graph = withCh;
    chMs = ms;
  }
  const engine = new EmbeddedEngine(graph, { snapRadiusM: 2000 });
  const pts = randomPoints(base, 25, 5, 50);
  engine.isochronesSync([pts[0]], [600]);
  const iso = pts.map((p) => time(() => engine.isochronesSync([p], [600]))[1]);
  const tree = new TreeSearch(graph);
  const gfwd = forwardAdjacency(graph);
  const full = percentile(pts.slice(0, 5).map((p) => time(() => tree.run([{ node: graph.edgeA[engine.snap(p).edge], weight: 0, dur: 0, dist: 0 }], Infinity, 'time', gfwd))[1]), 50);
  let m = '';
  if (chMs !== undefined) {
    const ms = percentile([0, 1, 2].map(() => time(() => engine.matrixSync(pts.slice(0, 25), randomPoints(base, 100, 9, 50)))[1]), 50);
    m = `, hierarchy ${round(chMs / 1000)} s, matrix 25×100 ${round(ms)} ms`;
    result[`gen_${label}_matrix_25x100_ms`] = round(ms);
    result[`gen_${label}_ch_build_s`] = round(chMs / 1000);
  }
  const rss = process.memoryUsage().rss;
  say(`generated ${label}: ${base.nodeCount} nodes built in ${round(buildMs)} ms, ${mb(graphBytes(graph))} MB arrays (hierarchy included), process RSS ${mb(rss)} MB; 10-min isochrone p50 ${round(percentile(iso, 50))} ms p95 ${round(percentile(iso, 95))} ms; one-to-all Dijkstra ${round(full)} ms${m}`);
  Object.assign(result, {
    [`gen_${label}_nodes`]: base.nodeCount,
    [`gen_${label}_graph_mb`]: mb(graphBytes(graph)),
    [`gen_${label}_rss_mb`]: mb(rss),
    [`gen_${label}_isochrone10_p50_ms`]: round(percentile(iso, 50)),
    [`gen_${label}_isochrone10_p95_ms`]: round(percentile(iso, 95)),
    [`gen_${label}_one_to_all_ms`]: round(full),
  });
}
// 4. A full regional graph on one machine: 4 M nodes, built with its hierarchy in one process, then
// served from the graph cache in another (as the app loads it), so the RSS is the serving one.
if (!only || only === 'gen4m') {
  const graphFile = path.join(cacheDir, 'gen4m.graph');
  const child = (mode: string) => {
    // BENCH_GEN4M_NODES: a smaller graph for a quick check of this part (the figures then say gen4m_nodes).
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench/routing-gen4m.ts'), mode, graphFile, process.env.BENCH_GEN4M_NODES ?? '4000000'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    });
    return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, number>;
  };
  const built = child('build');
  const served = child('serve');
  Object.assign(result, built, served);
  say(
    `generated 4M: ${built.gen4m_nodes} nodes built with hierarchy in ${built.gen4m_build_s} s (${built.gen4m_build_cpu_s} s CPU; hierarchy ${built.gen4m_ch_s} s, ` +
      `peak RSS ${built.gen4m_build_peak_rss_mb} MB); serving from the cache: RSS ${served.gen4m_rss_mb} MB, 30-min isochrone p50 ${served.gen4m_isochrone30_p50_ms} ms ` +
      `p95 ${served.gen4m_isochrone30_p95_ms} ms, matrix 100×500 ${served.gen4m_matrix_100x500_ms} ms`,
  );
}

rmSync(cacheDir, { recursive: true, force: true });
const cpuUsed = process.cpuUsage(cpuAtStart);
result.cpu_s_main_process = round((cpuUsed.user + cpuUsed.system) / 1e6);
// Other work on the machine skews every figure: record how busy it was.
result.load_avg_1m = round(loadavg()[0]);
say(`machine load average (1 min) at the end: ${result.load_avg_1m} on ${cpus().length} cores`);
console.log(JSON.stringify(result));
