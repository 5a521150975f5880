import type { PrismaClient } from '../../generated/prisma/client.ts';
import { internsIn, placementsIn, sitesIn, type Scope } from '../departements/visibility.ts';
import { toDate } from '../calendar/semesters.ts';
import type { DateWindow } from '../search/date-window.ts';
import { aidSelect, aidWhere, sumAid, type AidFigures } from './aid-granted.ts';
import { siteOccupancy, type SiteOccupancy } from './site-occupancy.ts';

/** The staff dashboard's figures for a window. */
export interface Indicators {
  window: DateWindow;
  occupancy: SiteOccupancy[];
  interns: { placed: number; housed: number };
  /** Mean drive of the window's live assignments that have a recorded drive time; null when none. */
  averageDriveMinutes: number | null;
  /** Aid granted in the window (live grants dated in it, to the interns the scope sees), per scheme and in total. */
  aid: AidFigures;
}

type Db = Pick<PrismaClient, 'site' | 'placement' | 'assignment' | 'aidGrant'>;

/**
 * Computes the indicators over a window. Bookings are the non-cancelled
 * assignments (proposed or confirmed) and count only their days inside the window.
 */
export async function computeIndicators(db: Db, window: DateWindow, scope: Scope = { national: true }): Promise<Indicators> {
  const live = { status: { not: 'cancelled' as const }, startDate: { lte: toDate(window.to) }, endDate: { gte: toDate(window.from) } };
  // Staff's figures: the sites of their départements, the placements there and their interns' bookings.
  const bookings = scope.national ? live : { ...live, intern: internsIn(scope) };
  const [sites, placements, assignments, grants] = await Promise.all([
    db.site.findMany({
      where: { active: true, ...sitesIn(scope) },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        name: true,
        rooms: { select: { availability: true, beds: { select: { assignments: { where: live, select: { startDate: true, endDate: true } } } } } },
      },
    }),
    db.placement.findMany({ where: { startDate: { lte: toDate(window.to) }, endDate: { gte: toDate(window.from) }, ...placementsIn(scope) }, select: { internId: true } }),
    db.assignment.findMany({ where: bookings, select: { internId: true, driveSeconds: true } }),
    db.aidGrant.findMany({ where: aidWhere(scope, window), select: aidSelect }),
  ]);
  const occupancy = sites.map((site) => siteOccupancy(site, window));
  const placed = new Set(placements.map((p) => p.internId));
  const housedInterns = new Set(assignments.map((a) => a.internId));
  const drives = assignments.map((a) => a.driveSeconds).filter((s): s is number => s !== null);
  return {
    window,
    occupancy,
    interns: { placed: placed.size, housed: [...placed].filter((id) => housedInterns.has(id)).length },
    averageDriveMinutes: drives.length ? Math.round((drives.reduce((a, b) => a + b, 0) / drives.length / 60) * 10) / 10 : null,
    aid: sumAid(grants),
  };
}
