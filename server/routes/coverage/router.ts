import { Router } from 'express';
import { currentUser, requireRole } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { suggestOpenings, listUncovered } from '../../domain/coverage/suggest-openings.ts';
import { assertDepartementInScope, scopeOf, type Scope } from '../../domain/departements/visibility.ts';
import { resolveWindow } from '../../domain/search/date-window.ts';
import { parse } from '../../middleware/validate.ts';
import { presentSuggestions, presentUncovered } from './presenter.ts';
import { coverageQuery, suggestionsBody } from './schema.ts';

/** The caller's départements, or the one asked for (403 when it is not theirs). */
function scopeFor(user: Parameters<typeof scopeOf>[0], departement: string | undefined, field: string): Scope {
  const scope = scopeOf(user);
  if (departement === undefined) return scope;
  assertDepartementInScope(scope, departement, field);
  return { national: false, codes: [departement] };
}

/** Coverage: placements with no free bed within the limit, and where to open the next internat. */
export function createCoverageRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/coverage', requireRole('staff', 'admin'), async (req, res) => {
    const q = parse(coverageQuery, req.query, 'query');
    const scope = scopeFor(currentUser(req), q.departement, 'query.departement');
    const answer = await listUncovered(ctx.db.prisma, ctx.driveTimes.provider, { window: resolveWindow(q), scope, limitMinutes: q.limitMinutes });
    res.json(presentUncovered(answer));
  });
  router.post('/coverage/suggestions', requireRole('staff', 'admin'), async (req, res) => {
    const b = parse(suggestionsBody, req.body ?? {}, 'body');
    const scope = scopeFor(currentUser(req), b.departement, 'body.departement');
    const answer = await suggestOpenings(ctx.db.prisma, ctx.driveTimes.provider, {
      window: resolveWindow(b),
      scope,
      limitMinutes: b.limitMinutes,
      k: b.k,
      communes: b.communes,
      added: b.candidates.map((c) => ({ name: c.name, location: c.location })),
    });
    res.json(presentSuggestions(answer));
  });
  return router;
}
