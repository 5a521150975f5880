import { MinHeap } from '../graph/min-heap.ts';
import { BACKWARD, FORWARD, type BaseGraph } from '../graph/road-graph.ts';

/**
 * Upward and downward arcs of a contraction hierarchy in CSR form. Many-to-many queries only
 * climb the hierarchy, so a 100×500 matrix on a national network touches a few hundred nodes per
 * point instead of the whole graph.
 */
export interface ContractionHierarchy {
  /** Arcs v→w with rank w > rank v, stored at v. */
  upFirst: Uint32Array;
  upHead: Uint32Array;
  upDur: Float32Array;
  upDist: Float32Array;
  /** Arcs w→v with rank w > rank v, stored at v (head = w). */
  downFirst: Uint32Array;
  downHead: Uint32Array;
  downDur: Float32Array;
  downDist: Float32Array;
}

/** Tuning of {@link buildContractionHierarchy}. */
export interface ChOptions {
  /** Witness searches give up after settling this many nodes (a missed witness only adds a shortcut). */
  witnessSettleLimit?: number;
  onProgress?: (done: number, total: number) => void;
}

type Adj = { to: number[]; w: number[]; d: number[]; o: number[] };

/**
 * Contracts nodes in order of edge difference (lazy updates), adding shortcuts where no witness
 * path exists. Correctness never depends on the ordering heuristic, only speed does.
 */
