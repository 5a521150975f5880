import { MinHeap } from '../graph/min-heap.ts';
import { DynamicAdjacency } from './dynamic-adjacency.ts';
import type { RoadNetwork } from '../graph/road-network.ts';

/**
 * Upward and downward arcs of a contraction hierarchy in CSR form. Many-to-many queries only
 * climb the hierarchy, so a 100×500 matrix on a national network touches a few hundred nodes per
 * point instead of the whole graph.
 */
export interface ContractionHierarchy {
  /** Arcs v→w with rank w > rank v, stored at v: route-choice weight, time (s) and length (m). */
  upFirst: Uint32Array;
  upHead: Uint32Array;
  upWeight: Float64Array;
  upDur: Float64Array;
  upDist: Float64Array;
  /** Arcs w→v with rank w > rank v, stored at v (head = w). */
  downFirst: Uint32Array;
  downHead: Uint32Array;
  downWeight: Float64Array;
  downDur: Float64Array;
  downDist: Float64Array;
}

/** Tuning of {@link buildContractionHierarchy}. */
export interface ChOptions {
  /**
   * Witness searches give up after settling this many nodes (a missed witness only adds a
   * shortcut). 500 rather than a few dozen: on the France network the superfluous shortcuts of a
   * limit of 50 made queries scan 4 times more arcs, for no saving in build time.
   */
  witnessSettleLimit?: number;
  /** The same limit while only estimating a node's priority (default 50). */
  simulateSettleLimit?: number;
  onProgress?: (done: number, total: number) => void;
}


/**
 * Contracts nodes in order of edge difference (lazy updates), adding shortcuts where no witness
 * path exists. Correctness never depends on the ordering heuristic, only speed does.
 */
