import { IndexedMinHeap } from '../graph/indexed-heap.ts';
import { CH_DOWN, CH_UP, type ContractionHierarchy } from './contraction-hierarchy.ts';
import type { NodeEntry } from '../graph/road-network.ts';

/** Row-major weights, durations (s) and distances (m) of the chosen routes; Infinity where none. */
export interface RawMatrix {
  weight: Float64Array;
  dur: Float64Array;
  dist: Float64Array;
}

/** One upward search's view of the hierarchy: the arcs it climbs, and those it stalls on. */
interface Side {
  mask: number;
  stallMask: number;
}

/**
 * Bucket-based many-to-many over a contraction hierarchy: one backward upward search per target
 * fills buckets, one forward upward search per source scans them (with stall-on-demand). Routes
 * are chosen by weight; their time and length are carried along. Reuses its scratch arrays between
 * calls; not re-entrant, which is fine on one JS thread.
 */
export class ManyToMany {
  private w: Float64Array;
  private t: Float64Array;
  private len: Float64Array;
  private touched: number[] = [];
  private heap: IndexedMinHeap;
  private bucketHead: Int32Array;
  private up: Side = { mask: CH_UP, stallMask: CH_DOWN };
  private down: Side = { mask: CH_DOWN, stallMask: CH_UP };

  constructor(private ch: ContractionHierarchy, nodeCount: number) {
    this.w = new Float64Array(nodeCount).fill(Infinity);
    this.t = new Float64Array(nodeCount);
    this.len = new Float64Array(nodeCount);
    this.bucketHead = new Int32Array(nodeCount).fill(-1);
    this.heap = new IndexedMinHeap(nodeCount);
  }

  /** Routes from every source to every target. */
  run(sources: NodeEntry[][], targets: NodeEntry[][]): RawMatrix {
    const S = sources.length;
    const T = targets.length;
    const outW = new Float64Array(S * T).fill(Infinity);
    const outDur = new Float64Array(S * T).fill(Infinity);
    const outDist = new Float64Array(S * T).fill(Infinity);
    // 1. Backward searches: collect (node, target, weight, time, length) entries.
    const eNode: number[] = [];
    const eTarget: number[] = [];
    const eW: number[] = [];
    const eDur: number[] = [];
    const eDist: number[] = [];
    for (let j = 0; j < T; j++) {
      this.search(targets[j], this.down, (v, w, d, l) => {
        eNode.push(v);
        eTarget.push(j);
        eW.push(w);
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
    const bW = new Float64Array(m);
    const bDur = new Float64Array(m);
    const bDist = new Float64Array(m);
    for (let e = 0; e < m; e++) {
      const k = fill[head[eNode[e]]]++;
      bTarget[k] = eTarget[e];
      bW[k] = eW[e];
      bDur[k] = eDur[e];
      bDist[k] = eDist[e];
    }
    // 3. Forward searches scan the buckets of every node they settle.
    for (let i = 0; i < S; i++) {
      const row = i * T;
      this.search(sources[i], this.up, (v, w, d, l) => {
        const b = head[v];
        if (b < 0) return;
        for (let k = start[b], end = start[b + 1]; k < end; k++) {
          const c = w + bW[k];
          const cell = row + bTarget[k];
          if (c < outW[cell]) {
            outW[cell] = c;
            outDur[cell] = d + bDur[k];
            outDist[cell] = l + bDist[k];
          }
        }
      });
    }
    for (const v of nodes) head[v] = -1;
    return { weight: outW, dur: outDur, dist: outDist };
  }

  private search(entries: NodeEntry[], side: Side, visit: (v: number, w: number, d: number, l: number) => void): void {
    const { w: weight, t: time, len: length, heap, touched } = this;
    const { first, head, dir, weight: aw, dur: ad, dist: al } = this.ch;
    const { mask, stallMask } = side;
    for (const t of touched) weight[t] = Infinity;
    touched.length = 0;
    heap.clear();
    for (const e of entries) {
      if (e.weight < weight[e.node]) {
        if (weight[e.node] === Infinity) touched.push(e.node);
        weight[e.node] = e.weight;
        time[e.node] = e.dur;
        length[e.node] = e.dist;
        heap.pushOrDecrease(e.weight, e.node);
      }
    }
    while (heap.size > 0) {
      const k = heap.peekKey();
      const v = heap.pop();
      // Stall-on-demand: a higher node already reached more cheaply proves v is not on a shortest up-path.
      let stalled = false;
      const end = first[v + 1];
      for (let a = first[v]; a < end; a++) {
        if (dir[a] & stallMask && weight[head[a]] + aw[a] < k) {
          stalled = true;
          break;
        }
      }
      if (stalled) continue;
      visit(v, k, time[v], length[v]);
      for (let a = first[v]; a < end; a++) {
        if (!(dir[a] & mask)) continue;
        const x = head[a];
        const nw = k + aw[a];
        if (nw < weight[x]) {
          if (weight[x] === Infinity) touched.push(x);
          weight[x] = nw;
          time[x] = time[v] + ad[a];
          length[x] = length[v] + al[a];
          heap.pushOrDecrease(nw, x);
        }
      }
    }
  }
}
