import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

/** GET /api/placements/:id/isochrone: 10/20/30-minute areas per practice, plus `kind: 'both'` for two practices. */
export const isochroneSchema = z.looseObject({
  type: z.literal('FeatureCollection'),
  features: z.array(z.looseObject({ type: z.literal('Feature'), geometry: z.any(), properties: z.record(z.string(), z.unknown()).nullish() })),
  estimate: z.boolean().nullish(),
});

export const ISOCHRONE_RANGES = [600, 1200, 1800];

/** Fetches the drive-time bands of a placement. */
export const getIsochrone = (placementId: number) =>
  api(`/placements/${placementId}/isochrone`, { query: { ranges: ISOCHRONE_RANGES.join(',') }, schema: isochroneSchema, silent: true }) as Promise<
    FeatureCollection & { estimate?: boolean | null }
  >;

/** The drive-time bands of a placement (silently absent if the server cannot compute them). */
export function useIsochrone(placementId: number | undefined) {
  return useQuery({ queryKey: ['isochrone', placementId], queryFn: () => getIsochrone(placementId!), enabled: placementId !== undefined, staleTime: 10 * 60_000, retry: false });
}
