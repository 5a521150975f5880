import { IndexedMinHeap } from '../graph/indexed-heap.ts';
import { SearchScratch, type ScratchHolder } from '../graph/search-scratch.ts';
import { CH_DOWN, CH_HEAD_MASK, CH_UP, type ContractionHierarchy } from './contraction-hierarchy.ts';
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
export class ManyToMany implements ScratchHolder {
  /**
   * Per node: its slot in the current search, -1 when not reached. A search reaches a few hundred
   * to a few thousand nodes, so weight, time and length live per slot (not three arrays of the
   * graph's size: 96 MB on a 4 M-node graph), and the heap is over slots.
   */
  private slot: Int32Array;
  private slotNode = new Uint32Array(1024);
  private slotW = new Float64Array(1024);
  private slotT = new Float64Array(1024);
  private slotL = new Float64Array(1024);
  private slots = 0;
  private heap = new IndexedMinHeap(1024);
  private bucketHead: Int32Array;
  private up: Side = { mask: CH_UP, stallMask: CH_DOWN };
  private down: Side = { mask: CH_DOWN, stallMask: CH_UP };

  private scratch: SearchScratch;

  /** Slots and buckets live in `scratch`, which another search (the isochrone tree) may share. */
  constructor(
    private ch: ContractionHierarchy,
    nodeCount: number,
    scratch?: SearchScratch,
  ) {
    this.scratch = scratch ?? new SearchScratch(nodeCount);
    this.slot = this.scratch.a;
    this.bucketHead = this.scratch.b;
  }

  /** Puts -1 back in the slots of the last search (buckets are emptied at the end of every run). */
  release(): void {
    for (let s = 0; s < this.slots; s++) this.slot[this.slotNode[s]] = -1;
    this.slots = 0;
  }

  /** A new slot for node v, not reached yet (weight Infinity). */
  private newSlot(v: number): number {
    if (this.slots === this.slotNode.length) {
      const grow = <T extends Float64Array | Uint32Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.slotNode = grow(this.slotNode);
      this.slotW = grow(this.slotW);
      this.slotT = grow(this.slotT);
      this.slotL = grow(this.slotL);
    }
    const s = this.slots++;
    this.slot[v] = s;
    this.slotNode[s] = v;
    this.slotW[s] = Infinity;
    return s;
  }

  /** Routes from every source to every target. */
  run(sources: NodeEntry[][], targets: NodeEntry[][]): RawMatrix {
    this.scratch.take(this);
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
    const { slot, heap } = this;
    const { first, head, dir, weight: aw, dur: ad, dist: al } = this.ch;
    const { mask, stallMask } = side;
    // Directions packed in the heads' top two bits (see packDirections), or in `dir`.
    const packed = dir.length === 0;
    for (let s = 0; s < this.slots; s++) slot[this.slotNode[s]] = -1;
    this.slots = 0;
    heap.clear();
    for (const e of entries) {
      const s = slot[e.node] >= 0 ? slot[e.node] : this.newSlot(e.node);
      if (e.weight < this.slotW[s]) {
        this.slotW[s] = e.weight;
        this.slotT[s] = e.dur;
        this.slotL[s] = e.dist;
        heap.pushOrDecrease(e.weight, s);
      }
    }
    let { slotW, slotT, slotL } = this;
    while (heap.size > 0) {
      const k = heap.peekKey();
      const s = heap.pop();
      const v = this.slotNode[s];
      // Stall-on-demand: a higher node already reached more cheaply proves v is not on a shortest up-path.
      let stalled = false;
      const end = first[v + 1];
      for (let a = first[v]; a < end; a++) {
        const ha = head[a];
        if ((packed ? ha >>> 30 : dir[a]) & stallMask) {
          const x = slot[packed ? ha & CH_HEAD_MASK : ha];
          if (x >= 0 && slotW[x] + aw[a] < k) {
            stalled = true;
            break;
          }
        }
      }
      if (stalled) continue;
      const t = slotT[s];
      const l = slotL[s];
      visit(v, k, t, l);
      for (let a = first[v]; a < end; a++) {
        const ha = head[a];
        if (!((packed ? ha >>> 30 : dir[a]) & mask)) continue;
        const h = packed ? ha & CH_HEAD_MASK : ha;
        const nw = k + aw[a];
        let x = slot[h];
        if (x < 0) {
          x = this.newSlot(h);
          ({ slotW, slotT, slotL } = this);
        }
        if (nw < slotW[x]) {
          slotW[x] = nw;
          slotT[x] = t + ad[a];
          slotL[x] = l + al[a];
          heap.pushOrDecrease(nw, x);
        }
      }
    }
  }
}
