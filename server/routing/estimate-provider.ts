import type { Polygon } from 'geojson';
import type { DriveTimeProvider, IsochroneOptions, IsochroneResult, LngLat, MatrixResult } from './provider.ts';
import { haversineM } from './geo/geodesy.ts';

/**
 * Road distance ≈ straight line × 1.3: the usual detour index of rural French road networks
 * (routes wind around fields, rivers and villages).
 */
export const ESTIMATE_DETOUR_FACTOR = 1.3;
/** Average door-to-door speed on départemental roads including villages, km/h. */
export const ESTIMATE_SPEED_KMH = 60;

/**
 * Straight-line stand-in when there is no road data and no ORS: every result says
 * `estimate: true` so the UI can write "estimated" instead of passing it off as a drive time.
 */
export class EstimateProvider implements DriveTimeProvider {
  readonly name = 'estimate';

  /** Haversine × detour factor, at the estimate speed. */
  async matrix(sources: LngLat[], destinations: LngLat[]): Promise<MatrixResult> {
    const distances = sources.map((s) => destinations.map((d) => Math.round(haversineM(s[0], s[1], d[0], d[1]) * ESTIMATE_DETOUR_FACTOR)));
    const durations = distances.map((row) => row.map((m) => Math.round((m / (ESTIMATE_SPEED_KMH / 3.6)) * 10) / 10));
    return { durations, distances, estimate: true, provider: this.name };
  }

  /** Circles whose radius is the straight-line reach of each range. */
  async isochrones(locations: LngLat[], ranges: number[], options: IsochroneOptions = {}): Promise<IsochroneResult> {
    const sorted = [...ranges].sort((a, b) => a - b);
    const features = locations.flatMap((center, group) =>
      sorted.map((value) => {
        const roadM = options.rangeType === 'distance' ? value : value * (ESTIMATE_SPEED_KMH / 3.6);
        const radiusKm = roadM / ESTIMATE_DETOUR_FACTOR / 1000;
        const geometry = circle(center, radiusKm * 1000);
        return {
          type: 'Feature' as const,
          geometry,
          properties: { group_index: group, value, center, area: Math.round(Math.PI * (radiusKm * 1000) ** 2) },
        };
      }),
    );
    return { type: 'FeatureCollection', features, estimate: true, provider: this.name };
  }
}

/** A 64-sided geodesic circle, counter-clockwise, as a GeoJSON polygon. */
function circle(center: LngLat, radiusM: number): Polygon {
  const r = Math.PI / 180;
  const [lng0, lat0] = [center[0] * r, center[1] * r];
  const delta = radiusM / 6371008.8;
  const ring: [number, number][] = [];
  for (let i = 0; i <= 64; i++) {
    const bearing = (-2 * Math.PI * (i % 64)) / 64;
    const lat = Math.asin(Math.sin(lat0) * Math.cos(delta) + Math.cos(lat0) * Math.sin(delta) * Math.cos(bearing));
    const lng = lng0 + Math.atan2(Math.sin(bearing) * Math.sin(delta) * Math.cos(lat0), Math.cos(delta) - Math.sin(lat0) * Math.sin(lat));
    ring.push([Math.round((lng / r) * 1e6) / 1e6, Math.round((lat / r) * 1e6) / 1e6]);
  }
  return { type: 'Polygon', coordinates: [ring] };
}
