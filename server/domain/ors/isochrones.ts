import type { Polygon } from 'geojson';
import type { OrsApiLimits } from '../../config.ts';
import type { DriveTimeProvider, IsochroneFeature, IsochroneResult, LngLat } from '../../routing/provider.ts';
import type { IntersectionsInput, IsochroneIntersection } from './intersections.ts';
import { orsMetadata, type OrsMetadataOptions } from './metadata.ts';
import { invalidValue, javaDouble, OrsCode, OrsError, outOfRange } from './ors-error.ts';

type Units = 'm' | 'km' | 'mi';

/** What `POST /v2/isochrones/{profile}` accepts (after the shape check of routes/ors/schema.ts). */
export interface IsochronesRequest {
  locations: number[][];
  location_type?: 'start' | 'destination';
  range: number[];
  range_type?: 'time' | 'distance';
  units?: Units;
  area_units?: Units;
  options?: Record<string, unknown>;
  intersections?: boolean;
  attributes?: ('area' | 'reachfactor' | 'total_pop')[];
  interval?: number;
  smoothing?: number;
  time?: string;
  id?: string;
}

/** An isochrone request checked against ORS's rules and the limits: at most `maximumLocations` × `maximumIntervals` polygons. */
export interface IsochronesPlan {
  locations: LngLat[];
  /** Seconds (time) or metres (distance), ascending; the same for every location. */
  ranges: number[];
  rangeType: 'time' | 'distance';
  locationType: 'start' | 'destination';
  smoothing?: number;
  area: boolean;
  reachfactor: boolean;
  /** Unit of `area` on isochrones: `area_units`, else `units` (as ORS). */
  areaUnits: Units;
  /** Unit of `area` on intersections: `area_units` only (as ORS). */
  intersectionAreaUnits: Units;
  intersections: boolean;
}

/** ORS's factors: range units to metres (IsochronesService), m² to area units (UnitsConverter). */
const RANGE_TO_METRES: Record<Units, number> = { m: 1, km: 1000, mi: 1609.34 };
const FROM_SQ_METRES: Record<Units, number> = { m: 1, km: 1e-6, mi: 3.86102e-7 };
/** ORS's car `MEAN_SPEED` (km/h), the radius of the reachfactor's circle for time ranges. */
const CAR_MEAN_SPEED_KMH = 100;

/**
 * Checks an isochrone request as ORS's IsochronesService does, in its order and with its codes,
 * and bounds the work before anything runs: the number of isochrones an `interval` gives is
 * computed, never enumerated, so `interval: 1e-300` is refused (3012) in microseconds.
 */
export function planIsochrones(req: IsochronesRequest, limits: OrsApiLimits['isochrones']): IsochronesPlan {
  if (req.locations.length === 0) throw new OrsError(400, OrsCode.MISSING_PARAMETER, "Parameter 'locations' is missing.");
  if (req.locations.some((c) => c.length !== 2)) throw invalidValue('locations');
  // Not ORS's checks (ORS answers an empty collection, or fails deep inside): a range must be a
  // positive number, an interval too.
  if (req.range.length === 0 || req.range.some((r) => !(r > 0))) throw invalidValue('range', req.range.join(','));
  if (req.interval !== undefined && !(req.interval > 0)) throw invalidValue('interval', javaDouble(req.interval));
  const rangeType = req.range_type ?? 'time';
  // setRangeAndIntervals: the interval only counts with a single range.
  let ranges = [...req.range].sort((a, b) => a - b);
  let count = ranges.length;
  const interval = req.range.length === 1 ? req.interval : undefined;
  if (interval !== undefined) {
    if (interval > ranges[0]) throw outOfRange(OrsCode.PARAMETER_VALUE_EXCEEDS_MAXIMUM, 'interval', javaDouble(interval), javaDouble(ranges[0]));
    count = Math.ceil(ranges[0] / interval);
  }
  const scale = rangeType === 'distance' ? RANGE_TO_METRES[req.units ?? 'm'] : 1;
  if (req.smoothing !== undefined && (req.smoothing < 0 || req.smoothing > 100)) throw invalidValue('smoothing', javaDouble(req.smoothing));
  // validateAgainstConfig
  if (req.locations.length > limits.maximumLocations) throw outOfRange(OrsCode.PARAMETER_VALUE_EXCEEDS_MAXIMUM, 'locations', String(req.locations.length), String(limits.maximumLocations));
  const maxRange = ranges[ranges.length - 1] * scale;
  const allowed = rangeType === 'distance' ? limits.maximumRangeDistance : limits.maximumRangeTime;
  if (maxRange > allowed) throw outOfRange(OrsCode.PARAMETER_VALUE_EXCEEDS_MAXIMUM, 'range', javaDouble(maxRange), String(allowed));
  if (count > limits.maximumIntervals) {
    throw new OrsError(400, OrsCode.PARAMETER_VALUE_EXCEEDS_MINIMUM, `Parameter 'interval' is out of range: Resulting number of ${count} isochrones exceeds maximum value of ${limits.maximumIntervals}.`);
  }
  // Ours: `intersections` clips every isochrone of each location with every one of each other location.
  const pairs = req.intersections ? ((req.locations.length * (req.locations.length - 1)) / 2) * count * count : 0;
  if (pairs > limits.maximumIntersections) {
    throw new OrsError(400, OrsCode.PARAMETER_VALUE_EXCEEDS_MAXIMUM, `Parameter 'intersections' is out of range: ${pairs} pairs of isochrones to intersect exceed this server's maximum of ${limits.maximumIntersections}.`);
  }
  if (interval !== undefined) ranges = Array.from({ length: count }, (_, i) => (i === count - 1 ? ranges[0] : (i + 1) * interval));
  if (req.options && Object.keys(req.options).length > 0) {
    throw new OrsError(400, OrsCode.FEATURE_NOT_SUPPORTED, `Parameter 'options.${Object.keys(req.options)[0]}' is not supported by this server.`);
  }
  const attributes = new Set(req.attributes ?? []);
  return {
    locations: req.locations as LngLat[],
    ranges: ranges.map((r) => r * scale),
    rangeType,
    locationType: req.location_type ?? 'start',
    smoothing: req.smoothing,
    area: attributes.has('area'),
    reachfactor: attributes.has('reachfactor'),
    areaUnits: req.area_units ?? req.units ?? 'm',
    intersectionAreaUnits: req.area_units ?? 'm',
    intersections: req.intersections === true,
  };
}

