import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

const siteSchema = z.looseObject({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  commune: z.string(),
  departement: z.string(),
  subdivision: z.string(),
  location: z.tuple([z.number(), z.number()]),
  funder: z.looseObject({ kind: z.string(), name: z.string().nullable() }),
  rentCents: z.number().nullable(),
  active: z.boolean(),
  planned: z.boolean(),
  beds: z.number().nullable(),
});
export type StaffSite = z.infer<typeof siteSchema>;

/** The react-query key of the staff's site list. */
export const STAFF_SITES_KEY = ['backoffice', 'sites'] as const;

/** GET /api/me/sites: for staff, every site, withdrawn ones included. */
export const getStaffSites = () => api('/me/sites', { schema: z.object({ sites: z.array(siteSchema) }).transform((x) => x.sites) });

/** Every site (staff), withdrawn ones included. */
export function useStaffSites() {
  return useQuery({ queryKey: STAFF_SITES_KEY, queryFn: getStaffSites });
}
