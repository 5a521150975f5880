/**
 * Turn restrictions checked against pgRouting's own restriction-aware search: the junction-level
 * network (edges between junctions, before the engine splits nodes) and the restrictions as data go
 * to `pgr_trsp`; the engine answers the same junction-to-junction questions on its split graph. An
 * `only_*` is given to pgRouting as GraphHopper reads it: a "no" for every other way on (turning back
 * onto the arriving road excepted).
 */
import { TreeSearch } from '../../server/routing/graph/dijkstra.ts';
import { MinHeap } from '../../server/routing/graph/min-heap.ts';
import { BACKWARD, FORWARD, type RestrictionInput } from '../../server/routing/graph/network-input.ts';
import { forwardAdjacency, junctionOf, type RoadNetwork } from '../../server/routing/graph/road-network.ts';
import type { PeerDatabase } from './pgrouting-peer.ts';

/** What pgRouting charges for driving a forbidden sequence: far above any real route. */
const FORBIDDEN = 1e9;

/** An edge's two directions: the flag that allows each, and its key's parity (key = 2 × edge + parity). */
const DIRECTIONS = [
  { flag: FORWARD, parity: 0 },
  { flag: BACKWARD, parity: 1 },
] as const;

/** Copies the junction-level edges (travel time) and the restrictions (as forbidden edge paths). */
export async function exportJunctionNetwork(db: PeerDatabase, g: RoadNetwork, restrictions: RestrictionInput[]): Promise<{ edges: number; paths: number }> {
  const { client } = db;
  await client.query('CREATE TABLE jedges (id bigint PRIMARY KEY, source bigint, target bigint, cost float8, reverse_cost float8)');
  const ids: number[] = [];
  const src: number[] = [];
  const dst: number[] = [];
  const cost: number[] = [];
  const rev: number[] = [];
  // One row per drivable direction (id = key + 1): turning back along the road one arrived by is then
  // a move between two edges, as in the engine's node-based graph, and restriction paths are exact.
  // Keys leaving each junction, for turning an only_* into its "no" paths.
  const out = new Map<number, number[]>();
  for (let e = 0; e < g.edgeCount; e++) {
    for (const d of DIRECTIONS) {
      if (!(g.edgeFlags[e] & d.flag)) continue;
      const key = 2 * e + d.parity;
      const [from, to] = d.flag === FORWARD ? [g.edgeA[e], g.edgeB[e]] : [g.edgeB[e], g.edgeA[e]];
      ids.push(key + 1);
      src.push(from + 1);
      dst.push(to + 1);
      cost.push(g.edgeDur[e]);
      rev.push(-1);
      out.set(from, [...(out.get(from) ?? []), key]);
    }
  }
  await client.query('INSERT INTO jedges SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::float8[], $5::float8[])', [ids, src, dst, cost, rev]);
  const head = (k: number) => (k & 1 ? g.edgeA[k >> 1] : g.edgeB[k >> 1]);
  const paths: number[][] = [];
  for (const r of restrictions) {
    const prefix = r.keys.slice(0, -1);
    const last = r.keys[r.keys.length - 1];
    const arriving = prefix[prefix.length - 1];
    const ways = r.kind === 'no' ? [last] : (out.get(head(arriving)) ?? []).filter((k) => k !== last && k >> 1 !== arriving >> 1);
    for (const k of ways) paths.push([...prefix, k].map((key) => key + 1));
  }
  // U-turns: the engine forbids driving back along the edge one arrived by (openrouteservice's core
  // search), which pgr_trsp allows; each is one more forbidden path.
  for (let e = 0; e < g.edgeCount; e++) {
    if ((g.edgeFlags[e] & (FORWARD | BACKWARD)) !== (FORWARD | BACKWARD)) continue;
    paths.push([2 * e + 1, 2 * e + 2], [2 * e + 2, 2 * e + 1]);
  }
  await client.query('CREATE TABLE restrictions (id serial, path bigint[], cost float8)');
  for (let i = 0; i < paths.length; i += 5000) {
    const chunk = paths.slice(i, i + 5000);
    await client.query('INSERT INTO restrictions (path, cost) SELECT string_to_array(p, \',\')::bigint[], $2 FROM unnest($1::text[]) AS p', [chunk.map((p) => p.join(',')), FORBIDDEN]);
  }
  return { edges: g.edgeCount, paths: paths.length };
}

