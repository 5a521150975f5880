import { Router } from 'express';
import type { AppContext } from '../../context.ts';
import { requestPasswordReset } from '../../domain/users/password-reset.ts';
import { parse } from '../../middleware/validate.ts';
import { requestResetBody } from './schema.ts';

/** The owner's way back in: a one-time link (logged until mail is set up), accepted like an invitation. */
export function createPasswordResetRouter(ctx: AppContext): Router {
  const router = Router();

  router.post('/password-reset', async (req, res) => {
    const body = parse(requestResetBody, req.body, 'body');
    if (ctx.config.passwordResetLinks === 'off') {
      ctx.logger.warn('password reset asked for, but PASSWORD_RESET_LINKS=off: staff can issue a link (POST /api/users/:id/invitation)');
    } else {
      const issued = await requestPasswordReset(ctx.db.prisma, body.email, req.ip ?? 'unknown');
      if (issued) {
        // The outbox until mail is set up: one log line an operator can forward to the account's owner.
        ctx.logger.info({ outbox: 'password-reset', to: issued.email, link: ctx.config.publicUrl + issued.path, expiresAt: issued.expiresAt.toISOString() }, 'password-reset link issued');
      }
    }
    res.status(202).set('cache-control', 'no-store').json({ message: 'If this email has an account, a reset link has been sent' });
  });

  return router;
}
