import type { Position } from 'geojson';

/** Radius of the sphere ORS projects onto for areas (GeoTools' Mollweide uses the WGS84 semi-major axis). */
const MOLLWEIDE_RADIUS_M = 6_378_137;
const RAD = Math.PI / 180;

/**
 * Projects a point with the spherical Mollweide (equal-area) projection, as openrouteservice does
 * before measuring an isochrone's area: equal-area, so planar areas are true areas.
 */
export function mollweide(lng: number, lat: number): [number, number] {
  const phi = lat * RAD;
  // Solve 2θ + sin 2θ = π sin φ by Newton's method.
  let theta = phi;
  const target = Math.PI * Math.sin(phi);
  for (let i = 0; i < 50; i++) {
    const f = 2 * theta + Math.sin(2 * theta) - target;
    const d = 2 + 2 * Math.cos(2 * theta);
    if (d === 0) break;
    const step = f / d;
    theta -= step;
    if (Math.abs(step) < 1e-12) break;
  }
  const x = ((2 * Math.SQRT2) / Math.PI) * MOLLWEIDE_RADIUS_M * lng * RAD * Math.cos(theta);
  const y = Math.SQRT2 * MOLLWEIDE_RADIUS_M * Math.sin(theta);
  return [x, y];
}

/** Signed planar area of a ring (shoelace), positive when counter-clockwise. */
export function ringSignedArea(ring: ArrayLike<Position> | Position[], project: (p: Position) => [number, number] = (p) => [p[0], p[1]]): number {
  let sum = 0;
  const n = ring.length;
  if (n < 3) return 0;
  let [x0, y0] = project(ring[n - 1]);
  for (let i = 0; i < n; i++) {
    const [x1, y1] = project(ring[i]);
    sum += x0 * y1 - x1 * y0;
    x0 = x1;
    y0 = y1;
  }
  return sum / 2;
}

/** Area in m² of a polygon (outer ring minus holes) measured as ORS does, in the Mollweide projection. */
export function polygonAreaM2(rings: Position[][]): number {
  const project = (p: Position) => mollweide(p[0], p[1]);
  let area = 0;
  rings.forEach((ring, i) => {
    const a = Math.abs(ringSignedArea(ring, project));
    area += i === 0 ? a : -a;
  });
  return area;
}
