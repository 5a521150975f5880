import type { SessionUser } from '../../auth/session-user.ts';
import type { OutboxMessage, Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { internsIn, scopeOf, visibleUsers } from '../departements/visibility.ts';

/** Filters of the outbox page. */
export interface OutboxFilter {
  status?: 'pending' | 'sent' | 'failed';
  kind?: string;
  internId?: number;
  beforeId?: number;
  limit: number;
}

/** What a one-time link looks like in a notice (`/invitation/<token>`, for invitations and resets). */
const ONE_TIME_LINK = /\/invitation\/[A-Za-z0-9_-]+/g;

/**
 * Hides one-time links (account invitations, password resets) from readers of the outbox: whoever
 * holds such a link signs in as its account, so it reaches its owner's mailbox only. Staff see
 * an invitation's link once, when they create it.
 */
export function redactOneTimeLinks(text: string): string {
  return text.replace(ONE_TIME_LINK, '/invitation/[lien à usage unique masqué · one-time link hidden]');
}

/**
 * WHO READS WHICH NOTICE: the national admin all; staff those about the interns they see and those
 * written to the accounts they may see (visibility.ts), never another département's.
 */
export async function outboxWhere(db: Pick<PrismaClient, 'intern' | 'user'>, user: SessionUser): Promise<Prisma.OutboxMessageWhereInput> {
  const scope = scopeOf(user);
  if (scope.national) return {};
  const [interns, users] = await Promise.all([
    db.intern.findMany({ where: internsIn(scope), select: { id: true } }),
    db.user.findMany({ where: visibleUsers(user), select: { email: true } }),
  ]);
  return {
    OR: [{ internId: { in: interns.map((i) => i.id) } }, { internId: null, to: { in: users.map((u) => u.email) } }],
  };
}

/** The notices a staff member may read, newest first, one-time links hidden. */
export async function readOutbox(db: Pick<PrismaClient, 'intern' | 'user' | 'outboxMessage'>, user: SessionUser, f: OutboxFilter): Promise<OutboxMessage[]> {
  const rows = await db.outboxMessage.findMany({
    where: {
      AND: [
        await outboxWhere(db, user),
        {
          ...(f.status ? { status: f.status } : {}),
          ...(f.kind ? { kind: f.kind } : {}),
          ...(f.internId ? { internId: f.internId } : {}),
          ...(f.beforeId ? { id: { lt: f.beforeId } } : {}),
        },
      ],
    },
    orderBy: { id: 'desc' },
    take: f.limit,
  });
  return rows.map((m) => ({ ...m, text: redactOneTimeLinks(m.text) }));
}
