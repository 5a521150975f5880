import { auditChanges, recordAudit } from '../../audit/record-audit.ts';
import { assertInternVisible, isStaff, visibleAssignments } from '../departements/visibility.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { AssignmentStatus } from '../../generated/prisma/enums.ts';
import { isoDate, toDate } from '../calendar/semesters.ts';
import { noticeAssignment } from '../notifications/notices.ts';

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
  /** Last day to answer a proposal (default: DEFAULT_ANSWER_DAYS from today). */
  answerBy?: string | null;
}

/** Days an intern has to answer a proposal when staff set no date. */
export const DEFAULT_ANSWER_DAYS = 14;

/** Today (UTC) plus `days`, as YYYY-MM-DD. */
export function daysFromToday(days: number, now = new Date()): string {
  return isoDate(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days)));
}

/**
 * Books a bed for an intern and audits it, inside the caller's transaction.
 * Overlapping live bookings of the bed or the intern are refused by the
 * database's exclusion constraints (→ 409 via the error middleware), so
 * concurrent requests cannot both win.
 */
export async function createAssignment({ tx, actor, input, appUrl }: { tx: Tx; actor: SessionUser | null; input: NewAssignment; appUrl: string }) {
  if (actor && isStaff(actor)) await assertInternVisible(tx, actor, input.internId, 'body.internId');
  else if (!(await tx.intern.findUnique({ where: { id: input.internId }, select: { id: true } }))) throw new NotFoundError('No such intern', 'body.internId');
  const siteId = await bedSiteId(tx, input.bedId, 'body.bedId', { forNewBooking: true });
  const status = input.status ?? 'proposed';
  const answerBy = status === 'proposed' ? (input.answerBy ?? daysFromToday(DEFAULT_ANSWER_DAYS)) : null;
  const a = await tx.assignment.create({
    data: { ...input, status, answerBy: answerBy ? toDate(answerBy) : null, startDate: toDate(input.startDate), endDate: toDate(input.endDate), createdById: actor?.id ?? null },
    include: assignmentInclude,
  });
  const { intern: _i, bed: _b, ...row } = a;
  await recordAudit(tx, { actorId: actor?.id ?? null, action: 'create', entity: 'Assignment', entityId: a.id, siteId, internId: a.internId, after: row });
  if (status === 'proposed' || status === 'confirmed') {
    await noticeAssignment({ tx, appUrl, assignmentId: a.id, notice: { kind: status === 'proposed' ? 'proposal' : 'confirmation' } });
  }
  return a;
}

/** What staff may change on a booking. */
export interface AssignmentPatch {
  status?: AssignmentStatus;
  locked?: boolean;
  bedId?: number;
  answerBy?: string | null;
}

/**
 * Changes a booking's status, lock, bed (staff override) or answer-by date;
 * overlaps → 409 from the database. Confirming (also on the intern's behalf,
 * straight from proposed) and cancelling write the intern's e-mail notice in the
 * same transaction. A cancelled booking stays cancelled: book again instead.
 */
export async function updateAssignment({ tx, actor, id, patch, appUrl }: { tx: Tx; actor: SessionUser | null; id: number; patch: AssignmentPatch; appUrl: string }) {
  // Staff change only the bookings of the interns of their départements (404 for another's).
  const scope = actor && isStaff(actor) ? visibleAssignments(actor) : {};
  const before = await tx.assignment.findFirst({ where: { AND: [{ id }, scope] } });
  if (!before) throw new NotFoundError('No such assignment', 'params.id');
  const changesStatus = patch.status !== undefined && patch.status !== before.status;
  if (changesStatus && before.status === 'cancelled') throw new ConflictError('This booking is cancelled; book the bed again instead');
  const moving = patch.bedId !== undefined && patch.bedId !== before.bedId;
  const siteId = await bedSiteId(tx, patch.bedId ?? before.bedId, patch.bedId ? 'body.bedId' : 'params.id', { forNewBooking: moving });
  const { answerBy, ...rest } = patch;
  const a = await tx.assignment.update({
    where: { id },
    data: {
      ...rest,
      ...(answerBy !== undefined ? { answerBy: answerBy === null ? null : toDate(answerBy) } : {}),
      ...(changesStatus && patch.status === 'cancelled' ? { cancelReason: 'staff' as const } : {}),
      ...(changesStatus && patch.status === 'confirmed' && !before.answeredAt ? { answeredAt: new Date() } : {}),
    },
    include: assignmentInclude,
  });
  const { intern: _i, bed: _b, ...after } = a;
  const action = changesStatus && patch.status === 'cancelled' ? 'cancel' : changesStatus && patch.status === 'confirmed' ? 'confirm' : moving ? 'override' : 'update';
  await recordAudit(tx, { actorId: actor?.id ?? null, action, entity: 'Assignment', entityId: id, siteId, internId: a.internId, ...auditChanges(before, after) });
  if (changesStatus && patch.status === 'confirmed') await noticeAssignment({ tx, appUrl, assignmentId: id, notice: { kind: 'confirmation' } });
  if (changesStatus && patch.status === 'cancelled') await noticeAssignment({ tx, appUrl, assignmentId: id, notice: { kind: 'cancellation', reason: 'staff' } });
  if (!changesStatus && moving && before.status === 'proposed') await noticeAssignment({ tx, appUrl, assignmentId: id, notice: { kind: 'proposal' } });
  return a;
}

/** Cancels a booking (the bed is free again for those dates) and tells the intern. */
export function cancelAssignment({ tx, actor, id, appUrl }: { tx: Tx; actor: SessionUser | null; id: number; appUrl: string }) {
  return updateAssignment({ tx, actor, id, patch: { status: 'cancelled' }, appUrl });
}
