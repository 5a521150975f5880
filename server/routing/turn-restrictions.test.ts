import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { writeOsmPbf, type WriteNode, type WriteWay } from './osm/write-osm-pbf.ts';
import { importOsmPbf } from './osm/import-osm.ts';
import { withHierarchy } from './routing-graph.ts';
import { EmbeddedEngine } from './embedded-engine.ts';
import { graphFromWays, type TestRestriction, type TestWay } from './test-graph.ts';
import { haversineM } from './geo/geodesy.ts';
import { TreeSearch } from './graph/dijkstra.ts';
import { forwardAdjacency, junctionOf } from './graph/road-network.ts';
import { departureEntries } from './snap/segment-index.ts';
import type { LngLat } from './provider.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'im-turns-'));
// A 0.002° step at latitude 47 is ~152 m east-west and ~222 m north-south.
const at = (x: number, y: number): LngLat => [1 + x * 0.002, 47 + y * 0.002];

/**
 * A crossroads C with four arms, and a ring joining the arms' ends:
 *
 *     NW ── N ── NE
 *     │     │     │
 *     W ─── C ─── E
 *     │     │     │
 *     SW ── S ── SE
 *
 * Arms are 50 km/h tertiary roads, the ring a slow 20 km/h service road.
 */
const NODES: Record<string, [number, number]> = { C: [0, 0], N: [0, 1], E: [1, 0], S: [0, -1], W: [-1, 0], NW: [-1, 1], NE: [1, 1], SE: [1, -1], SW: [-1, -1] };
const ids = Object.keys(NODES);
const nodeId = (name: string) => ids.indexOf(name) + 1;
const arm = { highway: 'tertiary', maxspeed: '50' };
const ring = { highway: 'service', maxspeed: '20' };
const WAYS: Record<string, { nodes: string[]; tags: Record<string, string> }> = {
  n: { nodes: ['C', 'N'], tags: arm },
  e: { nodes: ['C', 'E'], tags: arm },
  s: { nodes: ['S', 'C'], tags: arm },
  w: { nodes: ['W', 'C'], tags: arm },
  ring: { nodes: ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW', 'N'], tags: ring },
};
const wayId = (name: string) => Object.keys(WAYS).indexOf(name) + 101;

function crossroads(restrictions: { tags: Record<string, string>; from: string; via: string | string[]; to: string }[], minNetworkSize = 0): EmbeddedEngine {
  const file = path.join(dir, `crossroads-${Math.random().toString(36).slice(2)}.osm.pbf`);
  const nodes: WriteNode[] = ids.map((name) => ({ id: nodeId(name), lng: at(...NODES[name])[0], lat: at(...NODES[name])[1] }));
  const ways: WriteWay[] = Object.entries(WAYS).map(([name, w]) => ({ id: wayId(name), refs: w.nodes.map(nodeId), tags: w.tags }));
  writeOsmPbf(file, {
    nodes,
    ways,
    relations: restrictions.map((r, i) => ({
      id: 1000 + i,
      tags: { type: 'restriction', ...r.tags },
      members: [
        { type: 'w' as const, ref: wayId(r.from), role: 'from' },
        ...(typeof r.via === 'string' ? [{ type: 'n' as const, ref: nodeId(r.via), role: 'via' }] : r.via.map((v) => ({ type: 'w' as const, ref: wayId(v), role: 'via' }))),
        { type: 'w' as const, ref: wayId(r.to), role: 'to' },
      ],
    })),
  });
  const { network } = importOsmPbf(file, { minNetworkSize });
  return new EmbeddedEngine(withHierarchy(network), { snapRadiusM: 50 });
}

/** Seconds to drive from one named node to another. */
async function drive(e: EmbeddedEngine, from: string, to: string): Promise<number> {
  return (await e.matrix([at(...NODES[from])], [at(...NODES[to])])).durations[0][0]!;
}

describe('turn restrictions from an OSM file', () => {
  it('no_left_turn: coming up from S, a left turn at C onto W is not taken', async () => {
    const free = crossroads([]);
    const banned = crossroads([{ tags: { restriction: 'no_left_turn' }, from: 's', via: 'C', to: 'w' }]);
    expect(await drive(banned, 'S', 'W')).toBeGreaterThan((await drive(free, 'S', 'W')) + 5);
    // Other manoeuvres at C are untouched, and so is the same turn from another arm.
    expect(await drive(banned, 'S', 'N')).toBeCloseTo(await drive(free, 'S', 'N'), 2);
    expect(await drive(banned, 'E', 'W')).toBeCloseTo(await drive(free, 'E', 'W'), 2);
  });

  it('only_straight_on: coming up from S, only N may follow C', async () => {
    const only = crossroads([{ tags: { restriction: 'only_straight_on' }, from: 's', via: 'C', to: 'n' }]);
    const free = crossroads([]);
    expect(await drive(only, 'S', 'N')).toBeCloseTo(await drive(free, 'S', 'N'), 2);
    expect(await drive(only, 'S', 'E')).toBeGreaterThan((await drive(free, 'S', 'E')) + 5);
    expect(await drive(only, 'S', 'W')).toBeGreaterThan((await drive(free, 'S', 'W')) + 5);
  });

  it('two only_* from the same way at C each forbid the other ways on, as GraphHopper reads them', async () => {
    // Conflicting data (only straight on to N, and only right to E, both coming up s): GraphHopper
    // turns each into "no" for every other way, so neither N nor E nor W is reached through C.
    const free = crossroads([]);
    const both = crossroads([
      { tags: { restriction: 'only_straight_on' }, from: 's', via: 'C', to: 'n' },
      { tags: { restriction: 'only_right_turn' }, from: 's', via: 'C', to: 'e' },
    ]);
    for (const to of ['N', 'E', 'W']) expect(await drive(both, 'S', to)).toBeGreaterThan((await drive(free, 'S', to)) + 5);
    // The same two from different ways do not interfere.
    const apart = crossroads([
      { tags: { restriction: 'only_straight_on' }, from: 's', via: 'C', to: 'n' },
      { tags: { restriction: 'only_right_turn' }, from: 'w', via: 'C', to: 'n' },
    ]);
    expect(await drive(apart, 'S', 'N')).toBeCloseTo(await drive(free, 'S', 'N'), 2);
  });

  it('no U-turn escapes a restriction: the route goes round the block, as openrouteservice', async () => {
    //  A ── B ── C ── E      main road, 50 km/h; the right turn A→B→D is banned.
    //       │         │
    //       D ── G ── E2     a slow block, 20 km/h
    // Driving on to C, turning back there and turning left at B onto D would be quicker than the
    // block; ORS forbids U-turns (in its core search, and its node-based paths never repeat a node).
    const pts: LngLat[] = [at(0, 0), at(1, 0), at(2, 0), at(3, 0), at(1, -1), at(2, -1), at(3, -1)];
    const [A, B, C, E, D, G, E2] = [0, 1, 2, 3, 4, 5, 6];
    const ways: TestWay[] = [
      { nodes: [A, B], speedKmh: 50 },
      { nodes: [B, C, E], speedKmh: 50 },
      { nodes: [B, D], speedKmh: 50 },
      { nodes: [D, G, E2, E], speedKmh: 20 },
    ];
    const free = new EmbeddedEngine(graphFromWays(pts, ways), { snapRadiusM: 10 });
    const banned = new EmbeddedEngine(graphFromWays(pts, ways, { restrictions: [{ kind: 'no', from: 0, via: B, to: 2 }] }), { snapRadiusM: 10 });
    const t = async (e: EmbeddedEngine, from: number, to: number) => (await e.matrix([pts[from]], [pts[to]])).durations[0][0]!;
    const uTurnAtC = (await t(free, A, C)) + (await t(free, C, D));
    const blockOnly = new EmbeddedEngine(graphFromWays(pts, [ways[3]]), { snapRadiusM: 10 });
    const roundTheBlock = (await t(free, A, E)) + (await t(blockOnly, E, D));
    expect(uTurnAtC).toBeLessThan(roundTheBlock - 10);
    expect(await t(banned, A, D)).toBeCloseTo(roundTheBlock, 1);
    // Starting on B itself, D is straight away.
    expect(await t(banned, B, D)).toBeCloseTo(await t(free, B, D), 2);
  });

  it('a route starts exactly on a junction every arrival of which goes to a copy, small pieces pruned', async () => {
    // With U-turns forbidden every arrival at C goes to a copy of C; C's own node is where routes
    // leaving from C start, and pruning keeps it.
    const pruned = crossroads([{ tags: { restriction: 'no_left_turn' }, from: 's', via: 'C', to: 'w' }], 3);
    const free = crossroads([]);
    for (const to of ['N', 'E', 'W', 'S']) expect(await drive(pruned, 'C', to)).toBeCloseTo(await drive(free, 'C', to), 2);
  });

  it('restriction:motorcar applies, restriction:bus and except=motorcar do not', async () => {
    const free = await drive(crossroads([]), 'S', 'W');
    expect(await drive(crossroads([{ tags: { 'restriction:motorcar': 'no_left_turn' }, from: 's', via: 'C', to: 'w' }]), 'S', 'W')).toBeGreaterThan(free + 5);
    expect(await drive(crossroads([{ tags: { 'restriction:bus': 'no_left_turn' }, from: 's', via: 'C', to: 'w' }]), 'S', 'W')).toBeCloseTo(free, 2);
    expect(await drive(crossroads([{ tags: { restriction: 'no_left_turn', except: 'motorcar' }, from: 's', via: 'C', to: 'w' }]), 'S', 'W')).toBeCloseTo(free, 2);
  });

  it('via way: from the ring onto arm n, no u-turn back onto the ring through C', async () => {
    // From NW along the ring to N, down n to C, then s: fine. But ring → n → (C) → e is banned via n.
    const free = crossroads([]);
    const banned = crossroads([{ tags: { restriction: 'no_left_turn' }, from: 'ring', via: ['n'], to: 'e' }]);
    const start: LngLat = at(-0.5, 1); // on the ring between NW and N
    const to = at(...NODES.E);
    const f = (await free.matrix([start], [to])).durations[0][0]!;
    const b = (await banned.matrix([start], [to])).durations[0][0]!;
    expect(b).toBeGreaterThan(f + 5);
    // Entering n from elsewhere (from C itself) is not concerned.
    expect(await drive(banned, 'C', 'E')).toBeCloseTo(await drive(free, 'C', 'E'), 2);
  });

  it('isochrones honour restrictions too: their search tree takes the long way round', async () => {
    // From arm s, W is ~35 s away through the left turn, over a minute without it.
    const banned = crossroads([{ tags: { restriction: 'no_left_turn' }, from: 's', via: 'C', to: 'w' }]);
    const free = crossroads([]);
    const start = at(0, -0.9);
    const reachW = (e: EmbeddedEngine) => {
      const g = e.graph;
      const tree = new TreeSearch(g).run(departureEntries(g, e.snap(start)), 200, 'time', forwardAdjacency(g));
      const w = e.snap(at(...NODES.W)).tower!;
      let best = Infinity;
      for (let v = 0; v < g.nodeCount; v++) if (junctionOf(g, v) === w) best = Math.min(best, tree.costOf[v]);
      return best;
    };
    expect(reachW(free)).toBeLessThan(40);
    expect(reachW(banned)).toBeGreaterThan(reachW(free) + 15);
  });
});

/**
 * An independent oracle: Dijkstra over (node, last ways driven) states, checking restrictions as
 * sequences of directed ways, on a grid where every way is one segment. No U-turns (driving back
 * along the way just driven), as openrouteservice's core search.
 */
function oracle(nodes: LngLat[], ways: TestWay[], restrictions: TestRestriction[], from: number): Map<number, number> {
  type Step = { way: number; to: number };
  const out: Step[][] = nodes.map(() => []);
  ways.forEach((w, i) => {
    const [a, b] = w.nodes;
    out[a].push({ way: i, to: b });
    if (!w.oneway) out[b].push({ way: i, to: a });
  });
  const cost = (i: number) => haversineM(...nodes[ways[i].nodes[0]], ...nodes[ways[i].nodes[1]]) / (ways[i].speedKmh! / 3.6);
  // A restriction as a sequence of directed ways: (way, node it arrives at).
  const seqs = restrictions.map((r) => {
    const keys: string[] = [];
    const viaWays = typeof r.via === 'number' ? [] : r.via.ways;
    const path = [r.from, ...viaWays, r.to];
    // Arrival nodes: `from` arrives at the via node (or the via way's shared node), and so on.
    let node = typeof r.via === 'number' ? r.via : ways[viaWays[0]].nodes.find((v) => ways[r.from].nodes.includes(v))!;
    keys.push(`${r.from}>${node}`);
    for (const w of [...viaWays, r.to]) {
      const [a, b] = ways[w].nodes;
      node = a === node ? b : a;
      keys.push(`${w}>${node}`);
    }
    void path;
    return { kind: r.kind, keys };
  });
  const maxLen = Math.max(1, ...seqs.map((s) => s.keys.length));
  const best = new Map<number, number>();
  const dist = new Map<string, number>();
  const queue: { c: number; node: number; hist: string[] }[] = [{ c: 0, node: from, hist: [] }];
  while (queue.length > 0) {
    queue.sort((x, y) => x.c - y.c);
    const { c, node, hist } = queue.shift()!;
    const state = `${node}|${hist.join(',')}`;
    if (dist.has(state)) continue;
    dist.set(state, c);
    if (!best.has(node) || c < best.get(node)!) best.set(node, c);
    for (const step of out[node]) {
      if (hist.length > 0 && Number(hist[hist.length - 1].split('>')[0]) === step.way) continue;
      const key = `${step.way}>${step.to}`;
      const next = [...hist, key];
      let ok = true;
      for (const s of seqs) {
        const n = s.keys.length;
        const prefix = s.keys.slice(0, n - 1);
        const matchesPrefix = hist.length >= prefix.length && prefix.every((k, i) => hist[hist.length - prefix.length + i] === k);
        if (!matchesPrefix) continue;
        const lastWay = Number(prefix[prefix.length - 1].split('>')[0]);
        if (s.kind === 'no' && key === s.keys[n - 1]) ok = false;
        if (s.kind === 'only' && key !== s.keys[n - 1] && step.way !== lastWay) ok = false;
      }
      if (ok) queue.push({ c: c + cost(step.way), node: step.to, hist: next.slice(-(maxLen - 1 || 1)) });
    }
  }
  return best;
}

describe('turn restrictions compiled into the graph (property)', () => {
  it('matrices equal a brute-force search that checks every manoeuvre', () => {
    const size = 4;
    const nodes: LngLat[] = [];
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) nodes.push(at(x, y));
    const gridWays: [number, number][] = [];
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) {
        if (x + 1 < size) gridWays.push([y * size + x, y * size + x + 1]);
        if (y + 1 < size) gridWays.push([y * size + x, (y + 1) * size + x]);
      }
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: gridWays.length, maxLength: gridWays.length }),
        fc.array(fc.tuple(fc.nat(200), fc.nat(200), fc.nat(200), fc.boolean(), fc.boolean()), { maxLength: 6 }),
        (oneways, picks) => {
          const ways: TestWay[] = gridWays.map(([a, b], i) => ({ nodes: [a, b], speedKmh: 20 + (i % 5) * 10, oneway: oneways[i] && i % 3 === 0 }));
          const arriving = (v: number) => ways.map((w, i) => ({ w, i })).filter(({ w }) => w.nodes[1] === v || (!w.oneway && w.nodes[0] === v)).map(({ i }) => i);
          const leaving = (v: number) => ways.map((w, i) => ({ w, i })).filter(({ w }) => w.nodes[0] === v || (!w.oneway && w.nodes[1] === v)).map(({ i }) => i);
          const restrictions: TestRestriction[] = [];
          for (const [p1, p2, p3, only, viaWay] of picks) {
            const v = p1 % nodes.length;
            const ins = arriving(v);
            if (ins.length === 0) continue;
            const from = ins[p2 % ins.length];
            if (viaWay) {
              const vias = leaving(v).filter((w) => w !== from);
              if (vias.length === 0) continue;
              const via = vias[p3 % vias.length];
              const u = ways[via].nodes[0] === v ? ways[via].nodes[1] : ways[via].nodes[0];
              const outs = leaving(u).filter((w) => w !== via);
              if (outs.length === 0) continue;
              restrictions.push({ kind: only ? 'only' : 'no', from, via: { ways: [via] }, to: outs[(p3 >> 3) % outs.length] });
            } else {
              const outs = leaving(v).filter((w) => w !== from);
              if (outs.length === 0) continue;
              restrictions.push({ kind: only ? 'only' : 'no', from, via: v, to: outs[p3 % outs.length] });
            }
          }
          const g = graphFromWays(nodes, ways, { restrictions });
          const e = new EmbeddedEngine(g, { snapRadiusM: 10 });
          const m = e.matrixSync(nodes, nodes);
          for (let s = 0; s < nodes.length; s++) {
            const want = oracle(nodes, ways, restrictions, s);
            for (let t = 0; t < nodes.length; t++) {
              const got = m.durations[s][t];
              const exp = s === t ? 0 : want.get(t);
              if (exp === undefined) expect(got).toBeNull();
              else expect(got).toBeCloseTo(exp, 1);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
