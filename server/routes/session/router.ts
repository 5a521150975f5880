import { Router } from 'express';
import { clearSessionCookie, setSessionCookie } from '../../auth/cookie.ts';
import { currentUser, requireUser } from '../../auth/middleware.ts';
import { deleteSession } from '../../auth/sessions.ts';
import { signIn } from '../../auth/sign-in.ts';
import type { AppContext } from '../../context.ts';
import { parse } from '../../middleware/validate.ts';
import { presentSession } from '../../presenters/session.ts';
import { signInBody } from './schema.ts';

/** Sign in, who am I, sign out. */
export function createSessionRouter(ctx: AppContext): Router {
  const router = Router();

  router.post('/session', async (req, res) => {
    const body = parse(signInBody, req.body, 'body');
    const { user, session } = await signIn({
      prisma: ctx.db.prisma,
      email: body.email,
      password: body.password,
      ip: req.ip ?? 'unknown',
      limit: ctx.config.loginRateLimit,
      ttlHours: ctx.config.session.ttlHours,
    });
    // Signing in as someone (else) ends the previous session of this browser; a failed attempt leaves it.
    if (req.authSession) await deleteSession(ctx.db.prisma, req.authSession.id);
    setSessionCookie(res, req, ctx.config, session.token, session.expiresAt);
    res.set('cache-control', 'no-store').json(presentSession(user, session.csrfToken));
  });

  router.get('/session', requireUser, (req, res) => {
    res.set('cache-control', 'no-store').json(presentSession(currentUser(req), req.authSession!.csrfToken));
  });

  router.delete('/session', requireUser, async (req, res) => {
    await deleteSession(ctx.db.prisma, req.authSession!.id);
    clearSessionCookie(res, req, ctx.config);
    res.status(204).end();
  });

  return router;
}
