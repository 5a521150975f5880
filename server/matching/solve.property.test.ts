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
  it('reaches the brute-force optimum on every level of the objective', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), sizes, (seed, size) => {
        const p = problemOf(seed, size);
        fc.pre(p !== undefined);
        const got = solveProblem(p!).assign;
        expect(isFeasible(p!, got)).toBe(true);
        expect(scoreOf(p!, got)).toEqual(bruteForce(p!).score);
        checked++;
      }),
      { seed: 20261124, numRuns: 1500 },
    );
    expect(checked).toBeGreaterThan(1000);
  });

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
