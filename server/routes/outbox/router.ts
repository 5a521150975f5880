import { Router } from 'express';
import { currentUser, requireRole } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { readOutbox } from '../../domain/notifications/read-outbox.ts';
import { parse } from '../../middleware/validate.ts';
import { outboxQuery } from './schema.ts';

/** The e-mail outbox, for staff (their départements' notices, one-time links hidden): what was (or will be) sent, to whom, and whether it left. */
export function createOutboxRouter(ctx: AppContext): Router {
  const router = Router();
  const prisma = ctx.db.prisma;

  router.get('/outbox', requireRole('staff', 'admin'), async (req, res) => {
    const q = parse(outboxQuery, req.query, 'query');
    const rows = await readOutbox(prisma, currentUser(req), q);
    res.json({
      smtp: Boolean(ctx.config.mail.smtpUrl),
      messages: rows.map((m) => ({
        id: m.id,
        kind: m.kind,
        to: m.to,
        subject: m.subject,
        text: m.text,
        status: m.status,
        attempts: m.attempts,
        lastError: m.lastError,
        sentAt: m.sentAt?.toISOString() ?? null,
        createdAt: m.createdAt.toISOString(),
        internId: m.internId,
        assignmentId: m.assignmentId,
      })),
    });
  });

  return router;
}
