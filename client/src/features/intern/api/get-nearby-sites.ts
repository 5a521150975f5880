import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

const nearbySiteSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  commune: z.string().nullish(),
  location: z.tuple([z.number(), z.number()]),
  funder: z.looseObject({ kind: z.string().nullish(), name: z.string().nullish() }).nullish(),
  rentCents: z.number().nullish(),
  chargesIncluded: z.boolean().nullish(),
  amenities: z.array(z.string()).default([]),
  rules: z.looseObject({ partnerAllowed: z.boolean().nullish(), guestsAllowed: z.boolean().nullish(), text: z.string().nullish() }).nullish(),
  description: z.string().nullish(),
  address: z.string().nullish(),
  beds: z.number().nullish(),
  freeBeds: z.number().nullish(),
  minutes: z.array(z.number().nullable()).default([]),
  totalMinutes: z.number().nullish(),
  estimate: z.boolean().nullish(),
});
export type NearbySite = z.infer<typeof nearbySiteSchema> & { sortMinutes: number };

/** GET /api/placements/:id/nearby-sites: sites with a free bed within N minutes of each practice. */
export const nearbySitesSchema = z
  .union([z.array(nearbySiteSchema), z.looseObject({ sites: z.array(nearbySiteSchema), estimate: z.boolean().nullish() })])
  .transform((x) => {
    const sites = Array.isArray(x) ? x : x.sites;
    const estimate = Array.isArray(x) ? sites.some((s) => s.estimate) : !!x.estimate || sites.some((s) => s.estimate);
    return {
      estimate,
      sites: sites
        .map((s): NearbySite => ({ ...s, sortMinutes: s.totalMinutes ?? s.minutes.reduce<number>((n, m) => n + (m ?? Infinity), 0) }))
        .sort((a, b) => a.sortMinutes - b.sortMinutes),
    };
  });

/** Fetches the sites within `minutes` of a placement. */
export const getNearbySites = (placementId: number, minutes: number) =>
  api(`/placements/${placementId}/nearby-sites`, { query: { minutes }, schema: nearbySitesSchema });

/** Sites near a placement, sorted by drive time (the sum of both drives for two practices). */
export function useNearbySites(placementId: number | undefined, minutes = 30) {
  return useQuery({ queryKey: ['nearby-sites', placementId, minutes], queryFn: () => getNearbySites(placementId!, minutes), enabled: placementId !== undefined });
}
