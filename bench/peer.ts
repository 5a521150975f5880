/**
 * `npm run bench:peer`: the embedded engine measured against pgRouting (PostgreSQL's routing
 * extension, C++ on the Boost Graph Library) on the engine's own graph, in the same run and on the
 * same machine: speed as ratios (peer time / our time) and exactness as mismatch counts. Ends with
 * one JSON line. Needs a local PostgreSQL with pgRouting (`apt-get install -y postgresql-15-pgrouting`);
 * `PEER_DATABASE_URL` (default postgres://postgres@127.0.0.1:5432/test) is where the throwaway
 * database is created (and dropped at the end).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRoadGraph } from '../server/routing/load-graph.ts';
import { importOsmPbf } from '../server/routing/osm/import-osm.ts';
import { ManyToMany } from '../server/routing/ch/many-to-many.ts';
import { TreeSearch } from '../server/routing/graph/dijkstra.ts';
import { mulberry32 } from '../server/lib/seeded-random.ts';
import {
  engineMatrix, engineReach, exportGraph, matrixMismatches, openPeerDatabase, peerLoadingMs, peerMatrix, peerReachLoadingMs, peerReachMany,
  pgRoutingAvailable, pickNodes, reachMismatches,
} from './peer/pgrouting-peer.ts';
import { bruteForceJunctionTimes, engineJunctionTimes, exportJunctionNetwork, junctionsToCompare, peerTrsp } from './peer/trsp.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const adminUrl = process.env.PEER_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const cacheDir = process.env.GRAPH_CACHE_DIR ?? mkdtempSync(path.join(tmpdir(), 'im-peer-'));
const say = (line: string) => console.log(line);
const round = (x: number) => Math.round(x * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const result: Record<string, unknown> = {};

const available = await pgRoutingAvailable(adminUrl);
if (!available.ok) {
  console.error(`bench:peer needs pgRouting: ${available.reason}. Install it with: apt-get install -y postgresql-15-pgrouting`);
  process.exit(1);
}

interface Case {
  name: string;
  file: string;
  sources: number;
  targets: number;
  reachS: number;
  origins: number;
}
const cases: Case[] = [
  { name: 'france', file: path.resolve(repoRoot, '../shared/data/france-main-roads.osm.pbf'), sources: 100, targets: 500, reachS: 1800, origins: 200 },
  { name: 'heidelberg', file: path.join(repoRoot, 'tests/fixtures/osm/heidelberg.osm.pbf'), sources: 50, targets: 50, reachS: 1800, origins: 10 },
];

let mismatches = 0;
for (const c of cases) {
  if (!existsSync(c.file)) {
    say(`${c.name}: ${c.file} absent, skipped`);
    continue;
  }
  const { graph: g } = await loadRoadGraph(c.file, cacheDir);
  const db = await openPeerDatabase(adminUrl);
  try {
    const exported = await exportGraph(db, g);
    say(`${c.name}: ${g.nodeCount} nodes, ${exported.arcs} arcs copied to pgRouting ${db.version} in ${round(exported.ms)} ms`);
    const rnd = mulberry32(42);
    const sources = pickNodes(g, c.sources, rnd);
    const targets = pickNodes(g, c.targets, rnd);

    // Matrix: the engine's median of 5 against pgRouting's median of 3, each answer compared.
    const m2m = new ManyToMany(g.ch, g.nodeCount);
    engineMatrix(g, sources.slice(0, 5), targets.slice(0, 5), m2m);
    const ours = [0, 1, 2, 3, 4].map(() => engineMatrix(g, sources, targets, m2m));
    const peer = [];
    for (let i = 0; i < 3; i++) peer.push(await peerMatrix(db, sources, targets));
    const loading = [];
    for (let i = 0; i < 3; i++) loading.push(await peerLoadingMs(db, sources[0]));
    const oursMs = median(ours.map((r) => r.ms));
    const peerMs = median(peer.map((r) => r.ms));
    const loadMs = median(loading);
    const peerQueryMs = Math.max(peerMs - loadMs, 0);
    const matrixBad = matrixMismatches(ours[0].costs, peer[0].costs);
    say(`${c.name}: matrix ${c.sources}×${c.targets}: ours ${round(oursMs)} ms; pgRouting ${round(peerMs)} ms with its edge loading (${round(loadMs)} ms), ${round(peerQueryMs)} ms query only; ratio ×${round(peerQueryMs / oursMs)} (query only), ×${round(peerMs / oursMs)} (with loading); ${matrixBad} of ${ours[0].costs.length} cells differ`);

    // Reach: bounded Dijkstra on travel time from the same origins; pgRouting answers them all in
    // one query (edges read once), the engine one search after another.
    const tree = new TreeSearch(g);
    const origins = pickNodes(g, c.origins, rnd);
    const oursRuns = [0, 1, 2].map(() => origins.map((o) => engineReach(g, o, c.reachS, tree)));
    const oursR = median(oursRuns.map((run) => run.reduce((t, r) => t + r.ms, 0)));
    const peerRuns: Awaited<ReturnType<typeof peerReachMany>>[] = [];
    for (let i = 0; i < 3; i++) peerRuns.push(await peerReachMany(db, origins, c.reachS));
    const peerR = median(peerRuns.map((r) => r.ms));
    const reachLoading = [];
    for (let i = 0; i < 3; i++) reachLoading.push(await peerReachLoadingMs(db, origins[0]));
    const reachLoadMs = median(reachLoading);
    const peerRQuery = Math.max(peerR - reachLoadMs, 0);
    let reachBad = 0;
    let reached = 0;
    origins.forEach((_, i) => {
      reachBad += reachMismatches(oursRuns[0][i].reach, peerRuns[0].reach[i], c.reachS);
      reached += oursRuns[0][i].reach.size;
    });
    say(`${c.name}: ${c.reachS / 60}-min reach from ${origins.length} origins (${Math.round(reached / origins.length)} nodes each on average): ours ${round(oursR)} ms for all; pgRouting ${round(peerR)} ms with one edge loading (${round(reachLoadMs)} ms), ${round(peerRQuery)} ms query only; ratio ×${round(peerRQuery / oursR)} (query only), ×${round(peerR / oursR)} (with loading); ${reachBad} nodes differ`);
    mismatches += matrixBad + reachBad;
    const key = c.name === 'france' ? 'pgr' : `pgr_${c.name}`;
    Object.assign(result, {
      [`${key}_matrix_ratio`]: round(peerQueryMs / oursMs),
      [`${key}_matrix_ratio_with_loading`]: round(peerMs / oursMs),
      [`${key}_reach_ratio`]: round(peerRQuery / oursR),
      [`${key}_reach_ratio_with_loading`]: round(peerR / oursR),
      [`${key}_matrix_ours_ms`]: round(oursMs),
      [`${key}_matrix_peer_ms`]: round(peerMs),
      [`${key}_matrix_peer_query_ms`]: round(peerQueryMs),
      [`${key}_peer_loading_ms`]: round(loadMs),
      [`${key}_reach_ours_ms`]: round(oursR),
      [`${key}_reach_peer_ms`]: round(peerR),
      [`${key}_matrix_mismatches`]: matrixBad,
      [`${key}_reach_mismatches`]: reachBad,
    });
  } finally {
    await db.drop();
  }
}
// Turn restrictions against pgRouting's own restriction-aware search (pgr_trsp), on Heidelberg: the
// junction-level network and the OSM restrictions as data on one side, the engine's split graph on
// the other.
{
  const file = path.join(repoRoot, 'tests/fixtures/osm/heidelberg.osm.pbf');
  const { network, restrictions } = importOsmPbf(file);
  const db = await openPeerDatabase(adminUrl);
  try {
    const exported = await exportJunctionNetwork(db, network, restrictions);
    const rnd = mulberry32(9);
    const sources = junctionsToCompare(network, restrictions, 15, 5, rnd);
    const targets = junctionsToCompare(network, restrictions.slice(200), 15, 15, rnd);
    const t0 = performance.now();
    const ours = engineJunctionTimes(network, sources, targets);
    const oursMs = performance.now() - t0;
    const peer = await peerTrsp(db, sources, targets);
    const bad = matrixMismatches(ours, peer.costs);
    // Where the two differ, a brute-force search over every manoeuvre says which one follows the
    // restrictions as written.
    let engineWrong = 0;
    sources.forEach((s, i) => {
      let brute: Map<number, number> | undefined;
      targets.forEach((t, j) => {
        const k = i * targets.length + j;
        if (Math.abs(ours[k] - peer.costs[k]) <= 0.01 || (ours[k] === Infinity && peer.costs[k] === Infinity)) return;
        brute ??= bruteForceJunctionTimes(network, restrictions, s);
        const b = brute.get(t) ?? Infinity;
        if (!(Math.abs(b - ours[k]) <= 0.01 || (b === Infinity && ours[k] === Infinity))) engineWrong++;
        else say(`  cell ${i}×${j}: ours ${round(ours[k])} s = brute force; pgr_trsp ${round(peer.costs[k])} s`);
      });
    });
    mismatches += engineWrong;
    say(`heidelberg: turn restrictions (${restrictions.length}, as ${exported.paths} forbidden paths for pgr_trsp): ${sources.length}×${targets.length} junctions next to restrictions and elsewhere: ours ${round(oursMs)} ms (plain searches), pgr_trsp ${round(peer.ms)} ms; ${bad} cells differ, of which ${engineWrong} where the engine disagrees with a brute-force search`);
    Object.assign(result, { pgr_trsp_mismatches: bad, pgr_trsp_engine_wrong: engineWrong, pgr_trsp_cells: ours.length, pgr_trsp_ms: round(peer.ms) });
  } finally {
    await db.drop();
  }
}
result.pgr_exact_mismatches = mismatches;
result.peer_timing = 'wall clock, same process and machine; pgRouting query only = its call minus a no-routing call (edge loading and graph building)';
result.load_avg_1m = round(loadavg()[0]);
say(`machine load average (1 min) at the end: ${result.load_avg_1m} on ${cpus().length} cores`);
if (!process.env.GRAPH_CACHE_DIR) rmSync(cacheDir, { recursive: true, force: true });
console.log(JSON.stringify(result));
