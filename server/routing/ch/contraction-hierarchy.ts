import { MinHeap } from '../graph/min-heap.ts';
import { DynamicAdjacency } from './dynamic-adjacency.ts';
import type { RoadNetwork } from '../graph/road-network.ts';

/**
 * Arcs of a contraction hierarchy in CSR form, each stored at its lower-ranked end. Many-to-many
 * queries only climb the hierarchy, so a 100×500 matrix on a national network touches a few
 * hundred nodes per point instead of the whole graph. As in OSRM, an arc that exists both ways
 * with the same weight, time and length is stored once with both directions (most roads are
 * two-way): about 40 % less memory than separate upward and downward lists.
 */
export interface ContractionHierarchy {
  /**
   * Arcs of node v: `first[v]..first[v + 1]`, towards higher-ranked `head`. When `dir` is empty the
   * directions are packed in the top two bits of `head` ({@link CH_HEAD_MASK} keeps the node).
   */
  first: Uint32Array;
  head: Uint32Array;
  /** {@link CH_UP}: v→head can be driven; {@link CH_DOWN}: head→v can; both: the same cost each way. */
  dir: Uint8Array;
  /** Route-choice weight, time (s) and length (m) of the arc. */
  weight: Float64Array;
  dur: Float64Array;
  dist: Float64Array;
}

/** The arc climbs from its owner to the higher-ranked head (searches from a source use it). */
export const CH_UP = 1;
/** The arc comes down from the head to its owner (searches towards a target climb it backwards). */
export const CH_DOWN = 2;
/** The node in a `head` whose directions are packed in its top two bits (graphs under 2³⁰ nodes). */
export const CH_HEAD_MASK = 0x3fffffff;

