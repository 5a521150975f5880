import type { SiteStats, SiteWithBeds } from '../domain/sites/catalogue.ts';

/** The public face of a housing site: no personal data (no contact person, no occupants). */
export function presentPublicSite(site: Omit<SiteWithBeds, 'rooms'>, stats: SiteStats) {
  return {
    id: site.id,
    slug: site.slug,
    name: site.name,
    address: site.address,
    commune: site.commune,
    departement: site.departement,
    subdivision: site.subdivision,
    location: [site.lng, site.lat] as [number, number],
    funder: { kind: site.funderKind, name: site.funderName },
    rentCents: site.rentCents,
    chargesIncluded: site.chargesIncluded,
    chargesNote: site.chargesNote,
    furnished: site.furnished,
    amenities: site.amenities,
    rules: { partnerAllowed: site.partnerAllowed, guestsAllowed: site.guestsAllowed, text: site.houseRules },
    description: site.description,
    active: site.active,
    planned: site.planned,
    isDemo: site.isDemo,
    source: site.source,
    beds: stats.beds,
    freeBeds: stats.freeBeds,
  };
}

export type PublicSite = ReturnType<typeof presentPublicSite>;
