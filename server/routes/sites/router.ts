import { Router } from 'express';
import type { AppContext } from '../../context.ts';
import { nextSemester, parseSemesterId, semesterOf } from '../../domain/calendar/semesters.ts';
import { loadSitesWithBeds, siteStats } from '../../domain/sites/catalogue.ts';
import { parse } from '../../middleware/validate.ts';
import { presentPublicSite } from '../../presenters/site.ts';
import { listSitesQuery, type ListSitesQuery } from './schema.ts';

/** The date window a catalogue request asks about: explicit dates, a semester id, or the next semester. */
export function catalogueWindow(q: ListSitesQuery, today = new Date()): { from: string; to: string } {
  if (q.from && q.to) return { from: q.from, to: q.to };
  const s = (q.semester && parseSemesterId(q.semester)) || nextSemester(semesterOf(today));
  return { from: s.start, to: s.end };
}

/** The public housing catalogue. */
export function createSitesRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/sites', async (req, res) => {
    const q = parse(listSitesQuery, req.query, 'query');
    const window = catalogueWindow(q);
    const sites = await loadSitesWithBeds(ctx.db.prisma, window);
    const shown = q.departement ? sites.filter((s) => s.departement === q.departement) : sites;
    res.json({ window, sites: shown.map((s) => presentPublicSite(s, siteStats(s, window.from, window.to))) });
  });
  return router;
}
