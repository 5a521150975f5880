import { Router } from 'express';
import type { AppContext } from '../../context.ts';
import { requestPasswordReset } from '../../domain/users/password-reset.ts';
import { parse } from '../../middleware/validate.ts';
import { requestResetBody } from './schema.ts';

/** The owner's way back in: a one-time link mailed through the outbox, accepted like an invitation. */
export function createPasswordResetRouter(ctx: AppContext): Router {
  const router = Router();

  router.post('/password-reset', async (req, res) => {
    const body = parse(requestResetBody, req.body, 'body');
    await requestPasswordReset(ctx.db.prisma, body.email, req.ip ?? 'unknown', ctx.config.mail.appUrl);
    res.status(202).set('cache-control', 'no-store').json({ message: 'If this email has an account, a reset link has been sent' });
  });

  return router;
}
