import { Router } from 'express';
import { currentUser, requireRole, requireUser } from '../../auth/middleware.ts';
import { readCacheOf, sendCached } from '../../cache/read-cache.ts';
import type { AppContext } from '../../context.ts';
import { resolveWindow } from '../../domain/search/date-window.ts';
import { findNearbySites } from '../../domain/search/nearby-sites.ts';
import { assertCanSearchPlacement, loadPlacementForSearch } from '../../domain/search/placement-access.ts';
import { placementIsochrones } from '../../domain/search/placement-isochrones.ts';
import { parse } from '../../middleware/validate.ts';
import { isochroneQuery, nearbySitesQuery, placementParams, pointNearbyQuery } from './schema.ts';

const staffOrIntern = requireRole('staff', 'admin', 'intern');

/** Drive-time search: housing near a placement or a point, and a placement's isochrones. */
export function createSearchRouter(ctx: AppContext): Router {
  const router = Router();
  const provider = () => ctx.driveTimes.provider;
  // Searches are served from the read cache: the same destinations, window and limit give the same
  // answer until the next write to sites, rooms, beds, availability, assignments, placements or practices.
  const cache = readCacheOf(ctx.db);
  const nearby = (destinations: [number, number][], window: { from: string; to: string }, limitMinutes: number) =>
    cache.body(`nearby:${JSON.stringify(destinations)}:${window.from}:${window.to}:${limitMinutes}`, () =>
      findNearbySites({ prisma: ctx.db.prisma, provider: provider(), destinations, window, limitMinutes }),
    );

  router.get('/placements/:id/nearby-sites', staffOrIntern, async (req, res) => {
    const { id } = parse(placementParams, req.params, 'params');
    const q = parse(nearbySitesQuery, req.query, 'query');
    const placement = await cache.get(`placement:${id}`, () => loadPlacementForSearch(ctx.db.prisma, id));
    assertCanSearchPlacement(currentUser(req), placement);
    const destinations = placement.practices.map((p) => p.location);
    sendCached(res, await nearby(destinations, placement.window, q.minutes), 'private, no-cache');
  });

  router.get('/placements/:id/isochrone', staffOrIntern, async (req, res) => {
    const { id } = parse(placementParams, req.params, 'params');
    const q = parse(isochroneQuery, req.query, 'query');
    const placement = await cache.get(`placement:${id}`, () => loadPlacementForSearch(ctx.db.prisma, id));
    assertCanSearchPlacement(currentUser(req), placement);
    const key = `isochrones:${JSON.stringify(placement.practices)}:${JSON.stringify(q.ranges)}`;
    sendCached(res, await cache.body(key, () => placementIsochrones(provider(), placement.practices, q.ranges)), 'private, no-cache');
  });

  router.get('/drive-times/nearby', requireUser, async (req, res) => {
    const q = parse(pointNearbyQuery, req.query, 'query');
    sendCached(res, await nearby([[q.lng, q.lat]], resolveWindow(q), q.minutes), 'private, no-cache');
  });

  return router;
}
