import { Router } from 'express';
import { currentUser, requireRole } from '../../auth/middleware.ts';
import { scopeOf } from '../../domain/departements/visibility.ts';
import type { AppContext } from '../../context.ts';
import { computeIndicators } from '../../domain/indicators/compute-indicators.ts';
import { resolveWindow } from '../../domain/search/date-window.ts';
import { parse } from '../../middleware/validate.ts';
import { indicatorsQuery } from './schema.ts';

/** The staff dashboard's figures. */
export function createIndicatorsRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/indicators', requireRole('staff', 'admin'), async (req, res) => {
    const q = parse(indicatorsQuery, req.query, 'query');
    const indicators = await computeIndicators(ctx.db.prisma, resolveWindow(q), scopeOf(currentUser(req)));
    res.json(indicators);
  });
  return router;
}
