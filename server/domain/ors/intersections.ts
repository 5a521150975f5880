import { intersect } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { polygonAreaM2 } from '../../routing/geo/area.ts';

/** Input of {@link isochroneIntersections}: each location's isochrone polygons, in answer order. */
export interface IntersectionsInput {
  maps: Polygon[][];
}

/** One overlap of two isochrones of different locations (ORS's `IsochronesIntersection`). */
export interface IsochroneIntersection {
  /** `[[location, isochrone], [location, isochrone]]`, indices as in the answer (ORS's `contours`). */
  contours: [number, number][];
  geometry: Polygon | MultiPolygon;
  /** Area in m² (ORS's Mollweide area, rounded to 2 decimals as ORS does). */
  areaM2: number;
}

function bbox(p: Polygon): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of p.coordinates[0]) {
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  }
  return b;
}

const overlap = (a: number[], b: number[]) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/**
 * ORS's `IsochroneUtility.computeIntersections`: every isochrone of location i intersected with
 * every isochrone of each later location j, in that order; empty overlaps left out. (ORS also
 * intersects the intersections with each other but never adds the result, so neither do we.)
 * CPU work bounded by the request's limits (at most locations² × intervals² pairs); run on the
 * worker pool by the ORS router.
 */
export function isochroneIntersections({ maps }: IntersectionsInput): IsochroneIntersection[] {
  const boxes = maps.map((m) => m.map(bbox));
  const out: IsochroneIntersection[] = [];
  for (let i = 0; i < maps.length; i++)
    for (let ii = 0; ii < maps[i].length; ii++)
      for (let j = i + 1; j < maps.length; j++)
        for (let jj = 0; jj < maps[j].length; jj++) {
          if (!overlap(boxes[i][ii], boxes[j][jj])) continue;
          const hit = intersect({
            type: 'FeatureCollection',
            features: [
              { type: 'Feature', properties: {}, geometry: maps[i][ii] },
              { type: 'Feature', properties: {}, geometry: maps[j][jj] },
            ],
          });
          if (!hit) continue;
          const g = hit.geometry;
          const areaM2 = g.type === 'Polygon' ? polygonAreaM2(g.coordinates) : g.coordinates.reduce((s, p) => s + polygonAreaM2(p), 0);
          out.push({ contours: [[i, ii], [j, jj]], geometry: g, areaM2: Math.round(areaM2 * 100) / 100 });
        }
  return out;
}
