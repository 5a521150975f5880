import { Router } from 'express';
import { visibleInterns } from '../../domain/departements/visibility.ts';
import { assertCanManageSite, canManageSite, currentUser, requireRole } from '../../auth/middleware.ts';
import { readCacheOf, sendCached } from '../../cache/read-cache.ts';
import type { AppContext } from '../../context.ts';
import { nextSemester, parseSemesterId, semesterOf } from '../../domain/calendar/semesters.ts';
import { loadSitesWithBeds, siteStats } from '../../domain/sites/catalogue.ts';
import { createSite, setSiteManagers, updateSite } from '../../domain/sites/manage-sites.ts';
import { loadManagedSites, siteOccupants } from '../../domain/sites/occupancy.ts';
import { NotFoundError } from '../../errors.ts';
import { parse } from '../../middleware/validate.ts';
import { presentManagedSite } from '../../presenters/managed-site.ts';
import { presentSiteDetail } from '../../presenters/site-detail.ts';
import { presentPublicSite } from '../../presenters/site.ts';
import { idParams } from '../../schemas/params.ts';
import { createSiteBody, listSitesQuery, patchSiteBody, putManagersBody, siteDetailQuery, windowQuery, type ListSitesQuery } from './schema.ts';

/** The date window a catalogue request asks about: explicit dates, a semester id, or the next semester. */
export function catalogueWindow(q: ListSitesQuery, today = new Date()): { from: string; to: string } {
  if (q.from && q.to) return { from: q.from, to: q.to };
  const s = (q.semester && parseSemesterId(q.semester)) || nextSemester(semesterOf(today));
  return { from: s.start, to: s.end };
}

/** The housing catalogue (public), site detail, and site management. */
export function createSitesRouter(ctx: AppContext): Router {
  const router = Router();
  const prisma = ctx.db.prisma;

  const cache = readCacheOf(ctx.db);

  // Served from the read cache (valid until the next write to what it reads), with an ETag: a client
  // holding the current answer gets 304 and no body.
  router.get('/sites', async (req, res) => {
    const q = parse(listSitesQuery, req.query, 'query');
    const window = catalogueWindow(q);
    const cached = await cache.body(`sites:${window.from}:${window.to}:${q.departement ?? ''}`, async () => {
      const sites = await loadSitesWithBeds(prisma, window);
      const shown = q.departement ? sites.filter((s) => s.departement === q.departement) : sites;
      return { window, sites: shown.map((s) => presentPublicSite(s, siteStats(s, window.from, window.to))) };
    });
    sendCached(res, cached, 'public, no-cache');
  });

  router.get('/sites/:id', async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const window = catalogueWindow(parse(siteDetailQuery, req.query, 'query'));
    const key = `site:${id}:${window.from}:${window.to}`;
    const [site] = await cache.get(key, () => loadSitesWithBeds(prisma, window, { ids: [id], includeInactive: true }));
    // Withdrawn sites (neither active nor planned) are visible only to those who manage them.
    if (!site || (!site.active && !site.planned && !canManageSite(req.user, id))) throw new NotFoundError('No such site', 'params.id');
    const withContact = !!req.user;
    const cached = await cache.body(`${key}:${withContact}`, async () => ({ window, site: presentSiteDetail(site, siteStats(site, window.from, window.to), { withContact }) }));
    res.vary('Cookie');
    sendCached(res, cached, withContact ? 'private, no-cache' : 'public, no-cache');
  });

  router.post('/sites', requireRole('staff', 'admin'), async (req, res) => {
    const input = parse(createSiteBody, req.body, 'body');
    const site = await prisma.$transaction((tx) => createSite({ tx, actor: currentUser(req), input }));
    res.status(201).json({ site: presentPublicSite(site, { beds: null, freeBeds: null }) });
  });

  router.patch('/sites/:id', requireRole('staff', 'admin', 'manager'), async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const input = parse(patchSiteBody, req.body, 'body');
    await prisma.$transaction((tx) => updateSite({ tx, actor: currentUser(req), siteId: id, input }));
    const window = catalogueWindow({});
    const [site] = await loadSitesWithBeds(prisma, window, { ids: [id], includeInactive: true });
    res.json({ window, site: presentSiteDetail(site, siteStats(site, window.from, window.to), { withContact: true }) });
  });

  router.put('/sites/:id/managers', requireRole('staff', 'admin'), async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const { userIds } = parse(putManagersBody, req.body, 'body');
    const managers = await prisma.$transaction((tx) => setSiteManagers({ tx, actor: currentUser(req), siteId: id, userIds }));
    res.json({ managers });
  });

  router.get('/me/sites', requireRole('manager', 'staff', 'admin'), async (req, res) => {
    const window = catalogueWindow(parse(windowQuery, req.query, 'query'));
    const user = currentUser(req);
    const sites = await loadManagedSites(prisma, window, user.role !== 'manager' ? undefined : user.managedSiteIds);
    res.json({ window, sites: sites.map((s) => presentManagedSite(s, window)) });
  });

  router.get('/sites/:id/occupants', requireRole('staff', 'admin', 'manager'), async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const window = catalogueWindow(parse(windowQuery, req.query, 'query'));
    assertCanManageSite(req.user, id);
    if (!(await prisma.site.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError('No such site', 'params.id');
    const user = currentUser(req);
    res.json({ window, occupants: await siteOccupants(prisma, id, window, user.role === 'manager' ? undefined : visibleInterns(user)) });
  });

  return router;
}
