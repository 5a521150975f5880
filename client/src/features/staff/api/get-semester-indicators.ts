import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api, apiUrl } from '../../../lib/api-client.ts';

const occupancy = z.object({ siteId: z.number(), name: z.string(), beds: z.number(), bookedBedDays: z.number(), availableBedDays: z.number(), rate: z.number().nullable() });

/** One semester's figures, as GET /api/indicators/semesters sends them. */
export const semesterFiguresSchema = z.object({
  semester: z.object({ id: z.string(), from: z.string(), to: z.string() }),
  interns: z.object({
    placed: z.number(),
    housedWithinLimit: z.number(),
    housedBeyondLimit: z.number(),
    housedDriveUnknown: z.number(),
    notHoused: z.number(),
    foreign: z.number(),
    subdivisionUnknown: z.number(),
  }),
  drive: z.object({ averageMinutes: z.number().nullable(), worstMinutes: z.number().nullable(), counted: z.number(), estimate: z.boolean() }),
  occupancy: z.array(occupancy),
  aid: z.object({
    count: z.number(),
    amountCents: z.number(),
    schemes: z.array(z.object({ schemeId: z.number(), code: z.string(), name: z.string(), count: z.number(), amountCents: z.number() })),
  }),
});
export type SemesterFigures = z.infer<typeof semesterFiguresSchema>;

/** GET /api/indicators/semesters: whose figures and one entry per semester, oldest first. */
export const semesterIndicatorsSchema = z.object({
  departement: z.string().nullable(),
  departements: z.array(z.string()).nullable(),
  limitMinutes: z.number(),
  semesters: z.array(semesterFiguresSchema),
});
export type SemesterIndicators = z.infer<typeof semesterIndicatorsSchema>;

/** What to ask for: a département (empty: the caller's whole scope), how many semesters, up to which one. */
export interface SemesterIndicatorsQuery {
  departement: string;
  count: number;
  until: string;
}

const query = (q: SemesterIndicatorsQuery) => ({ departement: q.departement || undefined, count: q.count, until: q.until });

/** Fetches the indicators over the last semesters. */
export const getSemesterIndicators = (q: SemesterIndicatorsQuery) => api('/indicators/semesters', { query: query(q), schema: semesterIndicatorsSchema });

/** The CSV download of the same figures: French by default, `en` for the English variant. */
export const semesterIndicatorsCsvUrl = (q: SemesterIndicatorsQuery, format: 'fr' | 'en') =>
  apiUrl('/indicators/semesters.csv', { ...query(q), format: format === 'en' ? 'en' : undefined });

/** The indicators over the last semesters. */
export function useSemesterIndicators(q: SemesterIndicatorsQuery) {
  return useQuery({ queryKey: ['indicators', 'semesters', q.departement, q.count, q.until], queryFn: () => getSemesterIndicators(q) });
}

/** GET /api/departements: the caller's départements (admin: all). */
export const departementsSchema = z.object({ departements: z.array(z.looseObject({ code: z.string(), name: z.string() })) });

/** The départements the caller may pick. */
export function useDepartements() {
  return useQuery({ queryKey: ['departements'], queryFn: () => api('/departements', { schema: departementsSchema }) });
}
