import { solveByBranchAndBound } from './branch-and-bound.ts';
import { solveGroupByMip } from './mip/solve-by-mip.ts';
import type { SearchOptions } from './search-types.ts';
import { canonicalTies } from './canonical-ties.ts';
import { solveCliqueByFlow } from './clique-flow.ts';
import { splitComponents } from './components.ts';
import { buildProblem } from './eligibility.ts';
import { buildResult } from './explain.ts';
import type { Instance } from './instance-schema.ts';
import type { Problem } from './problem.ts';
import type { MatchResult } from './result-types.ts';
import { parseInstance } from './validate-instance.ts';

/** The raw answer: a bed index per intern (-1 unhoused), how it was found, and whether it is proven optimal. */
export interface ProblemSolution {
  assign: number[];
  stats: MatchResult['stats'];
  optimal: boolean;
  /** When not proven: the first objective level where a better answer may exist, and by how much at most. */
  gap?: MatchGap;
}

/** How far an unproven answer may be from the optimum: at most `amount` more of `level` (minutes for `totalMinutes`: fewer). */
export interface MatchGap {
  level: 'housed' | 'wishPoints' | 'partnerRooms' | 'peerWishes' | 'keptProposals' | 'totalMinutes';
  amount: number;
}
const LEVELS: MatchGap['level'][] = ['housed', 'wishPoints', 'partnerRooms', 'peerWishes', 'keptProposals', 'totalMinutes'];

/**
 * Exact optimum of a normalised problem. Independent groups are solved apart:
 * a semester group without grouping wishes by one min-cost flow, any other by
 * a mixed-integer program solved by HiGHS (`solveGroupByMip`, the default:
 * measured faster, see bench/matching.ts) or by branch-and-bound over flow
 * relaxations (`method: 'branch-and-bound'`; see `solveByBranchAndBound` for
 * its worst case).
 */
export function solveProblem(p: Problem, opts: SearchOptions = {}): ProblemSolution {
  const assign = new Array<number>(p.interns.length).fill(-1);
  const stats = { components: 0, flowComponents: 0, searchedComponents: 0, searchNodes: 0 };
  const gaps: { level: number; amount: number }[] = [];
  for (const c of splitComponents(p)) {
    stats.components++;
    if (c.members.every((i) => p.edges[i].length === 0)) continue;
    let got: number[];
    if (c.clique && !c.grouped) {
      stats.flowComponents++;
      got = solveCliqueByFlow(p, c.members);
    } else {
      stats.searchedComponents++;
      const r = (opts.method ?? 'mip') === 'mip' ? solveGroupByMip(p, c.members, opts, c.clique) : solveByBranchAndBound(p, c.members, opts, c.clique);
      stats.searchNodes += r.nodes;
      got = r.assign;
      if (!r.proven) {
        const k = r.bound.findIndex((v, l) => v !== r.score[l]);
        if (k >= 0) gaps.push({ level: k, amount: r.bound[k] - r.score[k] });
      }
      if (c.members.length <= 200) {
        const full = new Array<number>(p.interns.length).fill(-1);
        c.members.forEach((i, k) => (full[i] = got[k]));
        const tidy = canonicalTies(p, full, c.members);
        got = c.members.map((i) => tidy[i]);
      }
    }
    c.members.forEach((i, k) => (assign[i] = got[k]));
  }
  if (!gaps.length) return { assign, stats, optimal: true };
  const level = Math.min(...gaps.map((g) => g.level));
  const amount = gaps.filter((g) => g.level === level).reduce((s, g) => s + g.amount, 0);
  return { assign, stats, optimal: false, gap: { level: LEVELS[level], amount: level === 5 ? amount / 10 : amount } };
}

/**
 * Solves an instance (raw JSON or already parsed) to proven optimality and
 * explains every decision with the numbers the solver used. This is the entry
 * point for `npm run match` and for the database-backed preview.
 */
export function solveMatching(input: unknown, opts: SearchOptions = {}): MatchResult {
  const inst: Instance = parseInstance(input);
  const p = buildProblem(inst);
  const sol = solveProblem(p, opts);
  return buildResult(inst, p, sol.assign, sol.stats, sol.optimal ? undefined : sol.gap);
}
