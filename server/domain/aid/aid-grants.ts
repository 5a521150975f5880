import { auditChanges, recordAudit } from '../../audit/record-audit.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import { AppError, ConflictError, NotFoundError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { toDate } from '../calendar/semesters.ts';
import { assertDepartementInScope, assertInternVisible, internsIn, scopeOf } from '../departements/visibility.ts';

type Tx = Prisma.TransactionClient;

/** What staff record: which scheme, how much (cents), on which day, for which placement. */
export interface GrantInput {
  schemeId: number;
  amountCents: number;
  grantedOn: string;
  placementId?: number | null;
  note?: string | null;
}

/** A grant with its scheme, as lists and the presenter read it. */
export const grantInclude = {
  scheme: { select: { id: true, code: true, name: true, departementCode: true } },
  intern: { select: { id: true, name: true, subdivision: true } },
} as const satisfies Prisma.AidGrantInclude;

/**
 * THE AID REGISTER: staff record that an aid was granted to an intern they see (404 otherwise).
 * A département's scheme may be recorded only by its own staff (403; nationwide schemes by any
 * staff); the placement, when given, must be the intern's. Audited in the same transaction.
 */
export async function recordGrant({ tx, actor, internId, input }: { tx: Tx; actor: SessionUser; internId: number; input: GrantInput }) {
  await assertInternVisible(tx, actor, internId);
  const scheme = await tx.aidScheme.findUnique({ where: { id: input.schemeId } });
  if (!scheme) throw new NotFoundError('No such aid scheme', 'body.schemeId');
  if (scheme.departementCode !== null) assertDepartementInScope(scopeOf(actor), scheme.departementCode, 'body.schemeId');
  if (!scheme.active) throw new AppError(409, 'conflict', 'This aid scheme is closed', 'body.schemeId');
  if (input.placementId != null) {
    const placement = await tx.placement.findFirst({ where: { id: input.placementId, internId }, select: { id: true } });
    if (!placement) throw new NotFoundError('No such placement of this intern', 'body.placementId');
  }
  const grant = await tx.aidGrant.create({
    data: { schemeId: scheme.id, internId, placementId: input.placementId ?? null, amountCents: input.amountCents, grantedOn: toDate(input.grantedOn), grantedById: actor.id, note: input.note ?? null },
    include: grantInclude,
  });
  const { scheme: _s, intern: _i, ...row } = grant;
  await recordAudit(tx, { actorId: actor.id, action: 'create', entity: 'AidGrant', entityId: grant.id, internId, after: { ...row, schemeCode: scheme.code } });
  return grant;
}

/** Cancels a recorded grant (kept for the record with `cancelledAt`); 404 for a grant of an intern the actor cannot see, 409 when already cancelled. */
export async function cancelGrant({ tx, actor, id }: { tx: Tx; actor: SessionUser; id: number }) {
  const before = await tx.aidGrant.findUnique({ where: { id } });
  if (!before) throw new NotFoundError('No such aid grant', 'params.id');
  await assertInternVisible(tx, actor, before.internId);
  if (before.cancelledAt) throw new ConflictError('This aid grant is already cancelled');
  const after = await tx.aidGrant.update({ where: { id }, data: { cancelledAt: new Date(), cancelledById: actor.id }, include: grantInclude });
  const { scheme: _s, intern: _i, ...row } = after;
  await recordAudit(tx, { actorId: actor.id, action: 'cancel', entity: 'AidGrant', entityId: id, internId: before.internId, ...auditChanges(before, row) });
  return after;
}

/** Filters of the staff list of grants. */
export interface GrantFilters {
  internId?: number;
  schemeId?: number;
  from?: string;
  to?: string;
  /** Include cancelled grants (default: live ones only). */
  cancelled?: boolean;
}

/** The grants of the interns the actor sees, newest first, filtered. */
export function grantsWhere(actor: SessionUser, f: GrantFilters): Prisma.AidGrantWhereInput {
  const scope = scopeOf(actor);
  return {
    ...(scope.national ? {} : { intern: internsIn(scope) }),
    ...(f.internId !== undefined ? { internId: f.internId } : {}),
    ...(f.schemeId !== undefined ? { schemeId: f.schemeId } : {}),
    ...(f.from || f.to ? { grantedOn: { ...(f.from ? { gte: toDate(f.from) } : {}), ...(f.to ? { lte: toDate(f.to) } : {}) } } : {}),
    ...(f.cancelled ? {} : { cancelledAt: null }),
  };
}

/** The intern's own answer to "do you receive public housing aid (APL…)?", audited. */
export async function setHousingAidAnswer({ tx, actor, internId, receivesHousingAid }: { tx: Tx; actor: SessionUser; internId: number; receivesHousingAid: boolean | null }) {
  const before = await tx.intern.findUniqueOrThrow({ where: { id: internId }, select: { receivesHousingAid: true } });
  const after = await tx.intern.update({ where: { id: internId }, data: { receivesHousingAid }, select: { receivesHousingAid: true } });
  await recordAudit(tx, { actorId: actor.id, action: 'update', entity: 'Intern', entityId: internId, internId, ...auditChanges(before, after) });
  return after;
}
