import type { Problem } from './problem.ts';

/** Scalar weights that make one min-cost flow follow the lexicographic levels of a group. */
export interface FlowWeights {
  kept: number;
  housed: number;
  forced: number;
}

/**
 * Weights for a group: one kept proposal outweighs any total drive time, one
 * more intern housed outweighs all kept proposals and drives, one forced
 * intern (kept assignment, or a grouping branch) outweighs everything else.
 * Integers; with ~1,000 interns per group they stay far below 2^53.
 */
export function flowWeights(p: Problem, members: number[]): FlowWeights {
  let maxTenths = 0;
  let proposals = 0;
  for (const i of members) {
    let m = 0;
    for (const e of p.edges[i]) m = Math.max(m, e.tenths);
    maxTenths += m;
    if (p.interns[i].proposed >= 0) proposals++;
  }
  const kept = maxTenths + 1;
  const housed = (proposals + 1) * kept;
  const forced = (members.length + 1) * housed;
  if (forced * (members.length + 1) > Number.MAX_SAFE_INTEGER) throw new Error('matching group too large for exact integer costs');
  return { kept, housed, forced };
}

/** Cost of one edge in the flow (negative: taking it is worth it). */
export const edgeCost = (w: FlowWeights, tenths: number, keptHere: boolean, forced: boolean) =>
  tenths - w.housed - (keptHere ? w.kept : 0) - (forced ? w.forced : 0);
