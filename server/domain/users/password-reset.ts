import { hitRateLimit } from '../../auth/rate-limit.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { sendPasswordReset } from '../notifications/notices.ts';
import { issueInvitation, type IssuedInvitation } from './invitations.ts';

/** Reset links issued per email and source per window (more requests are answered the same, without a link). */
export const RESET_REQUESTS_PER_WINDOW = 3;
const RESET_WINDOW_MS = 15 * 60_000;
/** A self-service reset link works one hour (staff invitations last longer). */
export const RESET_TTL_HOURS = 1;

/**
 * The owner's way back in: a one-time link (an invitation asked for by the owner, accepted through
 * `POST /api/invitations/:token`), issued when the email is an active account's and this source has
 * not asked too often for it (per source, so nobody can use up the owner's links), and mailed through
 * the outbox in the same transaction (`appUrl` starts the link). Returns null otherwise; the caller
 * answers the same either way, so the endpoint does not reveal accounts.
 */
export async function requestPasswordReset(prisma: PrismaClient, rawEmail: string, source: string, appUrl: string, now = new Date()): Promise<(IssuedInvitation & { email: string }) | null> {
  const email = rawEmail.trim().toLowerCase();
  const hits = await hitRateLimit(prisma, `reset:${email}\n${source}`, RESET_WINDOW_MS, now);
  if (hits.count > RESET_REQUESTS_PER_WINDOW) return null;
  const user = await prisma.user.findFirst({ where: { email: { equals: email, mode: 'insensitive' }, deactivatedAt: null }, select: { id: true, email: true, name: true } });
  if (!user) return null;
  const issued = await prisma.$transaction(async (tx) => {
    const inv = await issueInvitation({ tx, actor: null, userId: user.id, ttlHours: RESET_TTL_HOURS, now });
    await sendPasswordReset({ tx, to: user.email, name: user.name, link: appUrl + inv.path, expiresAt: inv.expiresAt });
    return inv;
  });
  return { ...issued, email: user.email };
}
