import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIntern, buildSite, buildUser, clientAs, TEST_PASSWORD } from '../../tests/helpers/factories.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { openIsolatedDatabase, testDbKind } from '../../tests/helpers/test-db.ts';
import type { Database } from '../db/connect.ts';
import { sessionCacheOf } from './session-cache.ts';

// The session cache must never outlive what it caches: every way a session ends or narrows is refused or
// narrowed on the very next request, whoever wrote it (this app, another instance, a script on the database).
describe('session cache', () => {
  let db: Database & { connect(): Promise<Database> };
  let app: TestApp;
  // A database of its own: on PostgreSQL other test files sign out and prune sessions, which (rightly)
  // moves the 'auth' version under this file's feet and would make the hit counts below flaky.
  beforeAll(async () => {
    db = await openIsolatedDatabase();
    app = await startTestApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  /** A signed-in browser as raw headers: its session cookie (token) and CSRF token, replayable by anyone. */
  interface Browser {
    token: string;
    request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  }
  async function signedIn(role: 'staff' | 'manager' | 'intern' = 'staff') {
    const user = await buildUser(db.prisma, { role });
    const res = await fetch(`${app.baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }) });
    expect(res.status).toBe(200);
    const csrf = (await res.json()).csrfToken as string;
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    return { user, client: browser(cookie, csrf) };
  }
  function browser(cookie: string, csrf: string, viaApp: TestApp = app): Browser {
    return {
      token: decodeURIComponent(cookie.slice('im_session='.length)),
      request: (method, path, body) => viaApp.client().request(method, path, body, { cookie, 'x-csrf-token': csrf }),
    };
  }
  const me = (b: Browser) => b.request('GET', '/api/session');

  it('serves a known session from memory, without reading it again', async () => {
    const { user, client } = await signedIn();
    const cache = sessionCacheOf(db);
    expect((await me(client)).body.user.id).toBe(user.id);
    const { hits, misses } = cache;
    for (let i = 0; i < 3; i++) expect((await me(client)).status).toBe(200);
    expect(cache.misses).toBe(misses);
    expect(cache.hits).toBe(hits + 3);
  });

  it('refuses a session deleted behind its back (revoked by another instance or a script) on the next request', async () => {
    const { user, client } = await signedIn();
    expect((await me(client)).status).toBe(200);
    expect((await me(client)).status).toBe(200);
    await db.prisma.session.deleteMany({ where: { userId: user.id } });
    expect((await me(client)).status).toBe(401);
  });

  it('refuses a signed-out session at once, even replayed with its old cookie', async () => {
    const { client } = await signedIn();
    expect((await me(client)).status).toBe(200);
    expect((await client.request('DELETE', '/api/session')).status).toBe(204);
    expect((await me(client)).status).toBe(401);
  });

  it('ends the sessions of a deactivated account, a reset password and a changed role at the next request', async () => {
    const { client: staff } = await clientAs(app, db.prisma, 'staff');
    const deactivated = await signedIn('manager');
    const reset = await signedIn('manager');
    const demoted = await signedIn('manager');
    for (const s of [deactivated, reset, demoted]) expect((await me(s.client)).status).toBe(200);
    expect((await staff.patch(`/api/users/${deactivated.user.id}`, { active: false })).status).toBe(200);
    expect((await staff.post(`/api/users/${reset.user.id}/password`, { password: 'a-new-password-456' })).status).toBe(204);
    expect((await staff.patch(`/api/users/${demoted.user.id}`, { role: 'intern' })).status).toBe(200);
    for (const s of [deactivated, reset, demoted]) expect((await me(s.client)).status).toBe(401);
  });

  it('refuses a session whose account was deactivated directly in the database', async () => {
    const { user, client } = await signedIn();
    expect((await me(client)).status).toBe(200);
    await db.prisma.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect((await me(client)).status).toBe(401);
  });

  it('sees a role, managed sites, départements and an intern link changed behind its back at the next request', async () => {
    const site = await buildSite(db.prisma);
    const { user, client } = await signedIn('manager');
    const sessions = sessionCacheOf(db);
    expect((await me(client)).body.user).toMatchObject({ role: 'manager', managedSiteIds: [], internId: null });
    await db.prisma.siteManager.create({ data: { siteId: site.id, userId: user.id } });
    expect((await me(client)).body.user.managedSiteIds).toEqual([site.id]);
    await db.prisma.siteManager.deleteMany({ where: { userId: user.id } });
    expect((await me(client)).body.user.managedSiteIds).toEqual([]);
    // A manager patching a site they no longer manage is refused at once.
    expect((await client.request('PATCH', `/api/sites/${site.id}`, { name: 'Not mine any more' })).status).toBe(403);

    await db.prisma.user.update({ where: { id: user.id }, data: { role: 'intern' } });
    expect((await me(client)).body.user.role).toBe('intern');
    const intern = await buildIntern(db.prisma, { userId: user.id });
    expect((await me(client)).body.user.internId).toBe(intern.id);
    await db.prisma.intern.update({ where: { id: intern.id }, data: { userId: null } });
    expect((await me(client)).body.user.internId).toBeNull();

    // Staff départements are not in /api/session's answer: read them as every route does, from the cache.
    const { user: staffUser, client: staff } = await signedIn('staff');
    const codes = async () => (await sessions.find(staff.token))?.user.departementCodes;
    expect(await codes()).toEqual(['41']);
    await db.prisma.userDepartement.create({ data: { userId: staffUser.id, departementCode: '37' } });
    expect(await codes()).toEqual(['37', '41']);
    await db.prisma.userDepartement.deleteMany({ where: { userId: staffUser.id, departementCode: '41' } });
    expect(await codes()).toEqual(['37']);
  });

  it('refuses a cached session once past its expiry, and deletes it', async () => {
    const { user, client } = await signedIn();
    expect((await me(client)).status).toBe(200);
    const token = client.token;
    const cache = sessionCacheOf(db);
    const live = await cache.find(token);
    expect(live?.user.id).toBe(user.id);
    expect(await cache.find(token, new Date(live!.expiresAt.getTime() + 1000))).toBeNull();
    expect(await db.prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('never caches an unknown token', async () => {
    const cache = sessionCacheOf(db);
    const { misses } = cache;
    expect(await cache.find('not-a-token')).toBeNull();
    expect(await cache.find('not-a-token')).toBeNull();
    expect(cache.misses).toBe(misses + 2);
  });

  // Registered only where it applies: a per-database test is not a skip.
  if (testDbKind === 'postgres') it('refuses at once a session signed out through another instance (PostgreSQL: its own connections and caches)', async () => {
    const other = await db.connect();
    const otherApp = await startTestApp(other);
    try {
      const { client } = await signedIn();
      expect((await me(client)).status).toBe(200);
      expect((await me(client)).status).toBe(200);
      const raw = await fetch(`${app.baseUrl}/api/session`, { headers: { cookie: `im_session=${encodeURIComponent(client.token)}` } });
      const elsewhere = browser(`im_session=${encodeURIComponent(client.token)}`, (await raw.json()).csrfToken, otherApp);
      expect((await me(elsewhere)).status).toBe(200);
      expect((await elsewhere.request('DELETE', '/api/session')).status).toBe(204);
      expect((await me(client)).status).toBe(401);
    } finally {
      await otherApp.close();
    }
  });
});
