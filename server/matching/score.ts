import type { Problem } from './problem.ts';

/**
 * The lexicographic objective, best first: [interns housed, site-wish points
 * (`wishPoints`), partner pairs sharing a room, satisfied peer wishes,
 * proposals kept, −total tenths of a minute]. Partners at the same site (or
 * neither housed) and kept fixed assignments are constraints, not scores: see
 * `isFeasible`.
 */
export type Score = [housed: number, wishes: number, partnerRooms: number, peerWishes: number, kept: number, negTenths: number];

/** Index of each level in a `Score`. */
export const LEVEL = { housed: 0, wishes: 1, partnerRooms: 2, peerWishes: 3, kept: 4, negTenths: 5 } as const;

/** Lexicographic comparison: positive when `a` is better. */
export function compareScores(a: Score, b: Score): number {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] - b[k];
  return 0;
}

/** Tenths of a minute of an intern's drive on a bed (the edge's cost), or undefined if not an edge. */
export const edgeTenths = (p: Problem, i: number, bed: number) => p.edges[i].find((e) => e.bed === bed)?.tenths;

/** Wish points an intern earns on a bed (0 when not an edge). */
export const edgeWish = (p: Problem, i: number, bed: number) => p.edges[i].find((e) => e.bed === bed)?.wish ?? 0;

/** Partner rule: both at one site, or neither housed; a kept (fixed) partner may stand alone. */
export function partnerOk(p: Problem, assign: number[], a: number, b: number): boolean {
  const fa = p.interns[a].fixed >= 0;
  const fb = p.interns[b].fixed >= 0;
  if (fa && fb) return true;
  const ba = assign[a];
  const bb = assign[b];
  if (ba < 0 && bb < 0) return true;
  if (ba >= 0 && bb >= 0) return p.beds[ba].site === p.beds[bb].site;
  return ba >= 0 ? fa : fb;
}

/** Score of a full assignment (bed index per intern, -1 when unhoused). */
export function scoreOf(p: Problem, assign: number[], only?: number[]): Score {
  const members = only ?? assign.map((_, i) => i);
  const inSet = only ? new Set(only) : null;
  let housed = 0;
  let wishes = 0;
  let kept = 0;
  let tenths = 0;
  for (const i of members) {
    const b = assign[i];
    if (b < 0) continue;
    housed++;
    if (p.interns[i].proposed === b) kept++;
    const e = p.edges[i].find((x) => x.bed === b);
    tenths += e?.tenths ?? 0;
    wishes += e?.wish ?? 0;
  }
  let rooms = 0;
  for (const [a, b] of p.partners) {
    if (inSet && !inSet.has(a)) continue;
    if (assign[a] >= 0 && assign[b] >= 0 && p.beds[assign[a]].room === p.beds[assign[b]].room) rooms++;
  }
  let peers = 0;
  for (const w of p.peers) {
    if (inSet && !inSet.has(w.a)) continue;
    if (assign[w.a] >= 0 && assign[w.b] >= 0 && p.beds[assign[w.a]].site === p.beds[assign[w.b]].site) peers += w.weight;
  }
  return [housed, wishes, rooms, peers, kept, -tenths];
}

/** Hard constraints: eligible edges only, fixed kept, no two overlapping stays in one bed, partner rule. */
export function isFeasible(p: Problem, assign: number[], only?: number[]): boolean {
  const byBed = new Map<number, number[]>();
  for (const i of only ?? assign.map((_, k) => k)) {
    const b = assign[i];
    const fixed = p.interns[i].fixed;
    if (fixed >= 0 && b !== fixed) return false;
    if (b < 0) continue;
    if (edgeTenths(p, i, b) === undefined) return false;
    const list = byBed.get(b) ?? [];
    for (const j of list) {
      const x = p.interns[i].range;
      const y = p.interns[j].range;
      if (x.from <= y.to && y.from <= x.to) return false;
    }
    list.push(i);
    byBed.set(b, list);
  }
  const inSet = only ? new Set(only) : null;
  return p.partners.every(([a, b]) => (inSet && !inSet.has(a)) || partnerOk(p, assign, a, b));
}
