import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * A raster of the area to keep: the given outlines, widened by a margin, on a grid of about half a
 * kilometre. Testing a node is then one array read, which matters for the tens of millions of nodes
 * of a regional extract; half a kilometre is nothing next to the margin kept around the outlines.
 */
export interface ClipMask {
  contains(lng: number, lat: number): boolean;
  /** Cells inside, for reports and tests. */
  cellsInside: number;
  bbox: [number, number, number, number];
}

/** Builds the mask of `outlines` widened by `marginKm` (a square neighbourhood: at least that much all round). */
export function buildClipMask(outlines: Feature<Polygon | MultiPolygon>[], marginKm: number, cellKm = 0.5): ClipMask {
  if (outlines.length === 0) throw new Error('no outline to clip to');
  const rings: Position[][] = outlines.flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat()));
  let [minLng, minLat, maxLng, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) for (const [x, y] of ring) {
    if (x < minLng) minLng = x;
    if (x > maxLng) maxLng = x;
    if (y < minLat) minLat = y;
    if (y > maxLat) maxLat = y;
  }
  const latStep = cellKm / 111.2;
  const lngStep = latStep / Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const pad = Math.ceil(marginKm / cellKm) + 1;
  const x0 = minLng - pad * lngStep;
  const y0 = minLat - pad * latStep;
  const w = Math.ceil((maxLng - minLng) / lngStep) + 2 * pad + 1;
  const h = Math.ceil((maxLat - minLat) / latStep) + 2 * pad + 1;
  let grid: Uint8Array = new Uint8Array(w * h);

  // Scanline fill at each row's centre (even-odd rule, so holes stay holes).
  const xs: number[] = [];
  for (let r = 0; r < h; r++) {
    const y = y0 + (r + 0.5) * latStep;
    xs.length = 0;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > y !== yj > y) xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const c0 = Math.max(0, Math.ceil((xs[k] - x0) / lngStep - 0.5));
      const c1 = Math.min(w - 1, Math.floor((xs[k + 1] - x0) / lngStep - 0.5));
      for (let c = c0; c <= c1; c++) grid[r * w + c] = 1;
    }
  }
  // Outline vertices mark their own cells too, so thin slivers are never lost between row centres.
  for (const ring of rings) for (const [x, y] of ring) grid[Math.floor((y - y0) / latStep) * w + Math.floor((x - x0) / lngStep)] = 1;

  // Widen by the margin: a running-window maximum along rows, then along columns.
  const radius = Math.ceil(marginKm / cellKm);
  if (radius > 0) grid = dilateColumns(dilateRows(grid, w, h, radius), w, h, radius);

  let cellsInside = 0;
  for (const v of grid) cellsInside += v;
  return {
    cellsInside,
    bbox: [x0, y0, x0 + w * lngStep, y0 + h * latStep],
    contains(lng, lat) {
      const c = Math.floor((lng - x0) / lngStep);
      const r = Math.floor((lat - y0) / latStep);
      return c >= 0 && r >= 0 && c < w && r < h && grid[r * w + c] === 1;
    },
  };
}

function dilateRows(src: Uint8Array, w: number, h: number, radius: number): Uint8Array {
  const out = new Uint8Array(src.length);
  for (let r = 0; r < h; r++) {
    let last = -Infinity; // column of the last set cell seen
    for (let c = 0; c < w; c++) if (src[r * w + c]) last = c; else if (c - last <= radius) out[r * w + c] = 1;
    let next = Infinity;
    for (let c = w - 1; c >= 0; c--) {
      if (src[r * w + c]) {
        next = c;
        out[r * w + c] = 1;
      } else if (next - c <= radius) out[r * w + c] = 1;
    }
  }
  return out;
}

function dilateColumns(src: Uint8Array, w: number, h: number, radius: number): Uint8Array {
  const out = new Uint8Array(src.length);
  for (let c = 0; c < w; c++) {
    let last = -Infinity;
    for (let r = 0; r < h; r++) if (src[r * w + c]) last = r; else if (r - last <= radius) out[r * w + c] = 1;
    let next = Infinity;
    for (let r = h - 1; r >= 0; r--) {
      if (src[r * w + c]) {
        next = r;
        out[r * w + c] = 1;
      } else if (next - r <= radius) out[r * w + c] = 1;
    }
  }
  return out;
}
