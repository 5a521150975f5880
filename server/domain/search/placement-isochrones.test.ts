import { describe, expect, it } from 'vitest';
import { straightLineTestProvider } from '../../../tests/helpers/fake-drive-times.ts';
import { placementIsochrones } from './placement-isochrones.ts';

describe('placementIsochrones', () => {
  const a = { id: 1, name: 'Vendôme', location: [1.0611, 47.8014] as [number, number] };
  const b = { id: 2, name: 'Montoire', location: [0.8549, 47.7651] as [number, number] };

  it('labels each practice\'s ranges and adds the area within reach of both where they meet', async () => {
    const res = await placementIsochrones(straightLineTestProvider(), [a, b], [300, 1200]);
    expect(res.estimate).toBe(true);
    const kinds = res.features.map((f) => [f.properties.kind, f.properties.value, f.properties.practiceIds]);
    // ~16 km apart: 5-minute circles (5 km) do not meet; 20-minute circles (20 km) do.
    expect(kinds).toEqual([
      ['practice', 300, [1]],
      ['practice', 1200, [1]],
      ['practice', 300, [2]],
      ['practice', 1200, [2]],
      ['both', 1200, [1, 2]],
    ]);
    const both = res.features[4];
    expect(both.geometry.type).toBe('Polygon');
    const ring = (both.geometry.coordinates as number[][][])[0];
    const midLng = (a.location[0] + b.location[0]) / 2;
    expect(Math.min(...ring.map((c) => c[0]))).toBeLessThan(midLng);
    expect(Math.max(...ring.map((c) => c[0]))).toBeGreaterThan(midLng);
  });

  it('has no "both" area for a one-practice placement', async () => {
    const res = await placementIsochrones(straightLineTestProvider(), [a], [600]);
    expect(res.features.map((f) => f.properties.kind)).toEqual(['practice']);
  });
});
