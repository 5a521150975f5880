import type { MultiPolygon, Polygon } from 'geojson';

/** Coordinates are `[lng, lat]` everywhere, as in GeoJSON; flip only at the map boundary. */
export type LngLat = [number, number];

/** Durations in seconds, distances in metres, `null` where no route exists. */
export interface MatrixResult {
  durations: (number | null)[][];
  distances: (number | null)[][];
  /** True when figures come from the straight-line estimate: the UI must say "estimated". */
  estimate: boolean;
  provider: string;
}

/** One range around one location; `area` in m². */
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
export interface IsochroneOptions {
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
  matrix(sources: LngLat[], destinations: LngLat[]): Promise<MatrixResult>;
  isochrones(locations: LngLat[], rangesSeconds: number[], options?: IsochroneOptions): Promise<IsochroneResult>;
}

/** Where ORS results are kept so the free quota is spent once per question. */
export interface DriveTimeCacheStore {
  get(key: string): Promise<unknown | undefined>;
  set(key: string, provider: string, value: unknown): Promise<void>;
}

/** A point the engine cannot place on its network (too far from any road): names the point. */
export class PointNotRoutableError extends Error {
  readonly status = 400;
  readonly id = 'point_not_routable';
  constructor(
    readonly point: LngLat,
    readonly index: number,
    readonly radiusM: number,
  ) {
    super(`Could not find routable point within a radius of ${radiusM} m of specified coordinate ${index}: ${point[0].toFixed(7)} ${point[1].toFixed(7)}.`);
    this.name = 'PointNotRoutableError';
  }
}
