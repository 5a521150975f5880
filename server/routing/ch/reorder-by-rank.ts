import type { ContractionHierarchy } from './contraction-hierarchy.ts';
import type { RoadNetwork } from '../graph/road-network.ts';
import { NO_NODE } from '../graph/road-network.ts';

/** Share of the nodes, the most important, numbered by rank; the others are numbered along a curve. */
const RANKED_SHARE = 1 / 16;

/**
 * Renumbers nodes: the most important sixteenth by hierarchy rank, first, so upward searches climb
 * through a compact, cache-friendly block of memory (about 1.5× faster matrices on the France
 * network than the import order); the rest in Z-order of their position, so a search over the road
 * graph (isochrone trees) reads neighbours from nearby memory. With every node ranked, a 30-minute
 * tree on a 1 M-node grid took 2.4 times as long: contraction order is scattered in space.
 */
export function orderByRank(g: RoadNetwork, ch: ContractionHierarchy, order: Uint32Array): { network: RoadNetwork; ch: ContractionHierarchy } {
  const n = g.nodeCount;
  const perm = new Uint32Array(n);
  const ranked = Math.min(n, Math.ceil(n * RANKED_SHARE));
  for (let i = 0; i < ranked; i++) perm[order[n - 1 - i]] = i;
  const rest = zOrder(g, order.subarray(0, n - ranked));
  for (let i = 0; i < rest.length; i++) perm[rest[i]] = ranked + i;
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  const nodeJunction = new Uint32Array(n);
  for (let v = 0; v < n; v++) {
    lng[perm[v]] = g.lng[v];
    lat[perm[v]] = g.lat[v];
    nodeJunction[perm[v]] = perm[g.nodeJunction[v]];
  }
  const mapNode = (v: number): number => (v === NO_NODE ? NO_NODE : perm[v]);
  const adj = permuteCsr(n, perm, g.firstOut, g.arcHead, [g.arcKey]);
  const arcs = permuteCsr(n, perm, ch.first, ch.head, [ch.dir, ch.weight, ch.dur, ch.dist]);
  return {
    network: {
      ...g,
      lng,
      lat,
      nodeJunction,
      edgeA: g.edgeA.map(mapNode),
      edgeB: g.edgeB.map(mapNode),
      firstOut: adj.first,
      arcHead: adj.head,
      arcKey: adj.payload[0] as Uint32Array,
      keyHead: g.keyHead.map(mapNode),
      keyTail: g.keyTail.map(mapNode),
    },
    ch: {
      first: arcs.first,
      head: arcs.head,
      dir: arcs.payload[0] as Uint8Array,
      weight: arcs.payload[1] as Float64Array,
      dur: arcs.payload[2] as Float64Array,
      dist: arcs.payload[3] as Float64Array,
    },
  };
}

function permuteCsr(
  n: number,
  perm: Uint32Array,
  first: Uint32Array,
  head: Uint32Array,
  payload: (Uint8Array | Uint32Array | Float64Array)[],
): { first: Uint32Array; head: Uint32Array; payload: (Uint8Array | Uint32Array | Float64Array)[] } {
  const nf = new Uint32Array(n + 1);
  for (let v = 0; v < n; v++) nf[perm[v] + 1] = first[v + 1] - first[v];
  for (let v = 0; v < n; v++) nf[v + 1] += nf[v];
  const nh = new Uint32Array(head.length);
  const np = payload.map((p) => new (p.constructor as new (len: number) => Uint8Array | Uint32Array | Float64Array)(p.length));
  for (let v = 0; v < n; v++) {
    let k = nf[perm[v]];
    for (let a = first[v]; a < first[v + 1]; a++, k++) {
      nh[k] = perm[head[a]];
      for (let i = 0; i < payload.length; i++) np[i][k] = payload[i][a];
    }
  }
  return { first: nf, head: nh, payload: np };
}

/** The given nodes sorted by the Z-order (Morton) index of their position on a 2¹⁵ × 2¹⁵ grid. */
function zOrder(g: RoadNetwork, nodes: Uint32Array): Uint32Array {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const v of nodes) {
    if (g.lng[v] < minX) minX = g.lng[v];
    if (g.lng[v] > maxX) maxX = g.lng[v];
    if (g.lat[v] < minY) minY = g.lat[v];
    if (g.lat[v] > maxY) maxY = g.lat[v];
  }
  const side = 1 << 15;
  const sx = (side - 1) / Math.max(maxX - minX, 1e-12);
  const sy = (side - 1) / Math.max(maxY - minY, 1e-12);
  // key · 2²³ + position in `nodes`: one exact float per node (30 + 23 bits), sorted numerically.
  if (nodes.length > 1 << 23) throw new RangeError(`too many nodes to order: ${nodes.length}`);
  const keys = new Float64Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const v = nodes[i];
    const key = interleave(Math.floor((g.lng[v] - minX) * sx), Math.floor((g.lat[v] - minY) * sy));
    keys[i] = key * (1 << 23) + i;
  }
  keys.sort();
  const out = new Uint32Array(nodes.length);
  for (let i = 0; i < keys.length; i++) out[i] = nodes[keys[i] % (1 << 23)];
  return out;
}

/** Morton index of two 15-bit coordinates (30 bits). */
function interleave(x: number, y: number): number {
  let key = 0;
  for (let b = 14; b >= 0; b--) key = key * 4 + ((y >> b) & 1) * 2 + ((x >> b) & 1);
  return key;
}
