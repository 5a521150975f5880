import type { SessionUser } from '../../auth/session-user.ts';
import { NotFoundError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { sendInvitation } from '../notifications/notices.ts';
import { issueInvitation, type IssuedInvitation } from './invitations.ts';
import { assertAccountInReach, createAccount, type NewAccount } from './manage-users.ts';

type Tx = Prisma.TransactionClient;

/** Mails an issued link to the account's owner through the outbox, in the caller's transaction. */
async function mailInvitation(tx: Tx, inv: IssuedInvitation, appUrl: string) {
  const user = await tx.user.findUnique({ where: { id: inv.userId }, select: { email: true, name: true, role: true, intern: { select: { id: true } } } });
  if (!user) throw new NotFoundError('No such user', 'params.id');
  await sendInvitation({ tx, to: user.email, name: user.name, role: user.role, link: appUrl + inv.path, expiresAt: inv.expiresAt, internId: user.intern?.id ?? null });
}

/**
 * Creates an account without a password and its one-time link, and writes the
 * invitation e-mail to the outbox — all in one transaction, so no e-mail
 * leaves for an account that was rolled back. Staff also see the link once.
 */
export async function inviteAccount({ tx, actor, input, ttlHours, appUrl }: { tx: Tx; actor: SessionUser; input: Omit<NewAccount, 'password'>; ttlHours: number; appUrl: string }) {
  const user = await createAccount({ tx, actor, input, passwordHash: '' });
  const invitation = await issueInvitation({ tx, actor, userId: user.id, ttlHours });
  await mailInvitation(tx, invitation, appUrl);
  return { user, invitation };
}

/** A new one-time link for an existing account (staff's password reset), mailed like the first. */
export async function reinviteAccount({ tx, actor, userId, ttlHours, appUrl }: { tx: Tx; actor: SessionUser; userId: number; ttlHours: number; appUrl: string }) {
  await assertAccountInReach(tx, actor, userId);
  const invitation = await issueInvitation({ tx, actor, userId, ttlHours });
  await mailInvitation(tx, invitation, appUrl);
  return invitation;
}
