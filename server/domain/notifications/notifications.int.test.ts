import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAssignment, buildIntern, buildRoom, buildUser, clientAs } from '../../../tests/helpers/factories.ts';
import { startSmtpListener, type SmtpListener } from '../../../tests/helpers/smtp-listener.ts';
import { useTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { Database } from '../../db/connect.ts';
import { startBackgroundJobs } from '../../jobs/background-jobs.ts';
import { createLogger } from '../../logger.ts';
import { createMailWorker } from './mail-worker.ts';
import { noticeAssignment, sendInvitation } from './notices.ts';
import { enqueueEmail } from './outbox.ts';

const logger = createLogger('silent');

describe('e-mail notices: outbox written in the transaction, sent after commit over real SMTP', () => {
  let db: Database;
  let app: TestApp;
  let smtp: SmtpListener;
  let transport: ReturnType<typeof nodemailer.createTransport>;
  useTestApp(async (t) => ({ db, app } = t));
  beforeAll(async () => {
    smtp = await startSmtpListener();
    transport = nodemailer.createTransport(smtp.url);
  });
  afterAll(async () => {
    transport?.close();
    await smtp?.close();
  });

  const worker = (o: { maxAttempts?: number } = {}) => createMailWorker({ prisma: db.prisma, transport, from: 'internat-match <no-reply@test.example>', logger, retryDelayMs: 0, ...o });
  /** Settles every message written so far by earlier tests, so each test counts its own. */
  const settle = () => db.prisma.outboxMessage.updateMany({ where: { status: 'pending' }, data: { status: 'sent' } });

  it('writes nothing when the transaction rolls back, and one row when it commits', async () => {
    const to = 'rollback@test.example';
    await expect(
      db.prisma.$transaction(async (tx) => {
        await enqueueEmail(tx, { kind: 'proposal', to, subject: 's', text: 't' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.prisma.outboxMessage.count({ where: { to } })).toBe(0);
    await db.prisma.$transaction((tx) => enqueueEmail(tx, { kind: 'proposal', to, subject: 's', text: 't' }));
    expect(await db.prisma.outboxMessage.findMany({ where: { to } })).toMatchObject([{ status: 'pending', attempts: 0, sentAt: null }]);
  });

  it('sends a proposal with everything the intern needs, received by the SMTP listener', async () => {
    await settle();
    const room = await buildRoom(db.prisma, { beds: 1 });
    const intern = await buildIntern(db.prisma, { name: 'Zoé Proposée' });
    const a = await buildAssignment(db.prisma, { internId: intern.id, bedId: room.beds[0].id });
    await db.prisma.assignment.update({ where: { id: a.id }, data: { driveSeconds: 17 * 60, answerBy: new Date('2027-03-15T00:00:00Z') } });
    await db.prisma.$transaction((tx) => noticeAssignment({ tx, appUrl: 'https://im.example', assignmentId: a.id, notice: { kind: 'proposal' } }));
    const before = smtp.received.length;
    expect(await worker().runOnce()).toBe(1);
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail.to).toEqual([intern.email]);
    expect(mail.from).toBe('no-reply@test.example');
    expect(mail.subject).toBe(`Proposition de logement : ${(await db.prisma.site.findUniqueOrThrow({ where: { id: room.siteId } })).name}`);
    for (const part of ['Bonjour Zoé Proposée', `${room.label}, Lit 1`, 'du 1er mai 2027 au 31 octobre 2027', '17 min', '200 € par mois', 'Contact Test', 'avant le 15 mars 2027', 'https://im.example/interne'])
      expect(mail.text).toContain(part);
    const row = await db.prisma.outboxMessage.findFirstOrThrow({ where: { assignmentId: a.id } });
    expect(mail.headers['x-internat-match-notice']).toBe(`proposal/${row.id}`);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
    // Sent once: a second pass finds nothing due.
    expect(await worker().runOnce()).toBe(0);
  });

  it('retries after a refusal, and gives up (failed) after maxAttempts', async () => {
    await settle();
    const to = 'retry@test.example';
    await db.prisma.$transaction((tx) => enqueueEmail(tx, { kind: 'confirmation', to, subject: 'Retry me', text: 'body' }));
    smtp.refuseNext(1);
    expect(await worker().runOnce()).toBe(0);
    let row = await db.prisma.outboxMessage.findFirstOrThrow({ where: { to } });
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toMatch(/451|busy/i);
    const before = smtp.received.length;
    expect(await worker().runOnce()).toBe(1);
    expect((await smtp.waitFor(before + 1)).at(-1)).toMatchObject({ to: [to], subject: 'Retry me' });
    row = await db.prisma.outboxMessage.findFirstOrThrow({ where: { to } });
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null });

    const doomed = 'doomed@test.example';
    await db.prisma.$transaction((tx) => enqueueEmail(tx, { kind: 'confirmation', to: doomed, subject: 'Never', text: 'body' }));
    smtp.refuseNext(2);
    await worker({ maxAttempts: 2 }).runOnce();
    await worker({ maxAttempts: 2 }).runOnce();
    expect(await db.prisma.outboxMessage.findFirstOrThrow({ where: { to: doomed } })).toMatchObject({ status: 'failed', attempts: 2 });
    expect(await worker({ maxAttempts: 2 }).runOnce()).toBe(0);
  });

  it('never sends one message twice when two passes (two instances) run at once', async () => {
    await settle();
    const to = 'once@test.example';
    await db.prisma.$transaction((tx) => enqueueEmail(tx, { kind: 'cancellation', to, subject: 'Once', text: 'body' }));
    const before = smtp.received.length;
    const sent = await Promise.all([worker().runOnce(), worker().runOnce()]);
    expect(sent.reduce((x, y) => x + y, 0)).toBe(1);
    await smtp.waitFor(before + 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.received.slice(before).filter((m) => m.to.includes(to))).toHaveLength(1);
  });

  it('sendInvitation writes the invitation with its one-time link; staff read the outbox, the link hidden', async () => {
    await settle();
    // A manager's account: staff may see it, so they read the notices written to it (outbox scoping, read-outbox.ts).
    const { email: to } = await buildUser(db.prisma, { role: 'manager' });
    await db.prisma.$transaction((tx) => sendInvitation({ tx, to, name: 'Nouvelle Gestionnaire', role: 'manager', link: 'https://im.example/invitation/tok123' }));
    expect((await db.prisma.outboxMessage.findFirstOrThrow({ where: { to, kind: 'invitation' } })).text).toContain('https://im.example/invitation/tok123');
    const { client: staff } = await clientAs(app, db.prisma, 'staff');
    const res = await staff.get('/api/outbox?kind=invitation&limit=500');
    expect(res.status).toBe(200);
    expect(res.body.smtp).toBe(false);
    const msg = res.body.messages.find((m: { to: string }) => m.to === to);
    expect(msg).toMatchObject({ kind: 'invitation', status: 'pending', subject: 'Votre compte internat-match' });
    expect(msg.text).toContain('https://im.example/invitation/[lien à usage unique masqué · one-time link hidden]');
    expect(msg.text).not.toContain('tok123');
    expect((await staff.get('/api/outbox?status=bogus')).body.error.field).toBe('query.status');
  });

  it('staff filter the outbox on password-reset notices', async () => {
    const manager = await buildUser(db.prisma, { role: 'manager' });
    expect((await app.client().post('/api/password-reset', { email: manager.email })).status).toBe(202);
    const { client: staff } = await clientAs(app, db.prisma, 'staff');
    const res = await staff.get('/api/outbox?kind=password-reset&limit=500');
    expect(res.status).toBe(200);
    expect(res.body.messages.filter((m: { to: string; kind: string }) => m.to === manager.email).map((m: { kind: string }) => m.kind)).toEqual(['password-reset']);
    expect(new Set(res.body.messages.map((m: { kind: string }) => m.kind))).toEqual(new Set(['password-reset']));
  });

  it('background jobs run on their timer, and stop() waits for the pass in flight', async () => {
    let passes = 0;
    let release!: () => void;
    const jobs = startBackgroundJobs({
      intervalMs: 10,
      logger,
      jobs: [{ name: 'slow', run: () => (passes++, new Promise<void>((r) => (release = r))) }],
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(passes).toBe(1); // one pass at a time: the timer did not start a second while the first runs
    let stopped = false;
    const stopping = jobs.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(stopped).toBe(true);
    await new Promise((r) => setTimeout(r, 30));
    expect(passes).toBe(1);
  });
});
