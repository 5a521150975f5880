import { recordAudit } from '../../audit/record-audit.ts';
import { hashPassword } from '../../auth/password.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import { deleteUserSessions } from '../../auth/sessions.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import { assertInternVisible, isStaff, visibleUsers } from '../departements/visibility.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Role } from '../../generated/prisma/enums.ts';

type Tx = Prisma.TransactionClient;

/** A new account as staff create it. */
export interface NewAccount {
  email: string;
  name: string;
  role: Role;
  password: string;
  /** Managers: the sites they look after. */
  managedSiteIds?: number[];
  /** Interns: the intern profile this account signs in as. */
  internId?: number;
  /** Staff: the départements they work on (set by the admin). */
  departementCodes?: string[];
}

const NATIONAL_ROLES: Role[] = ['staff', 'admin'];

/** Only the national admin creates, changes or promotes staff and admin accounts. */
function assertMayGiveRole(actor: SessionUser, role: Role | undefined, field: string): void {
  if (role && NATIONAL_ROLES.includes(role) && actor.role !== 'admin') throw new AppError(403, 'forbidden', 'Only the national admin manages staff accounts', field);
}

/**
 * 404 unless the actor may see this account (visibleUsers: staff see managers, their interns'
 * accounts and their départements' staff); 403 when staff touch a staff or admin account.
 */
export async function assertAccountInReach(tx: Tx, actor: SessionUser, userId: number) {
  const user = await tx.user.findFirst({ where: { AND: [{ id: userId }, visibleUsers(actor)] }, select: { id: true, role: true } });
  if (!user) throw new NotFoundError('No such user', 'params.id');
  if (user.id !== actor.id) assertMayGiveRole(actor, user.role, 'params.id');
  return user;
}

/** Replaces a staff account's départements (admin), audited; every code must exist. */
export async function setUserDepartements({ tx, actor, userId, codes }: { tx: Tx; actor: SessionUser; userId: number; codes: string[] }) {
  const user = await tx.user.findUnique({ where: { id: userId }, include: { departements: { orderBy: { departementCode: 'asc' } } } });
  if (!user) throw new NotFoundError('No such user', 'params.id');
  if (user.role !== 'staff' && codes.length) throw new ValidationError('body.departementCodes: only staff accounts belong to départements', 'body.departementCodes');
  const known = new Set((await tx.departement.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((d) => d.code));
  const missing = codes.findIndex((c) => !known.has(c));
  if (missing >= 0) throw new NotFoundError(`No such département: ${codes[missing]}`, `body.departementCodes.${missing}`);
  const before = user.departements.map((d) => d.departementCode);
  const after = [...new Set(codes)].sort();
  await tx.userDepartement.deleteMany({ where: { userId } });
  await tx.userDepartement.createMany({ data: after.map((departementCode) => ({ userId, departementCode })) });
  await recordAudit(tx, { actorId: actor.id, action: 'update', entity: 'User', entityId: userId, before: { departementCodes: before }, after: { departementCodes: after } });
  return after;
}

/**
 * Creates an account (staff). The password is hashed before the transaction
 * (argon2 is slow on purpose) and passed in as `passwordHash`.
 */
export async function createAccount({ tx, actor, input, passwordHash }: { tx: Tx; actor: SessionUser; input: Omit<NewAccount, 'password'>; passwordHash: string }) {
  assertMayGiveRole(actor, input.role, 'body.role');
  if (input.departementCodes?.length && input.role !== 'staff') throw new ValidationError('body.departementCodes: only staff accounts belong to départements', 'body.departementCodes');
  if (input.internId !== undefined && isStaff(actor)) await assertInternVisible(tx, actor, input.internId, 'body.internId');
  const email = input.email.trim().toLowerCase();
  if (await tx.user.findFirst({ where: { email: { equals: email, mode: 'insensitive' } }, select: { id: true } })) {
    throw new ConflictError('An account with this email already exists');
  }
  if (input.managedSiteIds?.length && input.role !== 'manager') throw new ValidationError('body.managedSiteIds: only managers manage sites', 'body.managedSiteIds');
  if (input.internId !== undefined && input.role !== 'intern') throw new ValidationError('body.internId: only intern accounts link to an intern', 'body.internId');
  for (const [i, siteId] of (input.managedSiteIds ?? []).entries()) {
    if (!(await tx.site.findUnique({ where: { id: siteId }, select: { id: true } }))) throw new NotFoundError('No such site', `body.managedSiteIds.${i}`);
  }
  if (input.internId !== undefined) {
    const intern = await tx.intern.findUnique({ where: { id: input.internId }, select: { userId: true } });
    if (!intern) throw new NotFoundError('No such intern', 'body.internId');
    if (intern.userId) throw new ConflictError('This intern already has an account');
  }
  const user = await tx.user.create({
    data: {
      email,
      // Empty for an invited account: no password matches it until the invitation is accepted.
      name: input.name,
      role: input.role,
      passwordHash,
      managedSites: input.managedSiteIds?.length ? { create: input.managedSiteIds.map((siteId) => ({ siteId })) } : undefined,
    },
    include: { managedSites: true },
  });
  if (input.internId !== undefined) await tx.intern.update({ where: { id: input.internId }, data: { userId: user.id } });
  if (input.departementCodes?.length) await setUserDepartements({ tx, actor, userId: user.id, codes: input.departementCodes });
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'create',
    entity: 'User',
    entityId: user.id,
    internId: input.internId ?? null,
    after: { id: user.id, email, name: user.name, role: user.role, managedSiteIds: input.managedSiteIds ?? [], internId: input.internId ?? null },
  });
  return { ...user, internId: input.internId ?? null, departements: [...new Set(input.departementCodes ?? [])].map((departementCode) => ({ departementCode })) };
}

