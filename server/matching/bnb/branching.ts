import { partnerOk } from '../score.ts';
import { narrowedLimit, pinnedLimit } from './bounds.ts';
import { cloneNode, commonPlaces, fixedPair, mutable, pin, type Evaluated, type Group, type Node, type Pending } from './state.ts';

/**
 * The children of an evaluated node, by the first rule its relaxed answer
 * breaks, in this order: two overlapping stays on one bed; a partner pair
 * apart; a partner pair that could share a room and does not; a peer wish
 * that could be met and is not. None: the relaxed answer is a solution.
 */
export function children(g: Group, ev: Evaluated): Pending[] {
  return bedConflict(g, ev) ?? partnerSite(g, ev) ?? partnerRoom(g, ev) ?? peerWish(g, ev) ?? [];
}

const narrowed = (g: Group, ev: Evaluated, node: Node): Pending => ({ node, limit: narrowedLimit(g, ev, node) });

/**
 * Two overlapping stays on one bed (lowest bed, earliest stay first): intern i
 * keeps the bed and every stay overlapping it is kept off | i is kept off it.
 */
function bedConflict(g: Group, ev: Evaluated): Pending[] | null {
  const { p, members } = g;
  const { node: n, assign } = ev;
  const onBed = new Map<number, number[]>();
  for (const i of members) if (assign[i] >= 0) onBed.set(assign[i], [...(onBed.get(assign[i]) ?? []), i]);
  for (const b of [...onBed.keys()].sort((x, y) => x - y)) {
    const list = onBed.get(b)!.sort((x, y) => p.interns[x].range.from - p.interns[y].range.from || x - y);
    for (let k = 0; k + 1 < list.length; k++) {
      const i = list[k];
      const ri = p.interns[i].range;
      if (p.interns[list[k + 1]].range.from > ri.to) continue;
      const take = cloneNode(n);
      for (const j of members) {
        const rj = p.interns[j].range;
        if (j !== i && rj.from <= ri.to && ri.from <= rj.to) mutable(g, take, j).forbidden.add(b);
      }
      const skip = cloneNode(n);
      mutable(g, skip, i).forbidden.add(b);
      return [narrowed(g, ev, take), narrowed(g, ev, skip)];
    }
  }
  return null;
}

/** The first open partner pair the relaxed answer separates: both at site s, for each common site | neither housed. */
function partnerSite(g: Group, ev: Evaluated): Pending[] | null {
  const { node: n, assign } = ev;
  for (let k = 0; k < g.partners.length; k++) {
    const [a, b] = g.partners[k];
    if (n.partnerSite[k] !== 'open' || partnerOk(g.p, assign, a, b)) continue;
    const out: Pending[] = [];
    for (const s of commonPlaces(g, n, a, b, 'site')) {
      const c = cloneNode(n);
      c.partnerSite[k] = 'site';
      if (pin(g, c, a, 'site', s) && pin(g, c, b, 'site', s)) out.push({ node: c, limit: pinnedLimit(g, ev, c, [a, b]) });
    }
    const none = cloneNode(n);
    none.partnerSite[k] = 'neither';
    none.partnerRoom[k] = 'forfeit';
    mutable(g, none, a).excluded = true;
    mutable(g, none, b).excluded = true;
    out.push(narrowed(g, ev, none));
    return out;
  }
  return null;
}

/** The first partner pair that could share a room and does not: both in room r, for each common room | no room bonus. */
function partnerRoom(g: Group, ev: Evaluated): Pending[] | null {
  const { p } = g;
  const { node: n, assign } = ev;
  for (let k = 0; k < g.partners.length; k++) {
    const [a, b] = g.partners[k];
    if (n.partnerRoom[k] !== 'open' || n.partnerSite[k] === 'neither' || fixedPair(p, a, b)) continue;
    const rooms = commonPlaces(g, n, a, b, 'room');
    const together = assign[a] >= 0 && assign[b] >= 0 && p.beds[assign[a]].room === p.beds[assign[b]].room;
    if (!rooms.length || together) continue;
    const out: Pending[] = [];
    for (const room of rooms) {
      const c = cloneNode(n);
      c.partnerRoom[k] = 'room';
      if (pin(g, c, a, 'room', room) && pin(g, c, b, 'room', room)) out.push({ node: c, limit: pinnedLimit(g, ev, c, [a, b]) });
    }
    const f = cloneNode(n);
    f.partnerRoom[k] = 'forfeit';
    out.push(narrowed(g, ev, f));
    return out;
  }
  return null;
}

/** The first open peer wish that could be met and is not: both at site s, for each common site | no bonus. */
function peerWish(g: Group, ev: Evaluated): Pending[] | null {
  const { p } = g;
  const { node: n, assign } = ev;
  for (let k = 0; k < g.peers.length; k++) {
    const { a, b } = g.peers[k];
    if (n.peer[k] !== 'open') continue;
    const sites = commonPlaces(g, n, a, b, 'site');
    const together = assign[a] >= 0 && assign[b] >= 0 && p.beds[assign[a]].site === p.beds[assign[b]].site;
    if (!sites.length || together) continue;
    const out: Pending[] = [];
    for (const s of sites) {
      const c = cloneNode(n);
      c.peer[k] = 'site';
      if (pin(g, c, a, 'site', s) && pin(g, c, b, 'site', s)) out.push({ node: c, limit: pinnedLimit(g, ev, c, [a, b]) });
    }
    const f = cloneNode(n);
    f.peer[k] = 'forfeit';
    out.push(narrowed(g, ev, f));
    return out;
  }
  return null;
}
