import { overlaps } from './dates.ts';
import { drivesTo, ineligibility } from './eligibility.ts';
import type { Instance, InstanceIntern } from './instance-schema.ts';
import type { Problem } from './problem.ts';
import type { Alternative, AlternativeWhy } from './result-types.ts';
import { siteName } from './wording.ts';

/** Interns on each bed in the final answer, to tell "full" beds apart. */
export function occupantsByBed(p: Problem, assign: number[]): number[][] {
  const out: number[][] = p.beds.map(() => []);
  assign.forEach((b, i) => b >= 0 && out[b].push(i));
  return out;
}

/**
 * The nearest sites an unhoused intern could not use, each with its closest-
 * to-fitting bed and every reason against it (ineligibility from the same
 * rules as the solver, plus `full` when the answer gives it to someone whose
 * stay overlaps). Sorted by drive, then site id.
 */
export function nearestAlternatives(inst: Instance, p: Problem, occupants: number[][], i: number, it: InstanceIntern, limit = 3): Alternative[] {
  const me = p.interns[i];
  const bySite = new Map<string, number[]>();
  p.beds.forEach((b, k) => bySite.set(b.site, [...(bySite.get(b.site) ?? []), k]));
  const out: Alternative[] = [];
  for (const [site, beds] of bySite) {
    const drives = drivesTo(inst, it.id, site);
    if (!drives) continue;
    let best: { bed: number; reasons: AlternativeWhy[] } | null = null;
    for (const b of beds) {
      const reasons: AlternativeWhy[] = ineligibility(inst, it, p.beds[b]);
      if (occupants[b].some((j) => j !== i && overlaps(p.interns[j].range, me.range))) reasons.push('full');
      if (!reasons.length) reasons.push('partner');
      if (!best || reasons.length < best.reasons.length) best = { bed: b, reasons };
    }
    if (!best) continue;
    const minutes = Math.round(drives.reduce((s, d) => s + d, 0) * 10) / 10;
    out.push({ site, siteName: siteName(inst, site), bed: p.beds[best.bed].id, minutes, drives, why: best.reasons[0], reasons: best.reasons });
  }
  out.sort((a, b) => a.minutes - b.minutes || (a.site < b.site ? -1 : a.site > b.site ? 1 : 0));
  return out.slice(0, limit);
}
