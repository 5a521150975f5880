import type { PrismaClient } from '../../generated/prisma/client.ts';
import { isoDate, overlaps, toDate, type Semester } from '../calendar/semesters.ts';
import { placementsIn, sitesIn, type Scope } from '../departements/visibility.ts';
import { subdivisionKey, subdivisionsOf } from './departement-subdivisions.ts';
import { aidSelect, aidWhere, sumAid, type AidFigures } from './aid-granted.ts';
import { siteOccupancy, type SiteOccupancy } from './site-occupancy.ts';

/** How the interns placed in a semester were housed, and where they come from. */
export interface InternFigures {
  /** Interns with a placement at a practice of the scope overlapping the semester (each counted once). */
  placed: number;
  /** Placed and booked (proposed, accepted or confirmed) with every recorded drive within their limit. */
  housedWithinLimit: number;
  /** Placed and booked, with a recorded drive beyond their limit. */
  housedBeyondLimit: number;
  /** Placed and booked, but no drive time was recorded for the booking: neither within nor beyond. */
  housedDriveUnknown: number;
  /** Placed with no live booking overlapping the semester. */
  notHoused: number;
  /** Placed interns whose subdivision differs from the subdivision of their placement's département. */
  foreign: number;
  /** Placed interns whose placement's département has no known subdivision (no site records one). */
  subdivisionUnknown: number;
}

/** Drive times of the housed interns (each intern's longest recorded drive of the semester). */
export interface DriveFigures {
  averageMinutes: number | null;
  worstMinutes: number | null;
  /** How many housed interns have a recorded drive (what the average is over). */
  counted: number;
  /** True when one of those drives is a straight-line estimate, not a road drive time. */
  estimate: boolean;
}

/** One semester's figures for the scope. */
export interface SemesterFigures {
  semester: { id: string; from: string; to: string };
  interns: InternFigures;
  drive: DriveFigures;
  /** The scope's sites, each with its occupancy over the semester. */
  occupancy: SiteOccupancy[];
  aid: AidFigures;
}

type Db = Pick<PrismaClient, 'site' | 'placement' | 'assignment' | 'aidGrant'>;

const liveOver = (from: string, to: string) => ({ status: { not: 'cancelled' as const }, startDate: { lte: toDate(to) }, endDate: { gte: toDate(from) } });
const minutesOf = (seconds: number) => Math.round((seconds / 60) * 10) / 10;

/**
 * INDICATORS OVER SEMESTERS for a scope (staff: their départements, or one of them; admin: national
 * or one département). Reads everything over the semesters' whole span in three queries and buckets
 * in memory, so N semesters cost the same round trips as one.
 *
 * - *Placed*: interns with a placement at a practice (either one of a split placement) in the scope
 *   overlapping the semester. *Housed*: they have a live booking (not cancelled) overlapping it, at any
 *   site (a site across a border counts). Within/beyond compare the intern's longest recorded drive of
 *   the semester with their own limit, else `limitMinutes` (the matching's default, 30).
 * - *Foreign*: see departement-subdivisions.ts; an intern with several placements is local if one is.
 * - *Occupancy*: the scope's sites (active ones, and withdrawn ones that had bookings in the span), every
 *   live booking of their beds whoever the intern is.
 * - *Aid*: live grants (not cancelled) dated (`grantedOn`) in the semester, to the interns the scope sees
 *   (the aid register's own rule: registered in, or placed in, one of the départements).
 */
