import { isoDate } from '../calendar/semesters.ts';
import { subtractRanges, type DateRange } from '../matching-runs/date-ranges.ts';
import type { LngLat } from '../../routing/provider.ts';

/** A room as loaded for matching: its site, beds and availability windows. */
export interface RoomForCoverage {
  site: { id: number; name: string; commune: string; lng: number; lat: number };
  beds: { id: number }[];
  availability: { startDate: Date; endDate: Date }[];
}

/** A live booking as loaded for matching. */
export interface BookingForCoverage {
  internId: number;
  bedId: number;
  startDate: Date;
  endDate: Date;
}

/** A site that has a free bed for at least one placement. */
export interface FreeSite {
  id: number;
  name: string;
  commune: string;
  location: LngLat;
}

/**
 * For each stay, the sites with a bed free for the whole of it: the room's availability covers every
 * day and no live booking of ANOTHER intern overlaps (the intern's own booking leaves the bed theirs,
 * as in the matching). Capacity is not shared out: one free bed makes a site count for every stay
 * within reach — who gets it is the matching's question, not coverage's.
 */
export function freeSitesByStay(rooms: RoomForCoverage[], bookings: BookingForCoverage[], stays: { internId: number; from: string; to: string }[]): { sites: FreeSite[]; freeAt: Set<number>[] } {
  const bookingsOf = new Map<number, BookingForCoverage[]>();
  for (const b of bookings) bookingsOf.set(b.bedId, [...(bookingsOf.get(b.bedId) ?? []), b]);
  const sites = new Map<number, FreeSite>();
  const freeAt = stays.map(() => new Set<number>());
  for (const room of rooms) {
    const windows: DateRange[] = room.availability.map((w) => ({ from: isoDate(w.startDate), to: isoDate(w.endDate) }));
    for (const bed of room.beds) {
      const booked = bookingsOf.get(bed.id) ?? [];
      stays.forEach((stay, s) => {
        if (freeAt[s].has(room.site.id)) return;
        const others = booked.filter((b) => b.internId !== stay.internId).map((b) => ({ from: isoDate(b.startDate), to: isoDate(b.endDate) }));
        const free = subtractRanges(windows, others);
        if (!free.some((r) => r.from <= stay.from && stay.to <= r.to)) return;
        freeAt[s].add(room.site.id);
        if (!sites.has(room.site.id)) sites.set(room.site.id, { id: room.site.id, name: room.site.name, commune: room.site.commune, location: [room.site.lng, room.site.lat] });
      });
    }
  }
  return { sites: [...sites.values()].sort((a, b) => a.id - b.id), freeAt };
}
