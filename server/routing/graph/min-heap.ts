/**
 * Binary min-heap of (key, id) pairs in typed arrays with lazy deletion: callers push a node again
 * when its key improves and skip stale entries on pop. No per-item objects, so Dijkstra on
 * millions of nodes creates no garbage.
 */
export class MinHeap {
  private keys: Float64Array;
  private ids: Uint32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.ids = new Uint32Array(capacity);
  }

  /** Empties the heap but keeps its storage. */
  clear(): void {
    this.size = 0;
  }

  /** Adds an entry; the storage doubles when full. */
  push(key: number, id: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.keys.length * 2);
      k.set(this.keys);
      this.keys = k;
      const d = new Uint32Array(this.ids.length * 2);
      d.set(this.ids);
      this.ids = d;
    }
    let i = this.size++;
    const keys = this.keys;
    const ids = this.ids;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] <= key) break;
      keys[i] = keys[p];
      ids[i] = ids[p];
      i = p;
    }
    keys[i] = key;
    ids[i] = id;
  }

  /** Key of the smallest entry (Infinity when empty). */
  peekKey(): number {
    return this.size > 0 ? this.keys[0] : Infinity;
  }

  /** Removes the smallest entry and returns its id; read its key with `peekKey()` first. */
  pop(): number {
    const keys = this.keys;
    const ids = this.ids;
    const top = ids[0];
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
        i = c;
      }
      keys[i] = key;
      ids[i] = id;
    }
    return top;
  }
}