/** Runs the planned isochrones on the engine (a pooled engine: on a worker thread). */
export function computeIsochrones(engine: DriveTimeProvider, plan: IsochronesPlan, snapRadiusM: number): Promise<IsochroneResult> {
  return engine.isochrones(plan.locations, plan.ranges, {
    rangeType: plan.rangeType,
    locationType: plan.locationType,
    smoothing: plan.smoothing,
    snapRadiusM,
    accessSpeedKmh: 0,
  });
}

/** Each location's polygons in answer order, for {@link IntersectionsInput}. */
export function intersectionsInput(plan: IsochronesPlan, result: IsochroneResult): IntersectionsInput {
  const maps: Polygon[][] = plan.locations.map(() => []);
  for (const f of result.features) if (f.geometry.type === 'Polygon') maps[f.properties.group_index].push(f.geometry);
  return { maps };
}

const round = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;

function isochroneProperties(f: IsochroneFeature, plan: IsochronesPlan): Record<string, unknown> {
  const p: Record<string, unknown> = { group_index: f.properties.group_index, value: f.properties.value, center: f.properties.center };
  // Isochrone.calcArea: m² rounded to 2 decimals, then converted.
  const areaM2 = round(f.properties.area, 2);
  if (plan.area) p.area = areaM2 * FROM_SQ_METRES[plan.areaUnits];
  if (plan.reachfactor) {
    const radius = plan.rangeType === 'distance' ? f.properties.value : (CAR_MEAN_SPEED_KMH / 3.6) * f.properties.value;
    p.reachfactor = Math.min(1, round(areaM2 / (Math.PI * radius * radius), 4));
  }
  // total_pop: ORS without a population provider leaves it out, and so do we.
  return p;
}

/** The body ORS's `GeoJSONIsochronesResponse` serialises. */
export function presentIsochrones(
  req: IsochronesRequest,
  profile: string,
  plan: IsochronesPlan,
  result: IsochroneResult,
  intersections: IsochroneIntersection[],
  meta: OrsMetadataOptions,
): object {
  const features: object[] = result.features.map((f) => ({ type: 'Feature', properties: isochroneProperties(f, plan), geometry: f.geometry }));
  for (const x of intersections) {
    const properties: Record<string, unknown> = { contours: x.contours };
    if (plan.area) properties.area = round(x.areaM2 * FROM_SQ_METRES[plan.intersectionAreaUnits], 4);
    features.push({ type: 'Feature', properties, geometry: x.geometry });
  }
  const query: Record<string, unknown> = { locations: req.locations, range: req.range, profile, responseType: 'geojson' };
  for (const k of ['location_type', 'range_type', 'units', 'area_units', 'options', 'attributes', 'interval', 'smoothing', 'time', 'id'] as const) {
    if (req[k] !== undefined) query[k] = req[k];
  }
  if (req.intersections) query.intersections = true;
  return {
    type: 'FeatureCollection',
    ...(result.features.length ? { bbox: bboxOf(result.features) } : {}),
    features,
    metadata: orsMetadata('isochrones', req.id, query, result.estimate, meta),
  };
}

function bboxOf(features: IsochroneFeature[]): number[] {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      b[0] = Math.min(b[0], c[0]);
      b[1] = Math.min(b[1], c[1] as number);
      b[2] = Math.max(b[2], c[0]);
      b[3] = Math.max(b[3], c[1] as number);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  for (const f of features) walk(f.geometry.coordinates);
  return b;
}
