import { nearestAlternatives, occupantsByBed } from './alternatives.ts';
import { overlaps } from './dates.ts';
import { drivesTo, ineligibility } from './eligibility.ts';
import type { Instance, InstanceIntern } from './instance-schema.ts';
import type { Problem } from './problem.ts';
import type { AlternativeWhy, AssignmentOut, MatchResult, UnmatchedOut } from './result-types.ts';
import { scoreOf } from './score.ts';
import { driveText, fmtMinutes, internName, placeText, plural, reasonsText, siteName, stayText } from './wording.ts';

/** "1st", "2nd", "3rd", "4th"… */
const ordinal = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

/** One wished site the intern did not get, and every reason against it. */
export interface UnmetWish {
  rank: number;
  site: string;
  siteName: string;
  reasons: AlternativeWhy[];
}

/**
 * How an intern's ranked site wishes fared: the rank of the site they got
 * (null when not wished), and when no wish was met, each of their first three
 * wished sites with what stood against it (`full`, `too far`, `rent`, `rules`,
 * `dates`, or `partner` when only keeping a couple together did).
 */
function wishOutcome(inst: Instance, p: Problem, occ: number[][], i: number, it: InstanceIntern, gotSite: string | null): { rank: number | null; unmet: UnmetWish[] } {
  const wishes = it.wishes ?? [];
  const rank = gotSite === null ? -1 : wishes.indexOf(gotSite);
  if (rank >= 0) return { rank: rank + 1, unmet: [] };
  const me = p.interns[i];
  const unmet = wishes.slice(0, 3).map((site, k): UnmetWish => {
    const beds = p.beds.map((_, b) => b).filter((b) => p.beds[b].site === site);
    let best: AlternativeWhy[] | null = null;
    for (const b of beds) {
      const reasons: AlternativeWhy[] = ineligibility(inst, it, p.beds[b]);
      if (occ[b].some((j) => j !== i && overlaps(p.interns[j].range, me.range))) reasons.push('full');
      if (!reasons.length) reasons.push('partner');
      if (!best || reasons.length < best.length) best = reasons;
    }
    // A wished site with no bed in the run: too far if its drive is over the limit, else not free for those dates.
    const drives = drivesTo(inst, it.id, site);
    const none: AlternativeWhy[] = drives && drives.every((d) => d <= me.limit) ? ['dates'] : ['too far'];
    return { rank: k + 1, site, siteName: siteName(inst, site), reasons: best ?? none };
  });
  return { rank: null, unmet };
}

/** Why an intern got this bed, from the same edges and occupancy the solver used. */
function explainAssigned(inst: Instance, p: Problem, occ: number[][], assign: number[], i: number, it: InstanceIntern): AssignmentOut {
  const me = p.interns[i];
  const b = assign[i];
  const bed = p.beds[b];
  const edge = p.edges[i].find((e) => e.bed === b)!;
  const name = siteName(inst, bed.site);
  const minutes = edge.tenths / 10;
  const parts = [`${name}, ${driveText(it, edge.drives)} (limit ${fmtMinutes(me.limit)} min)`];
  const flags: AssignmentOut['flags'] = me.fixed >= 0 ? ineligibility(inst, it, bed) : [];
  const kept = me.fixed === b || me.proposed === b;
  const existing = (inst.existing ?? []).find((x) => x.intern === it.id);
  if (me.fixed >= 0) parts.push(`${existing?.locked ? 'locked' : 'confirmed'} assignment kept${flags.length ? ` although no longer eligible: ${reasonsText(flags)}` : ''}`);
  else if (me.proposed === b) parts.push('kept from the previous proposal');
  const partnerId = me.partner >= 0 ? p.interns[me.partner] : null;
  const partnerIt = partnerId ? inst.interns.find((x) => x.id === partnerId.id)! : null;
  if (partnerIt && assign[me.partner] >= 0) {
    const pb = p.beds[assign[me.partner]];
    parts.push(pb.room === bed.room ? `shares a room with partner ${internName(partnerIt)}` : `same site as partner ${internName(partnerIt)}`);
  }
  const peersWith = p.peers
    .filter((w) => (w.a === i || w.b === i) && assign[w.a] >= 0 && assign[w.b] >= 0 && p.beds[assign[w.a]].site === p.beds[assign[w.b]].site)
    .map((w) => p.interns[w.a === i ? w.b : w.a].id);
  if (peersWith.length) {
    const names = peersWith.map((id) => internName(inst.interns.find((x) => x.id === id)!));
    parts.push(`with ${names.join(', ')} as wished`);
  }
  // Closer beds: taken by someone whose stay overlaps, or left free for grouping or stability.
  const closer = p.edges[i].filter((e) => e.tenths < edge.tenths);
  let taken = 0;
  let noOption = 0;
  let free = 0;
  for (const e of closer) {
    const by = occ[e.bed].filter((j) => j !== i && overlaps(p.interns[j].range, me.range));
    if (by.length) {
      taken++;
      if (by.some((j) => p.edges[j].length === 1)) noOption++;
    } else free++;
  }
  if (taken) {
    const beds = plural(taken, 'closer bed');
    parts.push(noOption === taken ? `${beds} ${taken === 1 ? 'was' : 'were'} needed by interns with no other option` : `${beds} went to other interns${noOption ? ` (${noOption} with no other option)` : ''}`);
  }
  if (free && me.fixed < 0) parts.push(`${plural(free, 'closer free bed')} passed over to ${me.proposed === b ? 'keep the previous proposal' : 'keep people together'}`);
  if (!closer.length && me.fixed < 0) parts.push('nearest eligible bed');
  const wish = wishOutcome(inst, p, occ, i, it, bed.site);
  if (wish.rank) parts.push(`${ordinal(wish.rank)} wish`);
  else if (wish.unmet.length) parts.push(`no wish could be met: ${wish.unmet.map((u) => `${u.siteName} ${reasonsText(u.reasons)}`).join(', ')}`);
  const rentUnknown = it.maxRentCents !== undefined && bed.rentCents === undefined;
  if (rentUnknown) {
    parts.push(`rent unknown (ceiling ${it.maxRentCents! / 100} €)`);
    flags.push('rent-unknown');
  }
  const reasonCode = me.fixed >= 0 ? 'kept-fixed' : me.proposed === b ? 'kept-proposal' : free ? 'grouped' : taken ? 'closer-taken' : 'nearest';
  return {
    intern: it.id,
    bed: bed.id,
    site: bed.site,
    ...(bed.roomId !== undefined ? { room: bed.roomId } : {}),
    minutes,
    drives: edge.drives,
    ...(kept ? { kept: true } : {}),
    ...(me.fixed >= 0 ? { fixed: true } : {}),
    ...(flags.length ? { flags } : {}),
    explanation: parts.join('; '),
    reasonCode,
    details: { siteName: name, minutes, drives: edge.drives, limit: me.limit, practices: it.practices ?? [], closerTaken: taken, closerNoOption: noOption, closerFree: free, partner: partnerId?.id ?? null, peers: peersWith, rentUnknown, wishRank: wish.rank, wishesUnmet: wish.unmet },
  };
}

