import { mulberry32 } from '../lib/seeded-random.ts';
import type { InstanceInput } from './instance-schema.ts';


const STAYS = [
  ['2026-11-02', '2027-04-30'],
  ['2026-11-02', '2027-04-30'],
  ['2027-05-03', '2027-10-31'],
  ['2027-02-01', '2027-07-31'],
] as const;
const WINDOWS = [
  [{ from: '2026-11-01', to: '2027-10-31' }],
  [{ from: '2026-11-01', to: '2027-04-30' }],
  [{ from: '2027-05-01', to: '2027-10-31' }],
  [{ from: '2026-11-01', to: '2027-01-31' }, { from: '2027-02-01', to: '2027-10-31' }],
];

/**
 * A small random instance with every feature the solver handles (partial
 * overlaps, two practices, rents, partner rules, partners, peers, existing
 * assignments, ranked site wishes), for property tests against the brute-force oracle.
 */
export function randomInstance(seed: number, size: { interns: number; beds: number; sites: number }): InstanceInput {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const sites = Array.from({ length: size.sites }, (_, k) => `s${k}`);
  const interns = Array.from({ length: size.interns }, (_, k) => {
    const [start, end] = pick(STAYS);
    return {
      id: `i${k}`,
      start,
      end,
      ...(r() < 0.2 ? { limitMinutes: pick([20, 40]) } : {}),
      ...(r() < 0.25 ? { maxRentCents: pick([15000, 20000]) } : {}),
      ...(r() < 0.15 ? { withPartner: true } : {}),
    } as InstanceInput['interns'][number];
  });
  if (size.interns >= 2 && r() < 0.4) {
    const a = Math.floor(r() * size.interns);
    const b = (a + 1 + Math.floor(r() * (size.interns - 1))) % size.interns;
    interns[a].partner = interns[b].id;
    if (r() < 0.5) interns[b].partner = interns[a].id;
  }
  for (const it of interns) if (size.interns >= 2 && r() < 0.3) {
    const peer = pick(interns).id;
    if (peer !== it.id) it.peers = [peer];
  }
  // Ranked site wishes: half the interns rank one to all sites, in a random order.
  for (const it of interns) if (r() < 0.5) {
    const order = [...sites].sort(() => r() - 0.5);
    it.wishes = order.slice(0, 1 + Math.floor(r() * sites.length));
  }
  const beds = Array.from({ length: size.beds }, (_, k) => ({
    id: `b${k}`,
    siteId: pick(sites),
    roomId: `r${Math.floor(r() * 2)}`,
    ...(r() < 0.8 ? { rentCents: pick([12000, 18000, 24000]) } : {}),
    ...(r() < 0.5 ? { partnerAllowed: true } : {}),
    available: pick(WINDOWS),
  }));
  for (const b of beds) b.roomId = `${b.siteId}-${b.roomId}`;
  const minutes: Record<string, Record<string, number | [number, number]>> = {};
  for (const it of interns) {
    minutes[it.id] = {};
    const two = r() < 0.2;
    for (const s of sites) {
      if (r() < 0.15) continue;
      const m = Math.floor(r() * 40) + 1;
      minutes[it.id][s] = two ? [m, Math.floor(r() * 25) + 1] : r() < 0.2 ? m + 0.5 : m;
    }
  }
  const existing: NonNullable<InstanceInput['existing']> = [];
  for (const it of interns) {
    if (r() < 0.25) {
      const status = r() < 0.7 ? 'proposed' : 'confirmed';
      existing.push({ intern: it.id, bed: pick(beds).id, status, ...(r() < 0.3 ? { locked: true } : {}) });
    }
  }
  return { interns, beds, minutes, limitMinutes: 30, existing };
}