/** Junction-to-junction travel times by pgr_trsp (Infinity where none, or only through a forbidden sequence). */
export async function peerTrsp(db: PeerDatabase, sources: number[], targets: number[]): Promise<{ costs: Float64Array; ms: number }> {
  const t0 = performance.now();
  const { rows } = await db.client.query(
    `SELECT start_vid, end_vid, max(agg_cost + cost) AS total FROM pgr_trsp('SELECT id, source, target, cost, reverse_cost FROM jedges', 'SELECT path, cost FROM restrictions', $1::bigint[], $2::bigint[], directed => true) WHERE edge = -1 OR true GROUP BY start_vid, end_vid`,
    [sources.map((v) => v + 1), targets.map((v) => v + 1)],
  );
  const ms = performance.now() - t0;
  const costs = new Float64Array(sources.length * targets.length).fill(Infinity);
  const rowOf = new Map(sources.map((v, i) => [v + 1, i]));
  const colOf = new Map(targets.map((v, j) => [v + 1, j]));
  for (const r of rows) {
    const c = Number(r.total);
    if (c < FORBIDDEN / 2) costs[rowOf.get(Number(r.start_vid))! * targets.length + colOf.get(Number(r.end_vid))!] = c;
  }
  sources.forEach((s, i) => targets.forEach((t, j) => { if (s === t) costs[i * targets.length + j] = 0; }));
  return { costs, ms };
}

/** The engine on its split graph: from junction s to junction t or any copy of t, by travel time. */
export function engineJunctionTimes(g: RoadNetwork, sources: number[], targets: number[]): Float64Array {
  const search = new TreeSearch(g);
  const adj = forwardAdjacency(g);
  const costs = new Float64Array(sources.length * targets.length).fill(Infinity);
  const col = new Map(targets.map((t, j) => [t, j]));
  sources.forEach((s, i) => {
    const tree = search.run([{ node: s, weight: 0, dur: 0, dist: 0 }], Infinity, 'time', adj);
    for (const v of tree.nodes) {
      const j = col.get(junctionOf(g, v));
      if (j === undefined || !tree.settled[v]) continue;
      const k = i * targets.length + j;
      if (tree.costOf[v] < costs[k]) costs[k] = tree.costOf[v];
    }
  });
  return costs;
}

/**
 * Junctions next to turn restrictions (the tails of their first ways) and a seeded sample of others
 * (junctions' own nodes, where routes starting on them leave from).
 */
export function junctionsToCompare(g: RoadNetwork, restrictions: RestrictionInput[], near: number, random: number, rnd: () => number): number[] {
  const leaves = (v: number) => junctionOf(g, v) === v;
  const picked = new Set<number>();
  for (const r of restrictions) {
    if (picked.size >= near) break;
    const k = r.keys[0];
    const v = k & 1 ? g.edgeB[k >> 1] : g.edgeA[k >> 1];
    if (leaves(v)) picked.add(v);
  }
  for (let guard = 0; picked.size < near + random && guard < 100 * (near + random); guard++) {
    const v = Math.floor(rnd() * g.nodeCount);
    if (leaves(v)) picked.add(v);
  }
  return [...picked];
}

/**
 * A third opinion where the two disagree: Dijkstra over directed roads (edge-based), checking each
 * manoeuvre against the restrictions as written (a `no_*` forbids its sequence; each `only_*`
 * forbids every other way on but turning back) and forbidding U-turns, with no node splitting. Restrictions of two roads
 * (via a node) only, which are all Heidelberg has.
 */
export function bruteForceJunctionTimes(g: RoadNetwork, restrictions: RestrictionInput[], source: number): Map<number, number> {
  const out = new Map<number, number[]>();
  for (let e = 0; e < g.edgeCount; e++) {
    if (g.edgeFlags[e] & FORWARD) out.set(g.edgeA[e], [...(out.get(g.edgeA[e]) ?? []), 2 * e]);
    if (g.edgeFlags[e] & BACKWARD) out.set(g.edgeB[e], [...(out.get(g.edgeB[e]) ?? []), 2 * e + 1]);
  }
  const head = (k: number) => (k & 1 ? g.edgeA[k >> 1] : g.edgeB[k >> 1]);
  const no = new Set<string>();
  const only = new Map<number, number[]>();
  for (const r of restrictions) {
    if (r.keys.length !== 2) throw new Error('bruteForceJunctionTimes handles via-node restrictions only');
    if (r.kind === 'no') no.add(`${r.keys[0]}>${r.keys[1]}`);
    else only.set(r.keys[0], [...(only.get(r.keys[0]) ?? []), r.keys[1]]);
  }
  const allowed = (a: number, b: number) => !no.has(`${a}>${b}`) && (only.get(a) ?? []).every((x) => x === b || b >> 1 === a >> 1);
  const best = new Map<number, number>([[source, 0]]);
  const done = new Uint8Array(2 * g.edgeCount);
  const heap = new MinHeap(1024);
  for (const k of out.get(source) ?? []) heap.push(g.edgeDur[k >> 1], k);
  while (heap.size > 0) {
    const c = heap.peekKey();
    const k = heap.pop();
    if (done[k]) continue;
    done[k] = 1;
    const v = head(k);
    if (!(c >= (best.get(v) ?? Infinity))) best.set(v, c);
    for (const k2 of out.get(v) ?? []) if (!done[k2] && k2 !== (k ^ 1) && allowed(k, k2)) heap.push(c + g.edgeDur[k2 >> 1], k2);
  }
  return best;
}
