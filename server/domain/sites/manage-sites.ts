import { randomBytes } from 'node:crypto';
import type { SessionUser } from '../../auth/session-user.ts';
import { auditChanges, recordAudit } from '../../audit/record-audit.ts';
import { AppError, NotFoundError, ValidationError } from '../../errors.ts';
import type { Prisma, Site } from '../../generated/prisma/client.ts';
import { assertCodeInScope, assertMayChangeSite } from './site-access.ts';
import { MANAGER_EDITABLE_SITE_FIELDS, siteColumns, slugify, type SiteInput } from './site-input.ts';

type Tx = Prisma.TransactionClient;

/** Creates a site (staff, in one of their départements), recording it in the audit log. */
export async function createSite({ tx, actor, input }: { tx: Tx; actor: SessionUser; input: SiteInput & Required<Pick<SiteInput, 'name' | 'commune' | 'departement' | 'subdivision' | 'location' | 'funder'>> }): Promise<Site> {
  let slug = input.slug ?? slugify(input.name);
  if (!input.slug && (await tx.site.findUnique({ where: { slug } }))) slug = `${slug}-${randomBytes(3).toString('hex')}`;
  const cols = siteColumns({ ...input, slug }) as Prisma.SiteUncheckedCreateInput;
  const site = await tx.site.create({ data: cols });
  // The database derives the code from `departement` (trigger); outside the actor's départements the
  // transaction rolls back.
  assertCodeInScope(actor, site.departementCode, 'body.departement', 'This site would be in a département that is not one of yours');
  await recordAudit(tx, { actorId: actor.id, action: 'create', entity: 'Site', entityId: site.id, siteId: site.id, after: site });
  return site;
}

/**
 * Updates a site. Staff of its département may change anything (and may not move it out of their
 * départements); a manager of the site only the fields in MANAGER_EDITABLE_SITE_FIELDS (others →
 * 403 naming the field).
 */
export async function updateSite({ tx, actor, siteId, input }: { tx: Tx; actor: SessionUser; siteId: number; input: SiteInput }): Promise<Site> {
  await assertMayChangeSite(tx, actor, siteId);
  const before = await tx.site.findUnique({ where: { id: siteId } });
  if (!before) throw new NotFoundError('No such site', 'params.id');
  if (actor.role !== 'staff' && actor.role !== 'admin') {
    const denied = Object.keys(input).find((k) => input[k as keyof SiteInput] !== undefined && !(MANAGER_EDITABLE_SITE_FIELDS as readonly string[]).includes(k));
    if (denied) throw new AppError(403, 'forbidden', `Only department staff may change ${denied}`, denied);
  }
  const after = await tx.site.update({ where: { id: siteId }, data: siteColumns(input) });
  if (actor.role !== 'manager') assertCodeInScope(actor, after.departementCode, 'body.departement', 'This site would move to a département that is not one of yours');
  await recordAudit(tx, { actorId: actor.id, action: 'update', entity: 'Site', entityId: siteId, siteId, ...auditChanges(before, after) });
  return after;
}

/**
 * Names the managers of a site (staff of its département): replaces the list with `userIds`, each
 * of which must be an active manager account. Recorded with before/after.
 */
export async function setSiteManagers({ tx, actor, siteId, userIds }: { tx: Tx; actor: SessionUser; siteId: number; userIds: number[] }) {
  await assertMayChangeSite(tx, actor, siteId);
  const users = await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, role: true, deactivatedAt: true } });
  const byId = new Map(users.map((u) => [u.id, u]));
  for (const [i, id] of userIds.entries()) {
    const u = byId.get(id);
    if (!u) throw new NotFoundError('No such user', `body.userIds.${i}`);
    if (u.role !== 'manager') throw new ValidationError(`body.userIds.${i}: only manager accounts can manage a site`, `body.userIds.${i}`);
    if (u.deactivatedAt) throw new ValidationError(`body.userIds.${i}: this account is deactivated`, `body.userIds.${i}`);
  }
  const before = (await tx.siteManager.findMany({ where: { siteId }, select: { userId: true } })).map((m) => m.userId).sort((a, b) => a - b);
  await tx.siteManager.deleteMany({ where: { siteId } });
  await tx.siteManager.createMany({ data: userIds.map((userId) => ({ siteId, userId })), skipDuplicates: true });
  const after = [...new Set(userIds)].sort((a, b) => a - b);
  await recordAudit(tx, { actorId: actor.id, action: 'set-managers', entity: 'Site', entityId: siteId, siteId, before: { managerIds: before }, after: { managerIds: after } });
  return tx.user.findMany({ where: { id: { in: after } }, select: { id: true, name: true, email: true }, orderBy: { name: 'asc' } });
}
