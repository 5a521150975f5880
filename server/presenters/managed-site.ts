import { siteStats, type SiteWithBeds } from '../domain/sites/catalogue.ts';
import { siteOccupancy } from '../domain/sites/occupancy.ts';
import { presentAvailability, presentContact } from './site-detail.ts';
import { presentPublicSite } from './site.ts';

/** A site as its manager (or staff) sees it: contact, rooms, beds with an `occupied` flag, occupancy. */
export function presentManagedSite(site: SiteWithBeds, window: { from: string; to: string }) {
  return {
    ...presentPublicSite(site, siteStats(site, window.from, window.to)),
    contact: presentContact(site),
    occupancy: siteOccupancy(site, window.from, window.to),
    rooms: site.rooms.map((r) => ({
      id: r.id,
      label: r.label,
      beds: r.beds.map((b) => ({ id: b.id, label: b.label, occupied: b.assignments.length > 0 })),
      availability: r.availability.map(presentAvailability),
    })),
  };
}
