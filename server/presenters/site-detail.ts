import type { Site } from '../generated/prisma/client.ts';
import { isoDate } from '../domain/calendar/semesters.ts';
import type { SiteStats } from '../domain/sites/catalogue.ts';
import { presentPublicSite } from './site.ts';

type RoomWithBeds = {
  id: number;
  label: string;
  notes?: string | null;
  beds: { id: number; label: string }[];
  availability: { id: number; startDate: Date; endDate: Date; note: string | null }[];
};

/** A room with its beds and availability windows (no occupants). */
export function presentRoom(room: RoomWithBeds) {
  return {
    id: room.id,
    label: room.label,
    beds: room.beds.map((b) => ({ id: b.id, label: b.label })),
    availability: room.availability.map(presentAvailability),
  };
}

/** One availability window, dates as `YYYY-MM-DD`. */
export function presentAvailability(w: { id: number; startDate: Date; endDate: Date; note: string | null }) {
  return { id: w.id, startDate: isoDate(w.startDate), endDate: isoDate(w.endDate), note: w.note };
}

/** The site's contact person: shown to signed-in users only. */
export function presentContact(site: Pick<Site, 'contactName' | 'contactEmail' | 'contactPhone'>) {
  return { name: site.contactName, email: site.contactEmail, phone: site.contactPhone };
}

/** A site's detail page: the public fields, rooms, and the contact when `withContact`. */
export function presentSiteDetail(site: Site & { rooms: RoomWithBeds[] }, stats: SiteStats, opts: { withContact: boolean }) {
  return {
    ...presentPublicSite(site, stats),
    ...(opts.withContact ? { contact: presentContact(site) } : {}),
    rooms: site.rooms.map(presentRoom),
  };
}
