import type { DayRange } from '../dates.ts';
import type { Problem } from '../problem.ts';
import { partnerOk } from '../score.ts';

/** Most stays with pairwise disjoint dates among `ranges` (earliest end first is optimal): a bed's capacity in the relaxation. */
export function maxDisjoint(ranges: DayRange[]): number {
  const sorted = [...ranges].sort((x, y) => x.to - y.to);
  let n = 0;
  let last = -Infinity;
  for (const r of sorted) {
    if (r.from <= last) continue;
    n++;
    last = r.to;
  }
  return n;
}

/** Interns of a group per bed they use in `assign`. */
function byBed(members: number[], assign: number[]) {
  const onBed = new Map<number, number[]>();
  for (const i of members) if (assign[i] >= 0) onBed.set(assign[i], [...(onBed.get(assign[i]) ?? []), i]);
  return onBed;
}

/** A relaxed answer is a solution when no two overlapping stays share a bed and every couple meets the partner rule. */
export function feasibleInGroup(p: Problem, members: number[], partners: [number, number][], assign: number[]): boolean {
  for (const list of byBed(members, assign).values())
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const r = p.interns[list[x]].range;
        const q = p.interns[list[y]].range;
        if (r.from <= q.to && q.from <= r.to) return false;
      }
  return partners.every(([a, b]) => partnerOk(p, assign, a, b));
}

/**
 * A feasible answer near a relaxed one: on each bed keep stays that do not
 * overlap (held ones first, then by start), then unhouse both of a couple the
 * partner rule separates (a held partner may stay alone). Gives the search an
 * incumbent early, so it can cut, and an answer when the budget runs out.
 */
export function repairRelaxed(p: Problem, members: number[], partners: [number, number][], relaxed: number[]): number[] {
  const isFixed = (i: number) => p.interns[i].fixed >= 0;
  const out = [...relaxed];
  for (const list of byBed(members, out).values()) {
    list.sort((x, y) => Number(isFixed(y)) - Number(isFixed(x)) || p.interns[x].range.from - p.interns[y].range.from || x - y);
    const kept: number[] = [];
    for (const i of list) {
      const r = p.interns[i].range;
      if (!isFixed(i) && kept.some((j) => p.interns[j].range.from <= r.to && r.from <= p.interns[j].range.to)) out[i] = -1;
      else kept.push(i);
    }
  }
  for (const [a, b] of partners) {
    if (partnerOk(p, out, a, b)) continue;
    if (!isFixed(a)) out[a] = -1;
    if (!isFixed(b)) out[b] = -1;
  }
  return out;
}
