import { isoDate } from '../calendar/semesters.ts';
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

/** A site as loaded for occupancy: its rooms' availability and the live bookings of its beds. */
export interface OccupancySite {
  id: number;
  name: string;
  rooms: { availability: { startDate: Date; endDate: Date }[]; beds: { assignments: { startDate: Date; endDate: Date }[] }[] }[];
}

/**
 * A site's occupancy over a window. Every bed offers the days its room's availability covers; a
 * booking counts only its days inside the window (pass live bookings only: not cancelled).
 */
export function siteOccupancy(site: OccupancySite, window: DateWindow): SiteOccupancy {
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
}
