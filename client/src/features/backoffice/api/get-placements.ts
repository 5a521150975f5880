import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

const practiceRef = z.looseObject({ id: z.number(), name: z.string(), commune: z.string() });
const placementSchema = z.looseObject({
  id: z.number(),
  internId: z.number(),
  practiceId: z.number(),
  secondPracticeId: z.number().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  intern: z.looseObject({ id: z.number(), name: z.string() }).optional(),
  practice: practiceRef.optional(),
  secondPractice: practiceRef.nullable().optional(),
});
export type Placement = z.infer<typeof placementSchema>;

/** The react-query key of placements lists. */
export const PLACEMENTS_KEY = ['backoffice', 'placements'] as const;

/** GET /api/placements?semester=&internId=. */
export const getPlacements = (q: { semester?: string; internId?: number }) =>
  api('/placements', { query: q, schema: z.object({ placements: z.array(placementSchema) }).transform((x) => x.placements) });

/** Placements of a semester, or of one intern. */
export function usePlacements(q: { semester?: string; internId?: number }, enabled = true) {
  return useQuery({ queryKey: [...PLACEMENTS_KEY, q], queryFn: () => getPlacements(q), enabled });
}
