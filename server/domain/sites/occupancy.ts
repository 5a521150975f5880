import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { isoDate, overlaps, toDate } from '../calendar/semesters.ts';
import { loadSitesWithBeds, siteStats, type SiteWithBeds } from './catalogue.ts';

type Db = Pick<PrismaClient, 'site' | 'assignment'>;

/** Sites a user looks after, with beds and bookings over the window (all sites when `ids` is undefined). */
export async function loadManagedSites(db: Db, window: { from: string; to: string }, ids: number[] | undefined) {
  return loadSitesWithBeds(db, window, { ids, includeInactive: true });
}

/** Bed counts of a loaded site over a window: total, booked at some point, free for the whole window. */
export function siteOccupancy(site: SiteWithBeds, from: string, to: string) {
  const stats = siteStats(site, from, to);
  let booked = 0;
  for (const room of site.rooms) for (const bed of room.beds) if (bed.assignments.some((a) => overlaps(isoDate(a.startDate), isoDate(a.endDate), from, to))) booked++;
  return { from, to, beds: stats.beds, bookedBeds: booked, freeBeds: stats.freeBeds };
}

/** Who sleeps in a site's beds over a window: names and dates only. */
/**
 * Who occupies a site's beds over the window. With `namesOf` (staff), an occupant outside those interns
 * (another département's) shows as a booked bed without a name.
 */
export async function siteOccupants(db: Db & Pick<PrismaClient, 'intern'>, siteId: number, window: { from: string; to: string }, namesOf?: Prisma.InternWhereInput) {
  const rows = await db.assignment.findMany({
    where: {
      status: { not: 'cancelled' },
      bed: { room: { siteId } },
      startDate: { lte: toDate(window.to) },
      endDate: { gte: toDate(window.from) },
    },
    orderBy: [{ startDate: 'asc' }, { id: 'asc' }],
    select: { startDate: true, endDate: true, status: true, internId: true, intern: { select: { name: true } }, bed: { select: { label: true, room: { select: { label: true } } } } },
  });
  const named = namesOf
    ? new Set((await db.intern.findMany({ where: { AND: [{ id: { in: rows.map((r) => r.internId) } }, namesOf] }, select: { id: true } })).map((i) => i.id))
    : undefined;
  return rows.map((r) => ({
    name: !named || named.has(r.internId) ? r.intern.name : null,
    startDate: isoDate(r.startDate),
    endDate: isoDate(r.endDate),
    room: r.bed.room.label,
    bed: r.bed.label,
    status: r.status,
  }));
}
