import type { DriveTimeProvider, LngLat } from '../../server/routing/provider.ts';

/**
 * A deterministic provider for API tests that are not about routing: drive
 * time = great-circle distance at 60 km/h. Results are flagged as estimates.
 */
export function straightLineTestProvider(): DriveTimeProvider {
  const metres = (a: LngLat, b: LngLat) => {
    const R = 6371000;
    const toRad = (d: number) => (d * Math.PI) / 180;
    const dLat = toRad(b[1] - a[1]);
    const dLng = toRad(b[0] - a[0]);
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a[1])) * Math.cos(toRad(b[1])) * Math.sin(dLng / 2) ** 2;
    return 2 * R * Math.asin(Math.sqrt(h));
  };
  return {
    name: 'test-straight-line',
    async matrix(sources, destinations) {
      const distances = sources.map((s) => destinations.map((d) => metres(s, d)));
      return { durations: distances.map((row) => row.map((m) => m / (60000 / 3600))), distances, estimate: true, provider: 'test-straight-line' };
    },
    async isochrones(locations, ranges) {
      const features = locations.flatMap((c, gi) =>
        ranges.map((r) => {
          const radius = r * (60000 / 3600);
          const ring: LngLat[] = [];
          for (let k = 0; k <= 32; k++) {
            const a = (2 * Math.PI * k) / 32;
            ring.push([c[0] + (radius / (111320 * Math.cos((c[1] * Math.PI) / 180))) * Math.cos(a), c[1] + (radius / 110540) * Math.sin(a)]);
          }
          ring[32] = ring[0];
          return {
            type: 'Feature' as const,
            geometry: { type: 'Polygon' as const, coordinates: [ring] },
            properties: { group_index: gi, value: r, center: c, area: Math.PI * radius * radius },
          };
        }),
      );
      return { type: 'FeatureCollection', features, estimate: true, provider: 'test-straight-line' };
    },
  };
}
