import type { Prisma } from '../../generated/prisma/client.ts';

/** What a notice tells; the outbox page filters on it. */
export type NoticeKind = 'proposal' | 'answer' | 'confirmation' | 'cancellation' | 'invitation' | 'password-reset';

/** One e-mail to write to the outbox. */
export interface OutboxEmail {
  kind: NoticeKind;
  to: string;
  subject: string;
  text: string;
  internId?: number | null;
  assignmentId?: number | null;
}

/**
 * Writes an e-mail to the outbox with the caller's transaction client, so the
 * notice exists if and only if the change it tells about commits. The mail
 * worker sends it after commit (with SMTP_URL); without SMTP_URL it stays
 * there for staff to read.
 */
export async function enqueueEmail(tx: Pick<Prisma.TransactionClient, 'outboxMessage'>, email: OutboxEmail): Promise<void> {
  await tx.outboxMessage.create({
    data: {
      kind: email.kind,
      to: email.to,
      subject: email.subject,
      text: email.text,
      internId: email.internId ?? null,
      assignmentId: email.assignmentId ?? null,
    },
  });
}
