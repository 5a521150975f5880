/**
 * Per-node edge lists in pooled typed arrays (target, weight, length, original-edge count), for
 * the contraction's ever-changing graph. Arrays of JS arrays cost several times more per scan
 * and per byte; here a full list moves to the pool's end with double capacity when it overflows,
 * and a full pool is first compacted (the lists of contracted nodes are empty, moved lists leave
 * holes): without that, the pool only ever doubled and a 4 M-node build peaked above 5 GB.
 */
export class DynamicAdjacency {
  start: Uint32Array;
  len: Uint32Array;
  cap: Uint32Array;
  to: Uint32Array;
  w: Float64Array;
  d: Float64Array;
  /** Travel time of the arc (the weight `w` is what contraction minimises). */
  t: Float64Array;
  o: Uint32Array;
  private used = 0;

  constructor(nodeCount: number, initialCapacity: number) {
    this.start = new Uint32Array(nodeCount);
    this.len = new Uint32Array(nodeCount);
    this.cap = new Uint32Array(nodeCount);
    const size = Math.max(16, initialCapacity);
    this.to = new Uint32Array(size);
    this.w = new Float64Array(size);
    this.d = new Float64Array(size);
    this.t = new Float64Array(size);
    this.o = new Uint32Array(size);
  }

  /** Index of the entry of `v` pointing at `x`, or -1. */
  find(v: number, x: number): number {
    const s = this.start[v];
    const e = s + this.len[v];
    const to = this.to;
    for (let i = s; i < e; i++) if (to[i] === x) return i;
    return -1;
  }

  /** Appends an entry to v's list, moving the list when it is full. */
  push(v: number, x: number, w: number, d: number, t: number, o: number): void {
    if (this.len[v] === this.cap[v]) this.relocate(v, Math.max(4, this.cap[v] * 2));
    const i = this.start[v] + this.len[v]++;
    this.to[i] = x;
    this.w[i] = w;
    this.d[i] = d;
    this.t[i] = t;
    this.o[i] = o;
  }

  /** Removes v's entry pointing at x (order is not kept). */
  remove(v: number, x: number): void {
    const i = this.find(v, x);
    if (i < 0) return;
    const last = this.start[v] + --this.len[v];
    this.to[i] = this.to[last];
    this.w[i] = this.w[last];
    this.d[i] = this.d[last];
    this.t[i] = this.t[last];
    this.o[i] = this.o[last];
  }

  /** Forgets v's list (its slots are not reused). */
  clear(v: number): void {
    this.len[v] = 0;
  }

  private relocate(v: number, newCap: number): void {
    if (this.used + newCap > this.to.length) this.compact(newCap);
    const from = this.start[v];
    const n = this.len[v];
    const at = this.used;
    this.to.copyWithin(at, from, from + n);
    this.w.copyWithin(at, from, from + n);
    this.d.copyWithin(at, from, from + n);
    this.t.copyWithin(at, from, from + n);
    this.o.copyWithin(at, from, from + n);
    this.start[v] = at;
    this.cap[v] = newCap;
    this.used += newCap;
  }

  /**
   * Copies every live list into a fresh pool, each with a quarter of its length as headroom; the
   * pool is twice what that needs (plus `extra`), so compactions stay rare.
   */
  private compact(extra: number): void {
    const n = this.len.length;
    let live = extra;
    for (let v = 0; v < n; v++) if (this.len[v] > 0) live += this.len[v] + Math.max(2, this.len[v] >> 2);
    const size = Math.max(16, 2 * live);
    const to = new Uint32Array(size);
    const w = new Float64Array(size);
    const d = new Float64Array(size);
    const t = new Float64Array(size);
    const o = new Uint32Array(size);
    let at = 0;
    for (let v = 0; v < n; v++) {
      const len = this.len[v];
      if (len === 0) {
        this.start[v] = this.cap[v] = 0;
        continue;
      }
      const from = this.start[v];
      to.set(this.to.subarray(from, from + len), at);
      w.set(this.w.subarray(from, from + len), at);
      d.set(this.d.subarray(from, from + len), at);
      t.set(this.t.subarray(from, from + len), at);
      o.set(this.o.subarray(from, from + len), at);
      this.start[v] = at;
      this.cap[v] = len + Math.max(2, len >> 2);
      at += this.cap[v];
    }
    this.to = to;
    this.w = w;
    this.d = d;
    this.t = t;
    this.o = o;
    this.used = at;
  }
}
