import path from 'node:path';
import { Router } from 'express';
import { ROOT_DIR } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import { parse } from '../../middleware/validate.ts';
import { loadGeography, selectBaseLayer, type Geography } from './base-layer.ts';
import { baseLayerQuery } from './schema.ts';

/** Where the offline geography lives (beside the project, never copied into it). */
export const GEO_DIR = path.resolve(ROOT_DIR, '../shared/data/geo');

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
    res.json({ tileUrl: ctx.config.map.tileUrl, attribution: ctx.config.map.tileAttribution, baseLayer: { source: 'IGN Admin Express 2018 (Licence Ouverte)' } });
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
