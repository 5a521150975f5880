import type { Position } from 'geojson';
import { metresPerDegree, planarDistanceM } from '../geo/geodesy.ts';
import { FROM_START, type ShortestPathTree } from '../graph/dijkstra.ts';
import { edgePointCount, edgePointLat, edgePointLng, junctionOf, type RoadNetwork } from '../graph/road-network.ts';
import { concaveHullByLength } from './concave-hull.ts';

/**
 * Isochrone polygons shaped like openrouteservice's (its `ConcaveBallsIsochroneMapBuilder`): the
 * road pieces reached within each range, and the pieces cut where the range runs out, are turned
 * into points (with small perpendicular "balls" around them), and the polygon is the concave hull
 * of those points with a maximum edge length of about a kilometre. Land between roads that is not
 * reached stays outside as soon as the gap is wider than that length. Each range's points include
 * the previous range's ring, so the polygons nest. The constants are ORS's.
 */

/** Options of {@link concaveBallsIsochrones}. */
export interface ConcaveBallsOptions {
  /** Ranges in ascending order, in the tree's cost unit (s or m). */
  ranges: number[];
  kind: 'time' | 'distance';
  /** ORS `smoothing` (0–100); undefined: ORS's default distance. */
  smoothing?: number;
  /** Whether the tree grew along reversed arcs (towards a destination). */
  reversed: boolean;
  /**
   * Coarse networks only (main roads, no streets): land off the modelled roads is reached by an
   * off-road leg at this speed, up to `maxM` from the road, as the matrix charges it. Adds a ring of
   * points around road points with the radius the remaining time allows, so the band is not a
   * spider of road corridors. Unset: ORS's shapes exactly.
   */
  offroad?: { speedKmh: number; maxM: number };
}

/** Fastest speed of the car profile, km/h: ORS sizes its smoothing from the farthest reachable radius. */
const MAX_SPEED_KMH = 140;
const ONE_DEGREE_LATITUDE_M = 111139;
/** ORS splits straight pieces longer than the smoothing distance, up to this length (degrees). */
const MAX_SEGMENT_ANGLE = 0.18;
const MIN_SMOOTHING_DEG = 0.006;
const DEFAULT_SMOOTHING_DEG = 0.009;

/** ORS's conversion of the `smoothing` factor into the hull's maximum edge length, in degrees. */
export function smoothingDistanceDeg(smoothing: number | undefined, maxRadiusM: number): number {
  if (smoothing === undefined) return maxRadiusM < 5000 ? MIN_SMOOTHING_DEG : DEFAULT_SMOOTHING_DEG;
  const length = (maxRadiusM / ONE_DEGREE_LATITUDE_M / 100) * smoothing;
  return Math.max(length, MIN_SMOOTHING_DEG);
}

/** One ring per range (counter-clockwise, closed), `undefined` where nothing was reached. */
export function concaveBallsIsochrones(g: RoadNetwork, tree: ShortestPathTree, options: ConcaveBallsOptions): (Position[] | undefined)[] {
  const { nodes, parentOf } = tree;
  // ORS's tree is node-based: one entry per junction. Ours may reach a junction through several of
  // its copies (restrictions, U-turns), so both the map's size and the leaves ("dead ends", only
  // drawn in detail when the map is small) are counted by junction.
  const flags = junctionFlags(g);
  let junctions = 0;
  for (const v of nodes) {
    const p = parentOf[v];
    if (p !== FROM_START) flags[junctionOf(g, p)] |= HAS_CHILD;
    const j = junctionOf(g, v);
    if (!(flags[j] & SEEN)) {
      flags[j] |= SEEN;
      junctions++;
    }
  }
  const hasChild = (v: number): boolean => (flags[junctionOf(g, v)] & HAS_CHILD) !== 0;
  try {
    return drawRings(g, tree, options, junctions, hasChild);
  } finally {
    // Parents are reached nodes too: clearing by the reached nodes clears every flag set above.
    for (const v of nodes) flags[junctionOf(g, v)] = 0;
  }
}

const HAS_CHILD = 1;
const SEEN = 2;
/** Per-junction flags of each graph, all zero between calls (not a fresh n-byte array per isochrone). */
const flagsByGraph = new WeakMap<RoadNetwork, Uint8Array>();
function junctionFlags(g: RoadNetwork): Uint8Array {
  let flags = flagsByGraph.get(g);
  if (!flags) flagsByGraph.set(g, (flags = new Uint8Array(g.nodeCount)));
  return flags;
}

