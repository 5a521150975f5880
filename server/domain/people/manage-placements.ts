import { auditChanges, recordAudit } from '../../audit/record-audit.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { isoDate, toDate } from '../calendar/semesters.ts';
import { assertDepartementInScope, assertInternVisible, placementsIn, scopeOf } from '../departements/visibility.ts';

type Tx = Prisma.TransactionClient;

/** Placement fields as the API takes them. */
export interface PlacementInput {
  internId?: number;
  practiceId?: number;
  secondPracticeId?: number | null;
  startDate?: string;
  endDate?: string;
}

/** The intern must be one the actor sees (404), the practices exist (404) and lie in the actor's départements (403). */
async function checkRefs(tx: Tx, actor: SessionUser, input: PlacementInput) {
  if (input.internId !== undefined) await assertInternVisible(tx, actor, input.internId, 'body.internId');
  const scope = scopeOf(actor);
  for (const k of ['practiceId', 'secondPracticeId'] as const) {
    const id = input[k];
    if (id === undefined || id === null) continue;
    const practice = await tx.practice.findUnique({ where: { id }, select: { departementCode: true } });
    if (!practice) throw new NotFoundError('No such practice', `body.${k}`);
    assertDepartementInScope(scope, practice.departementCode, `body.${k}`);
  }
}

/** A placement the actor may see (by its practices' départements), or 404. */
async function findVisible(tx: Tx, actor: SessionUser, id: number) {
  const found = await tx.placement.findFirst({ where: { AND: [{ id }, placementsIn(scopeOf(actor))] } });
  if (!found) throw new NotFoundError('No such placement', 'params.id');
  return found;
}

function columns(input: PlacementInput): Prisma.PlacementUncheckedUpdateInput {
  const { startDate, endDate, ...rest } = input;
  return { ...rest, ...(startDate ? { startDate: toDate(startDate) } : {}), ...(endDate ? { endDate: toDate(endDate) } : {}) };
}

/** Creates a placement (staff). */
export async function createPlacement({ tx, actor, input }: { tx: Tx; actor: SessionUser; input: Required<Pick<PlacementInput, 'internId' | 'practiceId' | 'startDate' | 'endDate'>> & PlacementInput }) {
  await checkRefs(tx, actor, input);
  const p = await tx.placement.create({ data: columns(input) as Prisma.PlacementUncheckedCreateInput });
  await recordAudit(tx, { actorId: actor.id, action: 'create', entity: 'Placement', entityId: p.id, internId: p.internId, after: p });
  return p;
}

/** Changes a placement (staff); the result must keep end ≥ start. */
export async function updatePlacement({ tx, actor, id, input }: { tx: Tx; actor: SessionUser; id: number; input: PlacementInput }) {
  const before = await findVisible(tx, actor, id);
  await checkRefs(tx, actor, input);
  if ((input.endDate ?? isoDate(before.endDate)) < (input.startDate ?? isoDate(before.startDate))) {
    throw new ValidationError('body.endDate: must not be before startDate', 'body.endDate');
  }
  const after = await tx.placement.update({ where: { id }, data: columns(input) });
  await recordAudit(tx, { actorId: actor.id, action: 'update', entity: 'Placement', entityId: id, internId: after.internId, ...auditChanges(before, after) });
  return after;
}

/** Deletes a placement (staff). */
export async function deletePlacement({ tx, actor, id }: { tx: Tx; actor: SessionUser; id: number }) {
  const before = await findVisible(tx, actor, id);
  await tx.placement.delete({ where: { id } });
  await recordAudit(tx, { actorId: actor.id, action: 'delete', entity: 'Placement', entityId: id, internId: before.internId, before });
}
