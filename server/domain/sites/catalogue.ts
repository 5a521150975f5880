import type { PrismaClient } from '../../generated/prisma/client.ts';
import { isoDate, overlaps, toDate } from '../calendar/semesters.ts';

/** Occupancy figures of a site for a date window. */
export interface SiteStats {
  /** Number of beds, or null when the site's capacity is unknown (no rooms recorded). */
  beds: number | null;
  /**
   * Beds available for the whole window and not booked during it; null when the
   * site has never declared any availability (unknown is not "full").
   */
  freeBeds: number | null;
}

type Db = Pick<PrismaClient, 'site'>;

/**
 * Sites the public and interns may see: active or planned. A withdrawn site
 * (neither) is absent for them everywhere (catalogue, detail, preferences,
 * requests, searches), answered like an unknown id so ids cannot be enumerated.
 */
export const listedSiteWhere = { OR: [{ active: true }, { planned: true }] };

/** Loads sites with the rooms, beds, availability and live bookings needed to count free beds. */
export async function loadSitesWithBeds(db: Db, window: { from: string; to: string }, where: { ids?: number[]; includeInactive?: boolean } = {}) {
  return db.site.findMany({
    where: {
      ...(where.includeInactive ? {} : listedSiteWhere),
      ...(where.ids ? { id: { in: where.ids } } : {}),
    },
    orderBy: [{ departement: 'asc' }, { name: 'asc' }],
    include: {
      rooms: {
        orderBy: { label: 'asc' },
        include: {
          availability: { orderBy: { startDate: 'asc' } },
          beds: {
            orderBy: { label: 'asc' },
            include: {
              assignments: {
                where: { status: { not: 'cancelled' }, startDate: { lte: toDate(window.to) }, endDate: { gte: toDate(window.from) } },
                select: { id: true, startDate: true, endDate: true },
              },
            },
          },
        },
      },
    },
  });
}

export type SiteWithBeds = Awaited<ReturnType<typeof loadSitesWithBeds>>[number];

/** True when the availability windows cover every day of [from, to]. */
export function windowsCover(windows: { startDate: Date; endDate: Date }[], from: string, to: string): boolean {
  let cursor = from;
  const sorted = windows.map((w) => [isoDate(w.startDate), isoDate(w.endDate)] as const).sort();
  for (const [s, e] of sorted) {
    if (s > cursor) break;
    if (e >= cursor) cursor = nextDay(e);
    if (cursor > to) return true;
  }
  return cursor > to;
}

function nextDay(d: string): string {
  const t = toDate(d);
  t.setUTCDate(t.getUTCDate() + 1);
  return isoDate(t);
}

/** Counts beds and free beds of a loaded site for [from, to]. */
export function siteStats(site: SiteWithBeds, from: string, to: string): SiteStats {
  if (site.rooms.length === 0) return { beds: null, freeBeds: null };
  let beds = 0;
  let free = 0;
  for (const room of site.rooms) {
    const available = windowsCover(room.availability, from, to);
    for (const bed of room.beds) {
      beds++;
      const booked = bed.assignments.some((a) => overlaps(isoDate(a.startDate), isoDate(a.endDate), from, to));
      if (available && !booked && site.active) free++;
    }
  }
  const declared = site.rooms.some((r) => r.availability.length > 0);
  return { beds, freeBeds: declared ? free : null };
}