/** What staff may change on an account. */
export interface AccountChanges {
  name?: string;
  role?: Role;
  managedSiteIds?: number[];
  /** false deactivates (signs out everywhere, refuses sign-in); true reactivates. */
  active?: boolean;
}

const accountSnapshot = (u: { name: string; role: Role; deactivatedAt: Date | null; managedSites: { siteId: number }[] }) => ({
  name: u.name,
  role: u.role,
  active: u.deactivatedAt === null,
  managedSiteIds: u.managedSites.map((m) => m.siteId).sort((a, b) => a - b),
});

/**
 * Changes an account (staff): name, role, managed sites, active. Leaving the
 * manager role drops the managed sites; leaving the intern role unlinks the
 * intern profile. A role change or a deactivation ends the account's sessions.
 * Staff cannot deactivate or demote themselves (no locking the office out).
 */
export async function updateAccount({ tx, actor, userId, input, now = new Date() }: { tx: Tx; actor: SessionUser; userId: number; input: AccountChanges; now?: Date }) {
  await assertAccountInReach(tx, actor, userId);
  assertMayGiveRole(actor, input.role, 'body.role');
  const before = await tx.user.findUnique({ where: { id: userId }, include: { managedSites: true, intern: { select: { id: true } } } });
  if (!before) throw new NotFoundError('No such user', 'params.id');
  if (userId === actor.id && (input.active === false || (input.role && input.role !== actor.role))) {
    throw new ValidationError('body.active: you cannot deactivate or demote your own account', input.active === false ? 'body.active' : 'body.role');
  }
  const role = input.role ?? before.role;
  if (input.managedSiteIds?.length && role !== 'manager') throw new ValidationError('body.managedSiteIds: only managers manage sites', 'body.managedSiteIds');
  for (const [i, siteId] of (input.managedSiteIds ?? []).entries()) {
    if (!(await tx.site.findUnique({ where: { id: siteId }, select: { id: true } }))) throw new NotFoundError('No such site', `body.managedSiteIds.${i}`);
  }
  const deactivatedAt = input.active === undefined ? before.deactivatedAt : input.active ? null : (before.deactivatedAt ?? now);
  await tx.user.update({ where: { id: userId }, data: { name: input.name, role, deactivatedAt } });
  if (role !== 'manager') await tx.siteManager.deleteMany({ where: { userId } });
  else if (input.managedSiteIds) {
    await tx.siteManager.deleteMany({ where: { userId } });
    await tx.siteManager.createMany({ data: input.managedSiteIds.map((siteId) => ({ siteId, userId })), skipDuplicates: true });
  }
  if (role !== 'intern' && before.intern) await tx.intern.update({ where: { id: before.intern.id }, data: { userId: null } });
  if (role !== before.role || (deactivatedAt && !before.deactivatedAt)) await deleteUserSessions(tx, userId);
  const after = await tx.user.findUniqueOrThrow({ where: { id: userId }, include: { managedSites: true, intern: { select: { id: true } }, departements: true } });
  const b = accountSnapshot(before);
  const a = accountSnapshot(after);
  const changed = (Object.keys(a) as (keyof typeof a)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  const action = input.active === false && b.active ? 'deactivate' : input.active === true && !b.active ? 'reactivate' : 'update';
  await recordAudit(tx, {
    actorId: actor.id,
    action,
    entity: 'User',
    entityId: userId,
    internId: before.intern?.id ?? null,
    before: Object.fromEntries(changed.map((k) => [k, b[k]])),
    after: Object.fromEntries(changed.map((k) => [k, a[k]])),
  });
  return after;
}

/** Sets a new password (staff) and signs the account out everywhere. */
export async function resetPassword({ tx, actor, userId, passwordHash }: { tx: Tx; actor: SessionUser; userId: number; passwordHash: string }) {
  await assertAccountInReach(tx, actor, userId);
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  if (!user) throw new NotFoundError('No such user', 'params.id');
  await tx.user.update({ where: { id: userId }, data: { passwordHash } });
  await deleteUserSessions(tx, userId);
  await recordAudit(tx, { actorId: actor.id, action: 'reset-password', entity: 'User', entityId: userId, after: { email: user.email, sessionsEnded: true } });
}

/** Hashes a password for createAccount/resetPassword. */
export { hashPassword };
