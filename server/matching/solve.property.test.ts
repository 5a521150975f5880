import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForce } from './brute-force.ts';
import { buildProblem } from './eligibility.ts';
import { randomInstance } from './random-instance.ts';
import { isFeasible, scoreOf } from './score.ts';
import { solveMatching, solveProblem } from './solve.ts';
import { MatchingInputError, parseInstance } from './validate-instance.ts';

/** Builds the problem, or undefined when the random existing assignments clash (invalid instance). */
function problemOf(seed: number, size: { interns: number; beds: number; sites: number }) {
  try {
    return buildProblem(parseInstance(randomInstance(seed, size)));
  } catch (e) {
    if (e instanceof MatchingInputError) return undefined;
    throw e;
  }
}

const sizes = fc.record({ interns: fc.integer({ min: 1, max: 7 }), beds: fc.integer({ min: 1, max: 4 }), sites: fc.integer({ min: 1, max: 3 }) });

describe('exact solver against brute force', () => {
  // Both exact methods for grouped or partly overlapping groups: the MIP (production) and the branch-and-bound.
  for (const method of ['mip', 'branch-and-bound'] as const) {
    it(`reaches the brute-force optimum on every level of the objective (${method})`, () => {
      let checked = 0;
      let searched = 0;
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), sizes, (seed, size) => {
          const p = problemOf(seed, size);
          fc.pre(p !== undefined);
          const sol = solveProblem(p!, { method });
          expect(isFeasible(p!, sol.assign)).toBe(true);
          expect(scoreOf(p!, sol.assign)).toEqual(bruteForce(p!).score);
          expect(sol.optimal).toBe(true);
          checked++;
          searched += sol.stats.searchedComponents;
        }),
        { seed: 20261124, numRuns: 1500 },
      );
      expect(checked).toBeGreaterThan(1000);
      // The method under test really ran (on grouped or partly overlapping groups), not only the flow.
      expect(searched).toBeGreaterThan(300);
    }, 180_000);
  }

  it('gives the same answer whatever the input order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), sizes, fc.integer(), (seed, size, shuffleSeed) => {
        const inst = randomInstance(seed, size);
        fc.pre(problemOf(seed, size) !== undefined);
        const order = <T>(xs: T[]) => xs.map((x, k) => ({ x, k: (k * 7919 + shuffleSeed) % 104729 })).sort((a, b) => a.k - b.k).map((y) => y.x);
        const shuffled = { ...inst, interns: order([...inst.interns]), beds: order([...inst.beds]), existing: order([...(inst.existing ?? [])]) };
        expect(solveMatching(shuffled)).toEqual(solveMatching(inst));
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
