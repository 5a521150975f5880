import { MinHeap } from './min-heap.ts';
import { forwardAdjacency, type Adjacency, type BaseGraph } from './road-graph.ts';
import type { NodeEntry } from '../ch/many-to-many.ts';

/** Which cost a search minimises: travel time (s) or length (m). */
export type CostKind = 'time' | 'distance';

/** Settled part of a shortest-path tree: node ids and their costs, in settling order. */
export interface ShortestPathTree {
  nodes: Uint32Array;
  costs: Float64Array;
  /** Cost per node for the whole graph, Infinity where not reached within the limit. */
  costOf: Float64Array;
}

/**
 * Bounded one-to-all Dijkstra over the base graph, the source of isochrones. Scratch arrays are
 * reused across calls; the returned `costOf` is only valid until the next call.
 */
export class TreeSearch {
  private cost: Float64Array;
  private touched: number[] = [];
  private heap = new MinHeap(4096);

  constructor(private g: BaseGraph) {
    this.cost = new Float64Array(g.nodeCount).fill(Infinity);
  }

  /**
   * Settles every node whose cost is at most `limit`, starting from the entries, along `adj`
   * (forward by default; pass the reverse adjacency to search towards a destination).
   */
  run(entries: NodeEntry[], limit: number, kind: CostKind = 'time', adj: Adjacency = forwardAdjacency(this.g)): ShortestPathTree {
    const { first: firstOut, head: arcHead, seg: arcSeg } = adj;
    const w = kind === 'time' ? this.g.segDur : this.g.segDist;
    const cost = this.cost;
    const heap = this.heap;
    for (const t of this.touched) cost[t] = Infinity;
    this.touched.length = 0;
    const touched = this.touched;
    heap.clear();
    for (const e of entries) {
      const c = kind === 'time' ? e.dur : e.dist;
      if (c <= limit && c < cost[e.node]) {
        if (cost[e.node] === Infinity) touched.push(e.node);
        cost[e.node] = c;
        heap.push(c, e.node);
      }
    }
    const settled: number[] = [];
    const costs: number[] = [];
    while (heap.size > 0) {
      const k = heap.peekKey();
      const v = heap.pop();
      if (k > cost[v]) continue;
      settled.push(v);
      costs.push(k);
      for (let a = firstOut[v], end = firstOut[v + 1]; a < end; a++) {
        const h = arcHead[a];
        const nc = k + w[arcSeg[a]];
        if (nc < cost[h] && nc <= limit) {
          if (cost[h] === Infinity) touched.push(h);
          cost[h] = nc;
          heap.push(nc, h);
        }
      }
    }
    return { nodes: Uint32Array.from(settled), costs: Float64Array.from(costs), costOf: cost };
  }
}
