import { auditChanges, recordAudit } from '../../audit/record-audit.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { AssignmentStatus } from '../../generated/prisma/enums.ts';
import { toDate } from '../calendar/semesters.ts';

type Tx = Prisma.TransactionClient;

/** What presenters need with an assignment: the intern's name and where the bed is. */
export const assignmentInclude = {
  intern: { select: { id: true, name: true } },
  bed: { select: { id: true, label: true, room: { select: { id: true, label: true, site: { select: { id: true, name: true } } } } } },
} as const;

async function bedSiteId(tx: Tx, bedId: number, field: string, { forNewBooking }: { forNewBooking: boolean }): Promise<number> {
  const bed = await tx.bed.findUnique({ where: { id: bedId }, select: { room: { select: { siteId: true, site: { select: { active: true } } } } } });
  if (!bed) throw new NotFoundError('No such bed', field);
  // A withdrawn (or only planned) site takes no new booking; existing ones can still be confirmed or cancelled.
  if (forNewBooking && !bed.room.site.active) throw new ConflictError(`${field}: this bed's site is not active (withdrawn or planned); it takes no new booking`);
  return bed.room.siteId;
}

/** A booking to create. Optional fields let the matching record how it chose. */
export interface NewAssignment {
  internId: number;
  bedId: number;
  startDate: string;
  endDate: string;
  status?: AssignmentStatus;
  locked?: boolean;
  matchingRunId?: number | null;
  driveSeconds?: number | null;
  driveEstimate?: boolean;
  explanation?: string | null;
}

/**
 * Books a bed for an intern and audits it, inside the caller's transaction.
 * Overlapping live bookings of the bed or the intern are refused by the
 * database's exclusion constraints (→ 409 via the error middleware), so
 * concurrent requests cannot both win.
 */
export async function createAssignment({ tx, actor, input }: { tx: Tx; actor: SessionUser | null; input: NewAssignment }) {
  if (!(await tx.intern.findUnique({ where: { id: input.internId }, select: { id: true } }))) throw new NotFoundError('No such intern', 'body.internId');
  const siteId = await bedSiteId(tx, input.bedId, 'body.bedId', { forNewBooking: true });
  const a = await tx.assignment.create({
    data: { ...input, startDate: toDate(input.startDate), endDate: toDate(input.endDate), createdById: actor?.id ?? null },
    include: assignmentInclude,
  });
  const { intern: _i, bed: _b, ...row } = a;
  await recordAudit(tx, { actorId: actor?.id ?? null, action: 'create', entity: 'Assignment', entityId: a.id, siteId, internId: a.internId, after: row });
  return a;
}

/** Changes a booking's status, lock or bed (staff override); overlaps → 409 from the database. */
export async function updateAssignment({ tx, actor, id, patch }: { tx: Tx; actor: SessionUser | null; id: number; patch: { status?: AssignmentStatus; locked?: boolean; bedId?: number } }) {
  const before = await tx.assignment.findUnique({ where: { id } });
  if (!before) throw new NotFoundError('No such assignment', 'params.id');
  const moving = patch.bedId !== undefined && patch.bedId !== before.bedId;
  const siteId = await bedSiteId(tx, patch.bedId ?? before.bedId, patch.bedId ? 'body.bedId' : 'params.id', { forNewBooking: moving });
  const a = await tx.assignment.update({ where: { id }, data: patch, include: assignmentInclude });
  const { intern: _i, bed: _b, ...after } = a;
  const action = patch.status === 'cancelled' ? 'cancel' : patch.bedId !== undefined && patch.bedId !== before.bedId ? 'override' : 'update';
  await recordAudit(tx, { actorId: actor?.id ?? null, action, entity: 'Assignment', entityId: id, siteId, internId: a.internId, ...auditChanges(before, after) });
  return a;
}

/** Cancels a booking (the bed is free again for those dates). */
export function cancelAssignment({ tx, actor, id }: { tx: Tx; actor: SessionUser | null; id: number }) {
  return updateAssignment({ tx, actor, id, patch: { status: 'cancelled' } });
}
