import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, buildUser, TEST_PASSWORD } from '../../../tests/helpers/factories.ts';
import { signIn, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { openTestDatabase, unique } from '../../../tests/helpers/test-db.ts';
import type { Database } from '../../db/connect.ts';
import { sessionIdOf } from '../../auth/sessions.ts';

describe('/api/session', () => {
  let db: Database;
  let app: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    db = await openTestDatabase();
    app = await startTestApp(db);
    // Behind a proxy, each test can come from its own address (the IP counter is shared in the DB).
    proxied = await startTestApp(db, { env: { TRUST_PROXY: '1', LOGIN_RATE_LIMIT: '3' } });
  });
  afterAll(async () => {
    await app.close();
    await proxied.close();
    await db.close();
  });

  it('signs in, says who I am, and signs out', async () => {
    const site = await buildSite(db.prisma);
    const manager = await buildUser(db.prisma, { role: 'manager', managedSiteIds: [site.id] });
    const c = app.client();
    const res = await c.post('/api/session', { email: manager.email.toUpperCase(), password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ id: manager.id, email: manager.email, name: manager.name, role: 'manager', internId: null, managedSiteIds: [site.id] });
    expect(res.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|argon/);
    c.csrfToken = res.body.csrfToken;

    const me = await c.get('/api/session');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(manager.id);
    expect(me.body.csrfToken).toBe(res.body.csrfToken);

    const out = await c.delete('/api/session');
    expect(out.status).toBe(204);
    expect((await c.get('/api/session')).status).toBe(401);
    expect(await db.prisma.session.count({ where: { userId: manager.id } })).toBe(0);
  });

  it('stores only a hash of the cookie token, and sets httpOnly SameSite=Lax without Secure over plain HTTP', async () => {
    const user = await buildUser(db.prisma, { role: 'staff' });
    const res = await app.client().post('/api/session', { email: user.email, password: TEST_PASSWORD });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('im_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const token = decodeURIComponent(cookie.split(';')[0].slice('im_session='.length));
    expect(await db.prisma.session.findUnique({ where: { id: token } })).toBeNull();
    expect(await db.prisma.session.findUnique({ where: { id: sessionIdOf(token) } })).not.toBeNull();
  });

  it('marks the cookie Secure behind TLS (auto + trusted proxy) and when forced', async () => {
    const user = await buildUser(db.prisma, { role: 'staff' });
    const viaTls = await proxied.client().request('POST', '/api/session', { email: user.email, password: TEST_PASSWORD }, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' });
    expect(viaTls.headers.getSetCookie().join()).toMatch(/Secure/);
    const forced = await startTestApp(db, { env: { COOKIE_SECURE: 'always' } });
    try {
      const res = await forced.client().post('/api/session', { email: user.email, password: TEST_PASSWORD });
      expect(res.headers.getSetCookie().join()).toMatch(/Secure/);
    } finally {
      await forced.close();
    }
  });

  it('refuses a wrong password or an unknown email with the same 401', async () => {
    const user = await buildUser(db.prisma, { role: 'intern' });
    const ip = { 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250)}` };
    const wrong = await proxied.client().request('POST', '/api/session', { email: user.email, password: 'nope-nope' }, ip);
    const unknown = await proxied.client().request('POST', '/api/session', { email: `${unique('ghost')}@x.example`, password: 'nope-nope' }, ip);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error).toEqual(unknown.body.error);
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });

  it('answers 400 naming the field for a malformed sign-in', async () => {
    const res = await app.client().post('/api/session', { email: 'not-an-email', password: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ id: 'validation', field: 'body.email' });
    const missing = await app.client().post('/api/session', { email: 'a@b.example' });
    expect(missing.body.error.field).toBe('body.password');
  });

  it('slows failed sign-ins per email and source (shared in the database), with Retry-After, even for the right password', async () => {
    const user = await buildUser(db.prisma, { role: 'staff' });
    const source = { 'x-forwarded-for': `192.0.2.${10 + Math.floor(Math.random() * 80)}` };
    for (let i = 0; i < 3; i++) {
      const r = await proxied.client().request('POST', '/api/session', { email: user.email, password: 'bad' }, source);
      expect(r.status).toBe(401);
    }
    const blocked = await proxied.client().request('POST', '/api/session', { email: user.email, password: TEST_PASSWORD }, source);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.id).toBe('rate_limited');
    const retry = Number(blocked.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    expect(await db.prisma.signInThrottle.findUnique({ where: { key: `signin:src:${user.email}\n${source['x-forwarded-for']}` } })).toMatchObject({ attempts: 3 });
    // The owner, elsewhere, is not locked out by someone else's failures.
    const owner = await proxied.client().request('POST', '/api/session', { email: user.email, password: TEST_PASSWORD }, { 'x-forwarded-for': '192.0.2.99' });
    expect(owner.status).toBe(200);
  });

  it('refuses a state-changing request without the CSRF header (403 csrf), accepts it with the header', async () => {
    const user = await buildUser(db.prisma, { role: 'staff' });
    const c = app.client();
    await signIn(c, user.email, TEST_PASSWORD);
    const token = c.csrfToken!;
    c.csrfToken = undefined;
    const refused = await c.request('DELETE', '/api/session');
    expect(refused.status).toBe(403);
    expect(refused.body.error.id).toBe('csrf');
    const wrong = await c.request('DELETE', '/api/session', undefined, { 'x-csrf-token': `${token.slice(0, -1)}x` });
    expect(wrong.status).toBe(403);
    const accented = await c.request('DELETE', '/api/session', undefined, { 'x-csrf-token': 'é'.repeat(token.length) });
    expect(accented.status).toBe(403);
    expect((await c.get('/api/session')).status).toBe(200);
    const ok = await c.request('DELETE', '/api/session', undefined, { 'x-csrf-token': token });
    expect(ok.status).toBe(204);
  });

  it('treats an expired session as signed out', async () => {
    const user = await buildUser(db.prisma, { role: 'staff' });
    const c = app.client();
    await signIn(c, user.email, TEST_PASSWORD);
    await db.prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await c.get('/api/session')).status).toBe(401);
    expect(await db.prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('GET /api/session without a cookie is 401', async () => {
    const res = await app.client().get('/api/session');
    expect(res.status).toBe(401);
    expect(res.body.error.id).toBe('unauthorized');
  });
});
