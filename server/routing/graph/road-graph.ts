import type { ContractionHierarchy } from '../ch/contraction-hierarchy.ts';

/**
 * The routable network in flat typed arrays: every OSM node a car can pass is a graph node, every
 * pair of consecutive nodes of a way a straight segment. Flat arrays load in milliseconds from the
 * binary cache and cost a few dozen bytes per node, so a regional extract fits in memory.
 */
export interface RoadGraph {
  nodeCount: number;
  lng: Float64Array;
  lat: Float64Array;
  /**
   * Segment endpoints; a segment is drivable A→B when `segDir & 1`, B→A when `segDir & 2`;
   * `segDir & 4` marks limited-access roads (motorways), never snapped to.
   */
  segA: Uint32Array;
  segB: Uint32Array;
  segDir: Uint8Array;
  /** Travel time along the whole segment, seconds. */
  segDur: Float32Array;
  /** Length of the segment, metres. */
  segDist: Float32Array;
  /** Forward adjacency in CSR form: arcs of node v are `firstOut[v]..firstOut[v+1]`. */
  firstOut: Uint32Array;
  arcHead: Uint32Array;
  arcSeg: Uint32Array;
  ch: ContractionHierarchy;
}

/** One drivable straight piece between two nodes, as builders hand it in. */
export interface SegmentInput {
  a: number;
  b: number;
  forward: boolean;
  backward: boolean;
  speedKmh: number;
}

/** The graph without its hierarchy, as produced by an importer or a test. */
export type BaseGraph = Omit<RoadGraph, 'ch'>;

/** A CSR adjacency over segments: arcs of v are `first[v]..first[v+1]`, each to `head` along `seg`. */
export interface Adjacency {
  first: Uint32Array;
  head: Uint32Array;
  seg: Uint32Array;
}

/** The graph's own forward adjacency as an {@link Adjacency}. */
export function forwardAdjacency(g: BaseGraph): Adjacency {
  return { first: g.firstOut, head: g.arcHead, seg: g.arcSeg };
}

/**
 * Arcs reversed (v lists the nodes that can drive to v), for searches towards a destination:
 * "where can I live and still reach this practice in 30 minutes". Built at load time in one pass.
 */
export function reverseAdjacency(g: BaseGraph): Adjacency {
  const n = g.nodeCount;
  const first = new Uint32Array(n + 1);
  for (let v = 0; v < n; v++) for (let a = g.firstOut[v]; a < g.firstOut[v + 1]; a++) first[g.arcHead[a] + 1]++;
  for (let v = 0; v < n; v++) first[v + 1] += first[v];
  const fill = first.slice(0, n);
  const head = new Uint32Array(g.arcHead.length);
  const seg = new Uint32Array(g.arcHead.length);
  for (let v = 0; v < n; v++)
    for (let a = g.firstOut[v]; a < g.firstOut[v + 1]; a++) {
      const k = fill[g.arcHead[a]]++;
      head[k] = v;
      seg[k] = g.arcSeg[a];
    }
  return { first, head, seg };
}

/** Direction bits of `segDir`. */
export const FORWARD = 1;
export const BACKWARD = 2;
/** Motorway-class segment: routable, but nobody gets on or off it between junctions. */
export const LIMITED_ACCESS = 4;

const EARTH_RADIUS_M = 6371008.8;

/** Great-circle distance in metres; routing distances and estimates share this one formula. */
export function haversineM(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLng = (lng2 - lng1) * r;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(s)));
}

/**
 * Builds the flat graph from nodes and segments, computing lengths and times. Segments of
 * connected pieces smaller than `minComponentNodes` are dropped (a private car park left over by
 * the access filter would otherwise trap snapped points), then unused nodes are removed.
 */
export function buildBaseGraph(
  lng: ArrayLike<number>,
  lat: ArrayLike<number>,
  segments: { count: number; a: ArrayLike<number>; b: ArrayLike<number>; dir: ArrayLike<number>; speedKmh: ArrayLike<number> },
  options: { minComponentNodes?: number } = {},
): BaseGraph {
  const n0 = lng.length;
  const keepSeg = componentFilter(n0, segments, options.minComponentNodes ?? 0);
  dropDuplicates(segments, keepSeg);
  const newIndex = new Int32Array(n0).fill(-1);
  let nodeCount = 0;
  let segCount = 0;
  for (let s = 0; s < segments.count; s++) {
    if (!keepSeg[s]) continue;
    segCount++;
    for (const v of [segments.a[s], segments.b[s]]) if (newIndex[v] < 0) newIndex[v] = nodeCount++;
  }
  const g: BaseGraph = {
    nodeCount,
    lng: new Float64Array(nodeCount),
    lat: new Float64Array(nodeCount),
    segA: new Uint32Array(segCount),
    segB: new Uint32Array(segCount),
    segDir: new Uint8Array(segCount),
    segDur: new Float32Array(segCount),
    segDist: new Float32Array(segCount),
    firstOut: new Uint32Array(nodeCount + 1),
    arcHead: new Uint32Array(0),
    arcSeg: new Uint32Array(0),
  };
  for (let v = 0; v < n0; v++) {
    const i = newIndex[v];
    if (i >= 0) {
      g.lng[i] = lng[v];
      g.lat[i] = lat[v];
    }
  }
  let k = 0;
  for (let s = 0; s < segments.count; s++) {
    if (!keepSeg[s]) continue;
    const a = newIndex[segments.a[s]];
    const b = newIndex[segments.b[s]];
    const dist = haversineM(g.lng[a], g.lat[a], g.lng[b], g.lat[b]);
    g.segA[k] = a;
    g.segB[k] = b;
    g.segDir[k] = segments.dir[s];
    g.segDist[k] = dist;
    g.segDur[k] = dist / (segments.speedKmh[s] / 3.6);
    k++;
  }
  buildAdjacency(g);
  return g;
}

