import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';
import { publicSiteSchema } from './site-schema.ts';

/** GET /api/sites/:id: one site with its rooms, beds and availability windows. */
export const siteDetailSchema = publicSiteSchema.extend({
  rooms: z
    .array(
      z.object({
        id: z.number(),
        label: z.string(),
        beds: z.array(z.object({ id: z.number(), label: z.string().nullish() })).default([]),
        availability: z.array(z.object({ id: z.number(), startDate: z.string(), endDate: z.string(), note: z.string().nullish() })).default([]),
      }),
    )
    .default([]),
  contact: z.object({ name: z.string().nullish(), email: z.string().nullish(), phone: z.string().nullish() }).nullish(),
});
export type SiteDetail = z.infer<typeof siteDetailSchema>;

/** Fetches one site (silently: the list already shows the essentials). */
export const getSite = (id: number) => api(`/sites/${id}`, { schema: siteDetailSchema, silent: true });

/** One site's details, when a site is selected. */
export function useSite(id: number | undefined) {
  return useQuery({ queryKey: ['site', id], queryFn: () => getSite(id!), enabled: id !== undefined, retry: false });
}
