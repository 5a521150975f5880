import type { Problem } from './problem.ts';

/** A group of interns whose choices interact; groups are solved independently. */
export interface Component {
  members: number[];
  /** All stays pairwise overlap (a semester): each bed hosts at most one member. */
  clique: boolean;
  /** Has a partner pair or a peer wish inside. */
  grouped: boolean;
}

/**
 * Splits the problem into independent groups: two interns interact when they
 * may use a common bed on overlapping dates (directly or through a chain), or
 * are linked by a partner or peer wish. Interns of different groups never
 * compete for a bed-day, so the optimum is the union of the groups' optima.
 */
export function splitComponents(p: Problem): Component[] {
  const n = p.interns.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const users: number[][] = p.beds.map(() => []);
  p.edges.forEach((list, i) => list.forEach((e) => users[e.bed].push(i)));
  for (const list of users) {
    list.sort((a, b) => p.interns[a].range.from - p.interns[b].range.from || a - b);
    let rep = -1;
    let end = -Infinity;
    for (const i of list) {
      const r = p.interns[i].range;
      if (rep >= 0 && r.from <= end) {
        union(rep, i);
        end = Math.max(end, r.to);
      } else {
        rep = i;
        end = r.to;
      }
    }
  }
  for (const [a, b] of p.partners) union(a, b);
  for (const w of p.peers) union(w.a, w.b);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  const grouped = new Set<number>();
  for (const [a] of p.partners) grouped.add(find(a));
  for (const w of p.peers) grouped.add(find(w.a));
  return [...groups.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([root, members]) => {
      let maxFrom = -Infinity;
      let minTo = Infinity;
      for (const i of members) {
        maxFrom = Math.max(maxFrom, p.interns[i].range.from);
        minTo = Math.min(minTo, p.interns[i].range.to);
      }
      return { members, clique: maxFrom <= minTo, grouped: grouped.has(root) };
    });
}
