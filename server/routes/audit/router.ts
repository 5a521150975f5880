import { Router } from 'express';
import { currentUser, requireRole } from '../../auth/middleware.ts';
import { visibleAuditEvents } from '../../domain/departements/visibility.ts';
import type { AppContext } from '../../context.ts';
import { toDate } from '../../domain/calendar/semesters.ts';
import { parse } from '../../middleware/validate.ts';
import { auditQuery } from './schema.ts';

/** The audit log, for staff; `beforeId` pages back in time. */
export function createAuditRouter(ctx: AppContext): Router {
  const router = Router();
  const prisma = ctx.db.prisma;

  router.get('/audit', requireRole('staff', 'admin'), async (req, res) => {
    const q = parse(auditQuery, req.query, 'query');
    const rows = await prisma.auditEvent.findMany({
      where: {
        ...(await visibleAuditEvents(prisma, currentUser(req))),
        ...(q.siteId ? { siteId: q.siteId } : {}),
        ...(q.internId ? { internId: q.internId } : {}),
        ...(q.entity ? { entity: q.entity } : {}),
        ...(q.entityId ? { entityId: q.entityId } : {}),
        ...(q.actorId ? { actorId: q.actorId } : {}),
        ...(q.from || q.to ? { at: { ...(q.from ? { gte: toDate(q.from) } : {}), ...(q.to ? { lt: new Date(toDate(q.to).getTime() + 86_400_000) } : {}) } } : {}),
        ...(q.beforeId ? { id: { lt: q.beforeId } } : {}),
      },
      orderBy: { id: 'desc' },
      take: q.limit,
    });
    const actorIds = [...new Set(rows.map((r) => r.actorId).filter((x): x is number => x !== null))];
    const actors = new Map((await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } })).map((u) => [u.id, u]));
    res.json({
      events: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actor: r.actorId === null ? null : (actors.get(r.actorId) ?? { id: r.actorId, name: null, email: null }),
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        siteId: r.siteId,
        internId: r.internId,
        before: r.before,
        after: r.after,
      })),
      // Older events exist past this page when it is full; ask again with beforeId=nextBeforeId.
      nextBeforeId: rows.length === q.limit ? rows[rows.length - 1].id : null,
    });
  });

  return router;
}
