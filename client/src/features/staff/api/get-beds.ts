import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

/** A bed a staff member can assign by hand. */
export interface BedOption {
  bedId: number;
  label: string;
}

/** GET /api/me/sites (staff: all sites), flattened to beds for the override menus. */
export const bedsSchema = z
  .union([
    z.array(z.looseObject({ id: z.number(), name: z.string(), rooms: z.array(z.looseObject({ label: z.string(), beds: z.array(z.looseObject({ id: z.number(), label: z.string().nullish() })).default([]) })).default([]) })),
    z.looseObject({ sites: z.array(z.looseObject({ id: z.number(), name: z.string(), rooms: z.array(z.looseObject({ label: z.string(), beds: z.array(z.looseObject({ id: z.number(), label: z.string().nullish() })).default([]) })).default([]) })) }),
  ])
  .transform((x) =>
    (Array.isArray(x) ? x : x.sites).flatMap((s) =>
      s.rooms.flatMap((r) => r.beds.map((b): BedOption => ({ bedId: b.id, label: `${s.name} — ${r.label}${b.label && b.label !== r.label ? ` (${b.label})` : ''}` }))),
    ),
  );

/** Fetches every bed. */
export const getBeds = () => api('/me/sites', { schema: bedsSchema, silent: true });

/** Every bed, for overriding a proposal. */
export function useBeds() {
  return useQuery({ queryKey: ['all-beds'], queryFn: getBeds, staleTime: 60_000, retry: false });
}
