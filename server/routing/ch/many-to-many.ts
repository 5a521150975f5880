import { IndexedMinHeap } from '../graph/indexed-heap.ts';
import type { ContractionHierarchy } from './contraction-hierarchy.ts';

/** A graph node a snapped point enters or leaves the network by, with the cost of the partial edge. */
export interface NodeEntry {
  node: number;
  dur: number;
  dist: number;
}

/** Row-major durations (s) and distances (m); Infinity where no path exists. */
export interface RawMatrix {
  dur: Float64Array;
  dist: Float64Array;
}

/**
 * Bucket-based many-to-many over a contraction hierarchy: one backward upward search per target
 * fills buckets, one forward upward search per source scans them (with stall-on-demand).
 * Reuses its scratch arrays between calls; not re-entrant, which is fine on one JS thread.
 */
export class ManyToMany {
  private dist: Float64Array;
  private len: Float64Array;
  private touched: number[] = [];
  private heap: IndexedMinHeap;
  private bucketHead: Int32Array;

  constructor(private ch: ContractionHierarchy, nodeCount: number) {
    this.dist = new Float64Array(nodeCount).fill(Infinity);
    this.len = new Float64Array(nodeCount);
    this.bucketHead = new Int32Array(nodeCount).fill(-1);
    this.heap = new IndexedMinHeap(nodeCount);
  }

  /** Durations and distances from every source to every target. */
  run(sources: NodeEntry[][], targets: NodeEntry[][]): RawMatrix {
    const S = sources.length;
    const T = targets.length;
    const outDur = new Float64Array(S * T).fill(Infinity);
    const outDist = new Float64Array(S * T).fill(Infinity);
    const ch = this.ch;
    // 1. Backward searches: collect (node, target, cost) entries.
    let eNode: number[] = [];
    const eTarget: number[] = [];
    const eDur: number[] = [];
    const eDist: number[] = [];
    for (let j = 0; j < T; j++) {
      this.search(targets[j], ch.downFirst, ch.downHead, ch.downDur, ch.downDist, ch.upFirst, ch.upHead, ch.upDur, (v, d, l) => {
        eNode.push(v);
        eTarget.push(j);
        eDur.push(d);
        eDist.push(l);
      });
    }
    // 2. Group entries by node into flat typed buckets (counting sort), for cache-friendly scans.
    const head = this.bucketHead;
    const nodes: number[] = [];
    const count: number[] = [];
    for (const v of eNode) {
      if (head[v] < 0) {
        head[v] = nodes.length;
        nodes.push(v);
        count.push(0);
      }
      count[head[v]]++;
    }
    const start = new Uint32Array(nodes.length + 1);
    for (let i = 0; i < nodes.length; i++) start[i + 1] = start[i] + count[i];
    const fill = start.slice(0, nodes.length);
    const m = eNode.length;
    const bTarget = new Uint32Array(m);
    const bDur = new Float64Array(m);
    const bDist = new Float64Array(m);
    for (let e = 0; e < m; e++) {
      const k = fill[head[eNode[e]]]++;
      bTarget[k] = eTarget[e];
      bDur[k] = eDur[e];
      bDist[k] = eDist[e];
    }
    // 3. Forward searches scan the buckets of every node they settle.
    for (let i = 0; i < S; i++) {
      const row = i * T;
      this.search(sources[i], ch.upFirst, ch.upHead, ch.upDur, ch.upDist, ch.downFirst, ch.downHead, ch.downDur, (v, d, l) => {
        const b = head[v];
        if (b < 0) return;
        for (let k = start[b], end = start[b + 1]; k < end; k++) {
          const c = d + bDur[k];
          const cell = row + bTarget[k];
          if (c < outDur[cell]) {
            outDur[cell] = c;
            outDist[cell] = l + bDist[k];
          }
        }
      });
    }
    for (const v of nodes) head[v] = -1;
    eNode = [];
    return { dur: outDur, dist: outDist };
  }

  private search(
    entries: NodeEntry[],
    first: Uint32Array,
    head: Uint32Array,
    dur: Float32Array,
    len: Float32Array,
    stallFirst: Uint32Array,
    stallHead: Uint32Array,
    stallDur: Float32Array,
    visit: (v: number, d: number, l: number) => void,
  ): void {
    const dist = this.dist;
    const length = this.len;
    const heap = this.heap;
    const touched = this.touched;
    for (const t of touched) dist[t] = Infinity;
    touched.length = 0;
    heap.clear();
    for (const e of entries) {
      if (e.dur < dist[e.node]) {
        if (dist[e.node] === Infinity) touched.push(e.node);
        dist[e.node] = e.dur;
        length[e.node] = e.dist;
        heap.pushOrDecrease(e.dur, e.node);
      }
    }
    while (heap.size > 0) {
      const k = heap.peekKey();
      const v = heap.pop();
      // Stall-on-demand: a higher node already reached more cheaply proves v is not on a shortest up-path.
      let stalled = false;
      for (let a = stallFirst[v], end = stallFirst[v + 1]; a < end; a++) {
        if (dist[stallHead[a]] + stallDur[a] < k) {
          stalled = true;
          break;
        }
      }
      if (stalled) continue;
      visit(v, k, length[v]);
      for (let a = first[v], end = first[v + 1]; a < end; a++) {
        const w = head[a];
        const nd = k + dur[a];
        if (nd < dist[w]) {
          if (dist[w] === Infinity) touched.push(w);
          dist[w] = nd;
          length[w] = length[v] + len[a];
          heap.pushOrDecrease(nd, w);
        }
      }
    }
  }
}
