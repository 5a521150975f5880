import { auditChanges, recordAudit } from '../../audit/record-audit.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.ts';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { isoDate } from '../calendar/semesters.ts';
import { noticeAssignment } from '../notifications/notices.ts';
import { assignmentInclude, daysFromToday } from './manage-assignments.ts';

type Tx = Prisma.TransactionClient;

/**
 * The intern answers a proposal made to them: `accept` (staff then confirm it)
 * or `decline` (the booking is cancelled, the bed is free again). Only a
 * proposal still open may be answered: past its answer-by date it has expired
 * (409) even if the expiry job has not run yet. Staff are told by e-mail.
 */
export async function answerProposal({ tx, actor, id, answer, appUrl, today = daysFromToday(0) }: { tx: Tx; actor: SessionUser; id: number; answer: 'accept' | 'decline'; appUrl: string; today?: string }) {
  const before = await tx.assignment.findUnique({ where: { id }, include: { bed: { select: { room: { select: { siteId: true } } } } } });
  if (!before) throw new NotFoundError('No such assignment', 'params.id');
  if (actor.role === 'intern' && before.internId !== actor.internId) throw new ForbiddenError('This proposal is not yours');
  if (before.status !== 'proposed') throw new ConflictError(`This proposal is no longer open (${before.status}); nothing was changed`);
  if (before.answerBy && isoDate(before.answerBy) < today) throw new ConflictError('The answer-by date of this proposal has passed; it has expired');
  const accepted = answer === 'accept';
  const a = await tx.assignment.update({
    where: { id },
    data: accepted ? { status: 'accepted', answeredAt: new Date() } : { status: 'cancelled', cancelReason: 'declined', answeredAt: new Date() },
    include: assignmentInclude,
  });
  const { bed: _b, ...b } = before;
  const { intern: _i, bed: _bb, ...after } = a;
  await recordAudit(tx, { actorId: actor.id, action: accepted ? 'accept' : 'decline', entity: 'Assignment', entityId: id, siteId: before.bed.room.siteId, internId: a.internId, ...auditChanges(b, after) });
  await noticeAssignment({ tx, appUrl, assignmentId: id, notice: { kind: 'answer', answer: accepted ? 'accepted' : 'declined' } });
  return a;
}

/**
 * The expiry job: every proposal whose answer-by date is before `today` is
 * cancelled (reason `expired`, the bed is free again), audited as done by the
 * system, and the intern is told — each in its own transaction, so one failure
 * does not hold back the others. Returns the ids expired.
 */
export async function expireProposals({ prisma, appUrl, today = daysFromToday(0) }: { prisma: PrismaClient; appUrl: string; today?: string }): Promise<number[]> {
  const due = await prisma.assignment.findMany({ where: { status: 'proposed', answerBy: { lt: new Date(`${today}T00:00:00Z`) } }, select: { id: true }, orderBy: { id: 'asc' }, take: 200 });
  const expired: number[] = [];
  for (const { id } of due) {
    const done = await prisma.$transaction(async (tx) => {
      // Conditional: an answer that committed meanwhile wins.
      const claimed = await tx.assignment.updateMany({ where: { id, status: 'proposed' }, data: { status: 'cancelled', cancelReason: 'expired' } });
      if (claimed.count !== 1) return false;
      const a = await tx.assignment.findUniqueOrThrow({ where: { id }, include: { bed: { select: { room: { select: { siteId: true } } } } } });
      await recordAudit(tx, { actorId: null, action: 'expire', entity: 'Assignment', entityId: id, siteId: a.bed.room.siteId, internId: a.internId, before: { status: 'proposed' }, after: { status: 'cancelled', cancelReason: 'expired', answerBy: a.answerBy } });
      await noticeAssignment({ tx, appUrl, assignmentId: id, notice: { kind: 'cancellation', reason: 'expired' } });
      return true;
    });
    if (done) expired.push(id);
  }
  return expired;
}
