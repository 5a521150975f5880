import type { ContractionHierarchy } from '../ch/contraction-hierarchy.ts';
import type { BaseGraph, RoadGraph } from './road-graph.ts';

/**
 * Renumbers nodes by hierarchy rank, most important first. Upward searches then walk a compact,
 * cache-friendly block of memory: about 1.5× faster matrices on the France network.
 */
export function orderByRank(base: BaseGraph, ch: ContractionHierarchy, order: Uint32Array): RoadGraph {
  const n = base.nodeCount;
  const perm = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[order[n - 1 - i]] = i;
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    lng[perm[v]] = base.lng[v];
    lat[perm[v]] = base.lat[v];
  }
  const segA = base.segA.map((v) => perm[v]);
  const segB = base.segB.map((v) => perm[v]);
  const adj = permuteCsr(n, perm, base.firstOut, base.arcHead, [base.arcSeg]);
  const up = permuteCsr(n, perm, ch.upFirst, ch.upHead, [ch.upDur, ch.upDist]);
  const down = permuteCsr(n, perm, ch.downFirst, ch.downHead, [ch.downDur, ch.downDist]);
  return {
    ...base,
    lng,
    lat,
    segA,
    segB,
    firstOut: adj.first,
    arcHead: adj.head,
    arcSeg: adj.payload[0] as Uint32Array,
    ch: {
      upFirst: up.first, upHead: up.head, upDur: up.payload[0] as Float32Array, upDist: up.payload[1] as Float32Array,
      downFirst: down.first, downHead: down.head, downDur: down.payload[0] as Float32Array, downDist: down.payload[1] as Float32Array,
    },
  };
}

function permuteCsr(
  n: number,
  perm: Uint32Array,
  first: Uint32Array,
  head: Uint32Array,
  payload: (Uint32Array | Float32Array)[],
): { first: Uint32Array; head: Uint32Array; payload: (Uint32Array | Float32Array)[] } {
  const nf = new Uint32Array(n + 1);
  for (let v = 0; v < n; v++) nf[perm[v] + 1] = first[v + 1] - first[v];
  for (let v = 0; v < n; v++) nf[v + 1] += nf[v];
  const nh = new Uint32Array(head.length);
  const np = payload.map((p) => new (p.constructor as new (len: number) => Uint32Array | Float32Array)(p.length));
  for (let v = 0; v < n; v++) {
    let k = nf[perm[v]];
    for (let a = first[v]; a < first[v + 1]; a++, k++) {
      nh[k] = perm[head[a]];
      for (let i = 0; i < payload.length; i++) np[i][k] = payload[i][a];
    }
  }
  return { first: nf, head: nh, payload: np };
}
