import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createSession } from '../../server/auth/sessions.ts';
import type { Database } from '../../server/db/connect.ts';
import { loadConfig } from '../../server/config.ts';
import { createOrsRouter } from '../../server/routes/ors/router.ts';
import { straightLineTestProvider } from '../helpers/fake-drive-times.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { openTestDatabase } from '../helpers/test-db.ts';
import { listRoutes } from './list-routes.ts';
import { routeCalls, routeRules, type Actor, type RouteHttp, type RouteRule } from './route-rules.ts';
import { buildWorld, type World } from './world.ts';

const API = /^\/(api|ors)(\/|$)/;
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

describe('authorisation table: every route × role × own/other (resource or département)', () => {
  let db: Database;
  let app: TestApp;
  let world: World;
  beforeAll(async () => {
    db = await openTestDatabase();
    const provider = straightLineTestProvider();
    // A high login limit: the table signs in with a wrong password once per role.
    app = await startTestApp(db, { provider, ors: createOrsRouter({ engine: provider, limits: loadConfig({}).orsApi.limits }), env: { LOGIN_RATE_LIMIT: '1000' } });
    world = await buildWorld(db.prisma);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const mounted = () => listRoutes(createApp(app.ctx, { ors: createOrsRouter({ engine: app.ctx.driveTimes.provider, limits: app.ctx.config.orsApi.limits }) })).filter((r) => API.test(r.path));

  it('finds the routes in the real router', () => {
    const routes = mounted().map(key);
    expect(routes).toContain('POST /api/session');
    expect(routes).toContain('PATCH /api/sites/:id');
    expect(routes).toContain('POST /ors/v2/matrix/:profile/json');
  });

  it('has a rule for every role on every mounted route (add rows to tests/authz/route-rules.ts)', () => {
    const missing: string[] = [];
    for (const r of mounted()) {
      for (const role of ['anonymous', 'intern', 'manager', 'staff', 'admin'] as Actor[]) {
        if (!routeRules.some((x) => x.method === r.method && x.path === r.path && x.role === role)) missing.push(`${key(r)} as ${role}`);
      }
    }
    expect(missing, 'routes without an authorisation rule').toEqual([]);
  });

  it('has no rule for a route that does not exist', () => {
    const routes = new Set(mounted().map(key));
    expect([...new Set(routeRules.map(key))].filter((k) => !routes.has(k))).toEqual([]);
  });

  /** Sends a request as user `userId` with a fresh session (for calls that must first make something that user owns). */
  const http: RouteHttp = {
    async send(userId, method, path, body) {
      const s = await createSession(db.prisma, userId, 1);
      return app.client().request(method, path, body, { cookie: `im_session=${s.token}`, 'x-csrf-token': s.csrfToken });
    },
  };

  async function call(rule: RouteRule) {
    const c = routeCalls[key(rule)] ?? {};
    const resource = rule.resource ?? 'own';
    const params = (await c.params?.(world, resource, http)) ?? {};
    let path = rule.path;
    for (const name of path.match(/:(\w+)/g) ?? []) {
      const v = params[name.slice(1)];
      if (v === undefined) throw new Error(`${key(rule)}: add a routeCalls entry giving param ${name}`);
      path = path.replace(name, encodeURIComponent(String(v)));
    }
    const query = c.query?.(world, resource);
    if (query) path += `?${query}`;
    const headers: Record<string, string> = {};
    if (rule.role !== 'anonymous') {
      // A fresh session per call (no argon2): logging out in one row cannot spoil the next.
      const s = await createSession(db.prisma, world.users[rule.role].id, 1);
      headers.cookie = `im_session=${s.token}`;
      headers['x-csrf-token'] = s.csrfToken;
    }
    const body = rule.method === 'GET' || rule.method === 'DELETE' ? undefined : ((await c.body?.(world, resource)) ?? {});
    if (typeof body === 'string') headers['content-type'] = c.contentType ?? 'text/plain';
    return app.client().request(rule.method, path, body, headers);
  }

  it('answers every row of the table with its expected status', async () => {
    const failures: string[] = [];
    for (const rule of routeRules) {
      const res = await call(rule);
      if (res.status !== rule.expected) {
        const err = res.body && typeof res.body === 'object' ? JSON.stringify(res.body.error ?? res.body).slice(0, 200) : String(res.body).slice(0, 80);
        failures.push(`${key(rule)} as ${rule.role}${rule.resource ? ` (${rule.resource})` : ''}: expected ${rule.expected}, got ${res.status} ${err}`);
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);

  it('refuses state-changing calls with a session but without the CSRF token (403 csrf)', async () => {
    const s = await createSession(db.prisma, world.users.staff.id, 1);
    const res = await app.client().request('POST', '/api/practices', { name: 'x' }, { cookie: `im_session=${s.token}` });
    expect(res.status).toBe(403);
    expect(res.body.error.id).toBe('csrf');
  });
});
