import { z } from 'zod';

const lngLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const indices = z.union([z.array(z.number().int().nonnegative()), z.tuple([z.literal('all')])]);

/** Body of ORS `POST /v2/matrix/{profile}` (the fields this engine honours; others are ignored). */
export const matrixBodySchema = z.object({
  locations: z.array(lngLat).min(1).max(3500),
  sources: indices.optional(),
  destinations: indices.optional(),
  metrics: z.array(z.enum(['duration', 'distance'])).min(1).default(['duration']),
  units: z.enum(['m', 'km', 'mi']).default('m'),
  id: z.string().optional(),
  resolve_locations: z.boolean().optional(),
});
export type MatrixBody = z.infer<typeof matrixBodySchema>;

/** Body of ORS `POST /v2/isochrones/{profile}`. */
export const isochronesBodySchema = z
  .object({
    locations: z.array(lngLat).min(1).max(5),
    range: z.array(z.number().positive()).min(1).max(10),
    interval: z.number().positive().optional(),
    range_type: z.enum(['time', 'distance']).default('time'),
    attributes: z.array(z.enum(['area', 'reachfactor', 'total_pop'])).default([]),
    area_units: z.enum(['m', 'km', 'mi']).default('m'),
    units: z.enum(['m', 'km', 'mi']).default('m'),
    location_type: z.enum(['start', 'destination']).default('start'),
    smoothing: z.number().optional(),
    id: z.string().optional(),
  })
  .refine((b) => b.range_type !== 'time' || Math.max(...b.range) <= 3600, { message: 'range: time ranges may not exceed 3600 s', path: ['range'] })
  .refine((b) => b.interval === undefined || b.range.length === 1, { message: 'interval: only allowed with a single range', path: ['interval'] });
export type IsochronesBody = z.infer<typeof isochronesBodySchema>;