/** Why an intern has no bed, with the nearest alternatives and what stood against each. */
function explainUnmatched(inst: Instance, p: Problem, occ: number[][], assign: number[], i: number, it: InstanceIntern): UnmatchedOut {
  const me = p.interns[i];
  const alts = nearestAlternatives(inst, p, occ, i, it);
  const count = Math.max(1, ...Object.values(inst.minutes[it.id] ?? {}).map((m) => (typeof m === 'number' ? 1 : m.length)));
  const place = placeText(it, count);
  const stay = stayText(me.range);
  // Eligible by the rules alone (a bed kept for someone else still counts, as taken).
  const ruleEligible = p.beds.map((_, b) => b).filter((b) => !ineligibility(inst, it, p.beds[b]).length);
  const eligible = ruleEligible.length;
  const freeEligible = ruleEligible.filter((b) => !occ[b].some((j) => j !== i && overlaps(p.interns[j].range, me.range))).length;
  const partner = me.partner >= 0 ? inst.interns.find((x) => x.id === p.interns[me.partner].id)! : null;
  const nearest = alts[0] ? `; nearest: ${alts[0].siteName} at ${alts[0].drives.map(fmtMinutes).join(' + ')} min, ${reasonsText(alts[0].reasons)}` : '; no site within reach';
  let reasonCode: UnmatchedOut['reasonCode'];
  let reason: string;
  if (!eligible) {
    reasonCode = 'no-eligible-bed';
    reason = `no free bed within ${fmtMinutes(me.limit)} min of ${place} for ${stay}${nearest}`;
  } else if (partner && freeEligible) {
    reasonCode = 'partner';
    reason = `no site within ${fmtMinutes(me.limit)} min of ${place} had a bed for both ${internName(it)} and partner ${internName(partner)} for ${stay}`;
  } else {
    reasonCode = 'all-taken';
    reason = `no free bed within ${fmtMinutes(me.limit)} min of ${place} for ${stay} (${plural(eligible, 'eligible bed')}, all taken)${nearest}`;
  }
  return {
    intern: it.id,
    reason,
    reasonCode,
    details: { limit: me.limit, practices: it.practices ?? [], from: it.start, to: it.end, eligibleBeds: eligible, freeEligibleBeds: freeEligible, partner: partner?.id ?? null, wishesUnmet: wishOutcome(inst, p, occ, i, it, null).unmet },
    alternatives: alts,
  };
}

/**
 * Turns the optimum into the published result: assignments and unmatched
 * interns in id order with their explanations, per-site occupancy, and the
 * value of each objective level.
 */
export function buildResult(inst: Instance, p: Problem, assign: number[], stats: MatchResult['stats'], gap?: MatchResult['gap']): MatchResult {
  const occ = occupantsByBed(p, assign);
  const byId = new Map(inst.interns.map((it) => [it.id, it]));
  const assignments: AssignmentOut[] = [];
  const unmatched: UnmatchedOut[] = [];
  p.interns.forEach((x, i) => {
    const it = byId.get(x.id)!;
    if (assign[i] >= 0) assignments.push(explainAssigned(inst, p, occ, assign, i, it));
    else unmatched.push(explainUnmatched(inst, p, occ, assign, i, it));
  });
  const occupancy: MatchResult['occupancy'] = {};
  p.beds.forEach((b, k) => {
    const o = (occupancy[b.site] ??= { beds: 0, used: 0 });
    o.beds++;
    if (occ[k].length) o.used++;
  });
  const s = scoreOf(p, assign);
  const proposals = p.interns.filter((x) => x.proposed >= 0).length;
  const totalMinutes = -s[5] / 10;
  return {
    assignments,
    unmatched,
    housed: s[0],
    totalMinutes,
    occupancy,
    optimal: gap === undefined,
    ...(gap ? { gap } : {}),
    ...(inst.estimate !== undefined ? { estimate: inst.estimate } : {}),
    objective: { housed: s[0], wishPoints: s[1], partnerRooms: s[2], peerWishes: s[3], keptProposals: s[4], movedProposals: proposals - s[4], totalMinutes },
    stats,
  };
}
