/**
 * Binary min-heap over node ids with decrease-key: each node sits in the heap at most once, so
 * hierarchy searches pop every node once instead of skipping stale copies (about half the heap
 * work of the lazy {@link MinHeap} on contraction-hierarchy queries).
 */
export class IndexedMinHeap {
  private keys: Float64Array;
  private ids: Uint32Array;
  private pos: Int32Array;
  size = 0;

  /** Ids are below `idCapacity` to start with; the table of positions grows past it on demand. */
  constructor(idCapacity: number) {
    this.keys = new Float64Array(64);
    this.ids = new Uint32Array(64);
    this.pos = new Int32Array(idCapacity).fill(-1);
  }

  /** Empties the heap (positions of left-over nodes are reset). */
  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.ids[i]] = -1;
    this.size = 0;
  }

  /** Inserts `id` with `key`, or lowers its key if it is already queued. */
  pushOrDecrease(key: number, id: number): void {
    if (id >= this.pos.length) this.growPositions(id);
    let i = this.pos[id];
    if (i < 0) {
      if (this.size === this.keys.length) this.grow();
      i = this.size++;
    } else if (this.keys[i] <= key) return;
    const keys = this.keys;
    const ids = this.ids;
    const pos = this.pos;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] <= key) break;
      keys[i] = keys[p];
      ids[i] = ids[p];
      pos[ids[i]] = i;
      i = p;
    }
    keys[i] = key;
    ids[i] = id;
    pos[id] = i;
  }

  /** Key of the smallest entry (Infinity when empty). */
  peekKey(): number {
    return this.size > 0 ? this.keys[0] : Infinity;
  }

  /** Removes and returns the id with the smallest key. */
  pop(): number {
    const keys = this.keys;
    const ids = this.ids;
    const pos = this.pos;
    const top = ids[0];
    pos[top] = -1;
    const n = --this.size;
    if (n > 0) {
      const key = keys[n];
      const id = ids[n];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && keys[c + 1] < keys[c]) c++;
        if (keys[c] >= key) break;
        keys[i] = keys[c];
        ids[i] = ids[c];
        pos[ids[i]] = i;
        i = c;
      }
      keys[i] = key;
      ids[i] = id;
      pos[id] = i;
    }
    return top;
  }

  private growPositions(id: number): void {
    const p = new Int32Array(Math.max(2 * this.pos.length, id + 1)).fill(-1);
    p.set(this.pos);
    this.pos = p;
  }

  private grow(): void {
    const k = new Float64Array(this.keys.length * 2);
    k.set(this.keys);
    this.keys = k;
    const d = new Uint32Array(this.ids.length * 2);
    d.set(this.ids);
    this.ids = d;
  }
}
