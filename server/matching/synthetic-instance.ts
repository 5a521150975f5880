import type { InstanceInput } from './instance-schema.ts';
import { mulberry32 } from '../lib/seeded-random.ts';

/** Sizes of a synthetic département. */
export interface SyntheticSize {
  interns: number;
  beds: number;
  sites: number;
  practices: number;
  /** Partner pairs among the first winter interns (the second shares the first's placement). */
  partnerPairs?: number;
  /** Peer wishes between the next winter interns (same placement too, so they can share a site). */
  peerWishes?: number;
  /** Ranked site wishes per intern: this many of the sites within 30 min, nearest first with some swaps. */
  siteWishes?: number;
}

/**
 * A département-like instance from a seed: sites and practices scattered on a
 * 150 km square (practices clustered around a few towns), drive minutes from
 * distance with a road factor and noise (only sites within an hour are in the
 * matrix, as a real matrix query would be bounded), two semesters with
 * slightly different start days, some beds free for one semester only, rents
 * of 100–250 €, a few rent ceilings, partner needs and custom limits.
 */
export function syntheticInstance(seed: number, size: SyntheticSize): InstanceInput {
  const r = mulberry32(seed);
  const side = 150;
  const towns = Array.from({ length: 12 }, () => [r() * side, r() * side]);
  const near = (spread: number) => {
    if (r() < 0.4) return [r() * side, r() * side];
    const [x, y] = towns[Math.floor(r() * towns.length)];
    return [Math.min(side, Math.max(0, x + (r() - 0.5) * spread)), Math.min(side, Math.max(0, y + (r() - 0.5) * spread))];
  };
  const sites = Array.from({ length: size.sites }, () => near(40));
  const practices = Array.from({ length: size.practices }, () => near(50));
  const minutesBetween = (a: number[], b: number[]) => {
    const km = Math.hypot(a[0] - b[0], a[1] - b[1]);
    return Math.round(3 + km * 1.1 * (0.85 + 0.3 * r()));
  };
  const beds: InstanceInput['beds'] = [];
  const weights = sites.map(() => 0.3 + r() * r() * 3);
  const total = weights.reduce((s, w) => s + w, 0);
  let acc = 0;
  for (let s = 0; s < size.sites; s++) {
    acc += weights[s];
    const until = Math.round((acc / total) * size.beds);
    const rent = (10 + Math.floor(r() * 16)) * 1000;
    const partnerAllowed = r() < 0.3;
    for (let k = 0; beds.length < until; k++) {
      const u = r();
      const available =
        u < 0.85 ? [{ from: '2026-11-01', to: '2027-10-31' }] : u < 0.93 ? [{ from: '2026-11-01', to: '2027-04-30' }] : [{ from: '2027-05-01', to: '2027-10-31' }];
      beds.push({ id: `b${String(beds.length).padStart(5, '0')}`, siteId: `s${s}`, roomId: `s${s}-r${k >> 1}`, ...(r() < 0.9 ? { rentCents: rent } : {}), partnerAllowed, available });
    }
  }
  const interns: InstanceInput['interns'] = [];
  const minutes: InstanceInput['minutes'] = {};
  for (let k = 0; k < size.interns; k++) {
    const id = `i${String(k).padStart(5, '0')}`;
    const winter = k < size.interns / 2;
    const day = 2 + Math.floor(r() * 3);
    const start = winter ? `2026-11-0${day}` : `2027-05-0${day + 1}`;
    const end = winter ? '2027-04-30' : '2027-10-31';
    const first = practices[Math.floor(r() * practices.length)];
    const second = r() < 0.2 ? [first[0] + (r() - 0.5) * 30, first[1] + (r() - 0.5) * 30] : null;
    const row: Record<string, number | [number, number]> = {};
    sites.forEach((site, s) => {
      const a = minutesBetween(site, first);
      const b = second ? minutesBetween(site, second) : 0;
      if (a <= 60 && b <= 60) row[`s${s}`] = second ? [a, b] : a;
    });
    minutes[id] = row;
    interns.push({
      id,
      start,
      end,
      ...(r() < 0.1 ? { limitMinutes: r() < 0.5 ? 25 : 40 } : {}),
      ...(r() < 0.15 ? { maxRentCents: (18 + Math.floor(r() * 5)) * 1000 } : {}),
      ...(r() < 0.05 ? { withPartner: true } : {}),
    });
  }
  for (let k = 0; k < (size.partnerPairs ?? 0); k++) {
    interns[2 * k].partner = interns[2 * k + 1].id;
    minutes[interns[2 * k + 1].id] = minutes[interns[2 * k].id];
  }
  for (let k = 0; k < (size.peerWishes ?? 0); k++) {
    const a = interns[2 * (size.partnerPairs ?? 0) + 2 * k];
    const b = interns[2 * (size.partnerPairs ?? 0) + 2 * k + 1];
    a.peers = [b.id];
    minutes[b.id] = minutes[a.id];
  }
  if (size.siteWishes) {
    for (const it of interns) {
      const reachable = Object.entries(minutes[it.id])
        .map(([site, m]) => ({ site, m: typeof m === 'number' ? m : m[0] + m[1] }))
        .filter((x) => x.m <= 30)
        .sort((x, y) => x.m - y.m || (x.site < y.site ? -1 : 1))
        .map((x) => x.site);
      // People do not rank purely by distance: swap neighbours now and then.
      for (let k = 0; k + 1 < reachable.length; k++) if (r() < 0.35) [reachable[k], reachable[k + 1]] = [reachable[k + 1], reachable[k]];
      if (reachable.length) it.wishes = reachable.slice(0, size.siteWishes);
    }
  }
  return { interns, beds, minutes, limitMinutes: 30 };
}
