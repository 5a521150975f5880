/**
 * Min-cost assignment of "left" items (interns) to "right" slots (beds or bed
 * classes with a capacity), each left item taking at most one slot. Every
 * edge cost should be negative when using it is worth it: the result is a
 * minimum-cost flow of any size, found by successive shortest augmenting paths
 * (Dijkstra with Johnson potentials, stopping each search at the sink). Exact;
 * O(L · E log V) in the worst case.
 */
export interface AssignmentInput {
  nLeft: number;
  /** Capacity of each right slot. */
  rightCap: number[];
  /** Per left item, the slots it may take and what each costs (integers, |total| < 2^53). */
  adj: { to: number; cost: number }[][];
}

class Heap {
  keys: number[] = [];
  vals: number[] = [];
  push(k: number, v: number) {
    const { keys, vals } = this;
    let i = keys.length;
    keys.push(k);
    vals.push(v);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] <= k) break;
      keys[i] = keys[p];
      vals[i] = vals[p];
      i = p;
    }
    keys[i] = k;
    vals[i] = v;
  }
  pop(): number {
    const { keys, vals } = this;
    const top = vals[0];
    const k = keys.pop()!;
    const v = vals.pop()!;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && keys[c + 1] < keys[c]) c++;
        if (keys[c] >= k) break;
        keys[i] = keys[c];
        vals[i] = vals[c];
        i = c;
      }
      keys[i] = k;
      vals[i] = v;
    }
    return top;
  }
  topKey() {
    return this.keys[0];
  }
  get size() {
    return this.keys.length;
  }
}

/** Returns, per left item, the right slot it takes or -1; the total cost is minimal over all assignments. */
export function minCostAssignment(input: AssignmentInput): number[] {
  const L = input.nLeft;
  const R = input.rightCap.length;
  const N = L + R + 2;
  const S = 0;
  const T = N - 1;
  let m = L + R;
  for (const a of input.adj) m += a.length;
  const to = new Int32Array(2 * m);
  const cap = new Int32Array(2 * m);
  const cost = new Float64Array(2 * m);
  const next = new Int32Array(2 * m);
  const head = new Int32Array(N).fill(-1);
  let e = 0;
  const add = (u: number, v: number, c: number, w: number) => {
    to[e] = v; cap[e] = c; cost[e] = w; next[e] = head[u]; head[u] = e++;
    to[e] = u; cap[e] = 0; cost[e] = -w; next[e] = head[v]; head[v] = e++;
  };
  for (let i = 0; i < L; i++) add(S, 1 + i, 1, 0);
  for (let i = 0; i < L; i++) for (const a of input.adj[i]) add(1 + i, 1 + L + a.to, 1, a.cost);
  for (let r = 0; r < R; r++) if (input.rightCap[r] > 0) add(1 + L + r, T, input.rightCap[r], 0);

  // Exact initial potentials: the graph is a DAG S → left → right → T.
  const pi = new Float64Array(N);
  for (let r = 0; r < R; r++) pi[1 + L + r] = Infinity;
  for (let i = 0; i < L; i++)
    for (const a of input.adj[i]) if (a.cost < pi[1 + L + a.to]) pi[1 + L + a.to] = a.cost;
  let minRight = 0;
  for (let r = 0; r < R; r++) {
    if (pi[1 + L + r] === Infinity) pi[1 + L + r] = 0;
    else if (input.rightCap[r] > 0) minRight = Math.min(minRight, pi[1 + L + r]);
  }
  pi[T] = minRight;

  const dist = new Float64Array(N);
  const prevEdge = new Int32Array(N);
  const done = new Uint8Array(N);
  for (let iter = 0; iter < L; iter++) {
    dist.fill(Infinity);
    done.fill(0);
    dist[S] = 0;
    const heap = new Heap();
    heap.push(0, S);
    while (heap.size) {
      const d = heap.topKey();
      const u = heap.pop();
      if (done[u]) continue;
      done[u] = 1;
      if (u === T) break;
      for (let k = head[u]; k !== -1; k = next[k]) {
        if (cap[k] <= 0) continue;
        const v = to[k];
        const nd = d + cost[k] + pi[u] - pi[v];
        if (nd < dist[v]) {
          dist[v] = nd;
          prevEdge[v] = k;
          heap.push(nd, v);
        }
      }
    }
    if (!done[T]) break;
    const pathCost = dist[T] + pi[T] - pi[S];
    if (pathCost >= 0) break;
    const dT = dist[T];
    for (let v = 0; v < N; v++) pi[v] += done[v] ? dist[v] : dT;
    for (let v = T; v !== S; v = to[prevEdge[v] ^ 1]) {
      cap[prevEdge[v]] -= 1;
      cap[prevEdge[v] ^ 1] += 1;
    }
  }
  const out = new Array<number>(L).fill(-1);
  for (let i = 0; i < L; i++)
    for (let k = head[1 + i]; k !== -1; k = next[k]) {
      const v = to[k];
      if (v > L && v <= L + R && (k & 1) === 0 && cap[k] === 0) out[i] = v - 1 - L;
    }
  return out;
}
