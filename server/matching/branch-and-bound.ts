import { edgeCost, flowWeights } from './flow-weights.ts';
import { minCostAssignmentWithDuals } from './min-cost-flow.ts';
import type { Problem } from './problem.ts';
import { BoundQueue } from './bound-queue.ts';
import { feasibleInGroup, maxDisjoint, repairRelaxed } from './bnb/repair.ts';
import { compareScores, partnerOk, scoreOf, type Score } from './score.ts';
import { SearchLimitError, type SearchOptions, type SearchOutcome } from './search-types.ts';

export { SearchLimitError, type SearchOptions, type SearchOutcome };

interface Restrict {
  excluded: boolean;
  forced: boolean;
  site?: string;
  room?: string;
  forbidden: Set<number>;
}
/** A node waiting on the stack, with an upper bound known before solving it. */
interface Pending {
  node: Node;
  limit: Score | null;
}
type SiteState = 'open' | 'neither' | 'site';
type BonusState = 'open' | 'room' | 'site' | 'forfeit';
interface Node {
  /** Restrictions by member index, only for interns a branch touched (copy on write). */
  r: Map<number, Restrict>;
  /** Partner rule per pair: still to check, or settled by a branch. */
  partnerSite: SiteState[];
  /** Partner room bonus per pair. */
  partnerRoom: BonusState[];
  peer: BonusState[];
}
interface Evaluated {
  node: Node;
  assign: number[];
  bound: Score;
  /** Least rise of the relaxation's cost if intern (member index) k is made to use bed b. */
  rise: (k: number, bed: number) => number;
}

/**
 * Exact branch-and-bound for a group with partner pairs, peer wishes or stays
 * that do not all overlap. Each node solves a min-cost flow relaxation (drop
 * the grouping rules, give each bed the capacity of the largest set of its
 * candidates with disjoint stays) and adds optimistic grouping counts; that
 * bound is lexicographically at least as good as any solution in the node.
 * Branching, in this order: two overlapping stays on one bed (i on that bed
 * and no overlapping stay there | i not on it); a partner pair (both at site s,
 * for each s | neither housed); a partner room (both in room r | no room
 * bonus); a peer wish (both at site s | no bonus). Nodes are expanded best
 * bound first (ties: first created), each solved only when it reaches the top;
 * a child that pins interns to a place gets a bound from its parent's duals
 * (its cost rises at least by their reduced costs there), so most children
 * are cut without a flow. The search stops when no waiting bound beats the
 * incumbent: the incumbent is then optimal. Worst case: exponential in the
 * number of grouping pairs (times their common sites and rooms) and of
 * bed-time conflicts, each node costing one flow, O(n·E log V); past
 * `maxNodes` (default 5,000) it throws `SearchLimitError` rather than answer
 * without proof. Measured: a 494-intern semester group with 5 partner pairs
 * and 10 peer wishes takes ~2 s; a 993-intern group with 10 pairs and 20
 * wishes did not finish in 5 minutes.
 */
