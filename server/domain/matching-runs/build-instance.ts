import type { InstanceInput } from '../../matching/instance-schema.ts';
import type { DriveTimeProvider, LngLat } from '../../routing/provider.ts';
import { isoDate } from '../calendar/semesters.ts';
import type { DateWindow } from '../search/date-window.ts';
import { couldReachWithin, reachableMatrix } from '../search/reachable-matrix.ts';
import { subtractRanges, type DateRange } from './date-ranges.ts';
import type { MatchingData } from './load-matching-data.ts';

/**
 * The solver's instance as this layer builds it (ids are database ids as
 * strings), with every optional part the solver reads filled in.
 */
export type BuiltInstance = InstanceInput & {
  limitMinutes: number;
  interns: (InstanceInput['interns'][number] & { label: string; practices: string[] })[];
  beds: (InstanceInput['beds'][number] & { roomId: string })[];
  sites: Record<string, { name: string }>;
  existing: NonNullable<InstanceInput['existing']>;
  estimate: boolean;
};

/** Context kept beside the instance to write and explain results: names, seconds, estimate. */
export interface InstanceContext {
  window: DateWindow;
  estimate: boolean;
  provider: string | null;
  /** Drive seconds per practice, by intern then site. */
  driveSeconds: Record<string, Record<string, number[]>>;
  interns: Record<string, { name: string; placementId: number; practices: string[]; wishes: { siteId: number; siteName: string; rank: number }[]; note: string | null }>;
  beds: Record<string, { siteId: number; siteName: string; commune: string; roomLabel: string; bedLabel: string }>;
}

/** Seconds → minutes with one decimal (the solver compares minutes with limits). */
export const toMinutes = (s: number) => Math.round(s / 6) / 10;

/**
 * Turns loaded data into a solver instance. Interns are those with a placement
 * in the window (their first one there); beds are those of active sites with
 * some availability left once bookings of interns outside the run are cut
 * out; existing live assignments of the run's interns are passed on (confirmed
 * and locked ones are kept by the solver, proposed ones are hints to stay
 * stable; an intern held in a bed outside the run is already housed and left
 * out). Drive times come from one `provider.matrix(sites, practices)` call
 * over the sites some practice could reach within the largest limit;
 * when the provider says `estimate`, the whole run is an estimate.
 */
