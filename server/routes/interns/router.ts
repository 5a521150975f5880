import { Router } from 'express';
import { currentUser, requireRole } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { assertCanSeeIntern, createIntern, createRoomRequest, preferencesOf, setPreferences, updateIntern } from '../../domain/people/manage-interns.ts';
import { NotFoundError } from '../../errors.ts';
import { visibleInterns } from '../../domain/departements/visibility.ts';
import { parse } from '../../middleware/validate.ts';
import { presentAssignment, presentIntern, presentPlacement } from '../../presenters/people.ts';
import { idParams } from '../../schemas/params.ts';
import { isoDate } from '../../domain/calendar/semesters.ts';
import { presentRoomRequest, roomRequestInclude } from '../../presenters/room-requests.ts';
import { createInternBody, createRequestBody, patchInternBody, putPreferencesBody } from './schema.ts';

/** The intern of the signed-in account, or 404 when the account has no intern profile. */
function ownInternId(req: { user?: { internId: number | null } }): number {
  const id = req.user?.internId;
  if (!id) throw new NotFoundError('Your account has no intern profile');
  return id;
}

/** Interns' profiles (staff, or the intern themself) and the intern's own space (/me). */
export function createInternsRouter(ctx: AppContext): Router {
  const router = Router();
  const prisma = ctx.db.prisma;

  router.get('/interns', requireRole('staff', 'admin'), async (req, res) => {
    const rows = await prisma.intern.findMany({ where: visibleInterns(currentUser(req)), orderBy: [{ name: 'asc' }, { id: 'asc' }], include: { wishes: { select: { peerId: true } } } });
    res.json({ interns: rows.map(presentIntern) });
  });

  router.post('/interns', requireRole('staff', 'admin'), async (req, res) => {
    const input = parse(createInternBody, req.body, 'body');
    const intern = await prisma.$transaction((tx) => createIntern({ tx, actor: currentUser(req), input }));
    res.status(201).json({ intern: presentIntern(intern) });
  });

  router.get('/interns/:id', requireRole('staff', 'admin', 'intern'), async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    await assertCanSeeIntern(prisma, req.user, id);
    const intern = await prisma.intern.findUnique({ where: { id }, include: { wishes: { select: { peerId: true } } } });
    if (!intern) throw new NotFoundError('No such intern', 'params.id');
    res.json({ intern: presentIntern(intern) });
  });

  router.patch('/interns/:id', requireRole('staff', 'admin', 'intern'), async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const input = parse(patchInternBody, req.body, 'body');
    const intern = await prisma.$transaction((tx) => updateIntern({ tx, actor: currentUser(req), id, input }));
    res.json({ intern: presentIntern(intern) });
  });

  router.get('/me/intern', requireRole('intern'), async (req, res) => {
    const id = ownInternId(req);
    const intern = await prisma.intern.findUniqueOrThrow({
      where: { id },
      include: {
        placements: { orderBy: { startDate: 'asc' }, include: { practice: true, secondPractice: true } },
        assignments: { orderBy: { startDate: 'asc' }, include: { bed: { include: { room: { include: { site: { select: { id: true, name: true } } } } } } } },
        requests: { orderBy: { createdAt: 'desc' }, include: roomRequestInclude },
      },
    });
    res.json({
      intern: presentIntern(intern),
      placements: intern.placements.map(presentPlacement),
      assignments: intern.assignments.map(presentAssignment),
      preferences: await preferencesOf(prisma, id),
      requests: intern.requests.map((r) => {
        const { intern: _i, ...rest } = presentRoomRequest(r);
        return { ...rest, createdAt: isoDate(r.createdAt) };
      }),
    });
  });

  router.put('/me/preferences', requireRole('intern'), async (req, res) => {
    const body = parse(putPreferencesBody, req.body, 'body');
    const internId = ownInternId(req);
    const preferences = await prisma.$transaction((tx) => setPreferences({ tx, actor: currentUser(req), internId, ...body }));
    res.json({ preferences });
  });

  router.post('/me/requests', requireRole('intern'), async (req, res) => {
    const body = parse(createRequestBody, req.body, 'body');
    const internId = ownInternId(req);
    const r = await prisma.$transaction((tx) => createRoomRequest({ tx, actor: currentUser(req), internId, ...body }));
    res.status(201).json({ request: { id: r.id, siteId: r.siteId, note: r.note, status: r.status } });
  });

  return router;
}
