import { Router } from 'express';
import { currentUser, requireRole, requireUser } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { resolveWindow } from '../../domain/search/date-window.ts';
import { findNearbySites } from '../../domain/search/nearby-sites.ts';
import { assertCanSearchPlacement, loadPlacementForSearch } from '../../domain/search/placement-access.ts';
import { placementIsochrones } from '../../domain/search/placement-isochrones.ts';
import { parse } from '../../middleware/validate.ts';
import { isochroneQuery, nearbySitesQuery, placementParams, pointNearbyQuery } from './schema.ts';

const staffOrIntern = requireRole('staff', 'intern');

/** Drive-time search: housing near a placement or a point, and a placement's isochrones. */
export function createSearchRouter(ctx: AppContext): Router {
  const router = Router();
  const provider = () => ctx.driveTimes.provider;

  router.get('/placements/:id/nearby-sites', staffOrIntern, async (req, res) => {
    const { id } = parse(placementParams, req.params, 'params');
    const q = parse(nearbySitesQuery, req.query, 'query');
    const placement = await loadPlacementForSearch(ctx.db.prisma, id);
    assertCanSearchPlacement(currentUser(req), placement);
    const destinations = placement.practices.map((p) => p.location);
    res.json(await findNearbySites({ prisma: ctx.db.prisma, provider: provider(), destinations, window: placement.window, limitMinutes: q.minutes }));
  });

  router.get('/placements/:id/isochrone', staffOrIntern, async (req, res) => {
    const { id } = parse(placementParams, req.params, 'params');
    const q = parse(isochroneQuery, req.query, 'query');
    const placement = await loadPlacementForSearch(ctx.db.prisma, id);
    assertCanSearchPlacement(currentUser(req), placement);
    res.json(await placementIsochrones(provider(), placement.practices, q.ranges));
  });

  router.get('/drive-times/nearby', requireUser, async (req, res) => {
    const q = parse(pointNearbyQuery, req.query, 'query');
    const result = await findNearbySites({ prisma: ctx.db.prisma, provider: provider(), destinations: [[q.lng, q.lat]], window: resolveWindow(q), limitMinutes: q.minutes });
    res.json(result);
  });

  return router;
}
