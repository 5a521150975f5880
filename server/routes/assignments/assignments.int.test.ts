import { describe, expect, it } from 'vitest';
import { buildIntern, buildRoom, clientAs } from '../../../tests/helpers/factories.ts';
import { useTestApp, type TestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import type { Database } from '../../db/connect.ts';

describe('/api/assignments', () => {
  let db: Database;
  let app: TestApp;
  let staff: TestClient;
  let staffId: number;
  useTestApp(async (t) => {
    ({ db, app } = t);
    const s = await clientAs(app, db.prisma, 'staff');
    staff = s.client;
    staffId = s.user.id;
  });

  const summer = { startDate: '2027-05-01', endDate: '2027-10-31' };

  it('books a bed, audited with site and intern, and lists it', async () => {
    const room = await buildRoom(db.prisma, { beds: 1 });
    const intern = await buildIntern(db.prisma);
    const res = await staff.post('/api/assignments', { internId: intern.id, bedId: room.beds[0].id, ...summer, status: 'confirmed' });
    expect(res.status).toBe(201);
    expect(res.body.assignment).toMatchObject({ internId: intern.id, bedId: room.beds[0].id, ...summer, status: 'confirmed', locked: false, site: { id: room.siteId } });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'Assignment', entityId: String(res.body.assignment.id) } });
    expect(audit).toMatchObject({ actorId: staffId, action: 'create', siteId: room.siteId, internId: intern.id });
    expect(audit.after).toMatchObject({ bedId: room.beds[0].id, startDate: '2027-05-01T00:00:00.000Z', status: 'confirmed' });
    const list = await staff.get(`/api/assignments?semester=2027-05&siteId=${room.siteId}`);
    expect(list.body.assignments.map((a: any) => a.id)).toEqual([res.body.assignment.id]);
  });

  it('refuses a double booking of one bed with 409 and writes nothing (no row, no audit)', async () => {
    const room = await buildRoom(db.prisma, { beds: 1 });
    const [a, b] = [await buildIntern(db.prisma), await buildIntern(db.prisma)];
    expect((await staff.post('/api/assignments', { internId: a.id, bedId: room.beds[0].id, ...summer })).status).toBe(201);
    const auditBefore = await db.prisma.auditEvent.count({ where: { siteId: room.siteId } });
    const clash = await staff.post('/api/assignments', { internId: b.id, bedId: room.beds[0].id, startDate: '2027-10-01', endDate: '2028-03-31' });
    expect(clash.status).toBe(409);
    expect(clash.body.error.id).toBe('conflict');
    expect(await db.prisma.assignment.count({ where: { internId: b.id } })).toBe(0);
    expect(await db.prisma.auditEvent.count({ where: { siteId: room.siteId } })).toBe(auditBefore);
    // The next semester is free.
    expect((await staff.post('/api/assignments', { internId: b.id, bedId: room.beds[0].id, startDate: '2027-11-01', endDate: '2028-04-30' })).status).toBe(201);
  });

  it('refuses one intern in two beds at once', async () => {
    const room = await buildRoom(db.prisma, { beds: 2 });
    const intern = await buildIntern(db.prisma);
    expect((await staff.post('/api/assignments', { internId: intern.id, bedId: room.beds[0].id, ...summer })).status).toBe(201);
    expect((await staff.post('/api/assignments', { internId: intern.id, bedId: room.beds[1].id, ...summer })).status).toBe(409);
  });

  it('lets exactly one of two concurrent requests for one bed succeed', async () => {
    const room = await buildRoom(db.prisma, { beds: 1 });
    const [a, b] = [await buildIntern(db.prisma), await buildIntern(db.prisma)];
    const other = (await clientAs(app, db.prisma, 'staff')).client;
    const results = await Promise.all([
      staff.post('/api/assignments', { internId: a.id, bedId: room.beds[0].id, ...summer }),
      other.post('/api/assignments', { internId: b.id, bedId: room.beds[0].id, ...summer }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await db.prisma.assignment.count({ where: { bedId: room.beds[0].id } })).toBe(1);
    expect(await db.prisma.auditEvent.count({ where: { entity: 'Assignment', siteId: room.siteId } })).toBe(1);
  });

  it('confirms, locks, moves (override) and cancels, each audited with before and after', async () => {
    const room = await buildRoom(db.prisma, { beds: 2 });
    const intern = await buildIntern(db.prisma);
    const created = await staff.post('/api/assignments', { internId: intern.id, bedId: room.beds[0].id, ...summer });
    const id = created.body.assignment.id;
    const locked = await staff.patch(`/api/assignments/${id}`, { status: 'confirmed', locked: true });
    expect(locked.body.assignment).toMatchObject({ status: 'confirmed', locked: true });
    const moved = await staff.patch(`/api/assignments/${id}`, { bedId: room.beds[1].id });
    expect(moved.status).toBe(200);
    expect(moved.body.assignment.bedId).toBe(room.beds[1].id);
    const cancelled = await staff.delete(`/api/assignments/${id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.assignment.status).toBe('cancelled');
    const events = await db.prisma.auditEvent.findMany({ where: { entity: 'Assignment', entityId: String(id) }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['create', 'confirm', 'override', 'cancel']);
    expect(events[1]).toMatchObject({ before: { status: 'proposed', locked: false }, after: { status: 'confirmed', locked: true } });
    expect(events[2]).toMatchObject({ before: { bedId: room.beds[0].id }, after: { bedId: room.beds[1].id } });
    // A cancelled booking frees the bed.
    const again = await staff.post('/api/assignments', { internId: (await buildIntern(db.prisma)).id, bedId: room.beds[1].id, ...summer });
    expect(again.status).toBe(201);
  });

  it('refuses moving a booking onto a taken bed (409), leaving it where it was', async () => {
    const room = await buildRoom(db.prisma, { beds: 2 });
    const [a, b] = [await buildIntern(db.prisma), await buildIntern(db.prisma)];
    await staff.post('/api/assignments', { internId: a.id, bedId: room.beds[0].id, ...summer });
    const second = await staff.post('/api/assignments', { internId: b.id, bedId: room.beds[1].id, ...summer });
    const res = await staff.patch(`/api/assignments/${second.body.assignment.id}`, { bedId: room.beds[0].id });
    expect(res.status).toBe(409);
    expect((await db.prisma.assignment.findUniqueOrThrow({ where: { id: second.body.assignment.id } })).bedId).toBe(room.beds[1].id);
  });

  it('answers bad input with 400/404 naming the field', async () => {
    const room = await buildRoom(db.prisma, { beds: 1 });
    const intern = await buildIntern(db.prisma);
    const base = { internId: intern.id, bedId: room.beds[0].id, ...summer };
    const cases: [unknown, number, string][] = [
      [{ ...base, startDate: '2027-11-01', endDate: '2027-05-01' }, 400, 'body.endDate'],
      [{ ...base, startDate: '2027-02-30' }, 400, 'body.startDate'],
      [{ ...base, bedId: 'one' }, 400, 'body.bedId'],
      [{ ...base, internId: undefined }, 400, 'body.internId'],
      [{ ...base, status: 'maybe' }, 400, 'body.status'],
      [{ ...base, bedId: 99999999 }, 404, 'body.bedId'],
      [{ ...base, internId: 99999999 }, 404, 'body.internId'],
    ];
    for (const [body, status, field] of cases) {
      const res = await staff.post('/api/assignments', body);
      expect(res.status, field).toBe(status);
      expect(res.body.error.field).toBe(field);
    }
    expect((await staff.patch('/api/assignments/99999999', { status: 'confirmed' })).status).toBe(404);
    expect((await staff.patch('/api/assignments/1', {})).body.error.field).toBe('body.status');
    expect(await db.prisma.assignment.count({ where: { internId: intern.id } })).toBe(0);
  });

  it('is for staff only', async () => {
    const site = await buildRoom(db.prisma, { beds: 1 });
    const { client: manager } = await clientAs(app, db.prisma, 'manager', { managedSiteIds: [site.siteId] });
    const { client: intern, intern: me } = await clientAs(app, db.prisma, 'intern');
    expect((await manager.get('/api/assignments')).status).toBe(403);
    expect((await intern.post('/api/assignments', { internId: me!.id, bedId: site.beds[0].id, ...summer })).status).toBe(403);
    expect((await app.client().get('/api/assignments')).status).toBe(401);
  });
});
