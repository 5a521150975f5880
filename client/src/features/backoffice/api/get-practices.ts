import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

const practiceSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  supervisors: z.array(z.string()).default([]),
  address: z.string().nullable(),
  commune: z.string(),
  departement: z.string(),
  location: z.tuple([z.number(), z.number()]),
  /** In an under-served zone of the ARS zoning; null: not known (read by aid schemes). */
  underservedZone: z.boolean().nullable().optional(),
});
export type Practice = z.infer<typeof practiceSchema>;

/** The react-query key of the practices list. */
export const PRACTICES_KEY = ['backoffice', 'practices'] as const;

/** GET /api/practices. */
export const getPractices = () => api('/practices', { schema: z.object({ practices: z.array(practiceSchema) }).transform((x) => x.practices) });

/** All GP practices and health centres. */
export function usePractices() {
  return useQuery({ queryKey: PRACTICES_KEY, queryFn: getPractices });
}
