/**
 * Drops the points deep inside a point set that cannot change its concave hull by length
 * ({@link concaveHullByLength}), so a 30-minute isochrone on a dense network triangulates its
 * boundary band instead of every junction it reached.
 *
 * Why the hull stays the same (L: the hull's maximum edge length; square cells of side c = L / 12):
 * - A cell is *good* when an occupied cell is close enough that every location in it has a point
 *   within ρ < L/2. A cell is *safe* when every cell within L/2 of it is good. A Delaunay triangle
 *   covering a point x of a safe cell then has a circumradius ≤ ρ (its circumcentre z has no point
 *   nearer than the radius; were z farther than L/2 from x, the location at L/2 from x towards z
 *   would have no point within L/2 either, by the triangle inequality), so its edges are shorter
 *   than L and the erosion, which only removes a triangle through a border edge of length ≥ L,
 *   never removes it. Its circumcircle lies within L of x.
 * - A point is dropped when every cell within L/2 + L + 1 cells of its own is good. The safe
 *   cells L + 1 cells away from the dropped ones form a closed ring; the triangles covering it are
 *   the same with or without the dropped points (their circumcircles reach no dropped cell, and
 *   the occupancy that makes them safe is unchanged), so are all the triangles outside it (an
 *   empty circumcircle reaching a dropped point would cross the ring, hence be small), and the
 *   erosion cannot cross it. It removes exactly the same triangles: the outer ring is the same
 *   polygon, up to where it starts and to the arbitrary diagonal of four cocircular points.
 * The grid is a bitset, 32 cells a word, so its morphology costs a few milliseconds.
 */

/** Cells per maximum edge length L. */
const CELLS_PER_L = 12;
/** Cells within L/2 of a cell (the safe test) plus the ring (L) plus one. */
const DEEP_REACH = CELLS_PER_L / 2 + CELLS_PER_L + 1;
/** Finer cells than the bound requires, so that every inequality above is strict. */
const SAFETY = 0.99;
/**
 * Cells per point beyond which the set is too sparse for anything to be dropped (the demo France
 * network has 70–200; a dense 30-minute tree about 10) and the grid would cost more than it saves.
 */
const MAX_CELLS_PER_POINT = 40;
/** Below this many points the triangulation is cheap anyway. */
const MIN_POINTS = 2000;

/**
 * The points (flat `[x, y, …]`) that could matter to the concave hull of maximum edge length
 * `maxEdgeLength` (all but those deep inside); the input itself when none can be dropped.
 */
