import type { PrismaClient } from '../../generated/prisma/client.ts';
import { internsIn, placementsIn, sitesIn, type Scope } from '../departements/visibility.ts';
import { isoDate, toDate } from '../calendar/semesters.ts';
import type { DateWindow } from '../search/date-window.ts';
import { coveredDays, daysInWindow } from './bed-days.ts';

/** Occupancy of one site over a window: booked bed-days out of the bed-days its availability offers. */
export interface SiteOccupancy {
  siteId: number;
  name: string;
  beds: number;
  bookedBedDays: number;
  availableBedDays: number;
  /** booked / available, 3 decimals; null when the site offered no bed-day in the window. */
  rate: number | null;
}

/** The staff dashboard's figures for a window. */
export interface Indicators {
  window: DateWindow;
  occupancy: SiteOccupancy[];
  interns: { placed: number; housed: number };
  /** Mean drive of the window's live assignments that have a recorded drive time; null when none. */
  averageDriveMinutes: number | null;
  /** No aid model yet (FSIM, indemnité d'hébergement): always null for now. */
  aid: null;
}

type Db = Pick<PrismaClient, 'site' | 'placement' | 'assignment'>;

/**
 * Computes the indicators over a window. Bookings are the non-cancelled
 * assignments (proposed or confirmed) and count only their days inside the window.
 */
export async function computeIndicators(db: Db, window: DateWindow, scope: Scope = { national: true }): Promise<Indicators> {
  const live = { status: { not: 'cancelled' as const }, startDate: { lte: toDate(window.to) }, endDate: { gte: toDate(window.from) } };
  // Staff's figures: the sites of their départements, the placements there and their interns' bookings.
  const bookings = scope.national ? live : { ...live, intern: internsIn(scope) };
  const [sites, placements, assignments] = await Promise.all([
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
  ]);
  const occupancy = sites.map((site) => {
    let beds = 0;
    let booked = 0;
    let available = 0;
    for (const room of site.rooms) {
      const offered = coveredDays(room.availability, window);
      for (const bed of room.beds) {
        beds++;
        available += offered;
        for (const a of bed.assignments) booked += daysInWindow(isoDate(a.startDate), isoDate(a.endDate), window);
      }
    }
    return { siteId: site.id, name: site.name, beds, bookedBedDays: booked, availableBedDays: available, rate: available > 0 ? Math.round((booked / available) * 1000) / 1000 : null };
  });
  const placed = new Set(placements.map((p) => p.internId));
  const housedInterns = new Set(assignments.map((a) => a.internId));
  const drives = assignments.map((a) => a.driveSeconds).filter((s): s is number => s !== null);
  return {
    window,
    occupancy,
    interns: { placed: placed.size, housed: [...placed].filter((id) => housedInterns.has(id)).length },
    averageDriveMinutes: drives.length ? Math.round((drives.reduce((a, b) => a + b, 0) / drives.length / 60) * 10) / 10 : null,
    aid: null,
  };
}
