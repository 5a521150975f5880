import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../tests/helpers/factories.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { openTestDatabase } from '../../tests/helpers/test-db.ts';
import type { Database } from '../db/connect.ts';
import { verifyPassword } from './password.ts';
import { admitAttempt } from './rate-limit.ts';
import { invitationHashOf } from '../domain/users/invitations.ts';
import { requestPasswordReset } from '../domain/users/password-reset.ts';

// Count every password verification (argon2) the app makes, without changing what it answers.
vi.mock('./password.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('./password.ts')>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});
const verifications = vi.mocked(verifyPassword);

const LIMIT = 10;

describe('sign-in throttle (per account and source, atomic)', () => {
  let db: Database;
  let app: TestApp;
  beforeAll(async () => {
    db = await openTestDatabase();
    // Behind a proxy, so each test picks its source address with x-forwarded-for.
    app = await startTestApp(db, { env: { TRUST_PROXY: '1', LOGIN_RATE_LIMIT: String(LIMIT) } });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });
  beforeEach(() => {
    verifications.mockClear();
  });

  const attempt = (email: string, password: string, source: string) =>
    app.client().request('POST', '/api/session', { email, password }, { 'x-forwarded-for': source });

  it('300 concurrent attempts on one account check at most the limit; the right password after it is refused; the owner elsewhere gets in', async () => {
    const user = await buildUser(db.prisma, { role: 'intern' });
    const attacker = '203.0.113.66';
    const burst = await Promise.all(Array.from({ length: 300 }, (_, i) => attempt(user.email, i === 299 ? TEST_PASSWORD : `guess-${i}`, attacker)));
    const statuses = burst.map((r) => r.status);
    expect(verifications.mock.calls.length).toBeLessThanOrEqual(LIMIT);
    expect(verifications.mock.calls.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(LIMIT);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(300 - LIMIT);
    expect(statuses.every((s) => s === 401 || s === 429 || s === 200)).toBe(true);

    const refused = await attempt(user.email, TEST_PASSWORD, attacker);
    expect(refused.status).toBe(429);
    expect(refused.body.error.id).toBe('rate_limited');
    const retry = Number(refused.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(15 * 60);

    const owner = await attempt(user.email, TEST_PASSWORD, '198.51.100.7');
    expect(owner.status).toBe(200);
    expect(owner.body.user.id).toBe(user.id);
  });

  it('one source trying many accounts is slowed on each account, not the others behind the same address', async () => {
    const victim = await buildUser(db.prisma, { role: 'staff' });
    const colleague = await buildUser(db.prisma, { role: 'staff' });
    const hospital = '192.0.2.201';
    for (let i = 0; i < LIMIT; i++) expect((await attempt(victim.email, 'wrong-one', hospital)).status).toBe(401);
    expect((await attempt(victim.email, TEST_PASSWORD, hospital)).status).toBe(429);
    expect((await attempt(colleague.email, TEST_PASSWORD, hospital)).status).toBe(200);
  });

  it('the delay grows: after the limit, one attempt per delay, each delay twice the last', async () => {
    const key = `test:growing:${Date.now()}`;
    const policy = { limit: 2, baseDelayMs: 1_000, maxDelayMs: 3_000, windowMs: 10_000 };
    const t0 = 1_900_000_000_000;
    const at = (ms: number) => admitAttempt(db.prisma, key, policy, new Date(t0 + ms));
    expect(await at(0)).toMatchObject({ admitted: true, attempts: 1 });
    const second = await at(1);
    expect(second).toMatchObject({ admitted: true, attempts: 2 });
    expect(second.retryAt.getTime()).toBe(t0 + 1 + 1_000);
    expect(await at(500)).toMatchObject({ admitted: false, attempts: 2 });
    const third = await at(1_001);
    expect(third).toMatchObject({ admitted: true, attempts: 3 });
    expect(third.retryAt.getTime()).toBe(t0 + 1_001 + 2_000);
    expect((await at(2_500)).admitted).toBe(false);
    const fourth = await at(3_001);
    expect(fourth.admitted).toBe(true);
    expect(fourth.retryAt.getTime()).toBe(t0 + 3_001 + 3_000); // capped
    // Forgotten a window after the last delay ends with no attempt.
    expect(await at(6_001 + 10_000)).toMatchObject({ admitted: true, attempts: 1 });
  });

  it('every source together hits a ceiling per account (10 × the limit), which the owner passes with a reset link', async () => {
    const user = await buildUser(db.prisma, { role: 'intern' });
    for (let s = 0; s < 10; s++) {
      await Promise.all(Array.from({ length: LIMIT }, () => attempt(user.email, 'spray', `100.64.${s}.1`)));
    }
    const owner = await attempt(user.email, TEST_PASSWORD, '100.64.99.1');
    expect(owner.status).toBe(429);

    const ask = await app.client().request('POST', '/api/password-reset', { email: user.email.toUpperCase() }, { 'x-forwarded-for': '100.64.99.1' });
    expect(ask.status).toBe(202);
    expect(await db.prisma.invitation.count({ where: { userId: user.id, createdById: null } })).toBe(1);
    const mail = await db.prisma.outboxMessage.findFirst({ where: { to: user.email, kind: 'password-reset' } });
    expect(mail?.text).toMatch(/\/invitation\/[\w-]{40,}/);
    // Only the hash is stored, so the logged link cannot be rebuilt from the table: issue one we know the token of.
    const issued = (await requestPasswordReset(db.prisma, user.email, '100.64.99.2', 'http://im.test'))!;
    expect(issued.path).toMatch(/^\/invitation\/[\w-]{40,}$/);
    expect(await db.prisma.invitation.count({ where: { tokenHash: issued.token } })).toBe(0);
    expect(await db.prisma.invitation.count({ where: { tokenHash: invitationHashOf(issued.token), userId: user.id } })).toBe(1);

    const accept = await app.client().post(`/api/invitations/${issued.token}`, { password: 'a-new-password' });
    expect(accept.status).toBe(204);
    const again = await app.client().post(`/api/invitations/${issued.token}`, { password: 'another-password' });
    expect(again.status).toBe(410);
    // Back in from where the owner was refused, and with the new password only.
    expect((await attempt(user.email, TEST_PASSWORD, '100.64.99.1')).status).toBe(401);
    expect((await attempt(user.email, 'a-new-password', '100.64.99.1')).status).toBe(200);
    expect(await db.prisma.auditEvent.count({ where: { entity: 'User', entityId: String(user.id), action: 'request-password-reset' } })).toBe(2);
  });

  it('a reset link expires after an hour', async () => {
    const user = await buildUser(db.prisma, { role: 'manager' });
    const late = (await requestPasswordReset(db.prisma, user.email, '192.0.2.50', 'http://im.test', new Date(Date.now() - 61 * 60_000)))!;
    const expired = await app.client().post(`/api/invitations/${late.token}`, { password: 'too-late-now' });
    expect(expired.status).toBe(410);
  });

  it('answers a reset request the same for an unknown email, and issues at most 3 links per source per window', async () => {
    const user = await buildUser(db.prisma, { role: 'intern' });
    const unknown = await app.client().post('/api/password-reset', { email: 'nobody-here@x.example' });
    const known = await app.client().request('POST', '/api/password-reset', { email: user.email }, { 'x-forwarded-for': '192.0.2.77' });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    for (let i = 0; i < 4; i++) await app.client().request('POST', '/api/password-reset', { email: user.email }, { 'x-forwarded-for': '192.0.2.77' });
    expect(await db.prisma.invitation.count({ where: { userId: user.id } })).toBe(3);
    await app.client().request('POST', '/api/password-reset', { email: user.email }, { 'x-forwarded-for': '192.0.2.78' });
    expect(await db.prisma.invitation.count({ where: { userId: user.id } })).toBe(4);
  });
});
