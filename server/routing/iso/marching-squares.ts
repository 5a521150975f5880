/** A closed ring in grid coordinates (x = column, y = row), first point repeated last. */
export type GridRing = [number, number][];

// Segments per case as pairs of edges: 0 bottom, 1 right, 2 top, 3 left.
const CASES: number[][] = [
  [], [3, 0], [0, 1], [3, 1], [1, 2], [], [0, 2], [3, 2],
  [2, 3], [0, 2], [], [1, 2], [3, 1], [0, 1], [3, 0], [],
];

/**
 * Marching squares with linear interpolation: closed contour rings of `value <= threshold` over a
 * row-major grid whose border cells must be outside (callers pad), so every ring closes.
 */
export function contourRings(values: Float64Array, width: number, height: number, threshold: number, cap: number): GridRing[] {
  const v = (i: number, j: number): number => Math.min(values[j * width + i], cap);
  const edgeIds: number[] = [];
  const segEnds: number[] = [];
  const points = new Map<number, [number, number]>();
  const edgePoint = (i: number, j: number, e: number): number => {
    // Horizontal edges (bottom/top) and vertical ones (left/right) get distinct id ranges.
    let id: number;
    let p: [number, number];
    if (e === 0 || e === 2) {
      const jj = e === 0 ? j : j + 1;
      id = jj * width + i;
      if (!points.has(id)) {
        const a = v(i, jj), b = v(i + 1, jj);
        p = [i + frac(a, b, threshold), jj];
        points.set(id, p);
      }
    } else {
      const ii = e === 3 ? i : i + 1;
      id = width * height + j * width + ii;
      if (!points.has(id)) {
        const a = v(ii, j), b = v(ii, j + 1);
        p = [ii, j + frac(a, b, threshold)];
        points.set(id, p);
      }
    }
    return id;
  };
  for (let j = 0; j + 1 < height; j++) {
    for (let i = 0; i + 1 < width; i++) {
      const bl = v(i, j) <= threshold ? 1 : 0;
      const br = v(i + 1, j) <= threshold ? 2 : 0;
      const tr = v(i + 1, j + 1) <= threshold ? 4 : 0;
      const tl = v(i, j + 1) <= threshold ? 8 : 0;
      const c = bl | br | tr | tl;
      if (c === 0 || c === 15) continue;
      let pairs: number[][];
      if (c === 5 || c === 10) {
        const centerIn = (v(i, j) + v(i + 1, j) + v(i + 1, j + 1) + v(i, j + 1)) / 4 <= threshold;
        const aroundBlTr = [[3, 0], [1, 2]];
        const aroundBrTl = [[0, 1], [2, 3]];
        pairs = (c === 5) === centerIn ? aroundBrTl : aroundBlTr;
      } else pairs = [CASES[c]];
      for (const [e1, e2] of pairs) {
        edgeIds.push(edgePoint(i, j, e1), edgePoint(i, j, e2));
        segEnds.push(0);
      }
    }
  }
  // Each edge point belongs to exactly two segments: link them into rings.
  const byPoint = new Map<number, number[]>();
  for (let s = 0; s < edgeIds.length / 2; s++) {
    for (const id of [edgeIds[2 * s], edgeIds[2 * s + 1]]) {
      const list = byPoint.get(id);
      if (list) list.push(s);
      else byPoint.set(id, [s]);
    }
  }
  const used = new Uint8Array(edgeIds.length / 2);
  const rings: GridRing[] = [];
  for (let s0 = 0; s0 < used.length; s0++) {
    if (used[s0]) continue;
    const ring: GridRing = [];
    const startId = edgeIds[2 * s0];
    let s = s0;
    let at = edgeIds[2 * s0 + 1];
    used[s0] = 1;
    ring.push(points.get(startId)!);
    for (;;) {
      ring.push(points.get(at)!);
      if (at === startId) break;
      const next = byPoint.get(at)!.find((x) => !used[x]);
      if (next === undefined) break;
      used[next] = 1;
      s = next;
      at = edgeIds[2 * s] === at ? edgeIds[2 * s + 1] : edgeIds[2 * s];
    }
    if (ring.length >= 4) {
      if (ring[ring.length - 1] !== ring[0]) ring.push(ring[0]);
      rings.push(ring);
    }
  }
  return rings;
}

/**
 * Where the threshold crosses an edge. Kept strictly inside the edge: a point exactly on a grid
 * vertex would be shared by two edges and pinch the ring into an invalid polygon.
 */
function frac(a: number, b: number, t: number): number {
  if (a === b) return 0.5;
  return Math.min(0.99, Math.max(0.01, (t - a) / (b - a)));
}
