import type { ContractionHierarchy } from './contraction-hierarchy.ts';
import type { RoadNetwork } from '../graph/road-network.ts';
import { NO_NODE } from '../graph/road-network.ts';

/**
 * Renumbers nodes by hierarchy rank, most important first. Upward searches then walk a compact,
 * cache-friendly block of memory: about 1.5× faster matrices on the France network.
 */
export function orderByRank(g: RoadNetwork, ch: ContractionHierarchy, order: Uint32Array): { network: RoadNetwork; ch: ContractionHierarchy } {
  const n = g.nodeCount;
  const perm = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[order[n - 1 - i]] = i;
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
