import { Router } from 'express';
import { currentUser, requireRole } from '../../auth/middleware.ts';
import { scopeOf } from '../../domain/departements/visibility.ts';
import type { AppContext } from '../../context.ts';
import { computeIndicators } from '../../domain/indicators/compute-indicators.ts';
import { indicatorsOverSemesters } from '../../domain/indicators/indicators-over-semesters.ts';
import { semesterIndicatorsToCsv } from '../../domain/indicators/semester-indicators-csv.ts';
import { resolveWindow } from '../../domain/search/date-window.ts';
import { parse } from '../../middleware/validate.ts';
import { indicatorsQuery, semesterIndicatorsCsvQuery, semesterIndicatorsQuery } from './schema.ts';

const staff = requireRole('staff', 'admin');

/** The staff dashboard's figures: one window, and the evolution over semesters (JSON and CSV). */
export function createIndicatorsRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/indicators', staff, async (req, res) => {
    const q = parse(indicatorsQuery, req.query, 'query');
    const indicators = await computeIndicators(ctx.db.prisma, resolveWindow(q), scopeOf(currentUser(req)));
    res.json(indicators);
  });

  router.get('/indicators/semesters', staff, async (req, res) => {
    const q = parse(semesterIndicatorsQuery, req.query, 'query');
    res.json(await indicatorsOverSemesters(ctx.db.prisma, scopeOf(currentUser(req)), q));
  });

  router.get('/indicators/semesters.csv', staff, async (req, res) => {
    const { sep, format, ...q } = parse(semesterIndicatorsCsvQuery, req.query, 'query');
    const lang = format ?? (sep === ',' ? 'en' : 'fr');
    const ind = await indicatorsOverSemesters(ctx.db.prisma, scopeOf(currentUser(req)), q);
    const csv = semesterIndicatorsToCsv(ind, { lang, delimiter: sep ?? (lang === 'fr' ? ';' : ',') });
    res.type('text/csv; charset=utf-8').attachment(`indicateurs-${ind.departement ?? 'semestres'}.csv`).send(csv);
  });
  return router;
}
