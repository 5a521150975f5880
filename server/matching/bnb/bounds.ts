import { edgeCost } from '../flow-weights.ts';
import { minCostAssignmentWithDuals } from '../min-cost-flow.ts';
import { scoreOf, type Score } from '../score.ts';
import { allowed, commonPlaces, fixedPair, restriction, type Evaluated, type Group, type Node } from './state.ts';

/** The flow's right-hand side for a node: which slot each bed falls in, each slot's capacity and beds. */
interface Slots {
  slotOfBed: (b: number) => number;
  caps: number[];
  beds: number[][];
}

/**
 * Flow slots of a node: single beds with their capacity in general; when all
 * stays overlap, interchangeable beds of a site merge into one slot (rooms
 * pinned by a branch stay apart), which keeps each relaxation small.
 */
function slotsOf(g: Group, n: Node): Slots {
  const { p, bedsUsed } = g;
  if (!g.clique) return { slotOfBed: (b: number) => g.slot.get(b)!, caps: g.cap, beds: bedsUsed.map((b) => [b]) };
  const pinned = new Set([...n.r.values()].map((r) => r.room).filter((x) => x !== undefined));
  const keyToSlot = new Map<string, number>();
  const beds: number[][] = [];
  const of = new Map<number, number>();
  bedsUsed.forEach((b, k) => {
    const bed = p.beds[b];
    const key = p.specialBeds.has(b) ? `#${b}` : `${bed.site}|${g.windowsKey[k]}|${bed.rentCents ?? ''}|${bed.partnerAllowed}|${pinned.has(bed.room) ? bed.room : ''}`;
    let c = keyToSlot.get(key);
    if (c === undefined) {
      c = beds.length;
      keyToSlot.set(key, c);
      beds.push([]);
    }
    beds[c].push(b);
    of.set(b, c);
  });
  return { slotOfBed: (b: number) => of.get(b)!, caps: beds.map((x) => x.length), beds };
}

/** Optimistic partner-room and peer counts of a node: settled bonuses, plus open ones still possible. */
export function groupingBound(g: Group, n: Node): [number, number] {
  const { p } = g;
  const out: [number, number] = [0, 0];
  g.partners.forEach(([a, b], k) => {
    const st = n.partnerRoom[k];
    if (fixedPair(p, a, b)) out[0] += p.beds[p.interns[a].fixed].room === p.beds[p.interns[b].fixed].room ? 1 : 0;
    else if (st === 'room') out[0]++;
    else if (st === 'open' && n.partnerSite[k] !== 'neither' && commonPlaces(g, n, a, b, 'room').length) out[0]++;
  });
  g.peers.forEach((x, k) => {
    const st = n.peer[k];
    if (st === 'site' || (st === 'open' && commonPlaces(g, n, x.a, x.b, 'site').length)) out[1] += x.weight;
  });
  return out;
}

/**
 * Solves a node's relaxation: one min-cost flow without the grouping rules
 * (each bed with the capacity of its largest set of disjoint stays), whose
 * score with optimistic grouping counts bounds every solution in the node.
 * Null when a forced intern cannot be housed (the node is empty).
 */
export function evaluate(g: Group, n: Node): Evaluated | null {
  const { p, members, w } = g;
  const slots = slotsOf(g, n);
  const adj = members.map((i, k) => {
    const seen = new Map<number, number>();
    for (const e of p.edges[i]) {
      if (!allowed(g, n, i, e.bed)) continue;
      const c = slots.slotOfBed(e.bed);
      const cost = edgeCost(w, e.tenths, e.wish, p.interns[i].proposed === e.bed, restriction(g, n, k).forced);
      const prev = seen.get(c);
      if (prev === undefined || cost < prev) seen.set(c, cost);
    }
    return [...seen.entries()].map(([to, cost]) => ({ to, cost }));
  });
  const flow = minCostAssignmentWithDuals({ nLeft: members.length, rightCap: slots.caps, adj });
  const got = flow.assign;
  const rise = (k: number, bed: number) => {
    const to = slots.slotOfBed(bed);
    const a = adj[k].find((x) => x.to === to);
    return a ? flow.reducedCost(k, to, a.cost) : Infinity;
  };
  if (members.some((_, k) => restriction(g, n, k).forced && got[k] < 0)) return null;
  const assign = new Array<number>(p.interns.length).fill(-1);
  const used = slots.beds.map(() => 0);
  members.forEach((i, k) => (assign[i] = got[k] < 0 ? -1 : slots.beds[got[k]][g.clique ? used[got[k]]++ : 0]));
  const bound = scoreOf(p, assign, members);
  [bound[2], bound[3]] = groupingBound(g, n);
  return { node: n, assign, bound, rise };
}

/**
 * Upper bound of a child that pins interns to a place, from the parent's
 * duals alone: its flow cost rises at least by each pinned intern's cheapest
 * reduced cost there; the scalar bound is read back into levels. Null when a
 * pinned intern has no bed left there.
 */
export function pinnedLimit(g: Group, ev: Evaluated, child: Node, pinned: number[]): Score | null {
  const { p, w } = g;
  let rise = 0;
  for (const i of pinned) {
    const k = g.local.get(i)!;
    let m = Infinity;
    for (const e of p.edges[i]) if (allowed(g, child, i, e.bed)) m = Math.min(m, ev.rise(k, e.bed));
    if (m === Infinity) return null;
    rise += m;
  }
  const maxT = w.kept - 1;
  const u = w.housed * ev.bound[0] + w.wish * ev.bound[1] + w.kept * ev.bound[4] + ev.bound[5] - rise;
  const h = Math.floor((u + maxT) / w.housed);
  const afterHoused = u - w.housed * h;
  const wishes = Math.floor((afterHoused + maxT) / w.wish);
  const rest = afterHoused - w.wish * wishes;
  const kept = Math.floor((rest + maxT) / w.kept);
  const [rooms, peersUb] = groupingBound(g, child);
  return [h, wishes, rooms, peersUb, kept, rest - w.kept * kept];
}

/** A child that only narrows choices keeps the parent's flow bound, with its own grouping counts. */
export function narrowedLimit(g: Group, ev: Evaluated, node: Node): Score {
  const [rooms, peersUb] = groupingBound(g, node);
  return [ev.bound[0], ev.bound[1], rooms, peersUb, ev.bound[4], ev.bound[5]];
}
