import { z } from 'zod';
import { refineWindow, windowFields } from '../../domain/search/date-window.ts';
import { registerRoute } from '../../openapi/registry.ts';
import { idParam, lat, lng, queryIntIn, queryString, typeError } from '../../schemas/common.ts';

const minutes = queryIntIn(1, 120).default(30);

/** `:id` of a placement. */
export const placementParams = z.object({ id: idParam });

/** GET /api/placements/:id/nearby-sites query. */
export const nearbySitesQuery = z.object({ minutes });
export type NearbySitesQuery = z.infer<typeof nearbySitesQuery>;

/** GET /api/placements/:id/isochrone query: ranges in seconds, comma-separated (default 10, 20, 30 minutes). */
export const isochroneQuery = z.object({
  ranges: queryString(100)
    .default('600,1200,1800')
    .transform((s) => s.split(',').map((x) => (x.trim() === '' ? Number.NaN : Number(x))))
    .pipe(
      z
        .array(z.number(typeError('numbers of seconds')).int('must be whole seconds').min(60, 'must be at least 60 s').max(3600, 'must be at most 3600 s'))
        .min(1, 'give at least one range')
        .max(6, 'at most 6 ranges'),
    )
    .transform((rs) => [...new Set(rs)].sort((a, b) => a - b)),
});
export type IsochroneQuery = z.infer<typeof isochroneQuery>;

/** GET /api/drive-times/nearby query: a point, a limit and a window (semester or from/to; default the next semester). */
export const pointNearbyQuery = refineWindow(
  z.object({ lng: z.coerce.number(typeError('a number')).pipe(lng), lat: z.coerce.number(typeError('a number')).pipe(lat), minutes, ...windowFields }),
);
export type PointNearbyQuery = z.infer<typeof pointNearbyQuery>;

const nearbySite = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  location: z.tuple([z.number(), z.number()]),
  rentCents: z.number().int().nullable(),
  funder: z.object({ kind: z.string(), name: z.string().nullable() }),
  amenities: z.array(z.string()),
  beds: z.number().int().nullable(),
  freeBeds: z.number().int().nullable(),
  minutes: z.array(z.number()).describe('drive minutes to each practice (or the point)'),
  driveSeconds: z.array(z.number()),
  totalMinutes: z.number(),
  estimate: z.boolean(),
});

/** Response of both nearby searches. */
export const nearbySitesResponse = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  limitMinutes: z.number().int(),
  estimate: z.boolean().describe('true when drive times are straight-line estimates'),
  provider: z.string().nullable(),
  sites: z.array(nearbySite),
});

const featureCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.any()), estimate: z.boolean(), provider: z.string() });

registerRoute({
  method: 'get',
  path: '/api/placements/:id/nearby-sites',
  summary: 'Sites with a free bed for the placement\'s dates within N minutes of each practice, nearest first',
  description: 'Sorted by total drive (sum for two practices). Public site fields plus `minutes` per practice and `estimate`.',
  roles: ['staff', 'admin', 'intern'],
  tags: ['drive-times'],
  request: { params: placementParams, query: nearbySitesQuery },
  responses: { 200: { description: 'Nearby sites', schema: nearbySitesResponse }, 404: 'Unknown placement' },
});
registerRoute({
  method: 'get',
  path: '/api/placements/:id/isochrone',
  summary: 'Areas within each range of the placement\'s practices (and of both, for two practices)',
  description: 'Features carry `properties.kind`: `practice` (one practice\'s reach, `value` seconds) or `both` (the intersection of the two practices\' reach for that range). An intern may ask only about their own placement.',
  roles: ['staff', 'admin', 'intern'],
  tags: ['drive-times'],
  request: { params: placementParams, query: isochroneQuery },
  responses: { 200: { description: 'GeoJSON FeatureCollection with `estimate`', schema: featureCollection }, 404: 'Unknown placement' },
});
registerRoute({
  method: 'get',
  path: '/api/drive-times/nearby',
  summary: 'Sites with a free bed in the window within N minutes of a point, nearest first',
  roles: 'signed-in',
  tags: ['drive-times'],
  request: { query: pointNearbyQuery },
  responses: { 200: { description: 'Nearby sites', schema: nearbySitesResponse } },
});
