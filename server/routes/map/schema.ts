import { z } from 'zod';

/** GET /api/map/base-layer query: the visible area (`minLng,minLat,maxLng,maxLat`) and zoom level. */
export const baseLayerQuery = z.object({
  bbox: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      const n = s.split(',').map(Number);
      if (n.length !== 4 || n.some((x) => !Number.isFinite(x))) {
        ctx.addIssue({ code: 'custom', message: 'must be minLng,minLat,maxLng,maxLat' });
        return z.NEVER;
      }
      const [minLng, minLat, maxLng, maxLat] = n;
      if (minLng > maxLng || minLat > maxLat) {
        ctx.addIssue({ code: 'custom', message: 'min must not exceed max' });
        return z.NEVER;
      }
      return [minLng, minLat, maxLng, maxLat] as [number, number, number, number];
    }),
  zoom: z.coerce.number({ message: 'must be a number' }).min(0).max(22).default(8),
});

export type BaseLayerQuery = z.infer<typeof baseLayerQuery>;

/** The same query as documented in OpenAPI (plain strings, before parsing). */
export const baseLayerQueryDoc = z.object({
  bbox: z.string().optional().describe('minLng,minLat,maxLng,maxLat'),
  zoom: z.string().optional().describe('map zoom level; communes are included from 9'),
});
