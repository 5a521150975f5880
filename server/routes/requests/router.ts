import { Router } from 'express';
import { currentUser, requireRole } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { acceptRoomRequest, declineRoomRequest, setRoomRequestStatus } from '../../domain/people/room-requests.ts';
import { visibleRequests } from '../../domain/departements/visibility.ts';
import { parse } from '../../middleware/validate.ts';
import { presentRoomRequest, roomRequestInclude } from '../../presenters/room-requests.ts';
import { idParams } from '../../schemas/params.ts';
import { acceptRequestBody, declineRequestBody, listRequestsQuery, patchRequestBody } from './schema.ts';

/** Interns' room requests, handled by staff (interns make them with POST /api/me/requests). */
export function createRequestsRouter(ctx: AppContext): Router {
  const router = Router();
  const prisma = ctx.db.prisma;
  const staff = requireRole('staff', 'admin');
  const present = async (id: number) => presentRoomRequest(await prisma.roomRequest.findUniqueOrThrow({ where: { id }, include: roomRequestInclude }));

  router.get('/requests', staff, async (req, res) => {
    const q = parse(listRequestsQuery, req.query, 'query');
    const rows = await prisma.roomRequest.findMany({
      where: { ...visibleRequests(currentUser(req)), ...(q.siteId ? { siteId: q.siteId } : {}), ...(q.internId ? { internId: q.internId } : {}), ...(q.status ? { status: q.status } : {}) },
      orderBy: { id: 'desc' },
      include: roomRequestInclude,
    });
    res.json({ requests: rows.map(presentRoomRequest) });
  });

  router.patch('/requests/:id', staff, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const { status } = parse(patchRequestBody, req.body, 'body');
    await prisma.$transaction((tx) => setRoomRequestStatus({ tx, actor: currentUser(req), id, status }));
    res.json({ request: await present(id) });
  });

  router.post('/requests/:id/accept', staff, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const body = parse(acceptRequestBody, req.body, 'body');
    await prisma.$transaction((tx) => acceptRoomRequest({ tx, actor: currentUser(req), id, ...body, appUrl: ctx.config.mail.appUrl }));
    ctx.jobs?.kick();
    res.json({ request: await present(id) });
  });

  router.post('/requests/:id/decline', staff, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const { reason } = parse(declineRequestBody, req.body, 'body');
    await prisma.$transaction((tx) => declineRoomRequest({ tx, actor: currentUser(req), id, reason }));
    res.json({ request: await present(id) });
  });

  return router;
}
