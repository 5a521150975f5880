import type { LatLngExpression, LatLngBoundsExpression } from 'leaflet';

/** `[lng, lat]` (the API's order) to Leaflet's `[lat, lng]`: the only place the order flips. */
export function toLatLng(p: [number, number]): [number, number] {
  return [p[1], p[0]];
}

/** Leaflet bounds around `[lng, lat]` points, or undefined when there are none. */
export function boundsOf(points: [number, number][]): LatLngBoundsExpression | undefined {
  if (!points.length) return undefined;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lng, lat] of points) {
    w = Math.min(w, lng);
    e = Math.max(e, lng);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  return [
    [s, w],
    [n, e],
  ] as LatLngExpression[] as LatLngBoundsExpression;
}
