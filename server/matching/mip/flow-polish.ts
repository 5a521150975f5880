import { solveCliqueByFlow } from '../clique-flow.ts';
import type { Problem } from '../problem.ts';
import { compareScores, scoreOf } from '../score.ts';

/**
 * A better answer near a semester group's incumbent, for free: interns in a
 * partner pair or a peer wish keep their beds, and everyone else is re-solved
 * by one min-cost flow on the beds left (housed, wishes, kept proposals,
 * minutes; `solveCliqueByFlow`). Grouping bonuses depend only on the interns
 * kept in place, and the flow is optimal for the others given them, so the
 * result is at least as good on every level read in order: a stronger MIP
 * start for the later stages. Returns the incumbent itself when nothing improves.
 */
export function polishByFlow(p: Problem, members: number[], assign: number[]): number[] {
  const inGroup = new Set(members);
  const held = new Set<number>();
  for (const [a, b] of p.partners) if (inGroup.has(a)) [a, b].forEach((i) => held.add(i));
  for (const w of p.peers) if (inGroup.has(w.a)) [w.a, w.b].forEach((i) => held.add(i));
  const rest = members.filter((i) => !held.has(i));
  if (!rest.length) return assign;
  // Every stay of a semester group overlaps every other: a bed used by a held intern is gone for the rest.
  const taken = new Set<number>();
  for (const i of held) if (assign[i] >= 0) taken.add(assign[i]);
  const edges = p.edges.map((list, i) => (inGroup.has(i) && !held.has(i) ? list.filter((e) => !taken.has(e.bed)) : list));
  const got = solveCliqueByFlow({ ...p, edges }, rest);
  const out = [...assign];
  rest.forEach((i, k) => (out[i] = got[k]));
  return compareScores(scoreOf(p, out, members), scoreOf(p, assign, members)) > 0 ? out : assign;
}
