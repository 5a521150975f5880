import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { DriveTimeProvider, LngLat } from '../../routing/provider.ts';

/** Where a placement's intern works: one practice, or two for multi-supervisor placements. */
export interface PracticePoint {
  id: number;
  name: string;
  location: LngLat;
}

/** An isochrone feature: one practice's reach (`kind: 'practice'`) or the area within reach of both (`kind: 'both'`). */
export type ReachFeature = Feature<
  Polygon | MultiPolygon,
  { kind: 'practice' | 'both'; value: number; practiceIds: number[]; practiceName?: string; center?: LngLat; area?: number }
>;

/** The isochrones of a placement, with the provider's estimate flag. */
export interface PlacementIsochrones {
  type: 'FeatureCollection';
  features: ReachFeature[];
  estimate: boolean;
  provider: string;
}

/**
 * Drive-time areas around each practice for each range (seconds) and, for two
 * practices, their intersection per range: where one could live and reach both.
 */
export async function placementIsochrones(provider: DriveTimeProvider, practices: PracticePoint[], rangesSeconds: number[]): Promise<PlacementIsochrones> {
  const iso = await provider.isochrones(
    practices.map((p) => p.location),
    rangesSeconds,
  );
  const features: ReachFeature[] = iso.features.map((f) => {
    const p = practices[f.properties.group_index];
    return {
      type: 'Feature',
      geometry: f.geometry,
      properties: { kind: 'practice', value: f.properties.value, practiceIds: [p.id], practiceName: p.name, center: f.properties.center, area: f.properties.area },
    };
  });
  if (practices.length === 2) {
    for (const value of [...rangesSeconds].sort((a, b) => a - b)) {
      const a = iso.features.find((f) => f.properties.group_index === 0 && f.properties.value === value);
      const b = iso.features.find((f) => f.properties.group_index === 1 && f.properties.value === value);
      if (!a || !b) continue;
      const both = intersect(featureCollection<Polygon | MultiPolygon>([a as Feature<Polygon | MultiPolygon>, b as Feature<Polygon | MultiPolygon>]));
      if (both) features.push({ type: 'Feature', geometry: both.geometry, properties: { kind: 'both', value, practiceIds: practices.map((p) => p.id) } });
    }
  }
  return { type: 'FeatureCollection', features, estimate: iso.estimate, provider: iso.provider };
}
