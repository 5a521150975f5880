import { Router } from 'express';
import { currentUser, requireRole } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { inviteAccount, reinviteAccount } from '../../domain/users/invite-account.ts';
import { acceptInvitation, findLiveInvitation, type IssuedInvitation } from '../../domain/users/invitations.ts';
import { createAccount, hashPassword, resetPassword, setUserDepartements, updateAccount } from '../../domain/users/manage-users.ts';
import { visibleUsers } from '../../domain/departements/visibility.ts';
import { parse } from '../../middleware/validate.ts';
import { idParams } from '../../schemas/params.ts';
import { acceptInvitationBody, createUserBody, invitationParams, inviteUserBody, patchUserBody, putDepartementsBody, resetPasswordBody } from './schema.ts';

/** An account as staff see it: never the password hash. */
function presentUser(u: { id: number; email: string; name: string; role: string; isDemo: boolean; createdAt: Date; passwordHash: string; deactivatedAt: Date | null; managedSites: { siteId: number }[]; intern?: { id: number } | null; internId?: number | null; departements?: { departementCode: string }[] }) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    isDemo: u.isDemo,
    active: u.deactivatedAt === null,
    /** False until an invited person has set their password. */
    hasPassword: u.passwordHash !== '',
    managedSiteIds: u.managedSites.map((m) => m.siteId),
    internId: u.internId ?? u.intern?.id ?? null,
    departementCodes: (u.departements ?? []).map((d) => d.departementCode).sort(),
    createdAt: u.createdAt.toISOString(),
  };
}

/** An invitation as staff see it once: the link's path (the token is never stored, so never shown again). */
const presentInvitation = (i: IssuedInvitation) => ({ path: i.path, expiresAt: i.expiresAt.toISOString() });

/** Accounts: staff create, invite, change, deactivate them and reset passwords; invited people set theirs. */
export function createUsersRouter(ctx: AppContext): Router {
  const router = Router();
  const prisma = ctx.db.prisma;
  const staff = requireRole('staff', 'admin');

  router.get('/users', staff, async (req, res) => {
    const rows = await prisma.user.findMany({ where: visibleUsers(currentUser(req)), orderBy: { email: 'asc' }, include: { managedSites: true, intern: { select: { id: true } }, departements: true } });
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

  router.patch('/users/:id', staff, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const input = parse(patchUserBody, req.body, 'body');
    const user = await prisma.$transaction((tx) => updateAccount({ tx, actor: currentUser(req), userId: id, input }));
    res.json({ user: presentUser(user) });
  });

  router.post('/invitations', staff, async (req, res) => {
    const input = parse(inviteUserBody, req.body, 'body');
    const ttlHours = ctx.config.session.invitationTtlHours;
    const { user, invitation } = await prisma.$transaction((tx) => inviteAccount({ tx, actor: currentUser(req), input, ttlHours, appUrl: ctx.config.mail.appUrl }));
    res.status(201).json({ user: presentUser(user), invitation: presentInvitation(invitation) });
  });

  router.post('/users/:id/invitation', staff, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const ttlHours = ctx.config.session.invitationTtlHours;
    const invitation = await prisma.$transaction((tx) => reinviteAccount({ tx, actor: currentUser(req), userId: id, ttlHours, appUrl: ctx.config.mail.appUrl }));
    res.status(201).json({ invitation: presentInvitation(invitation) });
  });

  // Public: whoever holds the link. The token is checked before anything else is read.
  router.put('/users/:id/departements', requireRole('admin'), async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const { departementCodes } = parse(putDepartementsBody, req.body, 'body');
    const codes = await prisma.$transaction((tx) => setUserDepartements({ tx, actor: currentUser(req), userId: id, codes: departementCodes }));
    res.json({ departementCodes: codes });
  });

  router.get('/departements', staff, async (req, res) => {
    const user = currentUser(req);
    const rows = await prisma.departement.findMany({
      where: user.role === 'admin' ? {} : { code: { in: user.departementCodes } },
      orderBy: { code: 'asc' },
      include: { staff: { include: { user: { select: { id: true, name: true, email: true } } }, orderBy: { userId: 'asc' } } },
    });
    res.json({ departements: rows.map((d) => ({ code: d.code, name: d.name, staff: d.staff.map((s) => s.user) })) });
  });

  router.get('/invitations/:token', async (req, res) => {
    const { token } = parse(invitationParams, req.params, 'params');
    const inv = await findLiveInvitation(prisma, token);
    res.set('cache-control', 'no-store').json({ invitation: { email: inv.user.email, name: inv.user.name, role: inv.user.role, expiresAt: inv.expiresAt.toISOString() } });
  });

  router.post('/invitations/:token', async (req, res) => {
    const { token } = parse(invitationParams, req.params, 'params');
    const { password } = parse(acceptInvitationBody, req.body, 'body');
    await findLiveInvitation(prisma, token);
    const passwordHash = await hashPassword(password);
    await prisma.$transaction((tx) => acceptInvitation({ tx, token, passwordHash }));
    res.status(204).end();
  });

  return router;
}
