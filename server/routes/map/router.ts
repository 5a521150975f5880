import path from 'node:path';
import { Router } from 'express';
import { ROOT_DIR } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import { parse } from '../../middleware/validate.ts';
import { registerRoute } from '../../openapi/registry.ts';
import { loadGeography, selectBaseLayer, type Geography } from './base-layer.ts';
import { baseLayerQuery, baseLayerQueryDoc } from './schema.ts';

registerRoute({
  method: 'get',
  path: '/api/map/config',
  summary: 'Tile URL and attribution for the map, and where drive times come from',
  description: '`driveTimes.estimate` is true when this server has no road data: every drive time is then a straight-line estimate, and the interface says so.',
  roles: 'public',
  tags: ['map'],
});
registerRoute({
  method: 'get',
  path: '/api/map/base-layer',
  summary: 'Offline context layer: département outlines, and commune outlines with names from zoom 9, for the visible area',
  description: 'GeoJSON FeatureCollection; empty with a `note` when the offline geography is not installed.',
  roles: 'public',
  tags: ['map'],
  request: { query: baseLayerQueryDoc },
});

/** Where the offline geography lives: `geo/` in the repository (IGN Admin Express, Licence Ouverte; see NOTICE). */
export const GEO_DIR = path.join(ROOT_DIR, 'geo');

/**
 * The map's configuration and its offline context layer, so a map without
 * tiles (no internet) still shows départements and communes with their names.
 */
export function createMapRouter(ctx: AppContext, geoDir = GEO_DIR): Router {
  const router = Router();
  let geo: Geography | undefined | null = null;
  const geography = () => {
    if (geo === null) {
      try {
        geo = loadGeography(geoDir);
      } catch (err) {
        ctx.logger.warn({ err }, 'offline geography could not be read');
        geo = undefined;
      }
      if (!geo) ctx.logger.info(`no offline geography in ${geoDir}: the base layer is empty`);
    }
    return geo;
  };

  router.get('/map/config', (_req, res) => {
    const provider = ctx.driveTimes.provider.name;
    res.json({
      tileUrl: ctx.config.map.tileUrl,
      attribution: ctx.config.map.tileAttribution,
      baseLayer: { source: 'IGN Admin Express 2018 (Licence Ouverte)' },
      driveTimes: { provider, estimate: provider === 'estimate' },
    });
  });

  router.get('/map/base-layer', (req, res) => {
    const q = parse(baseLayerQuery, req.query, 'query');
    const g = geography();
    if (!g) {
      res.json({ type: 'FeatureCollection', features: [], note: 'offline geography not installed' });
      return;
    }
    res.set('cache-control', 'public, max-age=3600');
    res.json({ ...selectBaseLayer(g, q.bbox, q.zoom), attribution: 'IGN Admin Express 2018 (Licence Ouverte)' });
  });
  return router;
}
