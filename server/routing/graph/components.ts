/**
 * Strongly connected components of a directed graph given as arc lists (iterative Tarjan, so a
 * national network does not overflow the stack). A piece a car can enter but never leave (a one-way
 * stub cut by the extract's border, a private car park) is its own component.
 */
export function stronglyConnectedComponents(n: number, arcTail: Uint32Array, arcHead: Uint32Array): Uint32Array {
  const first = new Uint32Array(n + 1);
  for (let i = 0; i < arcTail.length; i++) first[arcTail[i] + 1]++;
  for (let v = 0; v < n; v++) first[v + 1] += first[v];
  const fill = first.slice(0, n);
  const head = new Uint32Array(arcTail.length);
  for (let i = 0; i < arcTail.length; i++) head[fill[arcTail[i]]++] = arcHead[i];
  const index = new Int32Array(n).fill(-1);
  const low = new Uint32Array(n);
  const onStack = new Uint8Array(n);
  const comp = new Uint32Array(n);
  const stack = new Uint32Array(n);
  const callV = new Uint32Array(n);
  const callArc = new Uint32Array(n);
  let sp = 0;
  let counter = 0;
  let compCount = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    let depth = 0;
    callV[0] = root;
    callArc[0] = first[root];
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callV[depth];
      if (callArc[depth] < first[v + 1]) {
        const w = head[callArc[depth]++];
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callV[depth] = w;
          callArc[depth] = first[w];
        } else if (onStack[w] && index[w] < low[v]) low[v] = index[w];
        continue;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          comp[w] = compCount;
        } while (w !== v);
        compCount++;
      }
      depth--;
      if (depth >= 0) {
        const u = callV[depth];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }
  return comp;
}
