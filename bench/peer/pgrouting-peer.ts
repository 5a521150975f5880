/**
 * pgRouting as a peer of the embedded engine: the engine's own graph (the same nodes, directed arcs
 * and costs, after the car profile and turn-restriction node splitting) is copied into a throwaway
 * PostgreSQL database, and the same questions are asked of both:
 * - a many-to-many matrix: `pgr_dijkstraCost` vs the engine's hierarchy (bucket many-to-many), on
 *   the route-choice weight the engine minimises;
 * - a 30-minute reach: `pgr_drivingDistance` vs the engine's bounded Dijkstra behind isochrones,
 *   on travel time.
 * Answers are compared cell by cell and node by node (exactness), and timed side by side (speed).
 * Used by `npm run bench:peer` and by tests/peer/pgrouting.pg.test.ts.
 */
import pg from 'pg';
import { ManyToMany } from '../../server/routing/ch/many-to-many.ts';
import { TreeSearch } from '../../server/routing/graph/dijkstra.ts';
import { arcHeadNode, forwardAdjacency } from '../../server/routing/graph/road-network.ts';
import { stronglyConnectedComponents } from '../../server/routing/graph/components.ts';
import type { RoutingGraph } from '../../server/routing/routing-graph.ts';

/** Two answers closer than this are the same (costs are in seconds). */
export const COST_TOLERANCE_S = 0.01;

/** A throwaway database with pgRouting, dropped by {@link PeerDatabase.drop}. */
export interface PeerDatabase {
  client: pg.Client;
  name: string;
  /** pgRouting's version, as `pgr_version()` answers. */
  version: string;
  drop(): Promise<void>;
}

