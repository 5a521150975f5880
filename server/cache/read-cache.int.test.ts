import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAssignment, buildIntern, buildRoom, buildSite, clientAs } from '../../tests/helpers/factories.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { openIsolatedDatabase, testDbKind } from '../../tests/helpers/test-db.ts';
import type { Database } from '../db/connect.ts';
import { dataVersionsOf } from './data-versions.ts';
import { readCacheOf } from './read-cache.ts';

const SEMESTER = { from: '2031-05-01', to: '2031-10-31' };
const query = `?from=${SEMESTER.from}&to=${SEMESTER.to}`;

describe('catalogue and search answers from the read cache', () => {
  let db: Database;
  let app: TestApp;
  // A database of its own: on PostgreSQL other test files write to the shared one, which would
  // (rightly) move the version under this file's feet.
  beforeAll(async () => {
    db = await openIsolatedDatabase();
    app = await startTestApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('answers the catalogue with an ETag, 304 for a client holding it, computed once per version', async () => {
    const c = app.client();
    const first = await c.get(`/api/sites${query}`);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    expect(first.headers.get('cache-control')).toBe('public, no-cache');

    const cache = readCacheOf(db);
    const misses = cache.misses;
    const again = await c.get(`/api/sites${query}`);
    expect(again.headers.get('etag')).toBe(etag);
    expect(cache.misses).toBe(misses);

    // As a browser revalidates (fetch() would otherwise add `cache-control: no-cache`, which forbids a 304).
    const notModified = await c.request('GET', `/api/sites${query}`, undefined, { 'if-none-match': etag!, 'cache-control': 'max-age=0' });
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBeUndefined();
  });

  it('50 concurrent requests on a cold catalogue: one computation, one answer', async () => {
    // A window nobody asked for yet: every request misses at once, as at the first minute of a busy morning.
    const cold = '?from=2032-05-01&to=2032-10-31';
    const cache = readCacheOf(db);
    const misses = cache.misses;
    const c = app.client();
    const answers = await Promise.all(Array.from({ length: 50 }, () => c.get(`/api/sites${cold}`)));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
    expect(new Set(answers.map((a) => a.headers.get('etag'))).size).toBe(1);
    expect(answers[0].headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answers[0].body.window).toEqual({ from: '2032-05-01', to: '2032-10-31' });
    expect(cache.misses - misses).toBe(1);
  });

  it('a write through the API changes the answer and its ETag at once', async () => {
    const site = await buildSite(db.prisma);
    const c = app.client();
    const before = await c.get(`/api/sites/${site.id}${query}`);
    expect(before.status).toBe(200);
    const { client: staff } = await clientAs(app, db.prisma, 'staff');
    const patched = await staff.patch(`/api/sites/${site.id}`, { name: 'Renamed by staff' });
    expect(patched.status).toBe(200);
    const after = await c.request('GET', `/api/sites/${site.id}${query}`, undefined, { 'if-none-match': before.headers.get('etag')!, 'cache-control': 'max-age=0' });
    expect(after.status).toBe(200);
    expect(after.body.site.name).toBe('Renamed by staff');
    const list = await c.get(`/api/sites${query}`);
    expect(list.body.sites.find((s: { id: number }) => s.id === site.id).name).toBe('Renamed by staff');
  });

  it('a write that bypasses the routes (an import, another instance) is seen too: the version is in the database', async () => {
    const site = await buildSite(db.prisma);
    const c = app.client();
    const stats = async () => (await c.get(`/api/sites${query}`)).body.sites.find((s: { id: number }) => s.id === site.id);
    expect(await stats()).toMatchObject({ beds: null, freeBeds: null });
    const room = await buildRoom(db.prisma, { siteId: site.id, beds: 2, availability: [SEMESTER] });
    expect(await stats()).toMatchObject({ beds: 2, freeBeds: 2 });
    const intern = await buildIntern(db.prisma);
    await buildAssignment(db.prisma, { bedId: room.beds[0].id, internId: intern.id, startDate: SEMESTER.from, endDate: SEMESTER.to });
    expect(await stats()).toMatchObject({ beds: 2, freeBeds: 1 });
    await db.prisma.assignment.updateMany({ where: { bedId: room.beds[0].id }, data: { status: 'cancelled' } });
    expect(await stats()).toMatchObject({ freeBeds: 2 });
    await db.prisma.availabilityWindow.deleteMany({ where: { roomId: room.id } });
    expect(await stats()).toMatchObject({ freeBeds: null });
  });

  it('a withdrawn site stays absent for the public even when its detail is cached for its manager', async () => {
    const site = await buildSite(db.prisma);
    const { client: staff } = await clientAs(app, db.prisma, 'staff');
    await db.prisma.site.update({ where: { id: site.id }, data: { active: false, planned: false } });
    expect((await staff.get(`/api/sites/${site.id}`)).status).toBe(200);
    expect((await app.client().get(`/api/sites/${site.id}`)).status).toBe(404);
  });

  // Registered only where it applies: a per-database test is not a skip.
  if (testDbKind === 'pglite') it('embedded: answers from memory read nothing until a statement is issued, and any write is seen next', async () => {
    const site = await buildSite(db.prisma);
    const c = app.client();
    const name = async () => (await c.get(`/api/sites/${site.id}${query}`)).body.site.name;
    await name();
    // The first catalogue request computes it (statements), the second reads the version once more.
    for (let i = 0; i < 2; i++) expect((await c.get(`/api/sites${query}`)).status).toBe(200);
    const versions = dataVersionsOf(db);
    const reads = versions.reads;
    for (let i = 0; i < 5; i++) expect((await c.get(`/api/sites${query}`)).status).toBe(200);
    expect(versions.reads).toBe(reads);
    // Whatever path a write takes on the one embedded connection, the next request reads the version again.
    await db.prisma.$transaction(async (tx) => tx.site.update({ where: { id: site.id }, data: { name: 'In a transaction' } }));
    expect(await name()).toBe('In a transaction');
    await db.prisma.$executeRawUnsafe(`UPDATE "Site" SET "name" = 'Raw statement' WHERE "id" = $1`, site.id);
    expect(await name()).toBe('Raw statement');
    await db.sql.exec(`UPDATE "Site" SET "name" = 'Script' WHERE "id" = ${site.id}`);
    expect(await name()).toBe('Script');
    expect(versions.reads).toBeGreaterThan(reads);
  });
});
