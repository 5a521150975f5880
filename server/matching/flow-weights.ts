import type { Problem } from './problem.ts';

/** Scalar weights that make one min-cost flow follow the lexicographic levels of a group. */
export interface FlowWeights {
  kept: number;
  wish: number;
  housed: number;
  forced: number;
}

/**
 * Weights for a group: one kept proposal outweighs any total drive time, one
 * wish point outweighs all kept proposals and drives, one more intern housed
 * outweighs all wish points, kept proposals and drives, one forced intern
 * (kept assignment, or a grouping branch) outweighs everything else.
 * Integers below 2^53 (checked: a group too large for them throws).
 */
export function flowWeights(p: Problem, members: number[]): FlowWeights {
  const { tenths: maxTenths, wish: maxWish, proposals } = memberMaxima(p, members);
  const kept = maxTenths + 1;
  const wish = (proposals + 1) * kept;
  const housed = (maxWish + 1) * wish;
  const forced = (members.length + 1) * housed;
  if (forced * (members.length + 1) > Number.MAX_SAFE_INTEGER) throw new Error('matching group too large for exact integer costs');
  return { kept, wish, housed, forced };
}

/**
 * The most the members can add up to: each one's longest drive (tenths of a
 * minute) and best wish over their edges, summed, and how many hold a proposal.
 */
export function memberMaxima(p: Problem, members: number[]): { tenths: number; wish: number; proposals: number } {
  let tenths = 0;
  let wish = 0;
  let proposals = 0;
  for (const i of members) {
    let m = 0;
    let w = 0;
    for (const e of p.edges[i]) {
      m = Math.max(m, e.tenths);
      w = Math.max(w, e.wish);
    }
    tenths += m;
    wish += w;
    if (p.interns[i].proposed >= 0) proposals++;
  }
  return { tenths, wish, proposals };
}

/** Cost of one edge in the flow (negative: taking it is worth it). */
export const edgeCost = (w: FlowWeights, tenths: number, wishPoints: number, keptHere: boolean, forced: boolean) =>
  tenths - w.housed - wishPoints * w.wish - (keptHere ? w.kept : 0) - (forced ? w.forced : 0);
