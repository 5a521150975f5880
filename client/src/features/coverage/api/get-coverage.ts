import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

const lngLat = z.tuple([z.number(), z.number()]);

const uncoveredSchema = z.looseObject({
  placementId: z.number(),
  internId: z.number(),
  internName: z.string(),
  from: z.string(),
  to: z.string(),
  limitMinutes: z.number(),
  practices: z.array(z.looseObject({ id: z.number(), name: z.string(), commune: z.string(), location: lngLat })),
  todayBest: z.looseObject({ siteId: z.number(), siteName: z.string(), commune: z.string(), minutes: z.number() }).nullable(),
});
export type UncoveredPlacement = z.infer<typeof uncoveredSchema>;

const suggestionSchema = z.looseObject({
  rank: z.number(),
  name: z.string(),
  location: lngLat,
  source: z.enum(['commune', 'added']),
  newlyCovered: z.number(),
  newlyFar: z.number(),
  coveredSoFar: z.number(),
  placements: z.array(z.looseObject({ placementId: z.number(), minutes: z.number() })),
  isochrone: z.looseObject({ type: z.literal('Feature'), geometry: z.any(), properties: z.looseObject({ value: z.number() }) }).nullable(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

/** POST /api/coverage/suggestions: the uncovered placements and the greedy sequence of places to open. */
export const coverageSchema = z.looseObject({
  window: z.looseObject({ from: z.string(), to: z.string() }),
  limitMinutes: z.number(),
  farMinutes: z.number(),
  boundMinutes: z.number(),
  estimate: z.boolean(),
  placements: z.looseObject({ total: z.number(), covered: z.number(), uncovered: z.number() }),
  uncovered: z.array(uncoveredSchema),
  candidates: z.number(),
  suggestions: z.array(suggestionSchema),
});
export type Coverage = z.infer<typeof coverageSchema>;

/** A place staff add to the communes: a name and a `[lng, lat]` point. */
export interface AddedPlace {
  name: string;
  location: [number, number];
}

/** Asks for a semester's coverage and suggestions (a question, not a change: nothing is written). */
export const getCoverage = (input: { semester: string; k: number; limitMinutes: number; candidates: AddedPlace[] }) =>
  api('/coverage/suggestions', { method: 'POST', body: input, schema: coverageSchema });

/** Coverage and suggestions, kept while a new question is on its way (the map does not blink). */
export function useCoverage(input: { semester: string; k: number; limitMinutes: number; candidates: AddedPlace[] }) {
  return useQuery({ queryKey: ['coverage', input], queryFn: () => getCoverage(input), placeholderData: keepPreviousData });
}
