import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import { expireProposals } from '../domain/assignments/answer-proposal.ts';
import { createMailWorker } from '../domain/notifications/mail-worker.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Logger } from '../logger.ts';
import { startBackgroundJobs, type BackgroundJobs, type Job } from './background-jobs.ts';

/**
 * The app's background jobs: the expiry of unanswered proposals, and the mail
 * worker when SMTP_URL is set (without it, e-mails stay in the outbox for staff to read). Stopped by boot's stop() before
 * the database closes.
 */
export function startAppJobs({ config, prisma, logger }: { config: Config; prisma: PrismaClient; logger: Logger }): BackgroundJobs {
  // Expiry first, so the notices it writes leave in the same pass.
  const jobs: Job[] = [
    {
      name: 'expire-proposals',
      run: async () => {
        const expired = await expireProposals({ prisma, appUrl: config.mail.appUrl });
        if (expired.length) logger.info({ assignmentIds: expired }, `${expired.length} unanswered proposal(s) expired; their beds are free again`);
      },
    },
  ];
  const transport = config.mail.smtpUrl ? nodemailer.createTransport(config.mail.smtpUrl) : undefined;
  if (transport) {
    const worker = createMailWorker({ prisma, transport, from: config.mail.from, logger });
    jobs.push({ name: 'mail', run: () => worker.runOnce() });
  } else {
    logger.info('no SMTP_URL: e-mail notices stay in the outbox (staff read them on the « Courriels » page)');
  }
  const running = startBackgroundJobs({ jobs, intervalMs: config.jobsIntervalMs, logger });
  return {
    kick: running.kick,
    async stop() {
      await running.stop();
      transport?.close();
    },
  };
}
