import { z } from 'zod';
import { invalidFormat, invalidValue, missingParameter, OrsError, OrsCode, unknownParameter } from '../../domain/ors/ors-error.ts';

/*
 * Request bodies of openrouteservice's v2 matrix and isochrones, read as ORS reads them (Jackson
 * with its default coercions): numbers may come as strings ("100"), booleans as "true"/"false",
 * index lists as strings or numbers (["1"], [1]), units in any case; an unknown property is
 * refused. Only the shape is checked here; what depends on other fields or on the limits is
 * checked by the domain (server/domain/ors), each with ORS's code.
 */

const NUMERIC = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** A JSON number, or a string holding one (Jackson's coercion to Double). */
const num = z.preprocess((v) => (typeof v === 'string' && NUMERIC.test(v) ? Number(v) : v), z.number());

/** A JSON boolean, or "true"/"false". */
const bool = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());

/** A string, or a number read as its text (Jackson's coercion to String). */
const text = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string());

/** `m`, `km`, `mi`, in any case (ORS's `APIEnums.Units` lower-cases). */
const units = z.preprocess((v) => (typeof v === 'string' ? v.toLowerCase() : v), z.enum(['m', 'km', 'mi']));

const avoidFeatures = z.array(z.enum(['highways', 'tollways', 'ferries', 'fords', 'steps']));

/** `options` of both services (ORS's `RequestOptions`); matrix adds `dynamic_speeds`. */
const requestOptions = {
  avoid_features: avoidFeatures.optional(),
  avoid_borders: z.enum(['all', 'controlled', 'none']).optional(),
  avoid_countries: z.array(text).optional(),
  vehicle_type: text.optional(),
  profile_params: z.record(z.string(), z.unknown()).optional(),
  avoid_polygons: z.record(z.string(), z.unknown()).optional(),
};

export const matrixBodySchema = z.strictObject({
  locations: z.array(z.array(num)),
  sources: z.array(text).optional(),
  destinations: z.array(text).optional(),
  metrics: z.array(z.enum(['distance', 'duration'])).optional(),
  resolve_locations: bool.optional(),
  units: units.optional(),
  optimized: bool.optional(),
  options: z.strictObject({ ...requestOptions, dynamic_speeds: bool.optional() }).optional(),
  id: text.optional(),
});
export type MatrixBody = z.infer<typeof matrixBodySchema>;

export const isochronesBodySchema = z.strictObject({
  locations: z.array(z.array(num)),
  location_type: z.enum(['start', 'destination']).optional(),
  range: z.array(num),
  range_type: z.enum(['time', 'distance']).optional(),
  units: units.optional(),
  area_units: units.optional(),
  options: z.strictObject(requestOptions).optional(),
  intersections: bool.optional(),
  attributes: z.array(z.enum(['area', 'reachfactor', 'total_pop'])).optional(),
  interval: num.optional(),
  smoothing: num.optional(),
  time: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/).optional(),
  id: text.optional(),
});
export type IsochronesBody = z.infer<typeof isochronesBodySchema>;

/**
 * Parses a body with ORS's refusals: an unknown property → x011, a missing required one → x001,
 * a value of the wrong type → x002, a value outside an enumeration → x003 (offsets of
 * {@link OrsCode}; the router adds the service's base).
 */
export function parseOrsBody<T>(schema: z.ZodType<T>, body: unknown): T {
  if (body === undefined || body === null) body = {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new OrsError(400, OrsCode.INVALID_JSON_FORMAT, 'Unable to parse JSON request.');
  // JSON null is Jackson's "not given" for these fields.
  const given = Object.fromEntries(Object.entries(body as Record<string, unknown>).filter(([, v]) => v !== null));
  const r = schema.safeParse(given);
  if (r.success) return r.data;
  // Jackson fails on an unknown property while reading, before any missing one is noticed.
  const issue = r.error.issues.find((i) => i.code === 'unrecognized_keys') ?? r.error.issues[0];
  const name = issue.path.filter((p) => typeof p === 'string').join('.') || 'body';
  if (issue.code === 'unrecognized_keys') return fail(unknownParameter([...issue.path.map(String), issue.keys[0]].join('.')));
  if (issue.code === 'invalid_type' && issue.path.length === 1 && (given as Record<string, unknown>)[String(issue.path[0])] === undefined) return fail(missingParameter(name));
  if (issue.code === 'invalid_value') return fail(invalidValue(name, valueAt(given, issue.path)));
  return fail(invalidFormat(name));
}

function fail(err: OrsError): never {
  throw err;
}

function valueAt(obj: unknown, path: PropertyKey[]): unknown {
  let v: unknown = obj;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}
