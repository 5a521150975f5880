import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../server/db/connect.ts';
import { buildSite, clientAs } from './helpers/factories.ts';
import { startTestApp, type TestApp, type TestClient } from './helpers/test-app.ts';
import { openIsolatedDatabase } from './helpers/test-db.ts';

/**
 * PostgreSQL going away under a running server (its connections cut, new ones refused, as when it is
 * stopped or restarted), without touching the machine's PostgreSQL service: the database refuses
 * connections (ALLOW_CONNECTIONS false) and its sessions are terminated. The server must answer 503
 * `unavailable` with Retry-After and a clear message, and recover by itself once connections are back.
 */
describe('PostgreSQL unavailable under a running server', () => {
  let db: Awaited<ReturnType<typeof openIsolatedDatabase>>;
  let admin: Database;
  let app: TestApp;
  let staff: TestClient;
  let name: string;
  let siteId: number;
  beforeAll(async () => {
    db = await openIsolatedDatabase();
    admin = await openDatabase({ databaseUrl: inject('postgresUrl') });
    name = (await db.sql.query<{ n: string }>('SELECT current_database() AS n'))[0].n;
    app = await startTestApp(db);
    staff = (await clientAs(app, db.prisma, 'staff')).client;
    siteId = (await buildSite(db.prisma)).id;
  });
  afterAll(async () => {
    await admin.sql.exec(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`).catch(() => {});
    await app?.close();
    await db?.close();
    await admin?.close();
  });

  const cut = async () => {
    await admin.sql.exec(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    await admin.sql.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
  };
  const restore = () => admin.sql.exec(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);

  it('answers 503 unavailable with Retry-After while the database is gone, then recovers by itself', { timeout: 90_000 }, async () => {
    expect((await app.client().get('/api/sites')).status).toBe(200);
    await cut();
    try {
      for (const res of [await app.client().get('/api/sites'), await app.client().get(`/api/sites/${siteId}`), await staff.patch(`/api/sites/${siteId}`, { description: 'during the outage' })]) {
        expect(res.status, JSON.stringify(res.body)).toBe(503);
        expect(res.body.error).toMatchObject({ id: 'unavailable' });
        expect(res.body.error.message).toMatch(/database is unavailable/);
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    } finally {
      await restore();
    }
    // Back by itself: no restart, the pool opens new connections.
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i++) {
      status = (await staff.patch(`/api/sites/${siteId}`, { description: 'after the outage' })).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    expect((await app.client().get(`/api/sites/${siteId}`)).body.site.description).toBe('after the outage');
  });

  it('a request waiting for a connection from an exhausted pool answers 503, not 500', { timeout: 90_000 }, async () => {
    // Hold every connection of the app's pool (10) in long transactions.
    const holders = Array.from({ length: 10 }, () =>
      db.prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT pg_sleep(8)`;
      }, { maxWait: 20_000, timeout: 30_000 }).catch(() => undefined),
    );
    await new Promise((r) => setTimeout(r, 500));
    const res = await staff.patch(`/api/sites/${siteId}`, { description: 'while the pool is full' });
    expect(res.status, JSON.stringify(res.body)).toBe(503);
    expect(res.body.error.id).toBe('unavailable');
    await Promise.all(holders);
    expect((await staff.patch(`/api/sites/${siteId}`, { description: 'pool free again' })).status).toBe(200);
  });
});
