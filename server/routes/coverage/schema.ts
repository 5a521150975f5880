import { z } from 'zod';
import { MAX_SUGGESTIONS } from '../../domain/coverage/suggest-openings.ts';
import { refineWindow, windowFields } from '../../domain/search/date-window.ts';
import { registerRoute } from '../../openapi/registry.ts';
import { bool, departementCode, intIn, lngLat, queryIntIn, requiredText } from '../../schemas/common.ts';

/** Most places staff may add to one request. */
export const MAX_ADDED_PLACES = 50;

/** GET /api/coverage query: a window (semester, from/to; default the next semester), a département, the default limit. */
export const coverageQuery = refineWindow(
  z.object({ ...windowFields, departement: departementCode.optional(), limitMinutes: queryIntIn(5, 120).default(30) }),
);
export type CoverageQuery = z.infer<typeof coverageQuery>;

/** POST /api/coverage/suggestions body: the same question, plus places to weigh and how many to suggest. */
export const suggestionsBody = refineWindow(
  z
    .object({
      ...windowFields,
      departement: departementCode.optional(),
      limitMinutes: intIn(5, 120).default(30),
      k: intIn(1, MAX_SUGGESTIONS).default(5),
      communes: bool.default(true).describe('weigh the communes of the département\'s practices (default true)'),
      candidates: z
        .array(z.object({ name: requiredText(120), location: lngLat }).strict())
        .max(MAX_ADDED_PLACES, `at most ${MAX_ADDED_PLACES} added places`)
        .default([])
        .describe('places staff add to the communes: a name and a [lng, lat] point'),
    })
    .strict(),
);
export type SuggestionsBody = z.infer<typeof suggestionsBody>;

const lngLatOut = z.tuple([z.number(), z.number()]);
const uncoveredPlacement = z.object({
  placementId: z.number().int(),
  internId: z.number().int(),
  internName: z.string(),
  from: z.string(),
  to: z.string(),
  limitMinutes: z.number().int(),
  practices: z.array(z.object({ id: z.number().int(), name: z.string(), commune: z.string(), location: lngLatOut })),
  todayBest: z
    .object({ siteId: z.number().int(), siteName: z.string(), commune: z.string(), minutes: z.number() })
    .nullable()
    .describe('nearest free bed today (longer drive of a two-practice placement); null: none within boundMinutes'),
});

/** GET /api/coverage response. */
export const coverageResponse = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  limitMinutes: z.number().int(),
  farMinutes: z.number().int(),
  boundMinutes: z.number().int(),
  estimate: z.boolean(),
  provider: z.string().nullable(),
  placements: z.object({ total: z.number().int(), covered: z.number().int(), uncovered: z.number().int() }),
  uncovered: z.array(uncoveredPlacement),
});

/** POST /api/coverage/suggestions response. */
export const suggestionsResponse = coverageResponse.extend({
  candidates: z.number().int(),
  suggestions: z.array(
    z.object({
      rank: z.number().int(),
      name: z.string(),
      location: lngLatOut,
      source: z.enum(['commune', 'added']),
      departementCode: z.string().nullable(),
      newlyCovered: z.number().int(),
      newlyFar: z.number().int(),
      coveredSoFar: z.number().int(),
      placements: z.array(z.object({ placementId: z.number().int(), minutes: z.number() })),
      isochrone: z.object({ type: z.literal('Feature'), geometry: z.unknown(), properties: z.object({ value: z.number() }) }).nullable(),
    }),
  ),
});

registerRoute({
  method: 'get',
  path: '/api/coverage',
  summary: 'Placements with no free bed within the drive limit',
  description:
    'Placements of the caller\'s départements (or `departement`, one of theirs) in the window with no bed free for their whole stay within their intern\'s limit (else `limitMinutes`), decided on the drive-time matrix. `todayBest` is the nearest free bed.',
  roles: ['staff', 'admin'],
  tags: ['coverage'],
  request: { query: coverageQuery },
  responses: { 200: { description: 'Uncovered placements', schema: coverageResponse } },
});

registerRoute({
  method: 'post',
  path: '/api/coverage/suggestions',
  summary: 'Where to open the next internat: a greedy maximum-coverage sequence',
  description: `Among the communes of the département's practices and the places given, the place that brings the most uncovered placements within their limit, then the next given the first, up to k (1–${MAX_SUGGESTIONS}); one matrix call. Ties: more newly covered, more of them today beyond farMinutes, less total drive, name. At most ${MAX_ADDED_PLACES} added places and 300 candidates in all (400 beyond). Writes nothing.`,
  roles: ['staff', 'admin'],
  tags: ['coverage'],
  request: { body: suggestionsBody },
  responses: { 200: { description: 'Suggestions and the uncovered placements', schema: suggestionsResponse } },
});