export async function buildMatchingInstance(opts: { data: MatchingData; provider: DriveTimeProvider; limitMinutes: number; onDriveTimes?: () => void }): Promise<{ instance: BuiltInstance; context: InstanceContext }> {
  const { data, limitMinutes } = opts;
  const placementOf = new Map<number, MatchingData['placements'][number]>();
  for (const p of data.placements) if (!placementOf.has(p.internId)) placementOf.set(p.internId, p);

  // Beds: availability minus the bookings of interns outside the run.
  const outsiders = new Map<number, DateRange[]>();
  for (const a of data.assignments) {
    if (placementOf.has(a.internId)) continue;
    outsiders.set(a.bedId, [...(outsiders.get(a.bedId) ?? []), { from: isoDate(a.startDate), to: isoDate(a.endDate) }]);
  }
  const beds: BuiltInstance['beds'] = [];
  const bedInfo: InstanceContext['beds'] = {};
  const siteNames: BuiltInstance['sites'] = {};
  const sites = new Map<number, LngLat>();
  for (const room of data.rooms) {
    const windows = room.availability.map((w) => ({ from: isoDate(w.startDate), to: isoDate(w.endDate) }));
    for (const bed of room.beds) {
      const available = subtractRanges(windows, outsiders.get(bed.id) ?? []);
      if (available.length === 0) continue;
      beds.push({
        id: String(bed.id),
        siteId: String(room.site.id),
        roomId: String(room.id),
        ...(room.site.rentCents !== null ? { rentCents: room.site.rentCents } : {}),
        ...(room.site.partnerAllowed !== null ? { partnerAllowed: room.site.partnerAllowed } : {}),
        available,
      });
      bedInfo[bed.id] = { siteId: room.site.id, siteName: room.site.name, commune: room.site.commune, roomLabel: room.label, bedLabel: bed.label };
      siteNames[room.site.id] = { name: room.site.name };
      sites.set(room.site.id, [room.site.lng, room.site.lat]);
    }
  }

  // One existing assignment per intern, held (confirmed or locked) ones first. An intern
  // held in a bed outside the run (no availability declared) is already housed: left out.
  const existingOf = new Map<number, MatchingData['assignments'][number]>();
  const rank = (a: MatchingData['assignments'][number]) => (a.status !== 'proposed' || a.locked ? 0 : 1);
  for (const a of data.assignments) {
    if (!placementOf.has(a.internId)) continue;
    const prev = existingOf.get(a.internId);
    if (!prev || rank(a) < rank(prev)) existingOf.set(a.internId, a);
  }
  for (const [internId, a] of existingOf) {
    if (bedInfo[a.bedId]) continue;
    existingOf.delete(internId);
    if (rank(a) === 0) placementOf.delete(internId);
  }
  const inRun = (internId: number) => placementOf.has(internId);

  const practices = new Map<number, LngLat>();
  for (const p of placementOf.values()) {
    practices.set(p.practice.id, [p.practice.lng, p.practice.lat]);
    if (p.secondPractice) practices.set(p.secondPractice.id, [p.secondPractice.lng, p.secondPractice.lat]);
  }
  // Only sites some practice could reach within the largest limit are worth a drive-time question.
  const maxLimit = 60 * Math.max(limitMinutes, ...[...placementOf.values()].map((p) => p.intern.limitMinutes ?? 0));
  const practicePoints = [...practices.values()];
  const siteIds = [...sites.keys()].filter((id) => practicePoints.some((pt) => couldReachWithin(sites.get(id)!, pt, maxLimit)));
  const practiceIds = [...practices.keys()];
  opts.onDriveTimes?.();
  const matrix = siteIds.length && practiceIds.length ? await reachableMatrix(opts.provider, siteIds.map((id) => sites.get(id)!), practicePoints) : undefined;

  const interns: BuiltInstance['interns'] = [];
  const minutes: BuiltInstance['minutes'] = {};
  const driveSeconds: InstanceContext['driveSeconds'] = {};
  const internInfo: InstanceContext['interns'] = {};
  for (const p of placementOf.values()) {
    const id = String(p.internId);
    const targets = [p.practice, ...(p.secondPractice ? [p.secondPractice] : [])];
    const partner = p.intern.partnerInternId;
    const peers = p.intern.wishes.map((w) => w.peerId).filter(inRun).map(String);
    interns.push({
      id,
      start: isoDate(p.startDate),
      end: isoDate(p.endDate),
      label: p.intern.name,
      practices: targets.map((t) => t.commune),
      ...(p.intern.limitMinutes !== null ? { limitMinutes: p.intern.limitMinutes } : {}),
      ...(p.intern.maxRentCents !== null ? { maxRentCents: p.intern.maxRentCents } : {}),
      ...(partner !== null && inRun(partner) ? { partner: String(partner) } : {}),
      ...(p.intern.withPartner ? { withPartner: true } : {}),
      ...(peers.length ? { peers } : {}),
      ...(p.intern.preferences.length ? { wishes: p.intern.preferences.map((w) => String(w.siteId)) } : {}),
    });
    internInfo[id] = {
      name: p.intern.name,
      placementId: p.id,
      practices: targets.map((t) => t.commune),
      wishes: p.intern.preferences.map((w, k) => ({ siteId: w.siteId, siteName: w.site.name, rank: k + 1 })),
      note: p.intern.preferencesNote,
    };
    minutes[id] = {};
    driveSeconds[id] = {};
    if (!matrix) continue;
    siteIds.forEach((siteId, si) => {
      const secs = targets.map((t) => matrix.durations[si]?.[practiceIds.indexOf(t.id)] ?? null);
      if (secs.some((x) => x === null)) return;
      const sec = secs as number[];
      minutes[id][siteId] = sec.length === 2 ? [toMinutes(sec[0]), toMinutes(sec[1])] : toMinutes(sec[0]);
      driveSeconds[id][siteId] = sec.map(Math.round);
    });
  }

  const existing: BuiltInstance['existing'] = [...existingOf.values()]
    .filter((a) => inRun(a.internId))
    .sort((a, b) => a.internId - b.internId)
    .map((a) => ({ intern: String(a.internId), bed: String(a.bedId), status: a.status === 'proposed' ? ('proposed' as const) : ('confirmed' as const), locked: a.locked }));

  const estimate = matrix?.estimate ?? false;
  return {
    instance: { limitMinutes, interns, beds, sites: siteNames, minutes, existing, estimate },
    context: { window: data.window, estimate, provider: matrix?.provider ?? null, driveSeconds, interns: internInfo, beds: bedInfo },
  };
}
