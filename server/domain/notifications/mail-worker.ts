import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Logger } from '../../logger.ts';

/** What the worker needs of a mail transport (nodemailer's Transporter has it). */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string; headers?: Record<string, string> }): Promise<unknown>;
}

/** Options of {@link createMailWorker}. */
export interface MailWorkerOptions {
  prisma: PrismaClient;
  transport: MailTransport;
  from: string;
  logger: Logger;
  /** Attempts before a message is marked failed (default 6). */
  maxAttempts?: number;
  /** Delay before the first retry; doubled at each attempt, at most an hour (default 30 s). */
  retryDelayMs?: number;
  /** How long a claimed message is left to the instance sending it before another may retry it (default 5 min). */
  leaseMs?: number;
  /** Messages sent per pass (default 20). */
  batch?: number;
}

/** Sends the outbox: one pass at a time, after commit, never inside a request. */
export interface MailWorker {
  /** Sends what is due now; resolves with the number of messages sent. Passes never overlap. */
  runOnce(): Promise<number>;
}

/**
 * The outbox sender. Each pass takes the pending messages that are due, claims
 * each one (a conditional update that pushes its next attempt past a lease, so
 * two app instances never send the same message, and one that crashed mid-send
 * leaves it to be retried), sends it, and marks it sent — or records the error
 * and schedules a retry with exponential back-off, until `maxAttempts`.
 */
export function createMailWorker(o: MailWorkerOptions): MailWorker {
  const maxAttempts = o.maxAttempts ?? 6;
  const retryDelayMs = o.retryDelayMs ?? 30_000;
  const leaseMs = o.leaseMs ?? 5 * 60_000;
  const batch = o.batch ?? 20;
  let running: Promise<number> | undefined;

  async function pass(): Promise<number> {
    const now = new Date();
    const due = await o.prisma.outboxMessage.findMany({ where: { status: 'pending', nextAttemptAt: { lte: now } }, orderBy: { id: 'asc' }, take: batch });
    let sent = 0;
    for (const m of due) {
      const claimed = await o.prisma.outboxMessage.updateMany({
        where: { id: m.id, status: 'pending', nextAttemptAt: m.nextAttemptAt },
        data: { nextAttemptAt: new Date(Date.now() + leaseMs), attempts: { increment: 1 } },
      });
      if (claimed.count !== 1) continue;
      const attempt = m.attempts + 1;
      try {
        await o.transport.sendMail({ from: o.from, to: m.to, subject: m.subject, text: m.text, headers: { 'X-Internat-Match-Notice': `${m.kind}/${m.id}` } });
        await o.prisma.outboxMessage.update({ where: { id: m.id }, data: { status: 'sent', sentAt: new Date(), lastError: null } });
        sent++;
      } catch (err) {
        const message = (err as Error)?.message ?? String(err);
        const last = attempt >= maxAttempts;
        const delay = Math.min(retryDelayMs * 2 ** (attempt - 1), 3_600_000);
        await o.prisma.outboxMessage.update({
          where: { id: m.id },
          data: { status: last ? 'failed' : 'pending', lastError: message.slice(0, 1000), nextAttemptAt: new Date(Date.now() + delay) },
        });
        o.logger.warn({ outboxId: m.id, attempt, err: message }, last ? 'e-mail not sent; giving up' : 'e-mail not sent; will retry');
      }
    }
    return sent;
  }

  return {
    runOnce() {
      running ??= pass().finally(() => (running = undefined));
      return running;
    },
  };
}
