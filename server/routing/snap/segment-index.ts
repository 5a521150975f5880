import { BACKWARD, FORWARD, LIMITED_ACCESS, type BaseGraph } from '../graph/road-graph.ts';
import type { NodeEntry } from '../ch/many-to-many.ts';

/** A point projected onto its nearest drivable segment. */
export interface Snap {
  seg: number;
  /** Position along the segment, 0 at A, 1 at B. */
  t: number;
  /** Straight-line distance from the point to the road, metres. */
  offroadM: number;
}

/**
 * Uniform grid over segment bounding boxes. Built in one counting pass at load time (tens of
 * milliseconds for a national network), so it is never cached and never stale.
 */
export class SegmentIndex {
  private minLng: number;
  private minLat: number;
  private cellDeg: number;
  private nx: number;
  private ny: number;
  private cellFirst: Uint32Array;
  private cellSegs: Uint32Array;
  private stamp: Uint32Array;
  private query = 0;

  constructor(private g: BaseGraph) {
    const m = g.segA.length;
    let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxLat = -Infinity;
    for (let v = 0; v < g.nodeCount; v++) {
      if (g.lng[v] < minLng) minLng = g.lng[v];
      if (g.lng[v] > maxLng) maxLng = g.lng[v];
      if (g.lat[v] < minLat) minLat = g.lat[v];
      if (g.lat[v] > maxLat) maxLat = g.lat[v];
    }
    if (m === 0) minLng = minLat = maxLng = maxLat = 0;
    const area = Math.max(1e-6, (maxLng - minLng) * (maxLat - minLat));
    this.cellDeg = Math.min(0.2, Math.max(0.002, Math.sqrt(area / Math.max(1, m)) * 2));
    this.minLng = minLng;
    this.minLat = minLat;
    this.nx = Math.floor((maxLng - minLng) / this.cellDeg) + 1;
    this.ny = Math.floor((maxLat - minLat) / this.cellDeg) + 1;
    const counts = new Uint32Array(this.nx * this.ny + 1);
    this.forEachCell((c) => counts[c + 1]++);
    for (let c = 0; c < this.nx * this.ny; c++) counts[c + 1] += counts[c];
    this.cellFirst = counts;
    const fill = counts.slice(0, this.nx * this.ny);
    this.cellSegs = new Uint32Array(counts[this.nx * this.ny]);
    this.forEachCell((c, s) => (this.cellSegs[fill[c]++] = s));
    this.stamp = new Uint32Array(m);
  }