export async function computeSemesterIndicators(db: Db, opts: { scope: Scope; semesters: Semester[]; limitMinutes: number }): Promise<SemesterFigures[]> {
  const { scope, semesters, limitMinutes } = opts;
  if (!semesters.length) return [];
  const from = semesters[0].start;
  const to = semesters[semesters.length - 1].end;
  const live = liveOver(from, to);
  const [sites, placements, grants] = await Promise.all([
    db.site.findMany({
      where: { AND: [sitesIn(scope), { OR: [{ active: true }, { rooms: { some: { beds: { some: { assignments: { some: live } } } } } }] }] },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        name: true,
        rooms: { select: { availability: { select: { startDate: true, endDate: true } }, beds: { select: { assignments: { where: live, select: { startDate: true, endDate: true } } } } } },
      },
    }),
    db.placement.findMany({
      where: { startDate: { lte: toDate(to) }, endDate: { gte: toDate(from) }, ...placementsIn(scope) },
      select: {
        internId: true,
        startDate: true,
        endDate: true,
        practice: { select: { departementCode: true } },
        secondPractice: { select: { departementCode: true } },
        intern: { select: { subdivision: true, limitMinutes: true } },
      },
    }),
    db.aidGrant.findMany({
      where: aidWhere(scope, { from, to }),
      select: aidSelect,
    }),
  ]);
  const internIds = [...new Set(placements.map((p) => p.internId))];
  const inScope = (code: string | null | undefined): code is string => !!code && (scope.national || scope.codes.includes(code));
  const codes = [...new Set(placements.flatMap((p) => [p.practice.departementCode, p.secondPractice?.departementCode]).filter(inScope))];
  const [bookings, subdivisions] = await Promise.all([
    internIds.length
      ? db.assignment.findMany({ where: { ...live, internId: { in: internIds } }, select: { internId: true, startDate: true, endDate: true, driveSeconds: true, driveEstimate: true } })
      : Promise.resolve([]),
    subdivisionsOf(db, codes),
  ]);

  return semesters.map((s) => {
    const within = (x: { startDate: Date; endDate: Date }) => overlaps(isoDate(x.startDate), isoDate(x.endDate), s.start, s.end);
    // Each placed intern once, with the best origin verdict over their placements of the semester.
    const placed = new Map<number, { limit: number; origin: 'local' | 'foreign' | 'unknown' }>();
    for (const p of placements.filter(within)) {
      const subs = [p.practice.departementCode, p.secondPractice?.departementCode].filter(inScope).flatMap((c) => subdivisions.get(c) ?? []);
      const origin = subs.length === 0 ? 'unknown' : subs.includes(subdivisionKey(p.intern.subdivision)) ? 'local' : 'foreign';
      const seen = placed.get(p.internId);
      const rank = { local: 2, foreign: 1, unknown: 0 } as const;
      if (!seen || rank[origin] > rank[seen.origin]) placed.set(p.internId, { limit: p.intern.limitMinutes ?? limitMinutes, origin });
    }
    const stays = new Map<number, { worst: number | null; estimate: boolean }>();
    for (const b of bookings) {
      if (!placed.has(b.internId) || !within(b)) continue;
      const stay = stays.get(b.internId) ?? { worst: null, estimate: false };
      if (b.driveSeconds !== null && (stay.worst === null || b.driveSeconds > stay.worst)) stay.worst = b.driveSeconds;
      if (b.driveSeconds !== null && b.driveEstimate) stay.estimate = true;
      stays.set(b.internId, stay);
    }
    const interns: InternFigures = { placed: placed.size, housedWithinLimit: 0, housedBeyondLimit: 0, housedDriveUnknown: 0, notHoused: 0, foreign: 0, subdivisionUnknown: 0 };
    const drives: number[] = [];
    let estimate = false;
    for (const [id, { limit, origin }] of placed) {
      if (origin === 'foreign') interns.foreign++;
      if (origin === 'unknown') interns.subdivisionUnknown++;
      const stay = stays.get(id);
      if (!stay) interns.notHoused++;
      else if (stay.worst === null) interns.housedDriveUnknown++;
      else {
        drives.push(stay.worst);
        estimate ||= stay.estimate;
        if (stay.worst <= limit * 60) interns.housedWithinLimit++;
        else interns.housedBeyondLimit++;
      }
    }
    const window = { from: s.start, to: s.end };
    return {
      semester: { id: s.id, from: s.start, to: s.end },
      interns,
      drive: {
        averageMinutes: drives.length ? minutesOf(drives.reduce((a, b) => a + b, 0) / drives.length) : null,
        worstMinutes: drives.length ? minutesOf(Math.max(...drives)) : null,
        counted: drives.length,
        estimate,
      },
      occupancy: sites.map((site) => siteOccupancy(site, window)),
      aid: sumAid(grants.filter((g) => isoDate(g.grantedOn) >= s.start && isoDate(g.grantedOn) <= s.end)),
    };
  });
}