export function buildContractionHierarchy(g: RoadNetwork, options: ChOptions = {}): ContractionHierarchy & { order: Uint32Array } {
  const n = g.nodeCount;
  const settleLimit = options.witnessSettleLimit ?? 500;
  const simLimit = options.simulateSettleLimit ?? Math.min(settleLimit, 50);
  const out = new DynamicAdjacency(n, g.arcHead.length * 2 + 16);
  const inn = new DynamicAdjacency(n, g.arcHead.length * 2 + 16);
  const addEdge = (u: number, x: number, w: number, d: number, t: number, orig: number): void => {
    const i = out.find(u, x);
    if (i >= 0) {
      if (out.w[i] <= w) return;
      out.w[i] = w;
      out.d[i] = d;
      out.t[i] = t;
      out.o[i] = orig;
      const ii = inn.find(x, u);
      inn.w[ii] = w;
      inn.d[ii] = d;
      inn.t[ii] = t;
      inn.o[ii] = orig;
      return;
    }
    out.push(u, x, w, d, t, orig);
    inn.push(x, u, w, d, t, orig);
  };
  for (let v = 0; v < n; v++) {
    for (let a = g.firstOut[v]; a < g.firstOut[v + 1]; a++) {
      const h = g.arcHead[a];
      const e = g.arcKey[a] >> 1;
      if (h !== v) addEdge(v, h, g.edgeWeight[e], g.edgeDist[e], g.edgeDur[e], 1);
    }
  }

  const contracted = new Uint8Array(n);
  const level = new Uint32Array(n);
  const prio = new Float64Array(n);
  const wdist = new Float64Array(n).fill(Infinity);
  const touched: number[] = [];
  const heap = new MinHeap(256);
  const targetMark = new Uint32Array(n);
  let targetStamp = 0;

  /** Bounded Dijkstra from `src` avoiding `skip`; stops early once every marked target is settled. */
  const witness = (src: number, skip: number, maxW: number, limit: number, targets: number): void => {
    for (const t of touched) wdist[t] = Infinity;
    touched.length = 0;
    heap.clear();
    wdist[src] = 0;
    touched.push(src);
    heap.push(0, src);
    let settled = 0;
    const { start, len, to, w } = out;
    while (heap.size > 0) {
      const k = heap.peekKey();
      const v = heap.pop();
      if (k > wdist[v]) continue;
      if (k > maxW || ++settled > limit) break;
      if (targetMark[v] === targetStamp && v !== src && --targets === 0) break;
      for (let i = start[v], end = start[v] + len[v]; i < end; i++) {
        const x = to[i];
        if (x === skip) continue;
        const nd = k + w[i];
        if (nd < wdist[x] && nd <= maxW) {
          if (wdist[x] === Infinity) touched.push(x);
          wdist[x] = nd;
          heap.push(nd, x);
        }
      }
    }
  };

  let addedOrig = 0;
  const insTo: number[] = [];
  const insW: number[] = [];
  const insD: number[] = [];
  const insT: number[] = [];
  const insO: number[] = [];
  const outsTo: number[] = [];
  const outsW: number[] = [];
  const outsD: number[] = [];
  const outsT: number[] = [];
  const outsO: number[] = [];
  const snapshot = (adj: DynamicAdjacency, v: number, to: number[], w: number[], d: number[], t: number[], o: number[]): void => {
    to.length = w.length = d.length = t.length = o.length = 0;
    for (let i = adj.start[v], end = adj.start[v] + adj.len[v]; i < end; i++) {
      to.push(adj.to[i]);
      w.push(adj.w[i]);
      d.push(adj.d[i]);
      t.push(adj.t[i]);
      o.push(adj.o[i]);
    }
  };
  /** Counts (or adds) the shortcuts contracting v needs; snapshots v's edges first. */
  const contract = (v: number, simulate: boolean): number => {
    let shortcuts = 0;
    addedOrig = 0;
    snapshot(inn, v, insTo, insW, insD, insT, insO);
    snapshot(out, v, outsTo, outsW, outsD, outsT, outsO);
    let maxOut = 0;
    for (const w of outsW) if (w > maxOut) maxOut = w;
    targetStamp++;
    for (const x of outsTo) targetMark[x] = targetStamp;
    for (let i = 0; i < insTo.length; i++) {
      const u = insTo[i];
      const w1 = insW[i];
      const targets = targetMark[u] === targetStamp ? outsTo.length - 1 : outsTo.length;
      if (targets === 0) continue;
      witness(u, v, w1 + maxOut, simulate ? simLimit : settleLimit, targets);
      for (let j = 0; j < outsTo.length; j++) {
        const x = outsTo[j];
        if (x === u) continue;
        const w = w1 + outsW[j];
        if (wdist[x] <= w) continue;
        shortcuts++;
        addedOrig += insO[i] + outsO[j];
        if (!simulate) addEdge(u, x, w, insD[i] + outsD[j], insT[i] + outsT[j], insO[i] + outsO[j]);
      }
    }
    return shortcuts;
  };

  const priority = (v: number): number => {
    const sc = contract(v, true);
    const removed = insTo.length + outsTo.length;
    let removedOrig = 0;
    for (const o of insO) removedOrig += o;
    for (const o of outsO) removedOrig += o;
    // OSRM's ordering: edge quotient, original-edge quotient and depth keep the hierarchy flat.
    return 2 * (sc / Math.max(1, removed)) + 4 * (addedOrig / Math.max(1, removedOrig)) + level[v];
  };

  const pq = new MinHeap(n + 16);
  for (let v = 0; v < n; v++) {
    prio[v] = priority(v);
    pq.push(prio[v], v);
  }

  const order = new Uint32Array(n);
  const up = new ArcList();
  const down = new ArcList();
  let done = 0;
  while (pq.size > 0) {
    const k = pq.peekKey();
    const v = pq.pop();
    if (contracted[v] || k !== prio[v]) continue;
    const p = priority(v);
    if (p > pq.peekKey()) {
      prio[v] = p;
      pq.push(p, v);
      continue;
    }
    contract(v, false);
    contracted[v] = 1;
    order[done] = v;
    // Neighbours' priorities are refreshed lazily when popped: recomputing them eagerly made
    // the dense core of a national network several times slower to contract for no query gain.
    for (let i = 0; i < outsTo.length; i++) {
      const x = outsTo[i];
      up.push(v, x, outsW[i], outsT[i], outsD[i]);
      inn.remove(x, v);
      if (level[x] < level[v] + 1) level[x] = level[v] + 1;
    }
    for (let i = 0; i < insTo.length; i++) {
      const u = insTo[i];
      down.push(v, u, insW[i], insT[i], insD[i]);
      out.remove(u, v);
      if (level[u] < level[v] + 1) level[u] = level[v] + 1;
    }
    out.clear(v);
    inn.clear(v);
    if (++done % 5000 === 0) options.onProgress?.(done, n);
  }
  options.onProgress?.(n, n);
  const upCsr = up.toCsr(n);
  const downCsr = down.toCsr(n);
  return {
    upFirst: upCsr.first, upHead: upCsr.head, upWeight: upCsr.weight, upDur: upCsr.dur, upDist: upCsr.dist,
    downFirst: downCsr.first, downHead: downCsr.head, downWeight: downCsr.weight, downDur: downCsr.dur, downDist: downCsr.dist,
    order,
  };
}

/** Hierarchy arcs collected during contraction, turned into CSR at the end. */
class ArcList {
  owner: number[] = [];
  to: number[] = [];
  w: number[] = [];
  t: number[] = [];
  d: number[] = [];
  push(owner: number, to: number, w: number, t: number, d: number): void {
    this.owner.push(owner);
    this.to.push(to);
    this.w.push(w);
    this.t.push(t);
    this.d.push(d);
  }
  toCsr(n: number) {
    const first = new Uint32Array(n + 1);
    for (const o of this.owner) first[o + 1]++;
    for (let v = 0; v < n; v++) first[v + 1] += first[v];
    const fill = first.slice(0, n);
    const m = this.owner.length;
    const head = new Uint32Array(m);
    const weight = new Float64Array(m);
    const dur = new Float64Array(m);
    const dist = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const k = fill[this.owner[i]]++;
      head[k] = this.to[i];
      weight[k] = this.w[i];
      dur[k] = this.t[i];
      dist[k] = this.d[i];
    }
    return { first, head, weight, dur, dist };
  }
}
