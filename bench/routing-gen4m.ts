/**
 * The 4 M-node part of `npm run bench:routing` (issue 14: "a full regional graph on one machine"),
 * run as two child processes so each figure is its own: `build` generates the road-like graph,
 * builds the network and its hierarchy and writes the graph cache (time, CPU time, peak RSS);
 * `serve` loads that cache as the app does and answers 30-minute isochrones and a 100×500 matrix
 * (latencies, RSS while serving). Each prints one JSON line on stdout, progress on stderr.
 *
 *   node --import tsx bench/routing-gen4m.ts build <file.graph> [nodes]
 *   node --import tsx bench/routing-gen4m.ts serve <file.graph>
 */
import { loadavg } from 'node:os';
import { buildRoadNetwork } from '../server/routing/graph/build-network.ts';
import { withHierarchy } from '../server/routing/routing-graph.ts';
import { readGraphCache, writeGraphCache } from '../server/routing/graph-cache.ts';
import { EmbeddedEngine } from '../server/routing/embedded-engine.ts';
import type { LngLat } from '../server/routing/provider.ts';
import { mulberry32 } from '../server/lib/seeded-random.ts';
import { generateRoadNetwork } from './routing-generated.ts';

const [mode, file, nodesArg] = process.argv.slice(2);
const round = (x: number) => Math.round(x * 10) / 10;
const cpuS = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const rssMb = () => Math.round(process.memoryUsage().rss / 1e6);
const log = (line: string) => process.stderr.write(`${line}\n`);

/** One lap of wall and CPU time, for phases that take minutes on a shared machine. */
function stopwatch() {
  let wall = performance.now();
  let cpu = cpuS();
  return (label: string) => {
    const w = (performance.now() - wall) / 1000;
    const c = cpuS() - cpu;
    log(`gen4m ${label}: ${round(w)} s wall, ${round(c)} s CPU, RSS ${rssMb()} MB, load ${round(loadavg()[0])}`);
    wall = performance.now();
    cpu = cpuS();
    return { wall: w, cpu: c };
  };
}

/** Bytes of the distinct typed arrays reachable from `root` (an array held under two names counts once). */
function typedBytes(root: unknown, seen = new Set<unknown>()): number {
  if (!root || typeof root !== 'object' || seen.has(root)) return 0;
  seen.add(root);
  if (ArrayBuffer.isView(root)) return root.byteLength;
  let n = 0;
  for (const v of Object.values(root)) n += typedBytes(v, seen);
  return n;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

if (mode === 'build') {
  const size = Number(nodesArg ?? 4_000_000);
  const t0 = performance.now();
  const c0 = cpuS();
  const lap = stopwatch();
  const input = generateRoadNetwork(size, 3);
  const gen = lap('generate');
  const { network } = buildRoadNetwork(input, { minNetworkSize: 50 });
  const net = lap(`network (${network.nodeCount} nodes, ${network.edgeCount} edges)`);
  let lastLog = 0;
  const graph = withHierarchy(network, {
    onProgress: (done, total) => {
      if (Date.now() - lastLog < 20_000 && done < total) return;
      lastLog = Date.now();
      log(`gen4m hierarchy ${Math.round((100 * done) / total)}%  ${round((performance.now() - t0) / 1000)} s  RSS ${rssMb()} MB`);
    },
  });
  const ch = lap(`hierarchy (${graph.ch.head.length} hierarchy arcs)`);
  const buildS = (performance.now() - t0) / 1000;
  const buildCpuS = cpuS() - c0;
  writeGraphCache(file, graph);
  lap('cache written');
  console.log(
    JSON.stringify({
      gen4m_nodes: graph.nodeCount,
      gen4m_build_s: round(buildS),
      gen4m_build_cpu_s: round(buildCpuS),
      gen4m_generate_s: round(gen.wall),
      gen4m_network_s: round(net.wall),
      gen4m_ch_s: round(ch.wall),
      gen4m_ch_cpu_s: round(ch.cpu),
      gen4m_ch_arcs: graph.ch.head.length,
      gen4m_build_peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      gen4m_build_load_avg_1m: round(loadavg()[0]),
    }),
  );
} else if (mode === 'serve') {
  const lap = stopwatch();
  const cached = readGraphCache(file);
  if (!cached) throw new Error(`${file}: no graph cache of this layout`);
  const g = cached.graph;
  const engine = new EmbeddedEngine(g, { snapRadiusM: 2000 });
  const load = lap('load + engine');
  const rnd = mulberry32(21);
  const points = (count: number): LngLat[] =>
    Array.from({ length: count }, () => {
      const v = Math.floor(rnd() * g.nodeCount);
      return [g.lng[v] + (rnd() - 0.5) / 1500, g.lat[v] + (rnd() - 0.5) / 2200] as LngLat;
    });
  const isoPoints = points(25);
  engine.isochronesSync([isoPoints[0]], [1800]);
  const iso = isoPoints.map((p) => {
    const t = performance.now();
    engine.isochronesSync([p], [1800]);
    return performance.now() - t;
  });
  const isoLap = lap(`30-min isochrones ×${isoPoints.length}`);
  const src = points(100);
  const dst = points(500);
  engine.matrixSync(src.slice(0, 10), dst.slice(0, 10));
  const matrix = [0, 1, 2].map(() => {
    const t = performance.now();
    engine.matrixSync(src, dst);
    return performance.now() - t;
  });
  const mLap = lap('matrix 100×500 ×3');
  const graphMb = typedBytes(g) / 1e6;
  const engineMb = typedBytes(engine) / 1e6 - graphMb;
  log(`gen4m arrays: graph ${round(graphMb)} MB, engine's own (snapping index, search scratch) ${round(engineMb)} MB`);
  console.log(
    JSON.stringify({
      gen4m_load_s: round(load.wall),
      gen4m_isochrone30_p50_ms: round(percentile(iso, 50)),
      gen4m_isochrone30_p95_ms: round(percentile(iso, 95)),
      gen4m_isochrone30_cpu_ms_each: round((isoLap.cpu * 1000) / (isoPoints.length + 1)),
      gen4m_matrix_100x500_ms: round(percentile(matrix, 50)),
      gen4m_matrix_100x500_cpu_ms_each: round((mLap.cpu * 1000) / 3.04),
      gen4m_rss_mb: rssMb(),
      gen4m_graph_arrays_mb: Math.round(graphMb),
      gen4m_engine_arrays_mb: Math.round(engineMb),
      gen4m_serve_load_avg_1m: round(loadavg()[0]),
    }),
  );
} else {
  log('usage: routing-gen4m.ts build <file.graph> [nodes] | serve <file.graph>');
  process.exit(2);
}
