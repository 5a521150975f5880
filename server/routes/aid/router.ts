import { Router } from 'express';
import { currentUser, requireRole } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { cancelGrant, grantInclude, grantsWhere, recordGrant, setHousingAidAnswer } from '../../domain/aid/aid-grants.ts';
import { loadAidEstimate } from '../../domain/aid/load-aid-estimate.ts';
import { createScheme, updateScheme } from '../../domain/aid/manage-schemes.ts';
import { assertInternVisible } from '../../domain/departements/visibility.ts';
import { NotFoundError } from '../../errors.ts';
import { parse } from '../../middleware/validate.ts';
import { presentAidGrant, presentAidScheme } from '../../presenters/aid.ts';
import { idParams } from '../../schemas/params.ts';
import { aidEstimateQuery, createGrantBody, createSchemeBody, housingAidBody, listGrantsQuery, patchSchemeBody } from './schema.ts';

/** The intern of the signed-in account, or 404 when the account has no intern profile. */
function ownInternId(req: { user?: { internId: number | null } }): number {
  const id = req.user?.internId;
  if (!id) throw new NotFoundError('Your account has no intern profile');
  return id;
}

/** Aid: schemes, each intern's estimate (theirs, or staff's view), and staff's register of grants. */
export function createAidRouter(ctx: AppContext): Router {
  const router = Router();
  const prisma = ctx.db.prisma;
  const estimate = (internId: number, placementId?: number) => loadAidEstimate({ db: prisma, provider: ctx.driveTimes.provider, internId, placementId, today: new Date() });
  const staff = requireRole('staff', 'admin');

  router.get('/aid/schemes', requireRole('intern', 'manager', 'staff', 'admin'), async (req, res) => {
    const rows = await prisma.aidScheme.findMany({ where: { active: true }, orderBy: [{ departementCode: { sort: 'asc', nulls: 'first' } }, { code: 'asc' }] });
    res.json({ schemes: rows.map((s) => presentAidScheme(s, currentUser(req))) });
  });

  router.post('/aid/schemes', staff, async (req, res) => {
    const input = parse(createSchemeBody, req.body, 'body');
    const scheme = await prisma.$transaction((tx) => createScheme({ tx, actor: currentUser(req), input }));
    res.status(201).json({ scheme: presentAidScheme(scheme, currentUser(req)) });
  });

  router.patch('/aid/schemes/:id', staff, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const input = parse(patchSchemeBody, req.body, 'body');
    const scheme = await prisma.$transaction((tx) => updateScheme({ tx, actor: currentUser(req), id, input }));
    res.json({ scheme: presentAidScheme(scheme, currentUser(req)) });
  });

  router.get('/me/aid', requireRole('intern'), async (req, res) => {
    const { placementId } = parse(aidEstimateQuery, req.query, 'query');
    res.json({ estimate: await estimate(ownInternId(req), placementId) });
  });

  router.put('/me/housing-aid', requireRole('intern'), async (req, res) => {
    const { receivesHousingAid } = parse(housingAidBody, req.body, 'body');
    const internId = ownInternId(req);
    res.json(await prisma.$transaction((tx) => setHousingAidAnswer({ tx, actor: currentUser(req), internId, receivesHousingAid })));
  });

  router.get('/interns/:id/aid', staff, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const { placementId } = parse(aidEstimateQuery, req.query, 'query');
    await assertInternVisible(prisma, currentUser(req), id);
    res.json({ estimate: await estimate(id, placementId) });
  });

  router.get('/interns/:id/aid-grants', staff, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    await assertInternVisible(prisma, currentUser(req), id);
    const rows = await prisma.aidGrant.findMany({ where: { internId: id }, include: grantInclude, orderBy: [{ grantedOn: 'desc' }, { id: 'desc' }] });
    res.json({ grants: rows.map(presentAidGrant) });
  });

  router.post('/interns/:id/aid-grants', staff, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const input = parse(createGrantBody, req.body, 'body');
    const grant = await prisma.$transaction((tx) => recordGrant({ tx, actor: currentUser(req), internId: id, input }));
    res.status(201).json({ grant: presentAidGrant(grant) });
  });

  router.delete('/aid-grants/:id', staff, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const grant = await prisma.$transaction((tx) => cancelGrant({ tx, actor: currentUser(req), id }));
    res.json({ grant: presentAidGrant(grant) });
  });

  router.get('/aid-grants', staff, async (req, res) => {
    const q = parse(listGrantsQuery, req.query, 'query');
    const where = grantsWhere(currentUser(req), { ...q, cancelled: q.cancelled === '1' || q.cancelled === 'true' });
    const rows = await prisma.aidGrant.findMany({ where, include: grantInclude, orderBy: [{ grantedOn: 'desc' }, { id: 'desc' }], take: 1000 });
    const totalCents = rows.filter((g) => !g.cancelledAt).reduce((sum, g) => sum + g.amountCents, 0);
    res.json({ grants: rows.map(presentAidGrant), totalCents });
  });

  return router;
}
