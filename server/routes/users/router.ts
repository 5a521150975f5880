import { Router } from 'express';
import { currentUser, requireRole } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { createAccount, hashPassword, resetPassword } from '../../domain/users/manage-users.ts';
import { parse } from '../../middleware/validate.ts';
import { idParams } from '../../schemas/params.ts';
import { createUserBody, resetPasswordBody } from './schema.ts';

/** An account as staff see it: never the password hash. */
function presentUser(u: { id: number; email: string; name: string; role: string; isDemo: boolean; createdAt: Date; managedSites: { siteId: number }[]; intern?: { id: number } | null; internId?: number | null }) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    isDemo: u.isDemo,
    managedSiteIds: u.managedSites.map((m) => m.siteId),
    internId: u.internId ?? u.intern?.id ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

/** Accounts: staff create them and reset passwords. */
export function createUsersRouter(ctx: AppContext): Router {
  const router = Router();
  const prisma = ctx.db.prisma;
  const staff = requireRole('staff');

  router.get('/users', staff, async (_req, res) => {
    const rows = await prisma.user.findMany({ orderBy: { email: 'asc' }, include: { managedSites: true, intern: { select: { id: true } } } });
    res.json({ users: rows.map(presentUser) });
  });

  router.post('/users', staff, async (req, res) => {
    const { password, ...input } = parse(createUserBody, req.body, 'body');
    const passwordHash = await hashPassword(password);
    const user = await prisma.$transaction((tx) => createAccount({ tx, actor: currentUser(req), input, passwordHash }));
    res.status(201).json({ user: presentUser(user) });
  });

  router.post('/users/:id/password', staff, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const { password } = parse(resetPasswordBody, req.body, 'body');
    const passwordHash = await hashPassword(password);
    await prisma.$transaction((tx) => resetPassword({ tx, actor: currentUser(req), userId: id, passwordHash }));
    res.status(204).end();
  });

  return router;
}