/** The hierarchy with each arc's directions in the top two bits of its head: one byte less per arc. */
export function packDirections(ch: ContractionHierarchy, nodeCount: number): ContractionHierarchy {
  if (ch.dir.length === 0 || nodeCount > CH_HEAD_MASK) return ch;
  const head = new Uint32Array(ch.head.length);
  for (let a = 0; a < head.length; a++) head[a] = (ch.head[a] | (ch.dir[a] << 30)) >>> 0;
  return { ...ch, head, dir: new Uint8Array(0) };
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

  /** Position of each target in `outs` for the contraction in progress (valid where marked). */
  const targetIndex = new Uint32Array(n);
  /** Per target of the current search: the cost a witness must not exceed, -1 once settled. */
  let need = new Float64Array(64);

  /**
   * Bounded Dijkstra from `src` (reached from the contracted node at cost `w1`) avoiding `skip`,
   * until every marked target is settled. It stops as soon as the next cost exceeds the most a
   * witness to any target still unsettled may cost (w1 + its outgoing weight): nothing settled
   * after that could change an answer, so the shortcuts are the same as with one bound for all
   * targets (identical hierarchy), with fewer nodes settled.
   */
  const witness = (src: number, skip: number, w1: number, limit: number, targets: number): void => {
    for (const t of touched) wdist[t] = Infinity;
    touched.length = 0;
    heap.clear();
    wdist[src] = 0;
    touched.push(src);
    heap.push(0, src);
    if (need.length < outs.length) need = new Float64Array(outs.length * 2);
    for (let j = 0; j < outs.length; j++) need[j] = outs.to[j] === src ? -1 : w1 + outs.w[j];
    let maxW = 0;
    for (let j = 0; j < outs.length; j++) if (need[j] > maxW) maxW = need[j];
    let settled = 0;
    const { start, len, to, w } = out;
    while (heap.size > 0) {
      const k = heap.peekKey();
      const v = heap.pop();
      if (k > wdist[v]) continue;
      if (k > maxW || ++settled > limit) break;
      if (targetMark[v] === targetStamp && v !== src) {
        if (--targets === 0) break;
        need[targetIndex[v]] = -1;
        maxW = 0;
        for (let j = 0; j < outs.length; j++) if (need[j] > maxW) maxW = need[j];
        if (k > maxW) break;
      }
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
  const ins = new EdgeList();
  const outs = new EdgeList();
  /** Shortcuts found by the last `contract(v, 'record')`, added as they are if v is contracted next. */
  const pending = new EdgeList();
  const pendingFrom = new Growable(Uint32Array);
  /**
   * Counts the shortcuts contracting v needs (`count`: witness searches bounded by the priority
   * limit) or finds and records them (`record`: the full limit); snapshots v's edges first.
   */
  const contract = (v: number, mode: 'count' | 'record'): number => {
    let shortcuts = 0;
    addedOrig = 0;
    ins.snapshot(inn, v);
    outs.snapshot(out, v);
    pending.length = pendingFrom.length = 0;
    targetStamp++;
    for (let j = 0; j < outs.length; j++) {
      targetMark[outs.to[j]] = targetStamp;
      targetIndex[outs.to[j]] = j;
    }
    const limit = mode === 'count' ? simLimit : settleLimit;
    for (let i = 0; i < ins.length; i++) {
      const u = ins.to[i];
      const w1 = ins.w[i];
      const targets = targetMark[u] === targetStamp ? outs.length - 1 : outs.length;
      if (targets === 0) continue;
      witness(u, v, w1, limit, targets);
      for (let j = 0; j < outs.length; j++) {
        const x = outs.to[j];
        if (x === u) continue;
        const w = w1 + outs.w[j];
        if (wdist[x] <= w) continue;
        shortcuts++;
        addedOrig += ins.o[i] + outs.o[j];
        if (mode === 'record') {
          pendingFrom.push(u);
          pending.push(x, w, ins.d[i] + outs.d[j], ins.t[i] + outs.t[j], ins.o[i] + outs.o[j]);
        }
      }
    }
    return shortcuts;
  };

  const priority = (v: number, mode: 'count' | 'record'): number => {
    const sc = contract(v, mode);
    const removed = ins.length + outs.length;
    let removedOrig = 0;
    for (let i = 0; i < ins.length; i++) removedOrig += ins.o[i];
    for (let j = 0; j < outs.length; j++) removedOrig += outs.o[j];
    // OSRM's ordering: edge quotient, original-edge quotient and depth keep the hierarchy flat.
    return 2 * (sc / Math.max(1, removed)) + 4 * (addedOrig / Math.max(1, removedOrig)) + level[v];
  };

  const pq = new MinHeap(n + 16);
  for (let v = 0; v < n; v++) {
    prio[v] = priority(v, 'count');
    pq.push(prio[v], v);
  }

  const order = new Uint32Array(n);
  const arcs = new ArcList();
  let done = 0;
  while (pq.size > 0) {
    const k = pq.peekKey();
    const v = pq.pop();
    if (contracted[v] || k !== prio[v]) continue;
    // The re-evaluation runs the full witness searches and keeps their shortcuts, so a node that
    // is still the cheapest is contracted without searching again.
    const p = priority(v, 'record');
    if (p > pq.peekKey()) {
      prio[v] = p;
      pq.push(p, v);
      continue;
    }
    for (let i = 0; i < pending.length; i++) addEdge(pendingFrom.a[i], pending.to[i], pending.w[i], pending.d[i], pending.t[i], pending.o[i]);
    contracted[v] = 1;
    order[done] = v;
    // Neighbours' priorities are refreshed lazily when popped: recomputing them eagerly made
    // the dense core of a national network several times slower to contract for no query gain.
    for (let i = 0; i < outs.length; i++) {
      const x = outs.to[i];
      arcs.push(v, x, CH_UP, outs.w[i], outs.t[i], outs.d[i]);
      inn.remove(x, v);
      if (level[x] < level[v] + 1) level[x] = level[v] + 1;
    }
    for (let i = 0; i < ins.length; i++) {
      const u = ins.to[i];
      arcs.push(v, u, CH_DOWN, ins.w[i], ins.t[i], ins.d[i]);
      out.remove(u, v);
      if (level[u] < level[v] + 1) level[u] = level[v] + 1;
    }
    out.clear(v);
    inn.clear(v);
    if (++done % 5000 === 0) options.onProgress?.(done, n);
  }
  options.onProgress?.(n, n);
  return { ...arcs.toCsr(n), order };
}

type GrowableArray = Uint32Array | Float64Array;

/** A typed array that doubles when full (no per-item objects, no JS-array growth in the hot loop). */
class Growable<T extends GrowableArray> {
  a: T;
  length = 0;
  constructor(private Ctor: new (n: number) => T, capacity = 64) {
    this.a = new Ctor(capacity);
  }
  push(x: number): void {
    if (this.length === this.a.length) this.grow();
    this.a[this.length++] = x;
  }
  grow(): void {
    const b = new this.Ctor(this.a.length * 2);
    b.set(this.a as never);
    this.a = b;
  }
  /** The filled part, copied to an exact-size array. */
  trimmed(): T {
    return this.a.slice(0, this.length) as T;
  }
}

/** One node's edges (target, weight, length, time, original-edge count), copied out of the adjacency. */
class EdgeList {
  to = new Uint32Array(64);
  w = new Float64Array(64);
  d = new Float64Array(64);
  t = new Float64Array(64);
  o = new Uint32Array(64);
  length = 0;
  snapshot(adj: DynamicAdjacency, v: number): void {
    const s = adj.start[v];
    const n = adj.len[v];
    while (this.to.length < n) this.grow();
    // Element by element: lists are short, and subarray views would allocate five objects a call.
    const { to, w, d, t, o } = this;
    for (let i = 0; i < n; i++) {
      to[i] = adj.to[s + i];
      w[i] = adj.w[s + i];
      d[i] = adj.d[s + i];
      t[i] = adj.t[s + i];
      o[i] = adj.o[s + i];
    }
    this.length = n;
  }
  push(to: number, w: number, d: number, t: number, o: number): void {
    if (this.length === this.to.length) this.grow();
    const i = this.length++;
    this.to[i] = to;
    this.w[i] = w;
    this.d[i] = d;
    this.t[i] = t;
    this.o[i] = o;
  }
  private grow(): void {
    const size = this.to.length * 2;
    const to = new Uint32Array(size);
    to.set(this.to);
    this.to = to;
    for (const k of ['w', 'd', 't'] as const) {
      const b = new Float64Array(size);
      b.set(this[k]);
      this[k] = b;
    }
    const o = new Uint32Array(size);
    o.set(this.o);
    this.o = o;
  }
}

/** Hierarchy arcs collected during contraction, turned into CSR at the end. */
class ArcList {
  owner = new Growable(Uint32Array, 1024);
  to = new Growable(Uint32Array, 1024);
  dir = new Growable(Uint32Array, 1024);
  w = new Growable(Float64Array, 1024);
  t = new Growable(Float64Array, 1024);
  d = new Growable(Float64Array, 1024);
  push(owner: number, to: number, dir: number, w: number, t: number, d: number): void {
    this.owner.push(owner);
    this.to.push(to);
    this.dir.push(dir);
    this.w.push(w);
    this.t.push(t);
    this.d.push(d);
  }
  /**
   * CSR by owner, in the order arcs were added; a downward arc equal to an upward one of the same
   * owner and head (weight, time and length) is folded into it.
   */
  toCsr(n: number): ContractionHierarchy {
    const owner = this.owner.a;
    const to = this.to.a;
    const dirIn = this.dir.a;
    const w = this.w.a;
    const t = this.t.a;
    const d = this.d.a;
    const m = this.owner.length;
    // Pass 1: fold each downward arc into the equal upward arc listed before it, if any.
    const upAt = new Int32Array(n).fill(-1);
    const upOwner = new Int32Array(n).fill(-1);
    const dir = new Uint8Array(m);
    const first = new Uint32Array(n + 1);
    for (let i = 0; i < m; i++) {
      dir[i] = dirIn[i];
      const x = to[i];
      if (dirIn[i] === CH_UP) {
        upAt[x] = i;
        upOwner[x] = owner[i];
      } else if (upOwner[x] === owner[i]) {
        const j = upAt[x];
        if (dir[j] === CH_UP && w[j] === w[i] && t[j] === t[i] && d[j] === d[i]) {
          dir[j] = CH_UP | CH_DOWN;
          dir[i] = 0;
          continue;
        }
      }
      first[owner[i] + 1]++;
    }
    for (let v = 0; v < n; v++) first[v + 1] += first[v];
    const kept = first[n];
    const fill = first.slice(0, n);
    const ch: ContractionHierarchy = {
      first,
      head: new Uint32Array(kept),
      dir: new Uint8Array(kept),
      weight: new Float64Array(kept),
      dur: new Float64Array(kept),
      dist: new Float64Array(kept),
    };
    for (let i = 0; i < m; i++) {
      if (dir[i] === 0) continue;
      const k = fill[owner[i]]++;
      ch.head[k] = to[i];
      ch.dir[k] = dir[i];
      ch.weight[k] = w[i];
      ch.dur[k] = t[i];
      ch.dist[k] = d[i];
    }
    return ch;
  }
}
