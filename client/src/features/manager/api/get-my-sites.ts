import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

const windowSchema = z.looseObject({ id: z.number(), startDate: z.string(), endDate: z.string(), note: z.string().nullish() });
const roomSchema = z.looseObject({
  id: z.number(),
  label: z.string(),
  beds: z.union([z.array(z.looseObject({ id: z.number(), label: z.string().nullish() })), z.number()]).default([]),
  availability: z.array(windowSchema).default([]),
});
const occupancySchema = z.looseObject({
  semester: z.string().optional(),
  bookedBeds: z.number().nullish(),
  beds: z.number().nullish(),
  bookedBedDays: z.number().nullish(),
  availableBedDays: z.number().nullish(),
  rate: z.number().nullish(),
});
const managedSiteSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  commune: z.string().nullish(),
  rentCents: z.number().nullish(),
  amenities: z.array(z.string()).default([]),
  description: z.string().nullish(),
  rules: z.looseObject({ text: z.string().nullish() }).nullish(),
  contact: z.looseObject({ name: z.string().nullish(), email: z.string().nullish(), phone: z.string().nullish() }).nullish(),
  rooms: z.array(roomSchema).default([]),
  occupancy: z.union([z.array(occupancySchema), occupancySchema]).nullish(),
});

export type AvailabilityWindow = z.infer<typeof windowSchema>;
export type ManagedRoom = z.infer<typeof roomSchema> & { bedCount: number };
export interface Occupancy {
  rate: number | null;
  bookedBedDays?: number | null;
  availableBedDays?: number | null;
}
/** A site I manage, normalised. */
export interface ManagedSite {
  id: number;
  name: string;
  commune?: string | null;
  rentCents?: number | null;
  amenities: string[];
  description?: string | null;
  /** The house rules (free text), when set. */
  houseRules?: string | null;
  contact?: { name?: string | null; email?: string | null; phone?: string | null } | null;
  rooms: ManagedRoom[];
  occupancy: Record<string, Occupancy>;
}

/** GET /api/me/sites: the sites I manage (all of them for staff) with rooms, beds, availability and occupancy. */
export const mySitesSchema = z
  .union([z.array(managedSiteSchema), z.looseObject({ sites: z.array(managedSiteSchema) })])
  .transform((x): ManagedSite[] =>
    (Array.isArray(x) ? x : x.sites).map((s) => {
      const occ: Record<string, Occupancy> = {};
      const rateOf = (o: z.infer<typeof occupancySchema>) => o.rate ?? (o.bookedBeds != null && o.beds ? o.bookedBeds / o.beds : null);
      if (Array.isArray(s.occupancy)) for (const o of s.occupancy) occ[o.semester ?? ''] = { ...o, rate: rateOf(o) };
      else if (s.occupancy) occ.window = { rate: rateOf(s.occupancy) };
      return {
        id: s.id,
        name: s.name,
        commune: s.commune,
        rentCents: s.rentCents,
        amenities: s.amenities,
        description: s.description,
        houseRules: s.rules?.text ?? null,
        contact: s.contact,
        rooms: s.rooms.map((r) => ({ ...r, bedCount: Array.isArray(r.beds) ? r.beds.length : r.beds })),
        occupancy: occ,
      };
    }),
  );

/** The react-query key of my sites, invalidated by every edit. */
export const MY_SITES_KEY = ['me-sites'] as const;

/** Fetches my sites, with occupancy over a semester (under `occupancy.window`). */
export const getMySites = (semester: string) => api('/me/sites', { query: { semester }, schema: mySitesSchema });

/** My sites with their rooms, availability and occupancy for a semester. */
export function useMySites(semester: string) {
  return useQuery({ queryKey: [...MY_SITES_KEY, semester], queryFn: () => getMySites(semester) });
}
