import { auditChanges, recordAudit } from '../../audit/record-audit.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { isoDate, toDate } from '../calendar/semesters.ts';

type Tx = Prisma.TransactionClient;

/** Placement fields as the API takes them. */
export interface PlacementInput {
  internId?: number;
  practiceId?: number;
  secondPracticeId?: number | null;
  startDate?: string;
  endDate?: string;
}

async function checkRefs(tx: Tx, input: PlacementInput) {
  if (input.internId !== undefined && !(await tx.intern.findUnique({ where: { id: input.internId }, select: { id: true } }))) {
    throw new NotFoundError('No such intern', 'body.internId');
  }
  for (const k of ['practiceId', 'secondPracticeId'] as const) {
    const id = input[k];
    if (id !== undefined && id !== null && !(await tx.practice.findUnique({ where: { id }, select: { id: true } }))) {
      throw new NotFoundError('No such practice', `body.${k}`);
    }
  }
}

function columns(input: PlacementInput): Prisma.PlacementUncheckedUpdateInput {
  const { startDate, endDate, ...rest } = input;
  return { ...rest, ...(startDate ? { startDate: toDate(startDate) } : {}), ...(endDate ? { endDate: toDate(endDate) } : {}) };
}

/** Creates a placement (staff). */
export async function createPlacement({ tx, actor, input }: { tx: Tx; actor: SessionUser; input: Required<Pick<PlacementInput, 'internId' | 'practiceId' | 'startDate' | 'endDate'>> & PlacementInput }) {
  await checkRefs(tx, input);
  const p = await tx.placement.create({ data: columns(input) as Prisma.PlacementUncheckedCreateInput });
  await recordAudit(tx, { actorId: actor.id, action: 'create', entity: 'Placement', entityId: p.id, internId: p.internId, after: p });
  return p;
}

/** Changes a placement (staff); the result must keep end ≥ start. */
export async function updatePlacement({ tx, actor, id, input }: { tx: Tx; actor: SessionUser; id: number; input: PlacementInput }) {
  const before = await tx.placement.findUnique({ where: { id } });
  if (!before) throw new NotFoundError('No such placement', 'params.id');
  await checkRefs(tx, input);
  if ((input.endDate ?? isoDate(before.endDate)) < (input.startDate ?? isoDate(before.startDate))) {
    throw new ValidationError('body.endDate: must not be before startDate', 'body.endDate');
  }
  const after = await tx.placement.update({ where: { id }, data: columns(input) });
  await recordAudit(tx, { actorId: actor.id, action: 'update', entity: 'Placement', entityId: id, internId: after.internId, ...auditChanges(before, after) });
  return after;
}

/** Deletes a placement (staff). */
export async function deletePlacement({ tx, actor, id }: { tx: Tx; actor: SessionUser; id: number }) {
  const before = await tx.placement.findUnique({ where: { id } });
  if (!before) throw new NotFoundError('No such placement', 'params.id');
  await tx.placement.delete({ where: { id } });
  await recordAudit(tx, { actorId: actor.id, action: 'delete', entity: 'Placement', entityId: id, internId: before.internId, before });
}
