import type { Problem } from './problem.ts';
import { compareScores, isFeasible, scoreOf } from './score.ts';

/**
 * Among equally good answers, prefers the one where a lower intern id holds
 * the lower bed id: swaps the beds of two interns whenever that keeps the
 * answer feasible and its score unchanged, until no swap applies (each swap
 * removes an inversion, so it ends). Quadratic per pass: used on groups
 * solved by search, which are small; flow groups are already ordered.
 */
export function canonicalTies(p: Problem, assign: number[], members: number[]): number[] {
  const out = [...assign];
  const score = scoreOf(p, out, members);
  const housed = members.filter((i) => out[i] >= 0);
  for (let changed = true; changed; ) {
    changed = false;
    for (let x = 0; x < housed.length; x++)
      for (let y = x + 1; y < housed.length; y++) {
        const i = housed[x];
        const j = housed[y];
        if (out[i] <= out[j] || p.interns[i].fixed >= 0 || p.interns[j].fixed >= 0) continue;
        [out[i], out[j]] = [out[j], out[i]];
        if (isFeasible(p, out, members) && compareScores(scoreOf(p, out, members), score) === 0) changed = true;
        else [out[i], out[j]] = [out[j], out[i]];
      }
  }
  return out;
}
