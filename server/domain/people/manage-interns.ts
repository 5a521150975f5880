import { randomBytes } from 'node:crypto';
import { auditChanges, recordAudit } from '../../audit/record-audit.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { listedSiteWhere } from '../sites/catalogue.ts';
import { slugify } from '../sites/site-input.ts';
import { assertDepartementInScope, assertInternVisible, isStaff, scopeOf } from '../departements/visibility.ts';

type Tx = Prisma.TransactionClient;

/** Intern profile fields as the API takes them. */
export interface InternInput {
  name?: string;
  email?: string | null;
  subdivision?: string;
  hasCar?: boolean | null;
  withPartner?: boolean;
  partnerInternId?: number | null;
  maxRentCents?: number | null;
  limitMinutes?: number | null;
  /** Other interns this one wishes to be housed with (staff only; replaces the list). */
  peerInternIds?: number[];
}

/** What an intern may change in their own profile; the rest is staff's. */
export const INTERN_SELF_EDITABLE_FIELDS = ['email', 'hasCar', 'withPartner', 'maxRentCents', 'limitMinutes'] as const;

/**
 * Staff see the interns of their départements (404 for another's, as for a missing one), the admin
 * every intern; an intern only themself (403 otherwise); managers none.
 */
export async function assertCanSeeIntern(db: Pick<PrismaClient, 'intern'> | Tx, user: SessionUser | undefined, internId: number): Promise<void> {
  if (isStaff(user)) return assertInternVisible(db, user!, internId);
  if (user?.role === 'intern' && user.internId === internId) return;
  throw new ForbiddenError('You may only see your own profile');
}

async function checkPartner(tx: Tx, actor: SessionUser, internId: number | undefined, partnerInternId: number | null | undefined) {
  if (partnerInternId === undefined || partnerInternId === null) return;
  if (partnerInternId === internId) throw new ValidationError('body.partnerInternId: must not be the intern themself', 'body.partnerInternId');
  await assertInternVisible(tx, actor, partnerInternId, 'body.partnerInternId');
}

/** Replaces an intern's peer wishes; every peer must exist and differ from the intern. */
async function setPeers(tx: Tx, actor: SessionUser, internId: number, peerIds: number[] | undefined) {
  if (peerIds === undefined) return;
  for (const [i, peerId] of peerIds.entries()) {
    if (peerId === internId) throw new ValidationError(`body.peerInternIds.${i}: must not be the intern themself`, `body.peerInternIds.${i}`);
    await assertInternVisible(tx, actor, peerId, `body.peerInternIds.${i}`);
  }
  await tx.peerWish.deleteMany({ where: { internId } });
  await tx.peerWish.createMany({ data: peerIds.map((peerId) => ({ internId, peerId })), skipDuplicates: true });
}

/** An intern row with its peer wishes as a sorted id list (for the presenter and the audit trail). */
async function withPeers<T extends { id: number }>(tx: Tx, intern: T): Promise<T & { peerInternIds: number[] }> {
  const rows = await tx.peerWish.findMany({ where: { internId: intern.id }, select: { peerId: true }, orderBy: { peerId: 'asc' } });
  return { ...intern, peerInternIds: rows.map((r) => r.peerId) };
}

/**
 * Creates an intern profile (staff); an account can be linked later via POST /api/users. The intern
 * is registered in `departementCode` (one of the actor's; by default their first), so its staff see
 * them before any placement.
 */
export async function createIntern({ tx, actor, input }: { tx: Tx; actor: SessionUser; input: InternInput & { name: string; subdivision: string; departementCode?: string | null } }) {
  const { peerInternIds, departementCode: asked, ...fields } = input;
  const scope = scopeOf(actor);
  const departementCode = asked !== undefined ? asked : scope.national ? null : (scope.codes[0] ?? null);
  if (!scope.national || departementCode !== null) assertDepartementInScope(scope, departementCode, 'body.departementCode');
  if (departementCode !== null && !(await tx.departement.findUnique({ where: { code: departementCode }, select: { code: true } }))) {
    throw new NotFoundError('No such département', 'body.departementCode');
  }
  await checkPartner(tx, actor, undefined, fields.partnerInternId);
  const created = await tx.intern.create({ data: { slug: `${slugify(fields.name)}-${randomBytes(3).toString('hex')}`, ...fields, departementCode } });
  await setPeers(tx, actor, created.id, peerInternIds);
  const intern = await withPeers(tx, created);
  await recordAudit(tx, { actorId: actor.id, action: 'create', entity: 'Intern', entityId: intern.id, internId: intern.id, after: intern });
  return intern;
}