/** The rings of {@link concaveBallsIsochrones}, given the tree's junction count and leaves. */
function drawRings(g: RoadNetwork, tree: ShortestPathTree, options: ConcaveBallsOptions, junctions: number, hasChild: (v: number) => boolean): (Position[] | undefined)[] {
  const { nodes, costOf, parentOf, keyOf } = tree;
  const metresPerSecond = MAX_SPEED_KMH / 3.6;
  const mapSize = junctions + 1; // ORS's map also holds the start point
  const rings: (Position[] | undefined)[] = [];
  let previous: Position[] | undefined;
  let prevCost = 0;
  options.ranges.forEach((isoline, i) => {
    let difference = i > 0 ? isoline - options.ranges[i - 1] : isoline;
    const maxRadius = options.kind === 'distance' ? isoline : metresPerSecond * isoline;
    if (options.kind === 'time') difference *= metresPerSecond;
    const smoothing = smoothingDistanceDeg(options.smoothing, maxRadius);
    const pts = new PointBuffer(2 * nodes.length + 64);
    if (previous) for (let p = 0; p < previous.length - 1; p++) pts.push(previous[p][0], previous[p][1]);
    const highDetail = mapSize < 1000 || difference < 1000;
    const buffer = highDetail ? 0.00018 : 0.0018;
    const detailedZone = isoline * 0.85;
    for (const v of nodes) {
      const parent = parentOf[v];
      if (parent === FROM_START) continue; // ORS skips the virtual edges from the snapped point
      const maxCost = costOf[v];
      const minCost = costOf[parent];
      if (minCost < prevCost && difference > 1000) continue;
      const key = keyOf[v];
      const e = key >> 1;
      if (isoline >= maxCost) {
        if (!hasChild(v) && !highDetail) continue;
        const detailed = g.edgeDist[e] > 200;
        if (maxCost >= detailedZone || detailed) {
          const line = edgePoints(g, key, options.reversed, smoothing);
          const end = line.length;
          const pt = line.a;
          if (detailed) {
            for (let k = 2; k < end; k += 2) {
              addBuffered(pts, pt[k - 2], pt[k - 1], pt[k], pt[k + 1], !hasChild(v) && k === end - 2, buffer);
            }
          } else for (let k = 0; k < end; k += 2) pts.push(pt[k], pt[k + 1]);
        } else pts.push(g.lng[v], g.lat[v]);
      } else if (minCost < isoline && maxCost >= isoline) {
        addBorderPoints(pts, edgePoints(g, key, options.reversed, smoothing), isoline, maxCost, minCost, g.edgeDist[e], buffer);
      }
    }
    if (options.offroad && options.kind === 'time') addOffroadBalls(g, tree, pts, isoline, options.offroad, options.reversed);
    const ring = pts.length >= 6 ? concaveHullByLength(pts.view(), smoothing) : undefined;
    rings.push(ring);
    if (ring) previous = ring;
    prevCost = isoline;
  });
  return rings;
}

/** A growable flat `[lng, lat, …]` buffer (no JS-array growth or boxing in the hot loops). */
class PointBuffer {
  a: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.a = new Float64Array(Math.max(16, capacity));
  }
  push(lng: number, lat: number): void {
    if (this.length + 2 > this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = lng;
    this.a[this.length++] = lat;
  }
  view(): Float64Array {
    return this.a.subarray(0, this.length);
  }
}

/** Scratch of {@link edgePoints}: valid until its next call. */
const line = new PointBuffer(256);

/**
 * Points of an edge from the parent's end to the child's end (flat `[lng, lat, …]`), with straight
 * pieces longer than `minSplit` degrees cut into equal parts (ORS's `edgeToPoints`). Returns a
 * shared scratch buffer, overwritten by the next call.
 */
function edgePoints(g: RoadNetwork, key: number, reversed: boolean, minSplit: number): PointBuffer {
  const e = key >> 1;
  // Driving direction of the key runs A→B for even keys; a reversed search walks it backwards.
  const aToB = (key & 1) === 0 ? !reversed : reversed;
  const count = edgePointCount(g, e);
  const out = line;
  out.length = 0;
  let lng0 = edgePointLng(g, e, aToB ? 0 : count - 1);
  let lat0 = edgePointLat(g, e, aToB ? 0 : count - 1);
  for (let i = 1; i < count; i++) {
    const at = aToB ? i : count - 1 - i;
    const lng1 = edgePointLng(g, e, at);
    const lat1 = edgePointLat(g, e, at);
    out.push(lng0, lat0);
    const dx = lng1 - lng0;
    const dy = lat1 - lat0;
    const length = Math.sqrt(dx * dx + dy * dy);
    if (minSplit < length && length < MAX_SEGMENT_ANGLE) {
      const n = Math.ceil(length / minSplit);
      for (let k = 1; k < n; k++) out.push(lng0 + (k * dx) / n, lat0 + (k * dy) / n);
    }
    lng0 = lng1;
    lat0 = lat1;
  }
  out.push(lng0, lat0);
  return out;
}

