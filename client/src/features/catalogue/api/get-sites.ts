import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';
import { publicSiteSchema } from './site-schema.ts';

/** GET /api/sites?semester=: the public catalogue with free beds for a semester. */
export const sitesSchema = z.object({ window: z.object({ from: z.string(), to: z.string() }), sites: z.array(publicSiteSchema) });

/** Fetches the catalogue for a semester. */
export const getSites = (semester: string) => api('/sites', { query: { semester }, schema: sitesSchema });

/** The catalogue for a semester. */
export function useSites(semester: string) {
  return useQuery({ queryKey: ['sites', semester], queryFn: () => getSites(semester) });
}
