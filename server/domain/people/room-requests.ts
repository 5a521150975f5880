import { auditChanges, recordAudit } from '../../audit/record-audit.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { isoDate } from '../calendar/semesters.ts';
import { createAssignment, daysFromToday } from '../assignments/manage-assignments.ts';
import { visibleRequests } from '../departements/visibility.ts';

type Tx = Prisma.TransactionClient;

/** An open request of an intern the actor sees (404 for another département's, as for a missing one). */
async function openRequest(tx: Tx, actor: SessionUser, id: number) {
  const r = await tx.roomRequest.findFirst({ where: { AND: [{ id }, visibleRequests(actor)] } });
  if (!r) throw new NotFoundError('No such request', 'params.id');
  if (r.status !== 'open') throw new ConflictError(`This request was already answered (${r.status}); nothing was changed`);
  return r;
}

/** Staff reopen a request or mark it withdrawn; accepting and declining have their own functions. */
export async function setRoomRequestStatus({ tx, actor, id, status }: { tx: Tx; actor: SessionUser; id: number; status: 'open' | 'withdrawn' }) {
  // Staff handle only the requests of the interns of their départements (404 for another's).
  const before = await tx.roomRequest.findFirst({ where: { AND: [{ id }, visibleRequests(actor)] } });
  if (!before) throw new NotFoundError('No such request', 'params.id');
  const after = await tx.roomRequest.update({ where: { id }, data: { status } });
  await recordAudit(tx, { actorId: actor.id, action: 'update', entity: 'RoomRequest', entityId: id, siteId: after.siteId, internId: after.internId, ...auditChanges(before, after) });
  return after;
}

/**
 * Staff accept a room request by proposing a bed of the requested site to the
 * intern, for the given dates or else those of the intern's next placement. The
 * proposal follows the usual lifecycle (e-mail, answer, confirmation); the
 * request records it and reads `accepted`. Double bookings → 409 from the database.
 */
export async function acceptRoomRequest({
  tx,
  actor,
  id,
  bedId,
  startDate,
  endDate,
  answerBy,
  appUrl,
}: {
  tx: Tx;
  actor: SessionUser;
  id: number;
  bedId: number;
  startDate?: string;
  endDate?: string;
  answerBy?: string | null;
  appUrl: string;
}) {
  const before = await openRequest(tx, actor, id);
  const bed = await tx.bed.findUnique({ where: { id: bedId }, select: { room: { select: { siteId: true } } } });
  if (!bed) throw new NotFoundError('No such bed', 'body.bedId');
  if (bed.room.siteId !== before.siteId) throw new ValidationError('body.bedId: this bed is not at the requested site', 'body.bedId');
  let dates = startDate && endDate ? { startDate, endDate } : undefined;
  if (!dates) {
    const p = await tx.placement.findFirst({ where: { internId: before.internId, endDate: { gte: new Date(`${daysFromToday(0)}T00:00:00Z`) } }, orderBy: { startDate: 'asc' } });
    if (!p) throw new ValidationError('body.startDate: is required (the intern has no coming placement to take the dates from)', 'body.startDate');
    dates = { startDate: isoDate(p.startDate), endDate: isoDate(p.endDate) };
  }
  const assignment = await createAssignment({ tx, actor, appUrl, input: { internId: before.internId, bedId, ...dates, status: 'proposed', answerBy } });
  const after = await tx.roomRequest.update({ where: { id }, data: { status: 'accepted', assignmentId: assignment.id, answeredAt: new Date() } });
  await recordAudit(tx, { actorId: actor.id, action: 'accept', entity: 'RoomRequest', entityId: id, siteId: after.siteId, internId: after.internId, ...auditChanges(before, after) });
  return { request: after, assignment };
}

/** Staff decline a room request with a reason the intern reads. */
export async function declineRoomRequest({ tx, actor, id, reason }: { tx: Tx; actor: SessionUser; id: number; reason: string }) {
  const before = await openRequest(tx, actor, id);
  const after = await tx.roomRequest.update({ where: { id }, data: { status: 'declined', answer: reason, answeredAt: new Date() } });
  await recordAudit(tx, { actorId: actor.id, action: 'decline', entity: 'RoomRequest', entityId: id, siteId: after.siteId, internId: after.internId, ...auditChanges(before, after) });
  return after;
}
