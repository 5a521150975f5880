import { describe, expect, it } from 'vitest';
import { buildIntern, buildUser, TEST_PASSWORD } from '../../../tests/helpers/factories.ts';
import { signIn, useTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { unique } from '../../../tests/helpers/test-db.ts';
import type { Database } from '../../db/connect.ts';
import { enqueueEmail } from '../../domain/notifications/outbox.ts';

describe('GET /api/outbox: each département reads its own notices, and nobody reads a one-time link', () => {
  let db: Database;
  let app: TestApp;
  useTestApp((t) => ({ db, app } = t));

  const staffOf = async (codes: string[]) => {
    const user = await buildUser(db.prisma, { role: codes.length ? 'staff' : 'admin', departementCodes: codes });
    const client = app.client();
    await signIn(client, user.email, TEST_PASSWORD);
    return { client, user };
  };
  const texts = async (client: ReturnType<TestApp['client']>) => {
    const res = await client.get('/api/outbox?limit=500');
    expect(res.status).toBe(200);
    return res.body.messages as { to: string; text: string; kind: string }[];
  };

  it("hides the reset link of any account, the admin's included, from staff and admin alike", async () => {
    // Found in review: anyone could ask a reset for admin@…, then any staff member read the link in the outbox.
    const admin = await buildUser(db.prisma, { role: 'admin' });
    const res = await app.client().post('/api/password-reset', { email: admin.email });
    expect(res.status).toBe(202);
    const stored = await db.prisma.outboxMessage.findFirstOrThrow({ where: { to: admin.email, kind: 'password-reset' } });
    const token = /\/invitation\/([A-Za-z0-9_-]+)/.exec(stored.text)![1];
    expect(token.length).toBeGreaterThan(20);
    for (const reader of [await staffOf(['41']), await staffOf([])]) {
      const shown = (await texts(reader.client)).filter((m) => m.to === admin.email);
      expect(JSON.stringify(await texts(reader.client))).not.toContain(token);
      if (reader.user.role === 'admin') expect(shown[0].text).toContain('one-time link hidden');
    }
  });

  it("shows staff the notices of their département's interns and not another's; the admin sees both", async () => {
    const own = await buildIntern(db.prisma, { departementCode: '41', email: `${unique('own')}@test.example` });
    const other = await buildIntern(db.prisma, { departementCode: '36', email: `${unique('other')}@test.example` });
    for (const i of [own, other]) await enqueueEmail(db.prisma, { kind: 'proposal', to: i.email!, subject: 'Proposition', text: `Bonjour ${i.name}`, internId: i.id });
    const loirEtCher = (await texts((await staffOf(['41'])).client)).map((m) => m.to);
    expect(loirEtCher).toContain(own.email);
    expect(loirEtCher).not.toContain(other.email);
    const indre = (await texts((await staffOf(['36'])).client)).map((m) => m.to);
    expect(indre).toContain(other.email);
    expect(indre).not.toContain(own.email);
    const national = (await texts((await staffOf([])).client)).map((m) => m.to);
    expect(national).toEqual(expect.arrayContaining([own.email, other.email]));
  });
});