/** Changes an intern's profile: staff anything, the intern themself only INTERN_SELF_EDITABLE_FIELDS. */
export async function updateIntern({ tx, actor, id, input }: { tx: Tx; actor: SessionUser; id: number; input: InternInput }) {
  await assertCanSeeIntern(tx, actor, id);
  if (!isStaff(actor)) {
    const denied = Object.keys(input).find((k) => input[k as keyof InternInput] !== undefined && !(INTERN_SELF_EDITABLE_FIELDS as readonly string[]).includes(k));
    if (denied) throw new AppError(403, 'forbidden', `Only department staff may change ${denied}`, denied);
  }
  const found = await tx.intern.findUnique({ where: { id } });
  if (!found) throw new NotFoundError('No such intern', 'params.id');
  const before = await withPeers(tx, found);
  const { peerInternIds, ...fields } = input;
  await checkPartner(tx, actor, id, fields.partnerInternId);
  await setPeers(tx, actor, id, peerInternIds);
  const after = await withPeers(tx, await tx.intern.update({ where: { id }, data: fields }));
  await recordAudit(tx, { actorId: actor.id, action: 'update', entity: 'Intern', entityId: id, internId: id, ...auditChanges(before, after) });
  return after;
}

/** Replaces an intern's ranked site preferences (first = most wanted). */
export async function setPreferences({ tx, actor, internId, siteIds, note }: { tx: Tx; actor: SessionUser; internId: number; siteIds: number[]; note?: string | null }) {
  const found = await tx.site.findMany({ where: { id: { in: siteIds }, ...listedSiteWhere }, select: { id: true } });
  const known = new Set(found.map((s) => s.id));
  const missing = siteIds.findIndex((id) => !known.has(id));
  if (missing >= 0) throw new NotFoundError(`No such site: ${siteIds[missing]}`, `body.siteIds.${missing}`);
  const before = await preferencesOf(tx, internId);
  await tx.sitePreference.deleteMany({ where: { internId } });
  await tx.sitePreference.createMany({ data: siteIds.map((siteId, i) => ({ internId, siteId, rank: i + 1 })) });
  if (note !== undefined) await tx.intern.update({ where: { id: internId }, data: { preferencesNote: note } });
  const after = await preferencesOf(tx, internId);
  await recordAudit(tx, { actorId: actor.id, action: 'update', entity: 'SitePreference', entityId: internId, internId, before, after });
  return after;
}

/** An intern's ranked preferences and note. */
export async function preferencesOf(db: Pick<PrismaClient, 'sitePreference' | 'intern'> | Tx, internId: number) {
  const rows = await db.sitePreference.findMany({ where: { internId, site: listedSiteWhere }, orderBy: { rank: 'asc' }, include: { site: { select: { id: true, name: true } } } });
  const intern = await db.intern.findUnique({ where: { id: internId }, select: { preferencesNote: true } });
  return { siteIds: rows.map((r) => r.siteId), sites: rows.map((r) => ({ id: r.site.id, name: r.site.name })), note: intern?.preferencesNote ?? null };
}

/** Records an intern's request for a room at a site. */
export async function createRoomRequest({ tx, actor, internId, siteId, note }: { tx: Tx; actor: SessionUser; internId: number; siteId: number; note?: string | null }) {
  if (!(await tx.site.findFirst({ where: { id: siteId, ...listedSiteWhere }, select: { id: true } }))) throw new NotFoundError('No such site', 'body.siteId');
  // One open request per intern and site; the partial unique index refuses a concurrent duplicate too.
  if (await tx.roomRequest.findFirst({ where: { internId, siteId, status: 'open' }, select: { id: true } })) {
    throw new ConflictError('You already have an open request for this site; wait for its answer or withdraw it');
  }
  const r = await tx.roomRequest.create({ data: { internId, siteId, note: note ?? null } });
  await recordAudit(tx, { actorId: actor.id, action: 'create', entity: 'RoomRequest', entityId: r.id, internId, siteId, after: r });
  return r;
}
