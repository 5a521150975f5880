import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

/** GET /api/map/base-layer: département and commune outlines with names, drawn without tiles. */
export const baseLayerSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: z.any(),
      properties: z.object({ kind: z.enum(['departement', 'commune']), code: z.string(), name: z.string(), label: z.tuple([z.number(), z.number()]) }),
    }),
  ),
  note: z.string().optional(),
});
export type BaseLayer = z.infer<typeof baseLayerSchema> & FeatureCollection;

/** The visible area snapped to a half-degree grid so nearby views share a cached answer. */
export function snapBbox(b: [number, number, number, number]): string {
  const f = (v: number) => Math.floor(v * 2) / 2;
  const c = (v: number) => Math.ceil(v * 2) / 2;
  return [f(b[0]), f(b[1]), c(b[2]), c(b[3])].join(',');
}

/** Fetches the outlines for an area and zoom. */
export const getBaseLayer = (bbox: string, zoom: number) =>
  api('/map/base-layer', { query: { bbox, zoom }, schema: baseLayerSchema, silent: true }) as Promise<BaseLayer>;

/** The outlines for the visible area; keeps the previous ones while the next load. */
export function useBaseLayer(bbox: string | undefined, zoom: number) {
  const detail = zoom >= 9 ? 9 : 0;
  return useQuery({
    queryKey: ['base-layer', bbox, detail],
    queryFn: () => getBaseLayer(bbox!, detail),
    enabled: !!bbox,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
