import { describe, expect, it } from 'vitest';
import { PointNotRoutableError, type DriveTimeProvider, type LngLat } from '../../routing/provider.ts';
import { couldReachWithin, reachableMatrix } from './reachable-matrix.ts';

/** Knows only points with lat < 50; time = |Δlng| × 1000 s. */
function islandProvider(): DriveTimeProvider & { calls: number } {
  const p = {
    name: 'island',
    calls: 0,
    async matrix(sources: LngLat[], destinations: LngLat[]) {
      p.calls++;
      [...sources, ...destinations].forEach((pt, i) => {
        if (pt[1] >= 50) throw new PointNotRoutableError(pt, i, 350);
      });
      const d = sources.map((s) => destinations.map((t) => Math.abs(s[0] - t[0]) * 1000));
      return { durations: d, distances: d, estimate: false, provider: 'island' };
    },
    async isochrones(): Promise<never> {
      throw new Error('unused');
    },
  };
  return p;
}

describe('reachableMatrix', () => {
  it('answers null for points the provider cannot route, and real figures for the rest', async () => {
    const p = islandProvider();
    const m = await reachableMatrix(p, [[1, 47], [2, 51], [3, 47]], [[0, 47], [0, 60]]);
    expect(m.durations).toEqual([
      [1000, null],
      [null, null],
      [3000, null],
    ]);
    expect(m.estimate).toBe(false);
    expect(p.calls).toBe(3);
  });

  it('passes other errors on', async () => {
    const failing: DriveTimeProvider = { name: 'x', matrix: async () => Promise.reject(new Error('quota')), isochrones: async () => Promise.reject(new Error('no')) };
    await expect(reachableMatrix(failing, [[1, 47]], [[1, 47]])).rejects.toThrow('quota');
  });
});

describe('couldReachWithin', () => {
  it('rules out what no road could reach in time', () => {
    // Blois → Marseille: ~600 km, more than 4 h even at 130 km/h.
    expect(couldReachWithin([1.33, 47.59], [5.37, 43.3], 4 * 3600)).toBe(false);
    expect(couldReachWithin([1.33, 47.59], [1.5, 47.7], 30 * 60)).toBe(true);
  });
});
