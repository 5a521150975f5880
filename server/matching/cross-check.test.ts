import { describe, expect, it } from 'vitest';
import { solveByBranchAndBound } from './branch-and-bound.ts';
import { solveByMip } from './mip/solve-by-mip.ts';
import { solveCliqueByFlow } from './clique-flow.ts';
import { splitComponents } from './components.ts';
import { buildProblem } from './eligibility.ts';
import { greedyNearest } from './greedy.ts';
import { compareScores, isFeasible, scoreOf } from './score.ts';
import { solveProblem } from './solve.ts';
import { syntheticInstance } from './synthetic-instance.ts';
import { parseInstance } from './validate-instance.ts';

// Brute force stops at a handful of interns; at département scale the three exact
// paths check each other, and both must beat or match the greedy baseline.
describe('exact paths agree at scale', () => {
  const p = buildProblem(parseInstance(syntheticInstance(3, { interns: 300, beds: 150, sites: 30, practices: 60 })));
  const groups = splitComponents(p).filter((c) => c.members.length > 20);

  it('gives the same optimum by flow with bed classes, by the bed-by-bed search and by the MIP', () => {
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) {
      const full = (got: number[]) => {
        const a = new Array<number>(p.interns.length).fill(-1);
        g.members.forEach((i, k) => (a[i] = got[k]));
        return a;
      };
      const flow = full(solveCliqueByFlow(p, g.members));
      const search = full(solveByBranchAndBound(p, g.members, {}, false).assign);
      const mip = solveByMip(p, g.members, {}, g.clique);
      expect(mip.proven).toBe(true);
      expect(isFeasible(p, flow, g.members)).toBe(true);
      expect(isFeasible(p, search, g.members)).toBe(true);
      expect(isFeasible(p, full(mip.assign), g.members)).toBe(true);
      expect(scoreOf(p, search, g.members)).toEqual(scoreOf(p, flow, g.members));
      expect(scoreOf(p, full(mip.assign), g.members)).toEqual(scoreOf(p, flow, g.members));
    }
  });

  it('never does worse than greedy nearest-bed', () => {
    expect(compareScores(scoreOf(p, solveProblem(p).assign), scoreOf(p, greedyNearest(p)))).toBeGreaterThanOrEqual(0);
  });
});
