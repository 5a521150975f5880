import { haversineM, metresPerDegree } from '../geo/geodesy.ts';
import { BACKWARD, FORWARD, LIMITED_ACCESS } from '../graph/network-input.ts';
import { edgePointCount, edgePointLat, edgePointLng, keyHeadNode, keyTailNodes, NO_NODE, type NodeEntry, type RoadNetwork } from '../graph/road-network.ts';

/**
 * A point projected onto the nearest point of the nearest edge, as openrouteservice (GraphHopper's
 * location index and query graph) does: the projection becomes a virtual node splitting the edge,
 * and journeys start or end there.
 */
export interface Snap {
  edge: number;
  /** Position of the projection, `[lng, lat]`. */
  lng: number;
  lat: number;
  /** Distance from the point to the projection, metres (ORS's `snapped_distance`). */
  offroadM: number;
  /** Distance along the edge from its A end to the projection, metres. */
  alongM: number;
  /**
   * The junction node when the projection falls exactly on an end of the edge (GraphHopper's
   * "tower" snap): journeys then start from the junction itself, not from a virtual node.
   */
  tower?: number;
}

/** A projection this close to an end of its edge is a snap onto the junction, metres. */
const TOWER_TOLERANCE_M = 0.001;

/** Options of {@link SegmentIndex.nearest}. */
export interface SnapOptions {
  radiusM: number;
  /**
   * Coarse networks only (straight lines between junctions): avoid snapping onto a motorway when
   * any other road is in range, since no driveway joins one between junctions.
   */
  preferLocalRoads?: boolean;
}

/**
 * Uniform grid over the straight pieces of every edge's geometry, listing in each cell the edges
 * with a piece there (not every piece: an edge is one entry per cell, and nothing is stored per
 * geometry point). Built in one counting pass at load time (tens of milliseconds for a national
 * network), so it is never cached and never stale.
 */
export class SegmentIndex {
  private minLng: number;
  private minLat: number;
  private cellDeg: number;
  private nx: number;
  private ny: number;
  private cellFirst: Uint32Array;
  private cellEdges: Uint32Array;
  /** Pieces spanning several cells already measured by the current query (a piece is measured once). */
  private visited = new Set<number>();

  constructor(private g: RoadNetwork) {
    let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxLat = -Infinity;
    const widen = (x: number, y: number) => {
      if (x < minLng) minLng = x;
      if (x > maxLng) maxLng = x;
      if (y < minLat) minLat = y;
      if (y > maxLat) maxLat = y;
    };
    for (let e = 0; e < g.edgeCount; e++) {
      widen(g.lng[g.edgeA[e]], g.lat[g.edgeA[e]]);
      widen(g.lng[g.edgeB[e]], g.lat[g.edgeB[e]]);
    }
    for (let p = 0; p < g.geomLng.length; p++) widen(g.geomLng[p], g.geomLat[p]);
    if (g.edgeCount === 0) minLng = minLat = maxLng = maxLat = 0;
    const pieces = Math.max(1, g.geomLng.length + g.edgeCount);
    const area = Math.max(1e-6, (maxLng - minLng) * (maxLat - minLat));
    this.cellDeg = Math.min(0.2, Math.max(0.002, Math.sqrt(area / pieces) * 2));
    this.minLng = minLng;
    this.minLat = minLat;
    this.nx = Math.floor((maxLng - minLng) / this.cellDeg) + 1;
    this.ny = Math.floor((maxLat - minLat) / this.cellDeg) + 1;
    const cells = this.nx * this.ny;
    const counts = new Uint32Array(cells + 1);
    // An edge is listed once per cell, whatever the number of its pieces there.
    const lastEdge = new Int32Array(cells).fill(-1);
    this.forEachCell((c, e) => {
      if (lastEdge[c] === e) return;
      lastEdge[c] = e;
      counts[c + 1]++;
    });
    for (let c = 0; c < cells; c++) counts[c + 1] += counts[c];
    this.cellFirst = counts;
    const fill = counts.slice(0, cells);
    this.cellEdges = new Uint32Array(counts[cells]);
    lastEdge.fill(-1);
    this.forEachCell((c, e) => {
      if (lastEdge[c] === e) return;
      lastEdge[c] = e;
      this.cellEdges[fill[c]++] = e;
    });
  }

