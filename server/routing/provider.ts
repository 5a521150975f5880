import { AppError } from '../errors.ts';
import type { MultiPolygon, Polygon } from 'geojson';

/** Coordinates are `[lng, lat]` everywhere, as in GeoJSON; flip only at the map boundary. */
export type LngLat = [number, number];

/** Where a location was placed on the road network (ORS's `sources`/`destinations` items). */
export interface SnappedLocation {
  /** The snapped point on the road, `[lng, lat]`. */
  location: LngLat;
  /** Distance from the requested point to the snapped point, metres. */
  snappedDistance: number;
  /** Name of the road it snapped to (`name`, then `ref`), when asked for. */
  name?: string;
}

/** Per-request overrides of how points are placed on the network. */
export interface SnappingOptions {
  /** Farthest a point may lie from a road, metres (ORS's `maximum_snapping_radius`). */
  snapRadiusM?: number;
  /** Speed of the off-road leg from a point to its road, km/h; 0: not charged (as ORS). */
  accessSpeedKmh?: number;
}

/** Optional knobs of `matrix()`. */
export interface MatrixOptions extends SnappingOptions {
  /** Add the road's name to each snapped location (ORS's `resolve_locations`). */
  resolveNames?: boolean;
  /**
   * A location with no road within the radius: `throw` (default) {@link PointNotRoutableError};
   * `null`: its row or column is `null` and its entry in `sources`/`destinations` too (ORS's matrix).
   */
  unroutable?: 'throw' | 'null';
  /** Refuse locations outside the road network's bounding box with {@link PointOutOfBoundsError} (ORS's matrix). */
  requireInBounds?: boolean;
}

/** Durations in seconds, distances in metres, `null` where no route exists. */
export interface MatrixResult {
  durations: (number | null)[][];
  distances: (number | null)[][];
  /** True when figures come from the straight-line estimate: the UI must say "estimated". */
  estimate: boolean;
  provider: string;
  /** Where each source and destination was placed (engines that snap to roads); `null`: not placed (`unroutable: 'null'`). */
  sources?: (SnappedLocation | null)[];
  destinations?: (SnappedLocation | null)[];
}

/** One range around one location; `area` in m²; `center` is where the location snapped. */
export interface IsochroneFeature {
  type: 'Feature';
  geometry: Polygon | MultiPolygon;
  properties: { group_index: number; value: number; center: LngLat; area: number };
}

/** Isochrones for every location and range, smallest range first within each location. */
export interface IsochroneResult {
  type: 'FeatureCollection';
  features: IsochroneFeature[];
  estimate: boolean;
  provider: string;
}

/** Optional knobs of `isochrones()`; ranges are seconds unless `rangeType` is `distance` (metres). */
export interface IsochroneOptions extends SnappingOptions {
  /** ORS's `smoothing` factor (0–100): larger gives simpler, rounder polygons. */
  smoothing?: number;
  rangeType?: 'time' | 'distance';
  /**
   * `start` (default): where one can drive to from the location; `destination`: where one can
   * drive from to reach it (interns drive from their room to the placement).
   */
  locationType?: 'start' | 'destination';
}

/**
 * The one interface domain code (matching, search, coverage) sees: the embedded engine, ORS and
 * the straight-line estimate all implement it, so callers never care where drive times come from.
 */
export interface DriveTimeProvider {
  readonly name: string;
  matrix(sources: LngLat[], destinations: LngLat[], options?: MatrixOptions): Promise<MatrixResult>;
  isochrones(locations: LngLat[], rangesSeconds: number[], options?: IsochroneOptions): Promise<IsochroneResult>;
}

/** Where ORS results are kept so the free quota is spent once per question. */
export interface DriveTimeCacheStore {
  get(key: string): Promise<unknown | undefined>;
  set(key: string, provider: string, value: unknown): Promise<void>;
}

/**
 * A point the engine cannot place on its network (too far from any road): names the point, in
 * ORS's words. Part of the app's error family: a 400 naming the location, never a bare "Bad request".
 */
export class PointNotRoutableError extends AppError {
  constructor(
    readonly point: LngLat,
    readonly index: number,
    readonly radiusM: number,
  ) {
    super(400, 'point_not_routable', `Could not find routable point within a radius of ${radiusM.toFixed(1)} meters of specified coordinate ${index}: ${point[0].toFixed(7)} ${point[1].toFixed(7)}.`, 'location');
  }
}

/**
 * Locations outside the road network's bounding box (ORS's matrix refuses them before routing,
 * with this message, as 404 / 6010). `sources` and `destinations` are indices in their lists.
 */
export class PointOutOfBoundsError extends AppError {
  constructor(
    readonly sources: number[],
    readonly destinations: number[],
    message: string,
  ) {
    super(404, 'point_out_of_bounds', message, 'locations');
  }
}