export function solveByBranchAndBound(p: Problem, members: number[], opts: SearchOptions = {}, clique = false): SearchOutcome {
  const maxNodes = opts.maxNodes ?? 5_000;
  const deadline = opts.maxMs === undefined ? Infinity : performance.now() + opts.maxMs;
  const local = new Map(members.map((i, k) => [i, k]));
  const w = flowWeights(p, members);
  const partners = p.partners.filter(([a]) => local.has(a));
  const peers = p.peers.filter((x) => local.has(x.a));
  const bedsUsed = [...new Set(members.flatMap((i) => p.edges[i].map((e) => e.bed)))].sort((a, b) => a - b);
  const slot = new Map(bedsUsed.map((b, k) => [b, k]));
  const cap = bedsUsed.map((b) => maxDisjoint(members.filter((i) => p.edges[i].some((e) => e.bed === b)).map((i) => p.interns[i].range)));
  const isFixed = (i: number) => p.interns[i].fixed >= 0;
  const defaults: Restrict[] = members.map((i) => ({ excluded: false, forced: isFixed(i), forbidden: new Set() }));
  const get = (n: Node, k: number) => n.r.get(k) ?? defaults[k];
  /** A private copy of intern i's restriction in node n, safe to change. */
  const mut = (n: Node, i: number) => {
    const k = local.get(i)!;
    const r = get(n, k);
    const copy = { ...r, forbidden: new Set(r.forbidden) };
    n.r.set(k, copy);
    return copy;
  };
  const root: Node = {
    r: new Map(),
    partnerSite: partners.map(() => 'open'),
    partnerRoom: partners.map(() => 'open'),
    peer: peers.map(() => 'open'),
  };
  // A kept partner pins the other to its site (housed there or not at all).
  partners.forEach(([a, b], k) => {
    const fa = isFixed(a);
    const fb = isFixed(b);
    if (fa && fb) {
      root.partnerSite[k] = 'site';
      root.partnerRoom[k] = 'forfeit';
    } else if (fa || fb) {
      const [f, o] = fa ? [a, b] : [b, a];
      mut(root, o).site = p.beds[p.interns[f].fixed].site;
      root.partnerSite[k] = 'site';
    }
  });

  const allowed = (n: Node, i: number, bed: number) => {
    const r = get(n, local.get(i)!);
    if (r.excluded || r.forbidden.has(bed)) return false;
    const b = p.beds[bed];
    return (r.site === undefined || b.site === r.site) && (r.room === undefined || b.room === r.room);
  };
  /** Sites (or rooms) both interns may still use, cheapest pair of drives first, then by id. */
  const commonPlaces = (n: Node, a: number, b: number, key: 'site' | 'room') => {
    const cheapest = (i: number) => {
      const m = new Map<string, number>();
      for (const e of p.edges[i]) {
        if (!allowed(n, i, e.bed)) continue;
        const place = p.beds[e.bed][key];
        if (!m.has(place)) m.set(place, e.tenths);
      }
      return m;
    };
    const ma = cheapest(a);
    const mb = cheapest(b);
    const both = [...ma.keys()].filter((x) => mb.has(x)).map((x) => ({ x, c: ma.get(x)! + mb.get(x)! }));
    return both.sort((u, v) => u.c - v.c || (u.x < v.x ? -1 : 1)).map((u) => u.x);
  };
  const fixedPair = (a: number, b: number) => isFixed(a) && isFixed(b);

  const special = p.specialBeds;
  const windowsKey = bedsUsed.map((b) => p.beds[b].windows.map((x) => `${x.from}-${x.to}`).join(','));
  /**
   * Flow slots of a node: single beds with their capacity in general; when all
   * stays overlap, interchangeable beds of a site merge into one slot (rooms
   * pinned by a branch stay apart), which keeps each relaxation small.
   */
  const slotsOf = (n: Node) => {
    if (!clique) return { slotOfBed: (b: number) => slot.get(b)!, caps: cap, beds: bedsUsed.map((b) => [b]) };
    const pinned = new Set([...n.r.values()].map((r) => r.room).filter((x) => x !== undefined));
    const keyToSlot = new Map<string, number>();
    const beds: number[][] = [];
    const of = new Map<number, number>();
    bedsUsed.forEach((b, k) => {
      const bed = p.beds[b];
      const key = special.has(b) ? `#${b}` : `${bed.site}|${windowsKey[k]}|${bed.rentCents ?? ''}|${bed.partnerAllowed}|${pinned.has(bed.room) ? bed.room : ''}`;
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
  };

  /** Optimistic partner-room and peer counts of a node: settled bonuses, plus open ones still possible. */
  const groupingBound = (n: Node): [number, number] => {
    const g: [number, number] = [0, 0];
    partners.forEach(([a, b], k) => {
      const st = n.partnerRoom[k];
      if (fixedPair(a, b)) g[0] += p.beds[p.interns[a].fixed].room === p.beds[p.interns[b].fixed].room ? 1 : 0;
      else if (st === 'room') g[0]++;
      else if (st === 'open' && n.partnerSite[k] !== 'neither' && commonPlaces(n, a, b, 'room').length) g[0]++;
    });
    peers.forEach((x, k) => {
      const st = n.peer[k];
      if (st === 'site' || (st === 'open' && commonPlaces(n, x.a, x.b, 'site').length)) g[1] += x.weight;
    });
    return g;
  };

  const evaluate = (n: Node): Evaluated | null => {
    const slots = slotsOf(n);
    const adj = members.map((i, k) => {
      const seen = new Map<number, number>();
      for (const e of p.edges[i]) {
        if (!allowed(n, i, e.bed)) continue;
        const c = slots.slotOfBed(e.bed);
        const cost = edgeCost(w, e.tenths, e.wish, p.interns[i].proposed === e.bed, get(n, k).forced);
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
    if (members.some((_, k) => get(n, k).forced && got[k] < 0)) return null;
    const assign = new Array<number>(p.interns.length).fill(-1);
    const used = slots.beds.map(() => 0);
    members.forEach((i, k) => (assign[i] = got[k] < 0 ? -1 : slots.beds[got[k]][clique ? used[got[k]]++ : 0]));
    const bound = scoreOf(p, assign, members);
    [bound[2], bound[3]] = groupingBound(n);
    return { node: n, assign, bound, rise };
  };

  const clone = (n: Node): Node => ({ r: new Map(n.r), partnerSite: [...n.partnerSite], partnerRoom: [...n.partnerRoom], peer: [...n.peer] });
  const pin = (n: Node, i: number, key: 'site' | 'room', value: string) => {
    const r = mut(n, i);
    if (r[key] !== undefined && r[key] !== value) return false;
    r[key] = value;
    r.forced = true;
    return true;
  };

  /**
   * Upper bound of a child that pins interns to a place, from the parent's
   * duals alone: its flow cost rises at least by each pinned intern's cheapest
   * reduced cost there; the scalar bound is read back into levels.
   */
  const pinnedLimit = (ev: Evaluated, child: Node, pinned: number[]): Score | null => {
    let rise = 0;
    for (const i of pinned) {
      const k = local.get(i)!;
      let m = Infinity;
      for (const e of p.edges[i]) if (allowed(child, i, e.bed)) m = Math.min(m, ev.rise(k, e.bed));
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
    const [rooms, peersUb] = groupingBound(child);
    return [h, wishes, rooms, peersUb, kept, rest - w.kept * kept];
  };

  const children = (ev: Evaluated): Pending[] => {
    // A child that only narrows choices keeps the parent's flow bound, with its own grouping counts.
    const narrowed = (node: Node): Pending => {
      const [rooms, peersUb] = groupingBound(node);
      return { node, limit: [ev.bound[0], ev.bound[1], rooms, peersUb, ev.bound[4], ev.bound[5]] };
    };
    const pending = (nodes: Node[]) => nodes.map(narrowed);
    const { node: n, assign } = ev;
    // 1. Two overlapping stays on one bed.
    const onBed = new Map<number, number[]>();
    for (const i of members) if (assign[i] >= 0) onBed.set(assign[i], [...(onBed.get(assign[i]) ?? []), i]);
    for (const b of [...onBed.keys()].sort((x, y) => x - y)) {
      const list = onBed.get(b)!.sort((x, y) => p.interns[x].range.from - p.interns[y].range.from || x - y);
      for (let k = 0; k + 1 < list.length; k++) {
        const i = list[k];
        const ri = p.interns[i].range;
        if (p.interns[list[k + 1]].range.from > ri.to) continue;
        const take = clone(n);
        for (const j of members) {
          const rj = p.interns[j].range;
          if (j !== i && rj.from <= ri.to && ri.from <= rj.to) mut(take, j).forbidden.add(b);
        }
        const skip = clone(n);
        mut(skip, i).forbidden.add(b);
        return pending([take, skip]);
      }
    }
    // 2. Partner pairs.
    for (let k = 0; k < partners.length; k++) {
      const [a, b] = partners[k];
      if (n.partnerSite[k] === 'open' && !partnerOk(p, assign, a, b)) {
        const out: Pending[] = [];
        for (const s of commonPlaces(n, a, b, 'site')) {
          const c = clone(n);
          c.partnerSite[k] = 'site';
          if (pin(c, a, 'site', s) && pin(c, b, 'site', s)) out.push({ node: c, limit: pinnedLimit(ev, c, [a, b]) });
        }
        const none = clone(n);
        none.partnerSite[k] = 'neither';
        none.partnerRoom[k] = 'forfeit';
        mut(none, a).excluded = true;
        mut(none, b).excluded = true;
        out.push(narrowed(none));
        return out;
      }
    }
    for (let k = 0; k < partners.length; k++) {
      const [a, b] = partners[k];
      if (n.partnerRoom[k] !== 'open' || n.partnerSite[k] === 'neither' || fixedPair(a, b)) continue;
      const rooms = commonPlaces(n, a, b, 'room');
      const together = assign[a] >= 0 && assign[b] >= 0 && p.beds[assign[a]].room === p.beds[assign[b]].room;
      if (!rooms.length || together) continue;
      const out: Pending[] = [];
      for (const room of rooms) {
        const c = clone(n);
        c.partnerRoom[k] = 'room';
        if (pin(c, a, 'room', room) && pin(c, b, 'room', room)) out.push({ node: c, limit: pinnedLimit(ev, c, [a, b]) });
      }
      const f = clone(n);
      f.partnerRoom[k] = 'forfeit';
      out.push(narrowed(f));
      return out;
    }
    // 3. Peer wishes.
    for (let k = 0; k < peers.length; k++) {
      const { a, b } = peers[k];
      if (n.peer[k] !== 'open') continue;
      const sites = commonPlaces(n, a, b, 'site');
      const together = assign[a] >= 0 && assign[b] >= 0 && p.beds[assign[a]].site === p.beds[assign[b]].site;
      if (!sites.length || together) continue;
      const out: Pending[] = [];
      for (const s of sites) {
        const c = clone(n);
        c.peer[k] = 'site';
        if (pin(c, a, 'site', s) && pin(c, b, 'site', s)) out.push({ node: c, limit: pinnedLimit(ev, c, [a, b]) });
      }
      const f = clone(n);
      f.peer[k] = 'forfeit';
      out.push(narrowed(f));
      return out;
    }
    return [];
  };

  const feasible = (assign: number[]) => feasibleInGroup(p, members, partners, assign);
  const repair = (relaxed: number[]) => repairRelaxed(p, members, partners, relaxed);

  let best: { assign: number[]; score: Score } | null = null;
  let nodes = 0;
  let openBound: Score | null = null;
  // Best first: always expand the waiting node with the highest bound (ties: first created),
  // each solved only when reached, so a node whose bound cannot beat the incumbent costs nothing.
  const queue = new BoundQueue<Pending>();
  queue.push({ node: root, limit: null });
  while (queue.size) {
    const { node, limit } = queue.pop();
    if (best && limit && compareScores(limit, best.score) <= 0) break;
    if (nodes >= maxNodes || performance.now() > deadline) {
      // Out of budget: the node just taken has the best waiting bound (best first), so nothing left can beat it.
      const why = nodes >= maxNodes ? `${maxNodes} nodes` : `${opts.maxMs} ms`;
      if (!best) throw new SearchLimitError(`exact search stopped after ${why} on a group of ${members.length} interns, with no solution yet`);
      openBound = limit ?? evaluate(node)?.bound ?? best.score;
      break;
    }
    const ev = evaluate(node);
    if (!ev || (best && compareScores(ev.bound, best.score) <= 0)) continue;
    nodes++;
    // Any feasible relaxed answer is a candidate (else its repair): it tightens the cut early.
    const candidate = feasible(ev.assign) ? ev.assign : repair(ev.assign);
    const score = scoreOf(p, candidate, members);
    if (!best || compareScores(score, best.score) > 0) best = { assign: candidate, score };
    // A child's limit can never exceed its parent's bound.
    for (const kid of children(ev)) queue.push({ node: kid.node, limit: kid.limit && compareScores(kid.limit, ev.bound) < 0 ? kid.limit : ev.bound });
  }
  const assign = best ? best.assign : new Array<number>(p.interns.length).fill(-1);
  const score = best ? best.score : scoreOf(p, assign, members);
  const proven = openBound === null || compareScores(openBound, score) <= 0;
  return { assign: members.map((i) => assign[i]), nodes, proven, bound: proven ? score : openBound!, score };
}