/** Whether the PostgreSQL at `adminUrl` answers and offers the pgrouting extension (installed with Debian's postgresql-15-pgrouting). */
export async function pgRoutingAvailable(adminUrl: string): Promise<{ ok: boolean; reason?: string }> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    const { rows } = await admin.query("SELECT 1 FROM pg_available_extensions WHERE name = 'pgrouting'");
    return rows.length > 0 ? { ok: true } : { ok: false, reason: 'the pgrouting extension is not installed on that server' };
  } catch (err) {
    return { ok: false, reason: `PostgreSQL does not answer at ${adminUrl.replace(/\/\/[^@]*@/, '//')}: ${(err as Error).message}` };
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/** Creates a fresh database beside the one at `adminUrl`, with pgRouting (and PostGIS, which it needs). */
export async function openPeerDatabase(adminUrl: string): Promise<PeerDatabase> {
  const name = `im_peer_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const drop = async () => {
    await client.end().catch(() => undefined);
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  };
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pgrouting CASCADE');
    const { rows } = await client.query('SELECT pgr_version() AS v');
    return { client, name, version: String(rows[0].v), drop };
  } catch (err) {
    await drop();
    throw err;
  }
}

/**
 * Copies every directed arc of the engine's graph into `edges(id, source, target, weight, dur)`:
 * node ids are the engine's plus one (pgRouting's ids are positive), `weight` the route-choice cost
 * the engine minimises (s), `dur` the travel time (s).
 */
export async function exportGraph(db: PeerDatabase, g: RoutingGraph): Promise<{ arcs: number; ms: number }> {
  const t0 = performance.now();
  const { client } = db;
  await client.query('CREATE TABLE edges (id bigint PRIMARY KEY, source bigint NOT NULL, target bigint NOT NULL, weight float8 NOT NULL, dur float8 NOT NULL)');
  const m = g.arcKey.length;
  const chunk = 100_000;
  let id = 0;
  for (let v = 0, a = 0; a < m; ) {
    const ids: number[] = [];
    const src: number[] = [];
    const dst: number[] = [];
    const w: number[] = [];
    const d: number[] = [];
    for (; a < m && ids.length < chunk; a++) {
      while (g.firstOut[v + 1] <= a) v++;
      const e = g.arcKey[a] >> 1;
      ids.push(++id);
      src.push(v + 1);
      dst.push(arcHeadNode(g, a) + 1);
      w.push(g.edgeWeight[e]);
      d.push(g.edgeDur[e]);
    }
    await client.query('INSERT INTO edges SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::float8[], $5::float8[])', [ids, src, dst, w, d]);
  }
  await client.query('ANALYZE edges');
  return { arcs: m, ms: performance.now() - t0 };
}

/** Row-major matrix of costs (Infinity where unreachable). */
export type CostMatrix = Float64Array;

const edgesSql = (cost: 'weight' | 'dur') => `SELECT id, source, target, ${cost} AS cost FROM edges`;

/** pgRouting's many-to-many costs on the engine's weight, and how long the query took. */
export async function peerMatrix(db: PeerDatabase, sources: number[], targets: number[]): Promise<{ costs: CostMatrix; ms: number }> {
  const t0 = performance.now();
  const { rows } = await db.client.query(
    'SELECT start_vid, end_vid, agg_cost FROM pgr_dijkstraCost($1, $2::bigint[], $3::bigint[], directed => true)',
    [edgesSql('weight'), sources.map((v) => v + 1), targets.map((v) => v + 1)],
  );
  const ms = performance.now() - t0;
  const costs = new Float64Array(sources.length * targets.length).fill(Infinity);
  const rowOf = new Map(sources.map((v, i) => [v + 1, i]));
  const colOf = new Map<number, number[]>();
  targets.forEach((v, j) => colOf.set(v + 1, [...(colOf.get(v + 1) ?? []), j]));
  for (const r of rows) {
    const i = rowOf.get(Number(r.start_vid))!;
    for (const j of colOf.get(Number(r.end_vid)) ?? []) costs[i * targets.length + j] = Number(r.agg_cost);
  }
  // pgRouting leaves out a node's route to itself; the engine answers 0.
  sources.forEach((s, i) => targets.forEach((t, j) => { if (s === t) costs[i * targets.length + j] = 0; }));
  return { costs, ms };
}

/** pgRouting's cost of a query that does no routing (one node to itself): reading the edges and building its graph. */
export async function peerLoadingMs(db: PeerDatabase, node: number): Promise<number> {
  const t0 = performance.now();
  await db.client.query('SELECT count(*) FROM pgr_dijkstraCost($1, $2::bigint, $2::bigint, directed => true)', [edgesSql('weight'), node + 1]);
  return performance.now() - t0;
}

/** The same for a reach: a driving distance of zero from one node reads the edges and builds the graph, and searches nothing. */
export async function peerReachLoadingMs(db: PeerDatabase, node: number): Promise<number> {
  const t0 = performance.now();
  await db.client.query('SELECT count(*) FROM pgr_drivingDistance($1, $2::bigint, 0::float8, directed => true)', [edgesSql('dur'), node + 1]);
  return performance.now() - t0;
}

/** Nodes reached by pgRouting within `limitS` seconds of travel time from `origin`, with their cost. */
export async function peerReach(db: PeerDatabase, origin: number, limitS: number): Promise<{ reach: Map<number, number>; ms: number }> {
  const t0 = performance.now();
  const { rows } = await db.client.query('SELECT node, agg_cost FROM pgr_drivingDistance($1, $2::bigint, $3::float8, directed => true)', [edgesSql('dur'), origin + 1, limitS]);
  const ms = performance.now() - t0;
  return { reach: new Map(rows.map((r) => [Number(r.node) - 1, Number(r.agg_cost)])), ms };
}

/**
 * pgRouting's reach from several origins in one query (its edges read once), so that its time
 * minus one edge loading is its search time.
 */
export async function peerReachMany(db: PeerDatabase, origins: number[], limitS: number): Promise<{ reach: Map<number, number>[]; ms: number }> {
  const t0 = performance.now();
  const { rows } = await db.client.query('SELECT * FROM pgr_drivingDistance($1, $2::bigint[], $3::float8, directed => true, equicost => false)', [edgesSql('dur'), origins.map((v) => v + 1), limitS]);
  const ms = performance.now() - t0;
  const index = new Map(origins.map((v, i) => [v + 1, i]));
  const reach = origins.map(() => new Map<number, number>());
  for (const r of rows) reach[index.get(Number(r.from_v ?? r.start_vid))!].set(Number(r.node) - 1, Number(r.agg_cost));
  return { reach, ms };
}

/** The engine's hierarchy answering the same node-to-node matrix (on weight). */
export function engineMatrix(g: RoutingGraph, sources: number[], targets: number[], m2m = new ManyToMany(g.ch, g.nodeCount)): { costs: CostMatrix; ms: number } {
  const entry = (v: number) => [{ node: v, weight: 0, dur: 0, dist: 0 }];
  const t0 = performance.now();
  const raw = m2m.run(sources.map(entry), targets.map(entry));
  return { costs: raw.weight, ms: performance.now() - t0 };
}

/** The engine's bounded Dijkstra behind isochrones: nodes settled within `limitS` s of travel time. */
export function engineReach(g: RoutingGraph, origin: number, limitS: number, search = new TreeSearch(g)): { reach: Map<number, number>; ms: number } {
  const t0 = performance.now();
  const tree = search.run([{ node: origin, weight: 0, dur: 0, dist: 0 }], limitS, 'time', forwardAdjacency(g));
  const ms = performance.now() - t0;
  const reach = new Map<number, number>();
  for (const v of tree.nodes) if (tree.settled[v]) reach.set(v, tree.costOf[v]);
  return { reach, ms };
}

/** Cells whose costs differ by more than {@link COST_TOLERANCE_S}, or that one side reaches and the other does not. */
export function matrixMismatches(ours: CostMatrix, peer: CostMatrix): number {
  let n = 0;
  for (let k = 0; k < ours.length; k++) {
    const a = ours[k];
    const b = peer[k];
    if (a === Infinity && b === Infinity) continue;
    if (!(Math.abs(a - b) <= COST_TOLERANCE_S)) n++;
  }
  return n;
}

/**
 * Nodes reached within the limit by one side and not by the other (a node whose cost lies within
 * the tolerance of the limit may fall either side), plus common nodes whose costs differ.
 */
export function reachMismatches(ours: Map<number, number>, peer: Map<number, number>, limitS: number): number {
  let n = 0;
  const nearLimit = (c: number | undefined) => c !== undefined && Math.abs(c - limitS) <= COST_TOLERANCE_S;
  for (const [v, c] of ours) {
    const p = peer.get(v);
    if (p === undefined) {
      if (!nearLimit(c)) n++;
    } else if (Math.abs(p - c) > COST_TOLERANCE_S) n++;
  }
  for (const [v, c] of peer) if (!ours.has(v) && !nearLimit(c)) n++;
  return n;
}

/**
 * `count` distinct nodes of the largest strongly connected piece (where a route can both arrive and
 * leave: with U-turns forbidden, a node heading into a cul-de-sac or a junction's own node, which
 * only starts routes, is not), drawn with a seeded generator.
 */
export function pickNodes(g: RoutingGraph, count: number, rnd: () => number): number[] {
  const tail = new Uint32Array(g.arcKey.length);
  for (let v = 0; v < g.nodeCount; v++) tail.fill(v, g.firstOut[v], g.firstOut[v + 1]);
  const comp = stronglyConnectedComponents(g.nodeCount, tail, Uint32Array.from(g.arcKey, (_, a) => arcHeadNode(g, a)));
  const size = new Map<number, number>();
  for (let v = 0; v < g.nodeCount; v++) size.set(comp[v], (size.get(comp[v]) ?? 0) + 1);
  let biggest = -1;
  for (const [c, n] of size) if (biggest < 0 || n > size.get(biggest)!) biggest = c;
  const usable: number[] = [];
  for (let v = 0; v < g.nodeCount; v++) if (comp[v] === biggest) usable.push(v);
  const picked = new Set<number>();
  while (picked.size < Math.min(count, usable.length)) picked.add(usable[Math.floor(rnd() * usable.length)]);
  return [...picked];
}