  /** Calls `fn` for each cell each piece of each edge covers (by its bounding box), edges in order. */
  private forEachCell(fn: (cell: number, edge: number) => void): void {
    const { g } = this;
    for (let e = 0; e < g.edgeCount; e++) {
      const count = edgePointCount(g, e);
      let lng0 = edgePointLng(g, e, 0);
      let lat0 = edgePointLat(g, e, 0);
      for (let i = 1; i < count; i++) {
        const lng1 = edgePointLng(g, e, i);
        const lat1 = edgePointLat(g, e, i);
        const x0 = this.cellX(Math.min(lng0, lng1));
        const x1 = this.cellX(Math.max(lng0, lng1));
        const y0 = this.cellY(Math.min(lat0, lat1));
        const y1 = this.cellY(Math.max(lat0, lat1));
        for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) fn(y * this.nx + x, e);
        lng0 = lng1;
        lat0 = lat1;
      }
    }
  }

  private cellX(lng: number): number {
    return Math.min(this.nx - 1, Math.max(0, Math.floor((lng - this.minLng) / this.cellDeg)));
  }

  private cellY(lat: number): number {
    return Math.min(this.ny - 1, Math.max(0, Math.floor((lat - this.minLat) / this.cellDeg)));
  }

  /** Nearest point of the network within the radius, or `undefined` when there is none. */
  nearest(lng: number, lat: number, options: SnapOptions): Snap | undefined {
    if (options.preferLocalRoads) return this.search(lng, lat, options.radiusM, false) ?? this.search(lng, lat, options.radiusM, true);
    return this.search(lng, lat, options.radiusM, true);
  }

  private search(lng: number, lat: number, radiusM: number, allowLimited: boolean): Snap | undefined {
    const { g, visited } = this;
    if (g.edgeCount === 0 || !Number.isFinite(lng) || !Number.isFinite(lat)) return undefined;
    const k = metresPerDegree(lat);
    const cellM = this.cellDeg * Math.min(k.x, k.y);
    visited.clear();
    const cx = Math.floor((lng - this.minLng) / this.cellDeg);
    const cy = Math.floor((lat - this.minLat) / this.cellDeg);
    let bestEdge = -1;
    let bestPiece = 0;
    let bestT = 0;
    let bestD = Infinity;
    const maxRing = Math.ceil(radiusM / cellM) + 1;
    // Pieces are measured in the order of the cells, then of the edges and pieces in a cell: ties
    // (a junction shared by several edges) go to the first, as they always have.
    for (let r = 0; r <= maxRing; r++) {
      if (bestEdge >= 0 && bestD <= (r - 1) * cellM) break;
      for (let y = cy - r; y <= cy + r; y++) {
        if (y < 0 || y >= this.ny) continue;
        const edgeRow = y === cy - r || y === cy + r;
        for (let x = cx - r; x <= cx + r; x += edgeRow ? 1 : 2 * r) {
          if (x >= 0 && x < this.nx) {
            const c = y * this.nx + x;
            for (let j = this.cellFirst[c]; j < this.cellFirst[c + 1]; j++) {
              const e = this.cellEdges[j];
              if (!allowLimited && g.edgeFlags[e] & LIMITED_ACCESS) continue;
              const count = edgePointCount(g, e);
              const pieceBase = g.geomFirst.length === 0 ? e : g.geomFirst[e] + e;
              let lng0 = edgePointLng(g, e, 0);
              let lat0 = edgePointLat(g, e, 0);
              for (let i = 0; i + 1 < count; i++) {
                const lng1 = edgePointLng(g, e, i + 1);
                const lat1 = edgePointLat(g, e, i + 1);
                const px0 = this.cellX(Math.min(lng0, lng1)), px1 = this.cellX(Math.max(lng0, lng1));
                const py0 = this.cellY(Math.min(lat0, lat1)), py1 = this.cellY(Math.max(lat0, lat1));
                const here = px0 <= x && x <= px1 && py0 <= y && y <= py1;
                const once = px0 === px1 && py0 === py1;
                if (here && (once || !visited.has(pieceBase + i))) {
                  if (!once) visited.add(pieceBase + i);
                  const ax = (lng0 - lng) * k.x, ay = (lat0 - lat) * k.y;
                  const bx = (lng1 - lng) * k.x, by = (lat1 - lat) * k.y;
                  const dx = bx - ax, dy = by - ay;
                  const len2 = dx * dx + dy * dy;
                  const t = len2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2)) : 0;
                  const d = Math.hypot(ax + t * dx, ay + t * dy);
                  if (d <= radiusM && d < bestD) {
                    bestD = d;
                    bestEdge = e;
                    bestPiece = i;
                    bestT = t;
                  }
                }
                lng0 = lng1;
                lat0 = lat1;
              }
            }
          }
          if (r === 0) break;
        }
      }
    }
    if (bestEdge < 0) return undefined;
    const e = bestEdge;
    const i = bestPiece;
    const pLng = edgePointLng(g, e, i), pLat = edgePointLat(g, e, i);
    const sLng = pLng + bestT * (edgePointLng(g, e, i + 1) - pLng);
    const sLat = pLat + bestT * (edgePointLat(g, e, i + 1) - pLat);
    let along = 0;
    for (let q = 1; q <= i; q++) along += haversineM(edgePointLng(g, e, q - 1), edgePointLat(g, e, q - 1), edgePointLng(g, e, q), edgePointLat(g, e, q));
    along += haversineM(pLng, pLat, sLng, sLat);
    const alongM = Math.min(along, g.edgeDist[e]);
    const snap: Snap = { edge: e, lng: sLng, lat: sLat, offroadM: haversineM(lng, lat, sLng, sLat), alongM };
    // Within a millimetre of a junction is at the junction (coordinates are stored to ~1 cm).
    if (alongM < TOWER_TOLERANCE_M) Object.assign(snap, { tower: g.edgeA[e], alongM: 0, lng: g.lng[g.edgeA[e]], lat: g.lat[g.edgeA[e]] });
    else if (g.edgeDist[e] - alongM < TOWER_TOLERANCE_M) {
      Object.assign(snap, { tower: g.edgeB[e], alongM: g.edgeDist[e], lng: g.lng[g.edgeB[e]], lat: g.lat[g.edgeB[e]] });
    }
    return snap;
  }
}

