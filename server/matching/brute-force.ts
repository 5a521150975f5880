import type { Problem } from './problem.ts';
import { compareScores, isFeasible, scoreOf, type Score } from './score.ts';

/**
 * Test oracle: tries every assignment (each intern on one of its eligible beds
 * or unhoused) and keeps the best feasible score. Exponential; only for the
 * small random instances that prove the real solver optimal.
 */
export function bruteForce(p: Problem): { assign: number[]; score: Score } {
  const n = p.interns.length;
  const assign = new Array<number>(n).fill(-1);
  let best: { assign: number[]; score: Score } | null = null;
  const clash = (i: number, b: number) => {
    const r = p.interns[i].range;
    for (let j = 0; j < i; j++) {
      if (assign[j] !== b) continue;
      const q = p.interns[j].range;
      if (r.from <= q.to && q.from <= r.to) return true;
    }
    return false;
  };
  const go = (i: number) => {
    if (i === n) {
      if (!isFeasible(p, assign)) return;
      const score = scoreOf(p, assign);
      if (!best || compareScores(score, best.score) > 0) best = { assign: [...assign], score };
      return;
    }
    if (p.interns[i].fixed < 0) {
      assign[i] = -1;
      go(i + 1);
    }
    for (const e of p.edges[i]) {
      if (clash(i, e.bed)) continue;
      assign[i] = e.bed;
      go(i + 1);
    }
    assign[i] = -1;
  };
  go(0);
  return best!;
}
