import { buildBaseGraph, BACKWARD, FORWARD, type RoadGraph } from './graph/road-graph.ts';
import { buildContractionHierarchy } from './ch/contraction-hierarchy.ts';
import { orderByRank } from './graph/reorder-graph.ts';

/**
 * Builds a complete graph from hand-written nodes and ways, for tests with known answers.
 * `oneway` ways run in node order only.
 */
export function graphFromWays(nodes: [number, number][], ways: { nodes: number[]; speedKmh: number; oneway?: boolean }[]): RoadGraph {
  const a: number[] = [];
  const b: number[] = [];
  const dir: number[] = [];
  const speed: number[] = [];
  for (const w of ways) {
    for (let i = 0; i + 1 < w.nodes.length; i++) {
      a.push(w.nodes[i]);
      b.push(w.nodes[i + 1]);
      dir.push(FORWARD | (w.oneway ? 0 : BACKWARD));
      speed.push(w.speedKmh);
    }
  }
  const base = buildBaseGraph(nodes.map((n) => n[0]), nodes.map((n) => n[1]), { count: a.length, a, b, dir, speedKmh: speed });
  const { order, ...ch } = buildContractionHierarchy(base);
  return orderByRank(base, ch, order);
}
