import { BoundQueue } from '../bound-queue.ts';
import type { Problem } from '../problem.ts';
import { compareScores, scoreOf, type Score } from '../score.ts';
import { SearchLimitError, type SearchOptions, type SearchOutcome } from '../search-types.ts';
import { evaluate } from './bounds.ts';
import { children } from './branching.ts';
import { feasibleInGroup, repairRelaxed } from './repair.ts';
import { groupOf, rootNode, type Pending } from './state.ts';

/**
 * Exact branch-and-bound for a group with partner pairs, peer wishes or stays
 * that do not all overlap. Each node solves a min-cost flow relaxation (drop
 * the grouping rules, give each bed the capacity of the largest set of its
 * candidates with disjoint stays) and adds optimistic grouping counts; that
 * bound is lexicographically at least as good as any solution in the node
 * (bounds.ts). Branching, in this order: two overlapping stays on one bed (i
 * on that bed and no overlapping stay there | i not on it); a partner pair
 * (both at site s, for each s | neither housed); a partner room (both in room
 * r | no room bonus); a peer wish (both at site s | no bonus) (branching.ts).
 * Nodes are expanded best bound first (ties: first created), each solved only
 * when it reaches the top; a child that pins interns to a place gets a bound
 * from its parent's duals (its cost rises at least by their reduced costs
 * there), so most children are cut without a flow. The search stops when no
 * waiting bound beats the incumbent: the incumbent is then optimal. Worst
 * case: exponential in the number of grouping pairs (times their common sites
 * and rooms) and of bed-time conflicts, each node costing one flow,
 * O(n·E log V); past `maxNodes` (default 5,000) or `maxMs` it answers its best
 * solution with `proven: false` and the best waiting bound, or throws
 * `SearchLimitError` when it has none yet. Tells `onProgress` its nodes and
 * the incumbent's housed count when it starts, then at most every 250 ms. Measured: a 494-intern semester
 * group with 5 partner pairs and 10 peer wishes takes ~2 s; a 993-intern
 * group with 10 pairs and 20 wishes did not finish in 5 minutes.
 */
export function solveByBranchAndBound(p: Problem, members: number[], opts: SearchOptions = {}, clique = false): SearchOutcome {
  const maxNodes = opts.maxNodes ?? 5_000;
  const deadline = opts.maxMs === undefined ? Infinity : performance.now() + opts.maxMs;
  const g = groupOf(p, members, clique);

  let best: { assign: number[]; score: Score } | null = null;
  let nodes = 0;
  let openBound: Score | null = null;
  let reported = -Infinity;
  // Best first: always expand the waiting node with the highest bound (ties: first created),
  // each solved only when reached, so a node whose bound cannot beat the incumbent costs nothing.
  const queue = new BoundQueue<Pending>();
  queue.push({ node: rootNode(g), limit: null });
  while (queue.size) {
    const { node, limit } = queue.pop();
    if (best && limit && compareScores(limit, best.score) <= 0) break;
    if (nodes >= maxNodes || performance.now() > deadline) {
      // Out of budget: the node just taken has the best waiting bound (best first), so nothing left can beat it.
      const why = nodes >= maxNodes ? `${maxNodes} nodes` : `${opts.maxMs} ms`;
      if (!best) throw new SearchLimitError(`exact search stopped after ${why} on a group of ${members.length} interns, with no solution yet`);
      openBound = limit ?? evaluate(g, node)?.bound ?? best.score;
      break;
    }
    if (opts.onProgress && performance.now() - reported >= 250) {
      reported = performance.now();
      opts.onProgress({ method: 'branch-and-bound', nodes, incumbentHoused: best?.score[0] });
    }
    const ev = evaluate(g, node);
    if (!ev || (best && compareScores(ev.bound, best.score) <= 0)) continue;
    nodes++;
    // Any feasible relaxed answer is a candidate (else its repair): it tightens the cut early.
    const candidate = feasibleInGroup(p, members, g.partners, ev.assign) ? ev.assign : repairRelaxed(p, members, g.partners, ev.assign);
    const score = scoreOf(p, candidate, members);
    if (!best || compareScores(score, best.score) > 0) best = { assign: candidate, score };
    // A child's limit can never exceed its parent's bound.
    for (const kid of children(g, ev)) queue.push({ node: kid.node, limit: kid.limit && compareScores(kid.limit, ev.bound) < 0 ? kid.limit : ev.bound });
  }
  const assign = best ? best.assign : new Array<number>(p.interns.length).fill(-1);
  const score = best ? best.score : scoreOf(p, assign, members);
  const proven = openBound === null || compareScores(openBound, score) <= 0;
  return { assign: members.map((i) => assign[i]), nodes, proven, bound: proven ? score : openBound!, score };
}
