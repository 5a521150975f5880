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

/**
 * Returns, per left item, the right slot it takes or -1; the total cost is
 * minimal over all assignments. Left items are added one at a time, each
 * routed by a shortest path (from itself) in the residual graph of the optimum
 * so far, where "stay unassigned" is an edge of cost 0 straight to the sink:
 * the new item has no incoming residual edge, so no negative cycle can appear
 * and each step keeps the optimum. Searches stop at the sink, so an item whose
 * cheapest slot is free costs a few heap operations.
 */
export function minCostAssignment(input: AssignmentInput): number[] {
  return minCostAssignmentWithDuals(input).assign;
}

/**
 * Same, plus optimal node potentials: `reducedCost(i, slot)` is how much the
 * optimum must rise, at least, if item i is made to take that slot (LP
 * duality; 0 for the slot it already holds). Branch-and-bound uses it to cut
 * children without solving them.
 */
export function minCostAssignmentWithDuals(input: AssignmentInput): { assign: number[]; reducedCost: (i: number, slot: number, cost: number) => number } {
  const L = input.nLeft;
  const R = input.rightCap.length;
  const T = L + R;
  const N = T + 1;
  let m = 2 * L + R;
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
  for (let r = 0; r < R; r++) if (input.rightCap[r] > 0) add(L + r, T, input.rightCap[r], 0);
  for (let i = 0; i < L; i++) {
    add(i, T, 1, 0);
    for (const a of input.adj[i]) add(i, L + a.to, 1, a.cost);
  }
  const pi = new Float64Array(N);
  const dist = new Float64Array(N).fill(Infinity);
  const prevEdge = new Int32Array(N);
  const done = new Uint8Array(N);
  const touched: number[] = [];
  const heap = new Heap();
  for (let s = 0; s < L; s++) {
    // Potential of the newcomer: every edge out of it gets a non-negative reduced cost.
    let ps = pi[T];
    for (let k = head[s]; k !== -1; k = next[k]) if (cap[k] > 0) ps = Math.max(ps, pi[to[k]] - cost[k]);
    pi[s] = ps;
    dist[s] = 0;
    touched.push(s);
    heap.keys.length = 0;
    heap.vals.length = 0;
    heap.push(0, s);
    while (heap.size) {
      const d = heap.topKey();
      const u = heap.pop();
      if (done[u]) continue;
      done[u] = 1;
      if (u === T) break;
      for (let k = head[u]; k !== -1; k = next[k]) {
        if (cap[k] <= 0) continue;
        const v = to[k];
        if (done[v]) continue;
        const nd = d + cost[k] + pi[u] - pi[v];
        if (nd < dist[v]) {
          if (dist[v] === Infinity) touched.push(v);
          dist[v] = nd;
          prevEdge[v] = k;
          heap.push(nd, v);
        }
      }
    }
    const dT = dist[T];
    // Johnson update, only where it changes something; unreached nodes shift by dT implicitly.
    for (const v of touched) if (done[v] && dist[v] < dT) pi[v] += dist[v] - dT;
    for (let v = T; v !== s; v = to[prevEdge[v] ^ 1]) {
      cap[prevEdge[v]] -= 1;
      cap[prevEdge[v] ^ 1] += 1;
    }
    for (const v of touched) {
      dist[v] = Infinity;
      done[v] = 0;
    }
    touched.length = 0;
  }
  const out = new Array<number>(L).fill(-1);
  for (let i = 0; i < L; i++)
    for (let k = head[i]; k !== -1; k = next[k]) {
      const v = to[k];
      if (v >= L && v < T && (k & 1) === 0 && cap[k] === 0) out[i] = v - L;
    }
  const reducedCost = (i: number, slot: number, c: number) => (out[i] === slot ? 0 : Math.max(0, c + pi[i] - pi[L + slot]));
  return { assign: out, reducedCost };
}