/** Points on both sides of a piece at `buffer` degrees (and at its middle when it is long). */
function addBuffered(pts: PointBuffer, lng0: number, lat0: number, lng1: number, lat1: number, addLast: boolean, buffer: number): void {
  const dx = lng0 - lng1;
  const dy = lat0 - lat1;
  const norm = Math.sqrt(dx * dx + dy * dy);
  if (norm === 0) {
    pts.push(lng0, lat0);
    return;
  }
  const scale = buffer / norm;
  const dx2 = -dy * scale;
  const dy2 = dx * scale;
  pts.push(lng0 + dx2, lat0 + dy2);
  pts.push(lng0 - dx2, lat0 - dy2);
  if (norm > 2 * buffer) {
    pts.push((lng0 + lng1) / 2 + dx2, (lat0 + lat1) / 2 + dy2);
    pts.push((lng0 + lng1) / 2 - dx2, (lat0 + lat1) / 2 - dy2);
  }
  if (addLast) {
    pts.push(lng1 + dx2, lat1 + dy2);
    pts.push(lng1 - dx2, lat1 - dy2);
  }
}

/** The part of an edge crossed by the limit, up to where the limit falls (ORS's `addPointsFromEdge`). */
function addBorderPoints(pts: PointBuffer, points: PointBuffer, isoline: number, maxCost: number, minCost: number, edgeDist: number, buffer: number): void {
  const edgeCost = maxCost - minCost;
  const costPerMetre = edgeCost / edgeDist;
  const line = points.a;
  let along = 0;
  let lng0 = line[0];
  let lat0 = line[1];
  for (let k = 2; k < points.length; k += 2) {
    const lng1 = line[k];
    const lat1 = line[k + 1];
    along += planarDistanceM(lng0, lat0, lng1, lat1);
    const cost = minCost + along * costPerMetre;
    if (cost >= isoline) {
      const part = 1 - (cost - isoline) / edgeCost;
      addBuffered(pts, lng0, lat0, lng0 + part * (lng1 - lng0), lat0 + part * (lat1 - lat0), true, buffer);
      break;
    }
    addBuffered(pts, lng0, lat0, lng1, lat1, false, buffer);
    lng0 = lng1;
    lat0 = lat1;
  }
}

/** Points of a circle of `radiusM` around a point, in degrees. */
function addCircle(pts: PointBuffer, lng: number, lat: number, radiusM: number): void {
  const k = metresPerDegree(lat);
  for (let i = 0; i < 12; i++) {
    const a = (i * Math.PI) / 6;
    pts.push(lng + (Math.cos(a) * radiusM) / k.x, lat + (Math.sin(a) * radiusM) / k.y);
  }
}

/**
 * Off-road reach around every reached road point, sampled along tree edges every half radius at
 * most: the radius is what the remaining time allows at the off-road speed, capped at `maxM`.
 */
function addOffroadBalls(g: RoadNetwork, tree: ShortestPathTree, pts: PointBuffer, isoline: number, offroad: { speedKmh: number; maxM: number }, reversed: boolean): void {
  const speed = offroad.speedKmh / 3.6;
  const radius = (cost: number): number => Math.min((isoline - cost) * speed, offroad.maxM);
  for (const v of tree.nodes) {
    const c = tree.costOf[v];
    if (c > isoline) continue;
    const r = radius(c);
    if (r > 50) addCircle(pts, g.lng[v], g.lat[v], r);
    const parent = tree.parentOf[v];
    if (parent === FROM_START) continue;
    const key = tree.keyOf[v];
    const e = key >> 1;
    const c0 = tree.costOf[parent];
    const points = edgePoints(g, key, reversed, Infinity);
    const line = points.a;
    const total = g.edgeDist[e];
    let along = 0;
    for (let k = 2; k < points.length; k += 2) {
      const piece = planarDistanceM(line[k - 2], line[k - 1], line[k], line[k + 1]);
      const start = along;
      along += piece;
      for (let d = 0; d < piece; ) {
        const cost = c0 + ((start + d) / total) * (c - c0);
        const r2 = radius(cost);
        if (r2 > 50) addCircle(pts, line[k - 2] + ((line[k] - line[k - 2]) * d) / piece, line[k - 1] + ((line[k + 1] - line[k - 1]) * d) / piece, r2);
        d += Math.max(r2 / 2, 500);
      }
    }
  }
}
