import { covers, dayNumber, mergeDayRanges, overlaps } from './dates.ts';
import type { Instance, InstanceIntern } from './instance-schema.ts';
import { wishPoints, type Edge, type PBed, type PIntern, type PeerPair, type Problem, type Why } from './problem.ts';
import { MatchingInputError } from './validate-instance.ts';

/** Drive minutes from a site to each of the intern's practices; undefined when unreachable. */
export function drivesTo(inst: Instance, intern: string, site: string): number[] | undefined {
  const m = inst.minutes[intern]?.[site];
  if (m === undefined) return undefined;
  return typeof m === 'number' ? [m] : [...m];
}

/** The intern's own limit, or the run's. */
export const limitOf = (inst: Instance, it: InstanceIntern) => it.limitMinutes ?? inst.limitMinutes;

/**
 * Every reason a bed does not suit an intern, ignoring who else wants it (empty
 * when eligible). Order is the order explanations prefer: distance first.
 */
export function ineligibility(inst: Instance, it: InstanceIntern, bed: PBed): Why[] {
  const out: Why[] = [];
  const drives = drivesTo(inst, it.id, bed.site);
  if (!drives || drives.some((d) => d > limitOf(inst, it))) out.push('too far');
  if (!covers(bed.windows, { from: dayNumber(it.start), to: dayNumber(it.end) })) out.push('dates');
  if (it.maxRentCents !== undefined && bed.rentCents !== undefined && bed.rentCents > it.maxRentCents) out.push('rent');
  if (it.withPartner && !bed.partnerAllowed) out.push('rules');
  return out;
}

const tenthsOf = (drives: number[]) => Math.round(drives.reduce((s, d) => s + d, 0) * 10);
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Builds the solver's problem from a validated instance. Confirmed and locked
 * existing assignments become fixed: their intern gets that bed as only edge
 * (even when it is no longer eligible: kept anyway, flagged later) and no
 * other intern may use that bed on overlapping dates.
 */
export function buildProblem(inst: Instance): Problem {
  const interns = [...inst.interns].sort(byId);
  const beds: PBed[] = [...inst.beds].sort(byId).map((b) => ({
    id: b.id,
    site: b.siteId,
    room: b.roomId ?? `${b.siteId}/${b.id}`,
    roomId: b.roomId,
    rentCents: b.rentCents,
    partnerAllowed: b.partnerAllowed === true,
    windows: mergeDayRanges(b.available.map((w) => ({ from: dayNumber(w.from), to: dayNumber(w.to) }))),
  }));
  const iIndex = new Map(interns.map((it, i) => [it.id, i]));
  const bIndex = new Map(beds.map((b, i) => [b.id, i]));
  const p: PIntern[] = interns.map((it) => ({
    id: it.id,
    range: { from: dayNumber(it.start), to: dayNumber(it.end) },
    limit: limitOf(inst, it),
    partner: it.partner !== undefined ? iIndex.get(it.partner)! : -1,
    fixed: -1,
    proposed: -1,
  }));
  // A partner named on one side only still binds both.
  p.forEach((x, i) => {
    if (x.partner >= 0) p[x.partner].partner = i;
  });
  (inst.existing ?? []).forEach((x, k) => {
    const pi = p[iIndex.get(x.intern)!];
    const b = bIndex.get(x.bed)!;
    if (x.status === 'confirmed' || x.locked) {
      const clash = p.find((o) => o.fixed === b && overlaps(o.range, pi.range));
      if (clash) throw new MatchingInputError(`existing[${k}].bed`, `${x.bed} is already kept for ${clash.id} on overlapping dates`);
      pi.fixed = b;
    } else pi.proposed = b;
  });
  const fixedOn = new Map<number, PIntern[]>();
  for (const x of p) if (x.fixed >= 0) fixedOn.set(x.fixed, [...(fixedOn.get(x.fixed) ?? []), x]);
  const bedsOfSite = new Map<string, number[]>();
  beds.forEach((bed, b) => bedsOfSite.set(bed.site, [...(bedsOfSite.get(bed.site) ?? []), b]));
  const edges: Edge[][] = interns.map((it, i) => {
    const me = p[i];
    const ranks = new Map<string, number>();
    (it.wishes ?? []).forEach((site, k) => ranks.has(site) || ranks.set(site, k + 1));
    const wishOf = (site: string) => wishPoints(ranks.get(site) ?? 0);
    if (me.fixed >= 0) {
      const bed = beds[me.fixed];
      const drives = drivesTo(inst, it.id, bed.site) ?? [];
      return [{ bed: me.fixed, tenths: tenthsOf(drives), drives, wish: wishOf(bed.site) }];
    }
    const list: Edge[] = [];
    for (const site of Object.keys(inst.minutes[it.id] ?? {})) {
      const drives = drivesTo(inst, it.id, site)!;
      if (drives.some((d) => d > me.limit)) continue;
      const tenths = tenthsOf(drives);
      for (const b of bedsOfSite.get(site) ?? []) {
        const bed = beds[b];
        if (!covers(bed.windows, me.range)) continue;
        if (it.maxRentCents !== undefined && bed.rentCents !== undefined && bed.rentCents > it.maxRentCents) continue;
        if (it.withPartner && !bed.partnerAllowed) continue;
        if (fixedOn.get(b)?.some((o) => overlaps(o.range, me.range))) continue;
        list.push({ bed: b, tenths, drives, wish: wishOf(site) });
      }
    }
    return list.sort((a, b) => a.tenths - b.tenths || a.bed - b.bed);
  });
  const partners: [number, number][] = [];
  p.forEach((x, i) => {
    if (x.partner > i) partners.push([i, x.partner]);
  });
  const wish = new Map<string, PeerPair>();
  interns.forEach((it, i) => {
    for (const peerId of new Set(it.peers ?? [])) {
      const j = iIndex.get(peerId)!;
      const [a, b] = i < j ? [i, j] : [j, i];
      const key = `${a},${b}`;
      const w = wish.get(key);
      if (w) w.weight += 1;
      else wish.set(key, { a, b, weight: 1 });
    }
  });
  const peers = [...wish.values()].sort((x, y) => x.a - y.a || x.b - y.b);
  const specialBeds = new Set<number>();
  for (const x of p) {
    if (x.fixed >= 0) specialBeds.add(x.fixed);
    if (x.proposed >= 0) specialBeds.add(x.proposed);
  }
  return { interns: p, beds, edges, peers, partners, specialBeds };
}
