import type { Prisma } from '../../generated/prisma/client.ts';
import { isoDate } from '../calendar/semesters.ts';
import { answerMessage, cancellationMessage, confirmationMessage, invitationMessage, passwordResetMessage, proposalMessage, type BookingFacts } from './messages.ts';
import { enqueueEmail } from './outbox.ts';

type Tx = Prisma.TransactionClient;

/** Where links in e-mails lead (the client's pages). */
export const LINKS = {
  intern: (appUrl: string) => `${appUrl}/interne`,
  staffBoard: (appUrl: string) => `${appUrl}/equipe/appariement`,
} as const;

async function bookingFacts(tx: Tx, assignmentId: number): Promise<{ facts: BookingFacts; internEmail: string | null; internId: number }> {
  const a = await tx.assignment.findUniqueOrThrow({
    where: { id: assignmentId },
    include: { intern: { include: { user: { select: { email: true } } } }, bed: { include: { room: { include: { site: true } } } } },
  });
  const site = a.bed.room.site;
  return {
    internId: a.internId,
    // The account's address first (where they sign in), else the one on the intern's record.
    internEmail: a.intern.user?.email ?? a.intern.email,
    facts: {
      internName: a.intern.name,
      siteName: site.name,
      siteAddress: site.address,
      commune: site.commune,
      roomLabel: a.bed.room.label,
      bedLabel: a.bed.label,
      startDate: isoDate(a.startDate),
      endDate: isoDate(a.endDate),
      driveMinutes: a.driveSeconds === null ? null : Math.round(a.driveSeconds / 60),
      driveEstimate: a.driveEstimate,
      rentCents: site.rentCents,
      chargesIncluded: site.chargesIncluded,
      contact: { name: site.contactName, email: site.contactEmail, phone: site.contactPhone },
      answerBy: a.answerBy ? isoDate(a.answerBy) : null,
    },
  };
}

/**
 * Writes the notice about a booking to the outbox, in the caller's transaction:
 * `proposal`, `confirmation` and `cancellation`/`expiry` go to the intern (when
 * they have an address), `answer` to every staff account.
 */
export async function noticeAssignment({
  tx,
  appUrl,
  assignmentId,
  notice,
}: {
  tx: Tx;
  appUrl: string;
  assignmentId: number;
  notice: { kind: 'proposal' } | { kind: 'confirmation' } | { kind: 'cancellation'; reason: 'staff' | 'expired' } | { kind: 'answer'; answer: 'accepted' | 'declined' };
}): Promise<number> {
  const { facts, internEmail, internId } = await bookingFacts(tx, assignmentId);
  const base = { internId, assignmentId };
  if (notice.kind === 'answer') {
    // The staff of the intern's départements (by registration or placement), not every département's.
    const placed = await tx.intern.findUnique({ where: { id: internId }, select: { departementCode: true, placements: { select: { practice: { select: { departementCode: true } }, secondPractice: { select: { departementCode: true } } } } } });
    const codes = [placed?.departementCode, ...(placed?.placements ?? []).flatMap((p) => [p.practice.departementCode, p.secondPractice?.departementCode])].filter((c): c is string => !!c);
    const staff = await tx.user.findMany({ where: { role: 'staff', deactivatedAt: null, departements: { some: { departementCode: { in: codes } } } }, select: { email: true }, orderBy: { id: 'asc' } });
    const m = answerMessage(facts, notice.answer, LINKS.staffBoard(appUrl));
    for (const s of staff) await enqueueEmail(tx, { kind: 'answer', to: s.email, ...m, ...base });
    return staff.length;
  }
  if (!internEmail) return 0;
  const m =
    notice.kind === 'proposal'
      ? proposalMessage(facts, LINKS.intern(appUrl))
      : notice.kind === 'confirmation'
        ? confirmationMessage(facts, LINKS.intern(appUrl))
        : cancellationMessage(facts, notice.reason, LINKS.intern(appUrl));
  await enqueueEmail(tx, { kind: notice.kind, to: internEmail, ...m, ...base });
  return 1;
}

/**
 * The account invitation: writes the e-mail carrying the one-time link to the
 * outbox, in the caller's transaction (the one that creates the account or its
 * token), so no invitation leaves for an account that was rolled back. The
 * caller builds `link` from `ctx.config.mail.appUrl`.
 */
export async function sendInvitation({
  tx,
  to,
  name,
  role,
  link,
  expiresAt,
  internId,
}: {
  tx: Pick<Tx, 'outboxMessage'>;
  to: string;
  name: string;
  role: 'intern' | 'manager' | 'staff' | 'admin';
  link: string;
  expiresAt?: Date | null;
  internId?: number | null;
}): Promise<void> {
  await enqueueEmail(tx, { kind: 'invitation', to, ...invitationMessage({ name, role, link, expiresAt }), internId: internId ?? null });
}

/** Writes a password-reset link to the outbox, in the transaction that issued it. */
export async function sendPasswordReset({ tx, to, name, link, expiresAt }: { tx: Pick<Tx, 'outboxMessage'>; to: string; name: string; link: string; expiresAt: Date }): Promise<void> {
  await enqueueEmail(tx, { kind: 'password-reset', to, ...passwordResetMessage({ name, link, expiresAt }) });
}
