import { arcHeadNode, type RoadNetwork } from '../server/routing/graph/road-network.ts';

/** The straightforward way: one object per node, an array of `{to, cost}` objects per node. */
export interface ObjectGraph {
  adj: { to: number; cost: number }[][];
}

/** Converts the typed graph into the naive object graph the baseline searches. */
export function toObjectGraph(g: RoadNetwork): ObjectGraph {
  const adj: { to: number; cost: number }[][] = Array.from({ length: g.nodeCount }, () => []);
  for (let v = 0; v < g.nodeCount; v++)
    for (let a = g.firstOut[v]; a < g.firstOut[v + 1]; a++) adj[v].push({ to: arcHeadNode(g, a), cost: g.edgeDur[g.arcKey[a] >> 1] });
  return { adj };
}

/**
 * Plain Dijkstra over the object graph with a Map of distances and an array-of-objects binary heap:
 * the yardstick the embedded engine's speed-ups are measured against.
 */
export function baselineDijkstra(g: ObjectGraph, source: number, limit = Infinity): Map<number, number> {
  const dist = new Map<number, number>([[source, 0]]);
  const done = new Set<number>();
  const heap: { node: number; cost: number }[] = [{ node: source, cost: 0 }];
  const push = (item: { node: number; cost: number }) => {
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p].cost <= heap[i].cost) break;
      [heap[p], heap[i]] = [heap[i], heap[p]];
      i = p;
    }
  };
  const pop = () => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= heap.length) break;
        if (c + 1 < heap.length && heap[c + 1].cost < heap[c].cost) c++;
        if (heap[c].cost >= heap[i].cost) break;
        [heap[c], heap[i]] = [heap[i], heap[c]];
        i = c;
      }
    }
    return top;
  };
  while (heap.length > 0) {
    const { node, cost } = pop();
    if (done.has(node)) continue;
    done.add(node);
    for (const e of g.adj[node]) {
      const nc = cost + e.cost;
      if (nc <= limit && nc < (dist.get(e.to) ?? Infinity)) {
        dist.set(e.to, nc);
        push({ node: e.to, cost: nc });
      }
    }
  }
  return dist;
}
