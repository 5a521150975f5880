import { LIMITED_ACCESS, type Adjacency, type BaseGraph } from '../graph/road-graph.ts';
import type { ShortestPathTree } from '../graph/dijkstra.ts';

/** Cost to reach each cell of a regular lng/lat grid; Infinity where unreachable. */
export interface ReachField {
  values: Float64Array;
  width: number;
  height: number;
  /** Longitude/latitude of cell (0,0)'s centre and the cell size in degrees. */
  lng0: number;
  lat0: number;
  dLng: number;
  dLat: number;
}

/** Tuning of {@link reachField}. */
export interface ReachFieldOptions {
  /** Largest range asked for, in the cost unit (s or m). */
  maxCost: number;
  /** `time`: off-road legs cost distance / accessSpeed; `distance`: they cost their length. */
  kind: 'time' | 'distance';
  accessSpeedKmh: number;
  /** No cell farther than this from a reached road is painted (the snapping radius). */
  maxOffroadM: number;
  /** Target number of cells along the longer side. */
  resolution?: number;
  /** The adjacency the tree was grown along (forward, or reversed for destination isochrones). */
  adjacency: Adjacency;
}

/**
 * Rasterises a shortest-path tree: reached road stretches are painted with their arrival cost,
 * then costs spread off-road (chamfer sweeps) at the access speed, never farther than the
 * snapping radius. Land between fast roads is only painted if a car can really get there in time;
 * motorways paint nothing off-road since nobody leaves them between exits.
 */
export function reachField(g: BaseGraph, tree: ShortestPathTree, o: ReachFieldOptions): ReachField {
  const { nodes, costOf } = tree;
  const w = o.kind === 'time' ? g.segDur : g.segDist;
  const { first, head, seg } = o.adjacency;
  // The box holds every painted point, including the far end of partly reached long edges.
  let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxLat = -Infinity;
  const extend = (lng: number, lat: number): void => {
    if (lng < minLng) minLng = lng;
    if (lng > maxLng) maxLng = lng;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  };
  for (const v of nodes) {
    extend(g.lng[v], g.lat[v]);
    for (let a = first[v]; a < first[v + 1]; a++) {
      const cost = w[seg[a]];
      const f = cost > 0 ? Math.min(1, (o.maxCost - costOf[v]) / cost) : 1;
      const h = head[a];
      if (f > 0) extend(g.lng[v] + (g.lng[h] - g.lng[v]) * f, g.lat[v] + (g.lat[h] - g.lat[v]) * f);
    }
  }
  const midLat = (minLat + maxLat) / 2;
  const kx = Math.cos((midLat * Math.PI) / 180) * 111319.49;
  const ky = 110574;
  const offroadSpeed = o.kind === 'time' ? o.accessSpeedKmh / 3.6 : 1;
  const pad = Math.min(o.maxOffroadM, o.maxCost * offroadSpeed);
  const extentM = Math.max((maxLng - minLng) * kx, (maxLat - minLat) * ky) + 2 * pad;
  const cellM = Math.max(15, extentM / (o.resolution ?? 220));
  const dLng = cellM / kx;
  const dLat = cellM / ky;
  // Two border cells stay empty so every contour closes.
  const lng0 = minLng - pad / kx - 2 * dLng;
  const lat0 = minLat - pad / ky - 2 * dLat;
  const width = Math.ceil((maxLng - minLng + (2 * pad) / kx) / dLng) + 5;
  const height = Math.ceil((maxLat - minLat + (2 * pad) / ky) / dLat) + 5;
  const values = new Float64Array(width * height).fill(Infinity);
  const offroad = new Float64Array(width * height);
  const spreads = new Uint8Array(width * height);
  const stepM = cellM / 2;

  for (const v of nodes) {
    const cv = costOf[v];
    paint(g.lng[v], g.lat[v], cv, true);
    for (let a = first[v]; a < first[v + 1]; a++) {
      const s = seg[a];
      const h = head[a];
      const cost = w[s];
      const fMax = cost > 0 ? Math.min(1, (o.maxCost - cv) / cost) : 1;
      if (fMax <= 0) continue;
      const steps = Math.max(1, Math.ceil((g.segDist[s] * fMax) / stepM));
      const spread = (g.segDir[s] & LIMITED_ACCESS) === 0;
      for (let k = 0; k <= steps; k++) {
        const f = (fMax * k) / steps;
        paint(g.lng[v] + (g.lng[h] - g.lng[v]) * f, g.lat[v] + (g.lat[h] - g.lat[v]) * f, cv + cost * f, spread);
      }
    }
  }
  function paint(lng: number, lat: number, cost: number, spread: boolean): void {
    const i = Math.round((lng - lng0) / dLng);
    const j = Math.round((lat - lat0) / dLat);
    if (i < 2 || j < 2 || i >= width - 2 || j >= height - 2) return; // never on the empty border
    const c = j * width + i;
    if (cost < values[c]) values[c] = cost;
    if (spread) spreads[c] = 1;
  }

  // Chamfer sweeps (forward then backward) spread costs off-road from spreading road cells.
  const straight = cellM / offroadSpeed;
  const diagonal = straight * Math.SQRT2;
  const seeds = values.slice();
  for (let c = 0; c < values.length; c++) if (!spreads[c]) values[c] = Infinity;
  const relax = (c: number, n: number, step: number, stepM: number): void => {
    const nc = values[n] + step;
    const no = offroad[n] + stepM;
    if (nc < values[c] && no <= o.maxOffroadM) {
      values[c] = nc;
      offroad[c] = no;
    }
  };
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 1; j < height - 1; j++) {
      for (let i = 1; i < width - 1; i++) {
        const c = j * width + i;
        relax(c, c - 1, straight, cellM);
        relax(c, c - width, straight, cellM);
        relax(c, c - width - 1, diagonal, cellM * Math.SQRT2);
        relax(c, c - width + 1, diagonal, cellM * Math.SQRT2);
      }
    }
    for (let j = height - 2; j >= 1; j--) {
      for (let i = width - 2; i >= 1; i--) {
        const c = j * width + i;
        relax(c, c + 1, straight, cellM);
        relax(c, c + width, straight, cellM);
        relax(c, c + width + 1, diagonal, cellM * Math.SQRT2);
        relax(c, c + width - 1, diagonal, cellM * Math.SQRT2);
      }
    }
  }
  // Motorway cells themselves stay painted, they just do not spread.
  for (let c = 0; c < values.length; c++) if (seeds[c] < values[c]) values[c] = seeds[c];
  return { values, width, height, lng0, lat0, dLng, dLat };
}
