import { overlaps } from './dates.ts';
import type { Problem } from './problem.ts';

/**
 * The baseline staff would do by hand: kept assignments first, then every
 * (intern, eligible bed) pair from the shortest drive up, taken when the
 * intern is still unhoused and the bed is free for their dates. Ignores
 * grouping wishes. Used by the benchmark to show what exactness is worth.
 */
export function greedyNearest(p: Problem): number[] {
  const assign = new Array<number>(p.interns.length).fill(-1);
  const stays: number[][] = p.beds.map(() => []);
  const free = (i: number, b: number) => stays[b].every((j) => !overlaps(p.interns[j].range, p.interns[i].range));
  p.interns.forEach((x, i) => {
    if (x.fixed >= 0) {
      assign[i] = x.fixed;
      stays[x.fixed].push(i);
    }
  });
  const pairs: [number, number, number][] = [];
  p.edges.forEach((list, i) => {
    if (p.interns[i].fixed < 0) for (const e of list) pairs.push([e.tenths, i, e.bed]);
  });
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  for (const [, i, b] of pairs) {
    if (assign[i] >= 0 || !free(i, b)) continue;
    assign[i] = b;
    stays[b].push(i);
  }
  return assign;
}
