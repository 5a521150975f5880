import { MinHeap } from './min-heap.ts';
import { SearchScratch, type ScratchHolder } from './search-scratch.ts';
import type { Adjacency, NodeEntry, RoadNetwork } from './road-network.ts';

/** Which cost a search minimises: travel time (s), or length (m) as ORS's "shortest" weighting. */
export type CostKind = 'time' | 'distance';

/** Parent marker of nodes reached straight from the start point (the virtual node). */
export const FROM_START = -1;

/**
 * A shortest-path tree as openrouteservice's isochrone search leaves it: every node reached, each
 * with its best parent, including the frontier just beyond the limit (reached, not settled), so
 * the edges that cross the limit can be cut where the limit falls.
 */
export interface ShortestPathTree {
  /** Nodes in the order they were first reached. */
  nodes: Uint32Array;
  /**
   * Cost per node for the whole graph (Infinity where not reached). This and the arrays below are
   * valid until the next run, or the next search sharing the same scratch.
   */
  costOf: Float64Array;
  /** Parent node per node ({@link FROM_START} for nodes entered from the start point). */
  parentOf: Int32Array;
  /** Key (directed edge) that led to each node from its parent. */
  keyOf: Int32Array;
  /** Settled nodes: their cost is final and at most the limit. */
  settled: Uint8Array;
  /** Number of nodes settled, for budgets. */
  settledCount: number;
}

/**
 * Bounded one-to-all Dijkstra over the network's arcs, the source of isochrones and of the
 * pgRouting comparison. Scratch arrays are reused across calls; the returned tree is only valid
 * until the next call on the same instance (or on a search sharing its {@link SearchScratch}).
 */
export class TreeSearch implements ScratchHolder {
  private cost: Float64Array;
  private parent: Int32Array;
  private key: Int32Array;
  private settled: Uint8Array;
  private touched: number[] = [];
  private heap = new MinHeap(4096);

  private scratch: SearchScratch;

  /** Parents and keys live in `scratch`, which another search (the many-to-many) may share. */
  constructor(
    private g: RoadNetwork,
    scratch?: SearchScratch,
  ) {
    this.cost = new Float64Array(g.nodeCount).fill(Infinity);
    this.scratch = scratch ?? new SearchScratch(g.nodeCount);
    this.parent = this.scratch.a;
    this.key = this.scratch.b;
    this.settled = new Uint8Array(g.nodeCount);
  }

  /** Puts -1 back in the parents and keys of the last tree (the scratch is lent to another search). */
  release(): void {
    for (const t of this.touched) this.parent[t] = this.key[t] = -1;
  }

  /**
   * Settles every node whose cost is at most `limit`, starting from the entries (each with the
   * key that leads from the start point to it), along `adj`; relaxes the arcs of settled nodes
   * even past the limit, so the frontier is known.
   */
  run(entries: (NodeEntry & { key?: number })[], limit: number, kind: CostKind, adj: Adjacency): ShortestPathTree {
    const { first, head, key: arcKey } = adj;
    // Without restriction copies the network stores no heads: an arc leads to its key's head junction.
    const derived = head.length === 0;
    const { edgeA, edgeB } = this.g;
    const w = kind === 'time' ? this.g.edgeDur : this.g.edgeDist;
    this.scratch.take(this);
    const { cost, parent, key, settled, heap } = this;
    for (const t of this.touched) {
      cost[t] = Infinity;
      settled[t] = 0;
      parent[t] = key[t] = -1;
    }
    this.touched.length = 0;
    const touched = this.touched;
    heap.clear();
    for (const e of entries) {
      const c = kind === 'time' ? e.dur : e.dist;
      if (c < cost[e.node]) {
        if (cost[e.node] === Infinity) touched.push(e.node);
        cost[e.node] = c;
        parent[e.node] = FROM_START;
        key[e.node] = e.key ?? -1;
        heap.push(c, e.node);
      }
    }
    let settledCount = 0;
    while (heap.size > 0) {
      const k = heap.peekKey();
      if (k > limit) break;
      const v = heap.pop();
      if (k > cost[v] || settled[v]) continue;
      settled[v] = 1;
      settledCount++;
      for (let a = first[v], end = first[v + 1]; a < end; a++) {
        const h = derived ? (arcKey[a] & 1 ? edgeA[arcKey[a] >> 1] : edgeB[arcKey[a] >> 1]) : head[a];
        // A settled head has cost ≤ k ≤ nc: the test below skips it without reading `settled`.
        const nc = k + w[arcKey[a] >> 1];
        if (nc < cost[h]) {
          if (cost[h] === Infinity) touched.push(h);
          cost[h] = nc;
          parent[h] = v;
          key[h] = arcKey[a];
          heap.push(nc, h);
        }
      }
    }
    return { nodes: Uint32Array.from(touched), costOf: cost, parentOf: parent, keyOf: key, settled, settledCount };
  }
}
