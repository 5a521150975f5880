import { haversineM } from '../../routing/geo/geodesy.ts';
import { PointNotRoutableError, type DriveTimeProvider, type LngLat, type MatrixResult } from '../../routing/provider.ts';

/** No road drive is faster than this, so a straight line gives a lower bound on the drive time. */
export const MAX_ROAD_SPEED_KMH = 130;

/**
 * False when `a` and `b` are too far apart for any drive to take at most
 * `seconds` (straight line at MAX_ROAD_SPEED_KMH). A cheap test before asking
 * the provider, never a drive time itself.
 */
export function couldReachWithin(a: LngLat, b: LngLat, seconds: number): boolean {
  return haversineM(a[0], a[1], b[0], b[1]) / (MAX_ROAD_SPEED_KMH / 3.6) <= seconds;
}


/**
 * `provider.matrix`, except that a point the provider cannot place on its road
 * network (outside the imported area, far from any road) answers `null` for
 * its row or column instead of failing the whole request: one remote site must
 * not break a search or a matching run for everyone.
 */
export async function reachableMatrix(provider: DriveTimeProvider, sources: LngLat[], destinations: LngLat[]): Promise<MatrixResult> {
  let src = sources.map((_, i) => i);
  let dst = destinations.map((_, i) => i);
  for (;;) {
    if (src.length === 0 || dst.length === 0) {
      return { durations: sources.map(() => destinations.map(() => null)), distances: sources.map(() => destinations.map(() => null)), estimate: false, provider: provider.name };
    }
    try {
      const m = await provider.matrix(src.map((i) => sources[i]), dst.map((j) => destinations[j]));
      const durations = sources.map(() => destinations.map((): number | null => null));
      const distances = sources.map(() => destinations.map((): number | null => null));
      src.forEach((i, a) => dst.forEach((j, b) => {
        durations[i][j] = m.durations[a]?.[b] ?? null;
        distances[i][j] = m.distances[a]?.[b] ?? null;
      }));
      return { durations, distances, estimate: m.estimate, provider: m.provider };
    } catch (e) {
      if (!(e instanceof PointNotRoutableError) || e.index < 0 || e.index >= src.length + dst.length) throw e;
      if (e.index < src.length) src = src.filter((_, k) => k !== e.index);
      else dst = dst.filter((_, k) => k !== e.index - src.length);
    }
  }
}
