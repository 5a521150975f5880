import { flowWeights, type FlowWeights } from '../flow-weights.ts';
import type { PeerPair, Problem } from '../problem.ts';
import type { Score } from '../score.ts';
import { maxDisjoint } from './repair.ts';

/** What a branch imposes on one intern: unhoused, housed (forced), at one site or room, or kept off some beds. */
export interface Restrict {
  excluded: boolean;
  forced: boolean;
  site?: string;
  room?: string;
  forbidden: Set<number>;
}

/** The partner rule of a pair: still to check, or settled by a branch (neither housed, or both at one site). */
export type SiteState = 'open' | 'neither' | 'site';
/** A grouping bonus (partner room, peer wish): still open, won at a room or site, or given up. */
export type BonusState = 'open' | 'room' | 'site' | 'forfeit';

/** A search node: the restrictions and settled grouping decisions of one branch. */
export interface Node {
  /** Restrictions by member index, only for interns a branch touched (copy on write). */
  r: Map<number, Restrict>;
  /** Partner rule per pair: still to check, or settled by a branch. */
  partnerSite: SiteState[];
  /** Partner room bonus per pair. */
  partnerRoom: BonusState[];
  peer: BonusState[];
}

/** A node waiting on the queue, with an upper bound known before solving it. */
export interface Pending {
  node: Node;
  limit: Score | null;
}

/** A node whose relaxation was solved: its relaxed answer, its bound and its duals. */
export interface Evaluated {
  node: Node;
  assign: number[];
  bound: Score;
  /** Least rise of the relaxation's cost if intern (member index) k is made to use bed b. */
  rise: (k: number, bed: number) => number;
}

/**
 * One group's fixed data for the whole search, computed once: its members and
 * their local indexes, the flow weights, the grouping pairs inside it, the
 * beds it may use with their relaxation capacity, and each intern's default
 * restriction (a held stay is forced).
 */
export interface Group {
  p: Problem;
  members: number[];
  /** Member index of each intern of the group. */
  local: Map<number, number>;
  w: FlowWeights;
  partners: [number, number][];
  peers: PeerPair[];
  /** Beds any member may use, ascending. */
  bedsUsed: number[];
  /** Position of a bed in `bedsUsed`. */
  slot: Map<number, number>;
  /** Relaxation capacity of each bed of `bedsUsed`: most of its candidates with disjoint stays. */
  cap: number[];
  defaults: Restrict[];
  /** All stays overlap: interchangeable beds of a site may merge into one flow slot. */
  clique: boolean;
  /** Date windows of each bed of `bedsUsed`, as a key (beds merge only with the same windows). */
  windowsKey: string[];
}

/** The group's data for a search over `members`. */
export function groupOf(p: Problem, members: number[], clique: boolean): Group {
  const local = new Map(members.map((i, k) => [i, k]));
  const bedsUsed = [...new Set(members.flatMap((i) => p.edges[i].map((e) => e.bed)))].sort((a, b) => a - b);
  return {
    p,
    members,
    local,
    w: flowWeights(p, members),
    partners: p.partners.filter(([a]) => local.has(a)),
    peers: p.peers.filter((x) => local.has(x.a)),
    bedsUsed,
    slot: new Map(bedsUsed.map((b, k) => [b, k])),
    cap: bedsUsed.map((b) => maxDisjoint(members.filter((i) => p.edges[i].some((e) => e.bed === b)).map((i) => p.interns[i].range))),
    defaults: members.map((i) => ({ excluded: false, forced: isFixed(p, i), forbidden: new Set() })),
    clique,
    windowsKey: bedsUsed.map((b) => p.beds[b].windows.map((x) => `${x.from}-${x.to}`).join(',')),
  };
}

/** Intern i holds a confirmed or locked stay (it stays housed where it is). */
export const isFixed = (p: Problem, i: number) => p.interns[i].fixed >= 0;

/** Both interns of a pair hold their stays: nothing about them can change. */
export const fixedPair = (p: Problem, a: number, b: number) => isFixed(p, a) && isFixed(p, b);

/** The restriction of member k in node n (its default when no branch touched it). */
export const restriction = (g: Group, n: Node, k: number) => n.r.get(k) ?? g.defaults[k];

/** A private copy of intern i's restriction in node n, safe to change. */
export function mutable(g: Group, n: Node, i: number): Restrict {
  const k = g.local.get(i)!;
  const r = restriction(g, n, k);
  const copy = { ...r, forbidden: new Set(r.forbidden) };
  n.r.set(k, copy);
  return copy;
}

/** A child node sharing its parent's restrictions until it changes them (copy on write). */
export const cloneNode = (n: Node): Node => ({ r: new Map(n.r), partnerSite: [...n.partnerSite], partnerRoom: [...n.partnerRoom], peer: [...n.peer] });

/**
 * Pins intern i to a site or room in node n, housed; false when a branch
 * already pinned it elsewhere (the child is then empty).
 */
export function pin(g: Group, n: Node, i: number, key: 'site' | 'room', value: string): boolean {
  const r = mutable(g, n, i);
  if (r[key] !== undefined && r[key] !== value) return false;
  r[key] = value;
  r.forced = true;
  return true;
}

/**
 * The root node: everything open, except that a held partner pins the other
 * to its site (housed there or not at all), and a pair both held is settled.
 */
export function rootNode(g: Group): Node {
  const { p } = g;
  const root: Node = {
    r: new Map(),
    partnerSite: g.partners.map(() => 'open'),
    partnerRoom: g.partners.map(() => 'open'),
    peer: g.peers.map(() => 'open'),
  };
  g.partners.forEach(([a, b], k) => {
    const fa = isFixed(p, a);
    const fb = isFixed(p, b);
    if (fa && fb) {
      root.partnerSite[k] = 'site';
      root.partnerRoom[k] = 'forfeit';
    } else if (fa || fb) {
      const [f, o] = fa ? [a, b] : [b, a];
      mutable(g, root, o).site = p.beds[p.interns[f].fixed].site;
      root.partnerSite[k] = 'site';
    }
  });
  return root;
}

/** Intern i may use `bed` in node n: not excluded, not forbidden there, and within any site or room it was pinned to. */
export function allowed(g: Group, n: Node, i: number, bed: number): boolean {
  const r = restriction(g, n, g.local.get(i)!);
  if (r.excluded || r.forbidden.has(bed)) return false;
  const b = g.p.beds[bed];
  return (r.site === undefined || b.site === r.site) && (r.room === undefined || b.room === r.room);
}

/** Sites (or rooms) both interns may still use in node n, cheapest pair of drives first, then by id. */
export function commonPlaces(g: Group, n: Node, a: number, b: number, key: 'site' | 'room'): string[] {
  const cheapest = (i: number) => {
    const m = new Map<string, number>();
    for (const e of g.p.edges[i]) {
      if (!allowed(g, n, i, e.bed)) continue;
      const place = g.p.beds[e.bed][key];
      if (!m.has(place)) m.set(place, e.tenths);
    }
    return m;
  };
  const ma = cheapest(a);
  const mb = cheapest(b);
  const both = [...ma.keys()].filter((x) => mb.has(x)).map((x) => ({ x, c: ma.get(x)! + mb.get(x)! }));
  return both.sort((u, v) => u.c - v.c || (u.x < v.x ? -1 : 1)).map((u) => u.x);
}