/** How the off-road leg from a point to its road is charged: nothing (ORS) or at a walking-pace car. */
export interface AccessLeg {
  /** Speed of the off-road leg, km/h; 0 or undefined: free, as in openrouteservice. */
  speedKmh?: number;
}

function accessCost(snap: Snap, leg: AccessLeg): { dur: number; dist: number } {
  if (!leg.speedKmh) return { dur: 0, dist: 0 };
  return { dur: snap.offroadM / (leg.speedKmh / 3.6), dist: snap.offroadM };
}

/** Nodes a journey from a snapped point reaches first, with the partial edge (and access leg) paid. */
export function departureEntries(g: RoadNetwork, snap: Snap, leg: AccessLeg = {}): NodeEntry[] {
  const e = snap.edge;
  const frac = g.edgeDist[e] > 0 ? snap.alongM / g.edgeDist[e] : 0;
  const acc = accessCost(snap, leg);
  if (snap.tower !== undefined) return [{ node: snap.tower, weight: acc.dur, dur: acc.dur, dist: acc.dist }];
  const out: NodeEntry[] = [];
  const fwd = keyHeadNode(g, 2 * e);
  const bwd = keyHeadNode(g, 2 * e + 1);
  if (fwd !== NO_NODE) out.push({ node: fwd, weight: acc.dur + (1 - frac) * g.edgeWeight[e], dur: acc.dur + (1 - frac) * g.edgeDur[e], dist: acc.dist + g.edgeDist[e] - snap.alongM });
  if (bwd !== NO_NODE) out.push({ node: bwd, weight: acc.dur + frac * g.edgeWeight[e], dur: acc.dur + frac * g.edgeDur[e], dist: acc.dist + snap.alongM });
  return out;
}

/**
 * Nodes a journey to a snapped point can come from, with the cost from each node to the point.
 * At a junction (`copiesOf` lists the restriction copies of each junction), arriving at any of its
 * nodes is arriving there.
 */
export function arrivalEntries(g: RoadNetwork, snap: Snap, leg: AccessLeg = {}, copiesOf?: (junction: number) => readonly number[]): NodeEntry[] {
  const e = snap.edge;
  const frac = g.edgeDist[e] > 0 ? snap.alongM / g.edgeDist[e] : 0;
  const acc = accessCost(snap, leg);
  if (snap.tower !== undefined) {
    return [snap.tower, ...(copiesOf?.(snap.tower) ?? [])].map((node) => ({ node, weight: acc.dur, dur: acc.dur, dist: acc.dist }));
  }
  const out: NodeEntry[] = [];
  for (const node of keyTailNodes(g, 2 * e)) {
    out.push({ node, weight: acc.dur + frac * g.edgeWeight[e], dur: acc.dur + frac * g.edgeDur[e], dist: acc.dist + snap.alongM });
  }
  for (const node of keyTailNodes(g, 2 * e + 1)) {
    out.push({ node, weight: acc.dur + (1 - frac) * g.edgeWeight[e], dur: acc.dur + (1 - frac) * g.edgeDur[e], dist: acc.dist + g.edgeDist[e] - snap.alongM });
  }
  return out;
}

/** Cost of driving straight along a shared edge from one snapped point to another, if allowed. */
export function sameEdgeCost(g: RoadNetwork, from: Snap, to: Snap, leg: AccessLeg = {}): { weight: number; dur: number; dist: number } | undefined {
  if (from.edge !== to.edge) return undefined;
  const e = from.edge;
  const d = to.alongM - from.alongM;
  const ok = d >= 0 ? g.edgeFlags[e] & FORWARD : g.edgeFlags[e] & BACKWARD;
  if (!ok) return undefined;
  const a = accessCost(from, leg);
  const b = accessCost(to, leg);
  const frac = g.edgeDist[e] > 0 ? Math.abs(d) / g.edgeDist[e] : 0;
  return { weight: a.dur + b.dur + frac * g.edgeWeight[e], dur: a.dur + b.dur + frac * g.edgeDur[e], dist: a.dist + b.dist + Math.abs(d) };
}
