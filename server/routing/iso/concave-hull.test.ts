import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { mulberry32 } from '../../lib/seeded-random.ts';
import { concaveHullByLength } from './concave-hull.ts';
import { boundaryBandPoints } from './interior-points.ts';

/** The ring as a string from its smallest vertex, so two rings starting elsewhere compare equal. */
function canonical(ring: Position[] | undefined): string {
  if (!ring) return '';
  const open = ring.slice(0, -1);
  let m = 0;
  for (let i = 1; i < open.length; i++) if (open[i][0] < open[m][0] || (open[i][0] === open[m][0] && open[i][1] < open[m][1])) m = i;
  return JSON.stringify([...open.slice(m), ...open.slice(0, m)]);
}

/**
 * A road-like blob: jittered points inside a wobbly disc, with empty lakes of random sizes (some
 * wider than the hull's edge length, some narrower), spokes reaching out and stray points.
 */
function blob(seed: number, count: number): Float64Array {
  const rnd = mulberry32(seed);
  const lakes = Array.from({ length: 12 }, () => ({ x: (rnd() - 0.5) * 0.5, y: (rnd() - 0.5) * 0.5, r: 0.002 + rnd() * 0.02 }));
  const lobes = 3 + Math.floor(rnd() * 5);
  const phase = rnd() * 6;
  const pts: number[] = [];
  while (pts.length < 2 * count) {
    const x = (rnd() - 0.5) * 0.8;
    const y = (rnd() - 0.5) * 0.8;
    const a = Math.atan2(y, x);
    const radius = 0.22 + 0.1 * Math.sin(lobes * a + phase);
    const spoke = Math.abs(Math.sin(9 * a)) < 0.03;
    if (Math.hypot(x, y) > radius && !spoke && rnd() > 0.002) continue;
    if (lakes.some((l) => Math.hypot(x - l.x, y - l.y) < l.r)) continue;
    pts.push(2 + x, 45 + y);
  }
  return Float64Array.from(pts);
}

describe('concave hull: interior points left out', () => {
  it('gives the same polygon as triangulating every point, on dense blobs with lakes and spokes', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const pts = blob(seed, 40_000);
      for (const length of [0.009, 0.015, 0.02]) {
        const band = boundaryBandPoints(pts, length);
        expect(band.length).toBeLessThan(pts.length); // something was left out, so the test means something
        const fast = concaveHullByLength(pts, length);
        const full = concaveHullByLength(pts, length, { keepInterior: true });
        expect(fast).toBeDefined();
        expect(canonical(fast)).toBe(canonical(full));
      }
    }
  });

  it('keeps every point of a sparse set', () => {
    const rnd = mulberry32(5);
    const pts = Float64Array.from({ length: 6000 }, () => rnd() * 2);
    expect(boundaryBandPoints(pts, 0.009)).toBe(pts);
  });
});
