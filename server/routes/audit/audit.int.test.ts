import { describe, expect, it } from 'vitest';
import { buildIntern, buildRoom, buildSite, clientAs } from '../../../tests/helpers/factories.ts';
import { useTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { Database } from '../../db/connect.ts';

describe('GET /api/audit', () => {
  let db: Database;
  let app: TestApp;
  useTestApp((t) => ({ db, app } = t));

  it('gives staff the history of a site and of an intern, newest first, with actor and before/after', async () => {
    const site = await buildSite(db.prisma);
    const room = await buildRoom(db.prisma, { siteId: site.id, beds: 1 });
    const intern = await buildIntern(db.prisma);
    const { client: staff, user } = await clientAs(app, db.prisma, 'staff');
    await staff.patch(`/api/sites/${site.id}`, { rentCents: 12345 });
    const booked = await staff.post('/api/assignments', { internId: intern.id, bedId: room.beds[0].id, startDate: '2027-05-01', endDate: '2027-10-31' });
    const bySite = await staff.get(`/api/audit?siteId=${site.id}`);
    expect(bySite.status).toBe(200);
    expect(bySite.body.events.map((e: any) => `${e.action} ${e.entity}`)).toEqual(['create Assignment', 'update Site']);
    expect(bySite.body.events[1]).toMatchObject({ actor: { id: user.id, name: user.name }, before: { rentCents: 20000 }, after: { rentCents: 12345 } });
    const byIntern = await staff.get(`/api/audit?internId=${intern.id}`);
    expect(byIntern.body.events).toHaveLength(1);
    expect(byIntern.body.events[0]).toMatchObject({ entityId: String(booked.body.assignment.id), siteId: site.id });
    expect((await staff.get(`/api/audit?siteId=${site.id}&limit=1`)).body.events).toHaveLength(1);
    expect((await staff.get('/api/audit?siteId=abc')).body.error.field).toBe('query.siteId');
  });

  it('filters by who (actorId) and by day (from/to), and pages back with nextBeforeId', async () => {
    const site = await buildSite(db.prisma);
    const { client: alice, user: a } = await clientAs(app, db.prisma, 'staff');
    const { client: bob, user: b } = await clientAs(app, db.prisma, 'staff');
    await alice.patch(`/api/sites/${site.id}`, { rentCents: 101 });
    await bob.patch(`/api/sites/${site.id}`, { rentCents: 102 });
    await alice.patch(`/api/sites/${site.id}`, { rentCents: 103 });
    const byAlice = await alice.get(`/api/audit?siteId=${site.id}&actorId=${a.id}`);
    expect(byAlice.body.events.map((e: any) => e.after.rentCents)).toEqual([103, 101]);
    expect((await alice.get(`/api/audit?siteId=${site.id}&actorId=${b.id}`)).body.events.map((e: any) => e.after.rentCents)).toEqual([102]);
    // Move Bob's event to an earlier day: the day range keeps or drops it.
    const bobs = await db.prisma.auditEvent.findFirstOrThrow({ where: { siteId: site.id, actorId: b.id } });
    await db.prisma.auditEvent.update({ where: { id: bobs.id }, data: { at: new Date('2026-01-15T10:00:00Z') } });
    const jan15 = await alice.get(`/api/audit?siteId=${site.id}&from=2026-01-15&to=2026-01-15`);
    expect(jan15.body.events.map((e: any) => e.id)).toEqual([bobs.id]);
    expect((await alice.get(`/api/audit?siteId=${site.id}&from=2026-01-16`)).body.events.map((e: any) => e.after.rentCents)).toEqual([103, 101]);
    expect((await alice.get(`/api/audit?siteId=${site.id}&to=2026-01-14`)).body.events).toEqual([]);
    expect((await alice.get('/api/audit?from=2026-02-01&to=2026-01-01')).body.error.field).toBe('query.to');
    // Pages: two events per page, then the rest.
    const p1 = await alice.get(`/api/audit?siteId=${site.id}&limit=2`);
    expect(p1.body.events).toHaveLength(2);
    expect(p1.body.nextBeforeId).toBe(p1.body.events[1].id);
    const p2 = await alice.get(`/api/audit?siteId=${site.id}&limit=2&beforeId=${p1.body.nextBeforeId}`);
    expect(p2.body.events).toHaveLength(1);
    expect(p2.body.nextBeforeId).toBeNull();
  });

  it('is for staff only', async () => {
    const site = await buildSite(db.prisma);
    const { client: manager } = await clientAs(app, db.prisma, 'manager', { managedSiteIds: [site.id] });
    expect((await manager.get(`/api/audit?siteId=${site.id}`)).status).toBe(403);
    const { client: intern } = await clientAs(app, db.prisma, 'intern');
    expect((await intern.get('/api/audit')).status).toBe(403);
    expect((await app.client().get('/api/audit')).status).toBe(401);
  });
});
