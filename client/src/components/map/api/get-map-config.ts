import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

/** GET /api/map/config: the tile URL and its attribution, and where drive times come from. */
export const mapConfigSchema = z.object({
  tileUrl: z.string(),
  attribution: z.string(),
  driveTimes: z.object({ provider: z.string(), estimate: z.boolean() }),
});
export type MapConfig = z.infer<typeof mapConfigSchema>;

/** Fetches the map configuration. */
export const getMapConfig = () => api('/map/config', { schema: mapConfigSchema, silent: true });

/** The map configuration (tiles, attribution, drive-time source); cached for the session. */
export function useMapConfig() {
  return useQuery({ queryKey: ['map-config'], queryFn: getMapConfig, staleTime: Infinity, retry: false });
}
