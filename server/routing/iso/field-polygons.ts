import type { MultiPolygon, Polygon, Position } from 'geojson';
import { contourRings, type GridRing } from './marching-squares.ts';
import type { ReachField } from './reach-field.ts';

/** One range's outline and its area in m². */
export interface RangePolygon {
  geometry: Polygon | MultiPolygon;
  area: number;
}

/**
 * Contours a reach field at one threshold into a GeoJSON (Multi)Polygon, outer rings
 * counter-clockwise and holes clockwise (RFC 7946). Holes smaller than `minHoleCells` cells are
 * raster noise, not unreachable land, and are dropped.
 */
export function fieldPolygon(field: ReachField, threshold: number, options: { minHoleCells?: number } = {}): RangePolygon {
  const minHoleCells = options.minHoleCells ?? 12;
  const { width, height, lng0, lat0, dLng, dLat } = field;
  const rings = contourRings(field.values, width, height, threshold, threshold * 2 + 1);
  const kx = Math.cos(((lat0 + (height * dLat) / 2) * Math.PI) / 180) * 111319.49;
  const ky = 110574;
  const cellArea = dLng * kx * dLat * ky;
  const info = rings.map((r) => ({ ring: r, area: gridArea(r), depth: 0, parent: -1 }));
  for (let a = 0; a < info.length; a++) {
    let bestParentArea = Infinity;
    for (let b = 0; b < info.length; b++) {
      if (a === b || Math.abs(info[b].area) <= Math.abs(info[a].area)) continue;
      if (pointInRing(info[a].ring[0], info[b].ring)) {
        info[a].depth++;
        if (Math.abs(info[b].area) < bestParentArea) {
          bestParentArea = Math.abs(info[b].area);
          info[a].parent = b;
        }
      }
    }
  }
  const polygons: { outer: GridRing; holes: GridRing[]; area: number }[] = [];
  const polyOf = new Map<number, number>();
  info.forEach((r, k) => {
    if (r.depth % 2 === 0) {
      polyOf.set(k, polygons.length);
      polygons.push({ outer: orient(r.ring, true), holes: [], area: Math.abs(r.area) });
    }
  });
  info.forEach((r) => {
    if (r.depth % 2 === 1 && Math.abs(r.area) >= minHoleCells) {
      const p = polyOf.get(r.parent);
      if (p === undefined) return;
      polygons[p].holes.push(orient(r.ring, false));
      polygons[p].area -= Math.abs(r.area);
    }
  });
  const toLngLat = (ring: GridRing): Position[] => {
    const out: Position[] = [];
    for (const [x, y] of ring) {
      const p = [round6(lng0 + x * dLng), round6(lat0 + y * dLat)];
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    return out;
  };
  const coords = polygons.map((p) => [toLngLat(p.outer), ...p.holes.map(toLngLat)]);
  const area = Math.round(polygons.reduce((s, p) => s + p.area, 0) * cellArea * 100) / 100;
  if (coords.length === 1) return { geometry: { type: 'Polygon', coordinates: coords[0] }, area };
  return { geometry: { type: 'MultiPolygon', coordinates: coords }, area };
}

function gridArea(ring: GridRing): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

function orient(ring: GridRing, ccw: boolean): GridRing {
  return gridArea(ring) > 0 === ccw ? ring : [...ring].reverse();
}

function pointInRing(p: [number, number], ring: GridRing): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
