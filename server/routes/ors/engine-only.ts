import express, { type Router } from 'express';
import type { DriveTimeProvider } from '../../routing/provider.ts';
import { createOrsRouter, type OrsRouterOptions } from './router.ts';

/** What the server tells an ORS caller when it has no road network to answer from. */
export const NO_ENGINE_MESSAGE =
  'This server has no road network loaded, so its openrouteservice-compatible API cannot answer: it never forwards requests to openrouteservice nor answers with straight-line estimates. The operator can load roads with `npm run roads:fetch -- <region>` and restart.';

/**
 * The router behind `/ors`: always the embedded engine, never the app's own provider. With
 * `ORS_API_KEY` the app's provider is openrouteservice itself, and serving external callers from it
 * would spend the deployment's ORS quota on their behalf; without road data it is a straight-line
 * estimate, which is not an ORS answer. Without an embedded engine every request gets a 503 in ORS's
 * error shape (code 6099 for matrices, 3099 for isochrones: ORS's "unknown" codes) saying why.
 */
export function createOrsEngineRouter(driveTimes: { embedded?: DriveTimeProvider }, options: Omit<OrsRouterOptions, 'engine'>): Router {
  if (driveTimes.embedded) return createOrsRouter({ ...options, engine: driveTimes.embedded });
  const router = express.Router();
  router.use((req, res) => {
    const code = req.path.includes('/matrix') ? 6099 : 3099;
    res.status(503).json({ error: { code, message: NO_ENGINE_MESSAGE }, info: { engine: { version: 'internat-match' }, timestamp: Date.now() } });
  });
  return router;
}