export function buildContractionHierarchy(g: BaseGraph, options: ChOptions = {}): ContractionHierarchy {
  const n = g.nodeCount;
  const settleLimit = options.witnessSettleLimit ?? 50;
  const simLimit = Math.min(settleLimit, 20);
  const out: Adj[] = new Array(n);
  const inn: Adj[] = new Array(n);
  for (let v = 0; v < n; v++) {
    out[v] = { to: [], w: [], d: [], o: [] };
    inn[v] = { to: [], w: [], d: [], o: [] };
  }
  const addEdge = (u: number, x: number, w: number, d: number, orig: number): void => {
    const o = out[u];
    const i = o.to.indexOf(x);
    if (i >= 0) {
      if (o.w[i] <= w) return;
      o.w[i] = w;
      o.d[i] = d;
      o.o[i] = orig;
      const ii = inn[x].to.indexOf(u);
      inn[x].w[ii] = w;
      inn[x].d[ii] = d;
      inn[x].o[ii] = orig;
      return;
    }
    o.to.push(x);
    o.w.push(w);
    o.d.push(d);
    o.o.push(orig);
    inn[x].to.push(u);
    inn[x].w.push(w);
    inn[x].d.push(d);
    inn[x].o.push(orig);
  };
  for (let s = 0; s < g.segA.length; s++) {
    const a = g.segA[s];
    const b = g.segB[s];
    if (g.segDir[s] & FORWARD) addEdge(a, b, g.segDur[s], g.segDist[s], 1);
    if (g.segDir[s] & BACKWARD) addEdge(b, a, g.segDur[s], g.segDist[s], 1);
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
    while (heap.size > 0) {
      const k = heap.peekKey();
      const v = heap.pop();
      if (k > wdist[v]) continue;
      if (k > maxW || ++settled > limit) break;
      if (targetMark[v] === targetStamp && v !== src && --targets === 0) break;
      const o = out[v];
      for (let i = 0; i < o.to.length; i++) {
        const x = o.to[i];
        if (x === skip) continue;
        const nd = k + o.w[i];
        if (nd < wdist[x] && nd <= maxW) {
          if (wdist[x] === Infinity) touched.push(x);
          wdist[x] = nd;
          heap.push(nd, x);
        }
      }
    }
  };

  let addedOrig = 0;
  const contract = (v: number, simulate: boolean): number => {
    let shortcuts = 0;
    addedOrig = 0;
    const ins = inn[v];
    const outs = out[v];
    let maxOut = 0;
    for (const w of outs.w) if (w > maxOut) maxOut = w;
    targetStamp++;
    for (const x of outs.to) targetMark[x] = targetStamp;
    for (let i = 0; i < ins.to.length; i++) {
      const u = ins.to[i];
      const w1 = ins.w[i];
      const targets = targetMark[u] === targetStamp ? outs.to.length - 1 : outs.to.length;
      if (targets === 0) continue;
      witness(u, v, w1 + maxOut, simulate ? simLimit : settleLimit, targets);
      for (let j = 0; j < outs.to.length; j++) {
        const x = outs.to[j];
        if (x === u) continue;
        const w = w1 + outs.w[j];
        if (wdist[x] <= w) continue;
        shortcuts++;
        addedOrig += ins.o[i] + outs.o[j];
        if (!simulate) addEdge(u, x, w, ins.d[i] + outs.d[j], ins.o[i] + outs.o[j]);
      }
    }
    return shortcuts;
  };

  const priority = (v: number): number => {
    const sc = contract(v, true);
    const removed = inn[v].to.length + out[v].to.length;
    let removedOrig = 0;
    for (const o of inn[v].o) removedOrig += o;
    for (const o of out[v].o) removedOrig += o;
    // OSRM's ordering: edge quotient, original-edge quotient and depth keep the hierarchy flat.
    return 2 * (sc / Math.max(1, removed)) + 4 * (addedOrig / Math.max(1, removedOrig)) + level[v];
  };

  const pq = new MinHeap(n + 16);
  for (let v = 0; v < n; v++) {
    prio[v] = priority(v);
    pq.push(prio[v], v);
  }

  const upOwner: number[] = [];
  const upTo: number[] = [];
  const upW: number[] = [];
  const upD: number[] = [];
  const downOwner: number[] = [];
  const downTo: number[] = [];
  const downW: number[] = [];
  const downD: number[] = [];
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
    const outs = out[v];
    const ins = inn[v];
    for (let i = 0; i < outs.to.length; i++) {
      upOwner.push(v); upTo.push(outs.to[i]); upW.push(outs.w[i]); upD.push(outs.d[i]);
      removeFrom(inn[outs.to[i]], v);
    }
    for (let i = 0; i < ins.to.length; i++) {
      downOwner.push(v); downTo.push(ins.to[i]); downW.push(ins.w[i]); downD.push(ins.d[i]);
      removeFrom(out[ins.to[i]], v);
    }
    // Neighbours' priorities are refreshed lazily when popped: recomputing them eagerly made
    // the dense core of a national network several times slower to contract for no query gain.
    for (const y of outs.to) if (level[y] < level[v] + 1) level[y] = level[v] + 1;
    for (const y of ins.to) if (level[y] < level[v] + 1) level[y] = level[v] + 1;
    out[v] = { to: [], w: [], d: [], o: [] };
    inn[v] = { to: [], w: [], d: [], o: [] };
    if (++done % 5000 === 0) options.onProgress?.(done, n);
  }
  options.onProgress?.(n, n);
  const up = toCsr(n, upOwner, upTo, upW, upD);
  const down = toCsr(n, downOwner, downTo, downW, downD);
  return {
    upFirst: up.first, upHead: up.head, upDur: up.dur, upDist: up.dist,
    downFirst: down.first, downHead: down.head, downDur: down.dur, downDist: down.dist,
  };
}

function removeFrom(adj: Adj, v: number): void {
  const i = adj.to.indexOf(v);
  if (i < 0) return;
  const last = adj.to.length - 1;
  adj.to[i] = adj.to[last]; adj.w[i] = adj.w[last]; adj.d[i] = adj.d[last]; adj.o[i] = adj.o[last];
  adj.to.pop(); adj.w.pop(); adj.d.pop(); adj.o.pop();
}

function toCsr(n: number, owner: number[], to: number[], w: number[], d: number[]) {
  const first = new Uint32Array(n + 1);
  for (const o of owner) first[o + 1]++;
  for (let v = 0; v < n; v++) first[v + 1] += first[v];
  const fill = first.slice(0, n);
  const m = owner.length;
  const head = new Uint32Array(m);
  const dur = new Float32Array(m);
  const dist = new Float32Array(m);
  for (let i = 0; i < m; i++) {
    const k = fill[owner[i]]++;
    head[k] = to[i];
    dur[k] = w[i];
    dist[k] = d[i];
  }
  return { first, head, dur, dist };
}
