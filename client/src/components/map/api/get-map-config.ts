import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

/** GET /api/map/config: the tile URL and its attribution. */
export const mapConfigSchema = z.object({ tileUrl: z.string(), attribution: z.string() });
export type MapConfig = z.infer<typeof mapConfigSchema>;

/** Fetches the map configuration. */
export const getMapConfig = () => api('/map/config', { schema: mapConfigSchema, silent: true });

/** The map configuration (tiles and attribution); cached for the session. */
export function useMapConfig() {
  return useQuery({ queryKey: ['map-config'], queryFn: getMapConfig, staleTime: Infinity, retry: false });
}
