import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

/** GET /api/indicators?semester=: occupancy per site, interns placed vs housed, average drive time, aid. */
export const indicatorsSchema = z.looseObject({
  occupancy: z
    .array(z.looseObject({ siteId: z.number(), name: z.string(), beds: z.number().nullish(), bookedBedDays: z.number().nullish(), availableBedDays: z.number().nullish(), rate: z.number().nullish() }))
    .default([]),
  interns: z.looseObject({ placed: z.number(), housed: z.number() }),
  averageDriveMinutes: z.number().nullish(),
  estimate: z.boolean().nullish(),
  aid: z.looseObject({ count: z.number(), amountCents: z.number() }).nullish(),
});
export type Indicators = z.infer<typeof indicatorsSchema>;

/** Fetches a semester's indicators. */
export const getIndicators = (semester: string) => api('/indicators', { query: { semester }, schema: indicatorsSchema });

/** A semester's indicators. */
export function useIndicators(semester: string) {
  return useQuery({ queryKey: ['indicators', semester], queryFn: () => getIndicators(semester) });
}