export function boundaryBandPoints(points: Float64Array, maxEdgeLength: number): Float64Array {
  const count = points.length >> 1;
  if (count < MIN_POINTS || !(maxEdgeLength > 0)) return points;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < points.length; i += 2) {
    const x = points[i], y = points[i + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const c = (SAFETY * maxEdgeLength) / CELLS_PER_L;
  const W = Math.floor((maxX - minX) / c) + 1;
  const H = Math.floor((maxY - minY) / c) + 1;
  if (W <= 2 * DEEP_REACH || H <= 2 * DEEP_REACH || W * H > MAX_CELLS_PER_POINT * count) return points;
  const grid = new BitGrid(W, H);
  const occupied = grid.plane();
  const cellOf = new Int32Array(count);
  for (let p = 0; p < count; p++) {
    const cx = Math.floor((points[2 * p] - minX) / c);
    const cy = Math.floor((points[2 * p + 1] - minY) / c);
    const bit = cy * grid.stride * 32 + cx;
    cellOf[p] = bit;
    occupied[bit >> 5] |= 1 << (bit & 31);
  }
  const deep = grid.erode(goodCells(grid, occupied), DEEP_REACH);
  let kept = 0;
  for (let p = 0; p < count; p++) if (!((deep[cellOf[p] >> 5] >>> (cellOf[p] & 31)) & 1)) kept++;
  if (kept === count) return points;
  const out = new Float64Array(2 * kept);
  let k = 0;
  for (let p = 0; p < count; p++) {
    if ((deep[cellOf[p] >> 5] >>> (cellOf[p] & 31)) & 1) continue;
    out[k++] = points[2 * p];
    out[k++] = points[2 * p + 1];
  }
  return out;
}

/**
 * Good cells: an occupied cell at offset (dx, dy) puts a point within c·√((|dx|+1)² + (|dy|+1)²)
 * of every location of the cell, which must stay below L/2 = (CELLS_PER_L / 2)·c. The set of such
 * offsets is a disc, dilated row offset by row offset.
 */
function goodCells(grid: BitGrid, occupied: Int32Array): Int32Array {
  const limit = (CELLS_PER_L / 2) ** 2;
  const halfWidths: number[] = [];
  for (let dy = 0; (dy + 1) ** 2 + 1 < limit; dy++) {
    let dx = 0;
    while ((dx + 2) ** 2 + (dy + 1) ** 2 < limit) dx++;
    halfWidths.push(dx);
  }
  const byWidth: Int32Array[] = [occupied];
  for (let hw = 1; hw <= halfWidths[0]; hw++) byWidth.push(grid.dilateRowsByOne(byWidth[hw - 1]));
  const good = grid.plane();
  const { stride, H } = grid;
  halfWidths.forEach((hw, dy) => {
    const rows = byWidth[hw];
    for (let y = 0; y < H; y++) {
      for (const sy of dy === 0 ? [y] : [y - dy, y + dy]) {
        if (sy < 0 || sy >= H) continue;
        for (let w = 0; w < stride; w++) good[y * stride + w] |= rows[sy * stride + w];
      }
    }
  });
  return good;
}

/** A W × H grid of bits, row-major, `stride` 32-bit words a row; bits past W stay 0. */
class BitGrid {
  readonly stride: number;
  private lastMask: number;
  constructor(readonly W: number, readonly H: number) {
    this.stride = (W + 31) >> 5;
    const tail = W & 31;
    this.lastMask = tail === 0 ? -1 : (1 << tail) - 1;
  }
  plane(): Int32Array {
    return new Int32Array(this.stride * this.H);
  }
  /** Each bit OR its left and right neighbours. */
  dilateRowsByOne(src: Int32Array): Int32Array {
    const { stride, H } = this;
    const dst = this.plane();
    for (let y = 0; y < H; y++) {
      const base = y * stride;
      for (let w = 0; w < stride; w++) {
        const x = src[base + w];
        const prev = w > 0 ? src[base + w - 1] : 0;
        const next = w + 1 < stride ? src[base + w + 1] : 0;
        dst[base + w] = x | (x << 1) | (prev >>> 31) | (x >>> 1) | (next << 31);
      }
      dst[base + stride - 1] &= this.lastMask;
    }
    return dst;
  }
  /** Bits whose (2·reach + 1)² square lies entirely on set bits (outside the grid is unset). */
  erode(src: Int32Array, reach: number): Int32Array {
    const { stride, H } = this;
    // Two buffers in turn, never `src`: rows first, then columns.
    const buffers = [this.plane(), this.plane()];
    let cur = src;
    let step = 0;
    for (let r = 0; r < reach; r++) {
      const dst = buffers[step++ & 1];
      for (let y = 0; y < H; y++) {
        const base = y * stride;
        for (let w = 0; w < stride; w++) {
          const x = cur[base + w];
          const prev = w > 0 ? cur[base + w - 1] : 0;
          const next = w + 1 < stride ? cur[base + w + 1] : 0;
          dst[base + w] = x & ((x << 1) | (prev >>> 31)) & ((x >>> 1) | (next << 31));
        }
        dst[base + stride - 1] &= this.lastMask;
      }
      cur = dst;
    }
    const last = (H - 1) * stride;
    for (let r = 0; r < reach; r++) {
      const dst = buffers[step++ & 1];
      dst.fill(0, 0, stride);
      dst.fill(0, last, last + stride);
      for (let y = 1; y + 1 < H; y++) {
        const base = y * stride;
        for (let w = 0; w < stride; w++) dst[base + w] = cur[base + w] & cur[base + w - stride] & cur[base + w + stride];
      }
      cur = dst;
    }
    return cur;
  }
}
