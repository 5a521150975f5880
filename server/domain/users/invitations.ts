import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '../../audit/record-audit.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import { deleteUserSessions } from '../../auth/sessions.ts';
import { clearSignInThrottles } from '../../auth/sign-in.ts';
import { AppError, NotFoundError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

type Tx = Prisma.TransactionClient;

/** The in-app path of an invitation link; the client serves the page that sets the password. */
export const invitationPath = (token: string) => `/invitation/${token}`;

/** The stored form of a token: its sha256, so a leaked table opens nothing. */
export function invitationHashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A freshly issued invitation: `token` is shown (or mailed) once and never stored. */
export interface IssuedInvitation {
  id: number;
  userId: number;
  token: string;
  path: string;
  expiresAt: Date;
}

/**
 * Issues a one-time link for an account (a new account's first password, or a
 * reset by link: by staff, or asked for by the owner when `actor` is null).
 * Earlier unused links of the account stop working.
 */
export async function issueInvitation({ tx, actor, userId, ttlHours, now = new Date() }: { tx: Tx; actor: SessionUser | null; userId: number; ttlHours: number; now?: Date }): Promise<IssuedInvitation> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, deactivatedAt: true, intern: { select: { id: true } } } });
  if (!user) throw new NotFoundError('No such user', 'params.id');
  if (user.deactivatedAt) throw new AppError(409, 'conflict', 'This account is deactivated; reactivate it first');
  await tx.invitation.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000);
  const inv = await tx.invitation.create({ data: { userId, tokenHash: invitationHashOf(token), expiresAt, createdById: actor?.id ?? null } });
  // An intern's account events carry the intern, so the staff who see the intern read them in the audit trail.
  await recordAudit(tx, { actorId: actor?.id ?? null, action: actor ? 'invite' : 'request-password-reset', entity: 'User', entityId: userId, internId: user.intern?.id, after: { email: user.email, invitationId: inv.id, expiresAt } });
  return { id: inv.id, userId, token, path: invitationPath(token), expiresAt };
}

/** 410 `invitation_expired`: the link was used, replaced or is too old. */
export class InvitationGoneError extends AppError {
  constructor() {
    super(410, 'invitation_expired', 'This invitation link has expired or was already used; ask for a new one');
  }
}

/** Finds the live invitation of a token (404 unknown, 410 used/expired/deactivated). */
export async function findLiveInvitation(db: Pick<Tx, 'invitation'>, token: string, now = new Date()) {
  const inv = await db.invitation.findUnique({
    where: { tokenHash: invitationHashOf(token) },
    include: { user: { select: { id: true, email: true, name: true, role: true, deactivatedAt: true } } },
  });
  if (!inv) throw new NotFoundError('No such invitation', 'params.token');
  if (inv.usedAt || inv.expiresAt <= now || inv.user.deactivatedAt) throw new InvitationGoneError();
  return inv;
}

/**
 * Accepts an invitation: sets the password (hashed before the transaction),
 * spends the link, ends the account's other sessions and records it. The
 * caller signs in afterwards as usual.
 */
export async function acceptInvitation({ tx, token, passwordHash, now = new Date() }: { tx: Tx; token: string; passwordHash: string; now?: Date }) {
  const inv = await findLiveInvitation(tx, token, now);
  // Spend it conditionally so two concurrent accepts cannot both succeed.
  const spent = await tx.invitation.updateMany({ where: { id: inv.id, usedAt: null }, data: { usedAt: now } });
  if (spent.count !== 1) throw new InvitationGoneError();
  await tx.user.update({ where: { id: inv.userId }, data: { passwordHash } });
  await deleteUserSessions(tx, inv.userId);
  // The owner is back in: sign-in delays earned by anyone's failures on this account are forgotten.
  await clearSignInThrottles(tx, inv.user.email);
  const intern = await tx.intern.findUnique({ where: { userId: inv.userId }, select: { id: true } });
  await recordAudit(tx, { actorId: inv.userId, action: 'accept-invitation', entity: 'User', entityId: inv.userId, internId: intern?.id, after: { email: inv.user.email, invitationId: inv.id } });
  return inv.user;
}