function buildAdjacency(g: BaseGraph): void {
  const counts = new Uint32Array(g.nodeCount + 1);
  const m = g.segA.length;
  for (let s = 0; s < m; s++) {
    if (g.segDir[s] & FORWARD) counts[g.segA[s] + 1]++;
    if (g.segDir[s] & BACKWARD) counts[g.segB[s] + 1]++;
  }
  for (let v = 0; v < g.nodeCount; v++) counts[v + 1] += counts[v];
  g.firstOut = counts.slice();
  const fill = counts.slice(0, g.nodeCount);
  const total = counts[g.nodeCount];
  g.arcHead = new Uint32Array(total);
  g.arcSeg = new Uint32Array(total);
  for (let s = 0; s < m; s++) {
    if (g.segDir[s] & FORWARD) {
      const i = fill[g.segA[s]]++;
      g.arcHead[i] = g.segB[s];
      g.arcSeg[i] = s;
    }
    if (g.segDir[s] & BACKWARD) {
      const i = fill[g.segB[s]]++;
      g.arcHead[i] = g.segA[s];
      g.arcSeg[i] = s;
    }
  }
}

function componentFilter(
  n: number,
  segments: { count: number; a: ArrayLike<number>; b: ArrayLike<number>; dir: ArrayLike<number> },
  minNodes: number,
): Uint8Array {
  const keep = new Uint8Array(segments.count).fill(1);
  if (minNodes <= 1) return keep;
  const comp = stronglyConnectedComponents(n, segments);
  const size = new Uint32Array(n);
  for (let v = 0; v < n; v++) size[comp[v]]++;
  for (let s = 0; s < segments.count; s++) {
    if (size[comp[segments.a[s]]] < minNodes || size[comp[segments.b[s]]] < minNodes) keep[s] = 0;
  }
  return keep;
}

/**
 * Iterative Tarjan: strongly connected components of the directed road graph. A piece a car can
 * enter but never leave (a one-way stub cut by the extract's border) is not worth snapping to.
 */
function stronglyConnectedComponents(
  n: number,
  segments: { count: number; a: ArrayLike<number>; b: ArrayLike<number>; dir: ArrayLike<number> },
): Uint32Array {
  const first = new Uint32Array(n + 1);
  for (let s = 0; s < segments.count; s++) {
    if (segments.dir[s] & FORWARD) first[segments.a[s] + 1]++;
    if (segments.dir[s] & BACKWARD) first[segments.b[s] + 1]++;
  }
  for (let v = 0; v < n; v++) first[v + 1] += first[v];
  const fill = first.slice(0, n);
  const head = new Uint32Array(first[n]);
  for (let s = 0; s < segments.count; s++) {
    if (segments.dir[s] & FORWARD) head[fill[segments.a[s]]++] = segments.b[s];
    if (segments.dir[s] & BACKWARD) head[fill[segments.b[s]]++] = segments.a[s];
  }
  const index = new Int32Array(n).fill(-1);
  const low = new Uint32Array(n);
  const onStack = new Uint8Array(n);
  const comp = new Uint32Array(n);
  const stack = new Uint32Array(n);
  const callV = new Uint32Array(n);
  const callArc = new Uint32Array(n);
  let sp = 0;
  let counter = 0;
  let compCount = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    let depth = 0;
    callV[0] = root;
    callArc[0] = first[root];
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callV[depth];
      if (callArc[depth] < first[v + 1]) {
        const w = head[callArc[depth]++];
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callV[depth] = w;
          callArc[depth] = first[w];
        } else if (onStack[w] && index[w] < low[v]) low[v] = index[w];
        continue;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          comp[w] = compCount;
        } while (w !== v);
        compCount++;
      }
      depth--;
      if (depth >= 0) {
        const u = callV[depth];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }
  return comp;
}

/** Concurrent routes (E5 over N10…) repeat the same piece of road: keep the fastest copy. */
function dropDuplicates(
  segments: { count: number; a: ArrayLike<number>; b: ArrayLike<number>; dir: ArrayLike<number>; speedKmh: ArrayLike<number> },
  keep: Uint8Array,
): void {
  const seen = new Map<string, number>();
  for (let s = 0; s < segments.count; s++) {
    if (!keep[s]) continue;
    const a = segments.a[s];
    const b = segments.b[s];
    const flip = a > b;
    const dir = segments.dir[s];
    const norm = flip ? ((dir & FORWARD ? BACKWARD : 0) | (dir & BACKWARD ? FORWARD : 0)) : dir;
    const key = flip ? `${b},${a},${norm}` : `${a},${b},${norm}`;
    const prev = seen.get(key);
    if (prev === undefined) seen.set(key, s);
    else if (segments.speedKmh[s] > segments.speedKmh[prev]) {
      keep[prev] = 0;
      seen.set(key, s);
    } else keep[s] = 0;
  }
}
