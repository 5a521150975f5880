import { Router } from 'express';
import { currentUser, requireRole } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { setRoomRequestStatus } from '../../domain/people/room-requests.ts';
import { parse } from '../../middleware/validate.ts';
import { idParams } from '../../schemas/params.ts';
import { listRequestsQuery, patchRequestBody } from './schema.ts';

/** A room request as staff see it: who asked for which site, and when. */
function presentRequest(r: { id: number; note: string | null; status: string; createdAt: Date; intern: { id: number; name: string }; site: { id: number; name: string } }) {
  return { id: r.id, intern: r.intern, site: r.site, note: r.note, status: r.status, createdAt: r.createdAt.toISOString() };
}

/** Interns' room requests, handled by staff (interns make them with POST /api/me/requests). */
export function createRequestsRouter(ctx: AppContext): Router {
  const router = Router();
  const prisma = ctx.db.prisma;
  const include = { intern: { select: { id: true, name: true } }, site: { select: { id: true, name: true } } } as const;

  router.get('/requests', requireRole('staff'), async (req, res) => {
    const q = parse(listRequestsQuery, req.query, 'query');
    const rows = await prisma.roomRequest.findMany({
      where: { ...(q.siteId ? { siteId: q.siteId } : {}), ...(q.internId ? { internId: q.internId } : {}), ...(q.status ? { status: q.status } : {}) },
      orderBy: { id: 'desc' },
      include,
    });
    res.json({ requests: rows.map(presentRequest) });
  });

  router.patch('/requests/:id', requireRole('staff'), async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const { status } = parse(patchRequestBody, req.body, 'body');
    await prisma.$transaction((tx) => setRoomRequestStatus({ tx, actor: currentUser(req), id, status }));
    res.json({ request: presentRequest(await prisma.roomRequest.findUniqueOrThrow({ where: { id }, include })) });
  });

  return router;
}
