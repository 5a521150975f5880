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

/** GET /api/sites/:id answers `{window, site}`. */
export const siteDetailResponseSchema = z.object({ site: siteDetailSchema }).transform((x) => x.site);

/** Fetches one site for a semester (silently: the list already shows the essentials). */
export const getSite = (id: number, semester: string) => api(`/sites/${id}`, { query: { semester }, schema: siteDetailResponseSchema, silent: true });

/** One site's details, when a site is selected. */
export function useSite(id: number | undefined, semester: string) {
  return useQuery({ queryKey: ['site', id, semester], queryFn: () => getSite(id!, semester), enabled: id !== undefined, retry: false });
}
