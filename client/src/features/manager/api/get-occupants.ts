import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

const occupantSchema = z.looseObject({
  /** null: another département's intern, shown to staff as a booked bed without a name. */
  name: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  room: z.union([z.string(), z.looseObject({ id: z.number().optional(), label: z.string() })]).nullish(),
  bed: z.union([z.string(), z.looseObject({ id: z.number().optional(), label: z.string().nullish() })]).nullish(),
  status: z.string().nullish(),
});

/** GET /api/sites/:id/occupants?semester=: who sleeps where (names and dates only). */
export const occupantsSchema = z
  .union([z.array(occupantSchema), z.looseObject({ occupants: z.array(occupantSchema) })])
  .transform((x) =>
    (Array.isArray(x) ? x : x.occupants).map((o) => ({
      name: o.name ?? '—',
      startDate: o.startDate.slice(0, 10),
      endDate: o.endDate.slice(0, 10),
      room: typeof o.room === 'string' ? o.room : (o.room?.label ?? ''),
      bed: typeof o.bed === 'string' ? o.bed : (o.bed?.label ?? ''),
      status: o.status ?? '',
    })),
  );
export type Occupant = z.infer<typeof occupantsSchema>[number];

/** Fetches a site's occupants for a semester (silently: the calendar works without them). */
export const getOccupants = (siteId: number, semester: string) => api(`/sites/${siteId}/occupants`, { query: { semester }, schema: occupantsSchema, silent: true });

/** A site's occupants for a semester. */
export function useOccupants(siteId: number | undefined, semester: string) {
  return useQuery({ queryKey: ['occupants', siteId, semester], queryFn: () => getOccupants(siteId!, semester), enabled: siteId !== undefined, retry: false });
}