  private forEachCell(fn: (cell: number, seg: number) => void): void {
    const { g } = this;
    for (let s = 0; s < g.segA.length; s++) {
      const a = g.segA[s];
      const b = g.segB[s];
      const x0 = this.cellX(Math.min(g.lng[a], g.lng[b]));
      const x1 = this.cellX(Math.max(g.lng[a], g.lng[b]));
      const y0 = this.cellY(Math.min(g.lat[a], g.lat[b]));
      const y1 = this.cellY(Math.max(g.lat[a], g.lat[b]));
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) fn(y * this.nx + x, s);
    }
  }

  private cellX(lng: number): number {
    return Math.min(this.nx - 1, Math.max(0, Math.floor((lng - this.minLng) / this.cellDeg)));
  }

  private cellY(lat: number): number {
    return Math.min(this.ny - 1, Math.max(0, Math.floor((lat - this.minLat) / this.cellDeg)));
  }

  /**
   * Nearest segment within `radiusM` of the point, or `undefined` when there is none. Motorways
   * are only chosen when no other road is in range (a coarse network may have nothing else).
   */
  nearest(lng: number, lat: number, radiusM: number): Snap | undefined {
    return this.search(lng, lat, radiusM, false) ?? this.search(lng, lat, radiusM, true);
  }

  private search(lng: number, lat: number, radiusM: number, allowLimited: boolean): Snap | undefined {
    const { g } = this;
    if (g.segA.length === 0) return undefined;
    const kx = Math.cos((lat * Math.PI) / 180) * 111319.49;
    const ky = 110574;
    const cellM = this.cellDeg * Math.min(kx, ky);
    const stamp = ++this.query;
    const cx = Math.floor((lng - this.minLng) / this.cellDeg);
    const cy = Math.floor((lat - this.minLat) / this.cellDeg);
    let best: Snap | undefined;
    const maxRing = Math.ceil(radiusM / cellM) + 1;
    for (let r = 0; r <= maxRing; r++) {
      if (best && best.offroadM <= (r - 1) * cellM) break;
      for (let y = cy - r; y <= cy + r; y++) {
        if (y < 0 || y >= this.ny) continue;
        const edge = y === cy - r || y === cy + r;
        for (let x = cx - r; x <= cx + r; x += edge ? 1 : 2 * r) {
          if (x >= 0 && x < this.nx) {
            const c = y * this.nx + x;
            for (let k = this.cellFirst[c]; k < this.cellFirst[c + 1]; k++) {
              const s = this.cellSegs[k];
              if (this.stamp[s] === stamp) continue;
              this.stamp[s] = stamp;
              if (!allowLimited && g.segDir[s] & LIMITED_ACCESS) continue;
              const a = g.segA[s];
              const b = g.segB[s];
              const ax = (g.lng[a] - lng) * kx, ay = (g.lat[a] - lat) * ky;
              const bx = (g.lng[b] - lng) * kx, by = (g.lat[b] - lat) * ky;
              const dx = bx - ax, dy = by - ay;
              const len2 = dx * dx + dy * dy;
              const t = len2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2)) : 0;
              const d = Math.hypot(ax + t * dx, ay + t * dy);
              if (d <= radiusM && (!best || d < best.offroadM)) best = { seg: s, t, offroadM: d };
            }
          }
          if (r === 0) break;
        }
      }
    }
    return best;
  }
}

/**
 * Graph nodes a snapped point can start from, with the partial edge and the off-road access
 * leg (at `accessSpeedKmh`) already paid.
 */
export function departureEntries(g: BaseGraph, snap: Snap, accessSpeedKmh: number): NodeEntry[] {
  const access = snap.offroadM / (accessSpeedKmh / 3.6);
  const s = snap.seg;
  const out: NodeEntry[] = [];
  if (g.segDir[s] & FORWARD) out.push({ node: g.segB[s], dur: access + (1 - snap.t) * g.segDur[s], dist: snap.offroadM + (1 - snap.t) * g.segDist[s] });
  if (g.segDir[s] & BACKWARD) out.push({ node: g.segA[s], dur: access + snap.t * g.segDur[s], dist: snap.offroadM + snap.t * g.segDist[s] });
  return out;
}

/** Graph nodes a snapped point can be reached from, with the cost from each node to the point. */
export function arrivalEntries(g: BaseGraph, snap: Snap, accessSpeedKmh: number): NodeEntry[] {
  const access = snap.offroadM / (accessSpeedKmh / 3.6);
  const s = snap.seg;
  const out: NodeEntry[] = [];
  if (g.segDir[s] & FORWARD) out.push({ node: g.segA[s], dur: access + snap.t * g.segDur[s], dist: snap.offroadM + snap.t * g.segDist[s] });
  if (g.segDir[s] & BACKWARD) out.push({ node: g.segB[s], dur: access + (1 - snap.t) * g.segDur[s], dist: snap.offroadM + (1 - snap.t) * g.segDist[s] });
  return out;
}

/** Cost of driving straight along a shared segment from one snapped point to another, if allowed. */
export function sameSegmentCost(g: BaseGraph, from: Snap, to: Snap, accessSpeedKmh: number): { dur: number; dist: number } | undefined {
  if (from.seg !== to.seg) return undefined;
  const s = from.seg;
  const dt = to.t - from.t;
  const ok = dt >= 0 ? g.segDir[s] & FORWARD : g.segDir[s] & BACKWARD;
  if (!ok) return undefined;
  const off = from.offroadM + to.offroadM;
  return { dur: off / (accessSpeedKmh / 3.6) + Math.abs(dt) * g.segDur[s], dist: off + Math.abs(dt) * g.segDist[s] };
}
