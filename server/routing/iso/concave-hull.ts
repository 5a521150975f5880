import Delaunator from 'delaunator';
import type { Position } from 'geojson';
import { boundaryBandPoints } from './interior-points.ts';

/**
 * Concave hull "by length" of a point set, the algorithm openrouteservice runs on its isochrone
 * points (JTS `ConcaveHull.concaveHullByLength`, holes not allowed): Delaunay-triangulate the points,
 * then erode triangles from the border, longest border edge first, while that edge is at least
 * `maxEdgeLength` long and removing the triangle keeps a single polygon (it has exactly one border
 * edge and its opposite vertex is not on the border yet). Lengths are in the points' own units
 * (degrees for ORS). Points deep inside a dense set cannot change the result and are left out
 * first ({@link boundaryBandPoints}; `keepInterior` triangulates them all, for tests). Returns the
 * outer ring, counter-clockwise and closed, or `undefined` when the points span no area.
 */
export function concaveHullByLength(allPoints: Float64Array, maxEdgeLength: number, options: { keepInterior?: boolean } = {}): Position[] | undefined {
  if (allPoints.length < 6) return undefined;
  const points = options.keepInterior ? allPoints : boundaryBandPoints(allPoints, maxEdgeLength);
  const d = new Delaunator(points);
  const tris = d.triangles;
  const half = d.halfedges;
  const T = tris.length / 3;
  if (T === 0) return undefined;
  const removed = new Uint8Array(T);
  const onBorder = new Uint32Array(points.length / 2);
  const next = (e: number): number => (e % 3 === 2 ? e - 2 : e + 1);
  const len = (e: number): number => {
    const a = tris[e] * 2;
    const b = tris[next(e)] * 2;
    return Math.hypot(points[b] - points[a], points[b + 1] - points[a + 1]);
  };
  /** Whether half-edge e has a live triangle on its other side. */
  const hasAdjacent = (e: number): boolean => half[e] >= 0 && !removed[Math.floor(half[e] / 3)];
  const area = (t: number): number => {
    const a = tris[3 * t] * 2, b = tris[3 * t + 1] * 2, c = tris[3 * t + 2] * 2;
    return Math.abs((points[b] - points[a]) * (points[c + 1] - points[a + 1]) - (points[c] - points[a]) * (points[b + 1] - points[a + 1])) / 2;
  };
  /** The single border half-edge of a triangle with two neighbours, else -1. */
  const soleBorder = (t: number): number => {
    let border = -1;
    for (let e = 3 * t; e < 3 * t + 3; e++) {
      if (hasAdjacent(e)) continue;
      if (border >= 0) return -1;
      border = e;
    }
    return border;
  };
  for (let e = 0; e < tris.length; e++) {
    if (half[e] < 0) {
      onBorder[tris[e]]++;
      onBorder[tris[next(e)]]++;
    }
  }

  // Max-heap of (border length, area, triangle); stale entries are skipped when popped.
  const heap = new BorderHeap();
  const offer = (t: number): void => {
    const e = soleBorder(t);
    if (e >= 0) heap.push(len(e), area(t), t);
  };
  for (let t = 0; t < T; t++) offer(t);
  while (heap.size > 0) {
    const { key, t } = heap.pop();
    if (removed[t]) continue;
    const e = soleBorder(t);
    if (e < 0 || len(e) !== key) continue;
    if (key < maxEdgeLength) break;
    const apex = tris[next(next(e))];
    if (onBorder[apex] > 0) continue; // removing it would split the polygon at that vertex
    removed[t] = 1;
    onBorder[apex] += 2;
    for (let f = 3 * t; f < 3 * t + 3; f++) if (f !== e && half[f] >= 0) offer(Math.floor(half[f] / 3));
  }

  // Trace the border: every border vertex has exactly one outgoing border half-edge.
  const out = new Map<number, number>();
  let start = -1;
  for (let e = 0; e < tris.length; e++) {
    if (removed[Math.floor(e / 3)] || hasAdjacent(e)) continue;
    out.set(tris[e], e);
    if (start < 0) start = e;
  }
  if (start < 0) return undefined;
  const ring: Position[] = [];
  let e = start;
  for (let guard = 0; guard <= out.size; guard++) {
    const v = tris[e];
    ring.push([points[2 * v], points[2 * v + 1]]);
    const to = tris[next(e)];
    const nextEdge = out.get(to);
    if (nextEdge === undefined || nextEdge === start) break;
    e = nextEdge;
  }
  if (ring.length < 3) return undefined;
  let signed = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[(i + 1) % ring.length];
    signed += x0 * y1 - x1 * y0;
  }
  if (signed < 0) ring.reverse();
  ring.push([ring[0][0], ring[0][1]]);
  return ring;
}

/** Binary max-heap on (key, area), ties broken towards larger triangles as JTS does. */
class BorderHeap {
  private keys: number[] = [];
  private areas: number[] = [];
  private ids: number[] = [];
  get size(): number {
    return this.ids.length;
  }
  private before(i: number, j: number): boolean {
    return this.keys[i] > this.keys[j] || (this.keys[i] === this.keys[j] && this.areas[i] > this.areas[j]);
  }
  private swap(i: number, j: number): void {
    [this.keys[i], this.keys[j]] = [this.keys[j], this.keys[i]];
    [this.areas[i], this.areas[j]] = [this.areas[j], this.areas[i]];
    [this.ids[i], this.ids[j]] = [this.ids[j], this.ids[i]];
  }
  push(key: number, area: number, id: number): void {
    this.keys.push(key);
    this.areas.push(area);
    this.ids.push(id);
    let i = this.ids.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  pop(): { key: number; t: number } {
    const top = { key: this.keys[0], t: this.ids[0] };
    const last = this.ids.length - 1;
    this.swap(0, last);
    this.keys.pop();
    this.areas.pop();
    this.ids.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.ids.length && this.before(l, m)) m = l;
      if (r < this.ids.length && this.before(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }
}
