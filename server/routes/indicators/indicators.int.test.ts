import { describe, expect, it } from 'vitest';
import { buildAssignment, buildIntern, buildPlacement, buildRoom, buildSite, buildUser } from '../../../tests/helpers/factories.ts';
import { signIn, useTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { Database } from '../../db/connect.ts';

// A semester no other test file uses, so counts of interns are this file's own on a shared PostgreSQL.
const S = { id: '2043-05', from: '2043-05-01', to: '2043-10-31' };

describe('GET /api/indicators', () => {
  let db: Database;
  let app: TestApp;
  useTestApp((t) => ({ db, app } = t));

  it('reports occupancy per site, interns placed vs housed and the average drive', async () => {
    const site = await buildSite(db.prisma, { name: 'Indicateurs A' });
    const room = await buildRoom(db.prisma, { siteId: site.id, beds: 2, availability: [{ from: S.from, to: S.to }] });
    const empty = await buildSite(db.prisma, { name: 'Indicateurs B' });
    await buildRoom(db.prisma, { siteId: empty.id, beds: 1 });
    const [a, b, c] = [await buildIntern(db.prisma), await buildIntern(db.prisma), await buildIntern(db.prisma)];
    for (const i of [a, b, c]) await buildPlacement(db.prisma, { internId: i.id, startDate: S.from, endDate: S.to });
    const full = await buildAssignment(db.prisma, { internId: a.id, bedId: room.beds[0].id, startDate: S.from, endDate: S.to });
    await db.prisma.assignment.update({ where: { id: full.id }, data: { driveSeconds: 1200 } });
    const half = await buildAssignment(db.prisma, { internId: b.id, bedId: room.beds[1].id, startDate: S.from, endDate: '2043-07-31', status: 'proposed' });
    await db.prisma.assignment.update({ where: { id: half.id }, data: { driveSeconds: 1800 } });
    await buildAssignment(db.prisma, { internId: c.id, bedId: room.beds[1].id, startDate: '2043-08-01', endDate: S.to, status: 'cancelled' });

    const staff = await buildUser(db.prisma, { role: 'staff' });
    const client = app.client();
    await signIn(client, staff.email, staff.password);
    const res = await client.get(`/api/indicators?semester=${S.id}`);
    expect(res.status).toBe(200);
    expect(res.body.window).toEqual({ from: S.from, to: S.to });
    const mine = res.body.occupancy.filter((o: any) => [site.id, empty.id].includes(o.siteId));
    expect(mine).toEqual([
      { siteId: site.id, name: 'Indicateurs A', beds: 2, bookedBedDays: 184 + 92, availableBedDays: 368, rate: 0.75 },
      { siteId: empty.id, name: 'Indicateurs B', beds: 1, bookedBedDays: 0, availableBedDays: 0, rate: null },
    ]);
    expect(res.body.interns).toEqual({ placed: 3, housed: 2 });
    expect(res.body.averageDriveMinutes).toBe(25);
    expect(res.body.aid).toEqual({ count: 0, amountCents: 0, schemes: [] });
  });

  it('is for staff only and checks the window', async () => {
    const intern = await buildIntern(db.prisma, { withUser: true });
    const client = app.client();
    await signIn(client, intern.user!.email, intern.user!.password);
    expect((await client.get('/api/indicators')).status).toBe(403);
    expect((await app.client().get('/api/indicators')).status).toBe(401);
    const staff = await buildUser(db.prisma, { role: 'staff' });
    const s = app.client();
    await signIn(s, staff.email, staff.password);
    const bad = await s.get('/api/indicators?from=2027-05-02&to=2027-05-01');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('query.to: must not be before from');
  });
});
