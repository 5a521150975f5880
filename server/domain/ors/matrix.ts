import type { OrsApiLimits } from '../../config.ts';
import type { DriveTimeProvider, LngLat, MatrixResult, SnappedLocation } from '../../routing/provider.ts';
import { invalidValue, OrsCode, serverLimitExceeded } from './ors-error.ts';
import { orsMetadata, type OrsMetadataOptions } from './metadata.ts';

/** What `POST /v2/matrix/{profile}` accepts (after the shape check of routes/ors/schema.ts). */
export interface MatrixRequest {
  locations: number[][];
  sources?: string[];
  destinations?: string[];
  metrics?: ('duration' | 'distance')[];
  resolve_locations?: boolean;
  units?: 'm' | 'km' | 'mi';
  optimized?: boolean;
  options?: { dynamic_speeds?: boolean } & Record<string, unknown>;
  id?: string;
}

/** A matrix request checked against ORS's rules and the limits: what to compute, nothing unbounded. */
export interface MatrixPlan {
  sources: LngLat[];
  destinations: LngLat[];
  metrics: ('duration' | 'distance')[];
  units: 'm' | 'km' | 'mi';
  resolveLocations: boolean;
}

/** ORS's `DistanceUnitUtil` factors from metres. */
const FROM_METRES: Record<MatrixPlan['units'], number> = { m: 1, km: 0.001, mi: 0.000621371192 };

/** Request options the engine honours (`dynamic_speeds` only picks ORS's algorithm; the result is the same without traffic data). */
const HONOURED_OPTIONS = new Set(['dynamic_speeds']);

/**
 * Checks a matrix request as ORS's MatrixService does, in its order, with its codes (offsets of
 * OrsCode): at least two locations of two numbers, at most `maximumRoutes` source × destination
 * pairs (6004, counted before anything is snapped), indices that exist (6003), known metrics.
 */
export function planMatrix(req: MatrixRequest, limits: OrsApiLimits['matrix']): MatrixPlan {
  const n = req.locations.length;
  if (n < 2) throw invalidValue('locations');
  const sourceIdx = indices(req.sources, n);
  const destIdx = indices(req.destinations, n);
  const count = (idx: typeof sourceIdx, list?: string[]) => (idx === undefined ? n : list!.length);
  const pairs = count(sourceIdx, req.sources) * count(destIdx, req.destinations);
  if (pairs > limits.maximumRoutes) throw serverLimitExceeded(OrsCode.PARAMETER_VALUE_EXCEEDS_MAXIMUM, `Only a total of ${limits.maximumRoutes} routes are allowed.`);
  if (req.locations.some((c) => c.length !== 2)) throw invalidValue('locations');
  const metrics = req.metrics ?? ['duration'];
  if (metrics.length === 0) throw invalidValue('metrics');
  if (sourceIdx === 'invalid' || destIdx === 'invalid') throw invalidValue(destIdx === 'invalid' ? 'destinations' : 'sources');
  for (const key of Object.keys(req.options ?? {})) {
    if (!HONOURED_OPTIONS.has(key)) throw invalidValue(`options.${key}`, 'not supported by this server');
  }
  const at = (i: number) => req.locations[i] as LngLat;
  return {
    sources: (sourceIdx ?? [...Array(n).keys()]).map(at),
    destinations: (destIdx ?? [...Array(n).keys()]).map(at),
    metrics,
    units: req.units ?? 'm',
    resolveLocations: req.resolve_locations === true,
  };
}

/** ORS's index lists: absent, `[]` or `["all"]` mean every location; otherwise integers in range. */
function indices(list: string[] | undefined, n: number): number[] | 'invalid' | undefined {
  if (!list || list.length === 0 || (list.length === 1 && list[0].toLowerCase() === 'all')) return undefined;
  const out: number[] = [];
  for (const s of list) {
    if (!/^[+-]?\d+$/.test(s)) return 'invalid';
    const i = Number(s);
    if (i < 0 || i >= n) return 'invalid';
    out.push(i);
  }
  return out;
}

/**
 * Runs a planned matrix on the engine (a pooled engine runs it on a worker thread) with ORS's
 * placement rules: locations outside the network's box refused (404 / 6010), a location with no
 * road within `maximumSearchRadius` answered with `null`s, the off-road leg not charged.
 */
export function computeMatrix(engine: DriveTimeProvider, plan: MatrixPlan, limits: OrsApiLimits['matrix']): Promise<MatrixResult> {
  return engine.matrix(plan.sources, plan.destinations, {
    snapRadiusM: limits.maximumSearchRadius,
    accessSpeedKmh: 0,
    resolveNames: plan.resolveLocations,
    unroutable: 'null',
    requireInBounds: true,
  });
}

const round = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;

/** ORS's `JSONLocation`: the snapped point (6 decimals), the road's name when asked, the distance to it (2 decimals). */
function jsonLocation(asked: LngLat, placed: SnappedLocation | null | undefined, withName: boolean): object | null {
  if (placed === null) return null;
  const loc = placed ?? { location: asked, snappedDistance: 0 };
  return {
    location: [round(loc.location[0], 6), round(loc.location[1], 6)],
    ...(withName ? { name: loc.name ?? '' } : {}),
    snapped_distance: round(loc.snappedDistance, 2),
  };
}

/** The body ORS's `JSONMatrixResponse` serialises. */
export function presentMatrix(req: MatrixRequest, profile: string, plan: MatrixPlan, result: MatrixResult, meta: OrsMetadataOptions): object {
  const out: Record<string, unknown> = {};
  if (plan.metrics.includes('duration')) out.durations = result.durations.map((row) => row.map((d) => (d === null ? null : round(d, 2))));
  if (plan.metrics.includes('distance')) {
    const f = FROM_METRES[plan.units];
    out.distances = result.distances.map((row) => row.map((d) => (d === null ? null : round(d * f, 2))));
  }
  out.destinations = plan.destinations.map((p, j) => jsonLocation(p, result.destinations?.[j], plan.resolveLocations));
  out.sources = plan.sources.map((p, i) => jsonLocation(p, result.sources?.[i], plan.resolveLocations));
  // ORS's query echo (Jackson NON_DEFAULT: false booleans left out).
  const query: Record<string, unknown> = { locations: req.locations, profile, responseType: 'json' };
  if (req.sources) query.sources = req.sources;
  if (req.destinations) query.destinations = req.destinations;
  if (req.metrics) query.metrics = req.metrics;
  if (req.resolve_locations) query.resolve_locations = true;
  if (req.units) query.units = req.units;
  if (req.optimized) query.optimized = true;
  if (req.options) query.options = req.options;
  if (req.id !== undefined) query.id = req.id;
  out.metadata = orsMetadata('matrix', req.id, query, result.estimate, meta);
  return out;
}
