import { edgeCost, flowWeights } from './flow-weights.ts';
import { minCostAssignment } from './min-cost-flow.ts';
import type { Problem } from './problem.ts';

/**
 * Exact solver for a group whose stays all overlap and that has no grouping
 * wish: one bipartite min-cost flow. Beds of one site with identical
 * availability, rent and rules are merged into a class with a capacity (the
 * flow cannot tell them apart), which keeps the graph small; beds that someone
 * holds or was proposed stay single. Classes are handed back bed by bed in id
 * order, to interns in id order, so ties resolve the same way every time.
 */
export function solveCliqueByFlow(p: Problem, members: number[]): number[] {
  const w = flowWeights(p, members);
  const special = p.specialBeds;
  const classOf = new Map<number, number>();
  const keyToClass = new Map<string, number>();
  const classBeds: number[][] = [];
  const bedClass = (b: number) => {
    let c = classOf.get(b);
    if (c !== undefined) return c;
    const bed = p.beds[b];
    const key = special.has(b)
      ? `#${b}`
      : `${bed.site}|${bed.windows.map((r) => `${r.from}-${r.to}`).join(',')}|${bed.rentCents ?? ''}|${bed.partnerAllowed}`;
    c = keyToClass.get(key);
    if (c === undefined) {
      c = classBeds.length;
      keyToClass.set(key, c);
      classBeds.push([]);
    }
    classBeds[c].push(b);
    classOf.set(b, c);
    return c;
  };
  const adj = members.map((i) => {
    const x = p.interns[i];
    const seen = new Map<number, number>();
    for (const e of p.edges[i]) {
      const c = bedClass(e.bed);
      const cost = edgeCost(w, e.tenths, e.wish, x.proposed === e.bed, x.fixed >= 0);
      const prev = seen.get(c);
      if (prev === undefined || cost < prev) seen.set(c, cost);
    }
    return [...seen.entries()].map(([to, cost]) => ({ to, cost }));
  });
  for (const beds of classBeds) beds.sort((a, b) => a - b);
  const got = minCostAssignment({ nLeft: members.length, rightCap: classBeds.map((b) => b.length), adj });
  const next = classBeds.map(() => 0);
  return got.map((c) => (c < 0 ? -1 : classBeds[c][next[c]++]));
}
