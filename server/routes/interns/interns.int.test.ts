import { describe, expect, it } from 'vitest';
import { buildAssignment, buildIntern, buildPlacement, buildRoom, buildSite, clientAs } from '../../../tests/helpers/factories.ts';
import { useTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { Database } from '../../db/connect.ts';

describe('interns and the intern space (/api/me)', () => {
  let db: Database;
  let app: TestApp;
  useTestApp((t) => ({ db, app } = t));

  it("never shows an intern another intern's profile; staff see all; managers none", async () => {
    const { client, intern } = await clientAs(app, db.prisma, 'intern');
    const other = await buildIntern(db.prisma, { name: 'Autre Interne' });
    const own = await client.get(`/api/interns/${intern!.id}`);
    expect(own.status).toBe(200);
    expect(own.body.intern).toMatchObject({ id: intern!.id, email: intern!.email });
    const theirs = await client.get(`/api/interns/${other.id}`);
    expect(theirs.status).toBe(403);
    expect(JSON.stringify(theirs.body)).not.toContain('Autre Interne');
    expect((await client.get('/api/interns')).status).toBe(403);
    expect((await client.patch(`/api/interns/${other.id}`, { hasCar: false })).status).toBe(403);
    const { client: manager } = await clientAs(app, db.prisma, 'manager');
    expect((await manager.get(`/api/interns/${other.id}`)).status).toBe(403);
    const { client: staff } = await clientAs(app, db.prisma, 'staff');
    const list = await staff.get('/api/interns');
    expect(list.body.interns.map((i: any) => i.id)).toEqual(expect.arrayContaining([intern!.id, other.id]));
    expect((await staff.get('/api/interns/99999999')).status).toBe(404);
  });

  it('lets an intern change their own practical fields but not their name; staff anything; audited', async () => {
    const { client, intern, user } = await clientAs(app, db.prisma, 'intern');
    const ok = await client.patch(`/api/interns/${intern!.id}`, { hasCar: false, maxRentCents: 25000, limitMinutes: 40 });
    expect(ok.status).toBe(200);
    expect(ok.body.intern).toMatchObject({ hasCar: false, maxRentCents: 25000, limitMinutes: 40 });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'Intern', internId: intern!.id, action: 'update' } });
    expect(audit).toMatchObject({ actorId: user.id, before: { hasCar: true, maxRentCents: null }, after: { hasCar: false, maxRentCents: 25000 } });
    const rename = await client.patch(`/api/interns/${intern!.id}`, { name: 'Someone else' });
    expect(rename.status).toBe(403);
    expect(rename.body.error.field).toBe('name');
    expect((await client.patch(`/api/interns/${intern!.id}`, { maxRentCents: -1 })).body.error.field).toBe('body.maxRentCents');
    const { client: staff } = await clientAs(app, db.prisma, 'staff');
    expect((await staff.patch(`/api/interns/${intern!.id}`, { name: 'Renamed by staff' })).body.intern.name).toBe('Renamed by staff');
    expect((await staff.patch(`/api/interns/${intern!.id}`, { partnerInternId: 99999999 })).status).toBe(404);
  });

  it('GET /api/me/intern gives my profile, placements with practices, assignments and preferences', async () => {
    const { client, intern } = await clientAs(app, db.prisma, 'intern');
    await buildPlacement(db.prisma, { internId: intern!.id });
    const room = await buildRoom(db.prisma, { beds: 1 });
    await buildAssignment(db.prisma, { internId: intern!.id, bedId: room.beds[0].id });
    const res = await client.get('/api/me/intern');
    expect(res.status).toBe(200);
    expect(res.body.intern.id).toBe(intern!.id);
    expect(res.body.placements[0]).toMatchObject({ startDate: '2027-05-01', practice: { supervisors: ['Dr Test'] } });
    expect(res.body.assignments[0]).toMatchObject({ bedId: room.beds[0].id, site: { id: room.siteId } });
    expect(res.body.preferences).toEqual({ siteIds: [], sites: [], note: null });
    const { client: staff } = await clientAs(app, db.prisma, 'staff');
    expect((await staff.get('/api/me/intern')).status).toBe(403);
  });

  it('PUT /api/me/preferences ranks sites, replaces the previous ranking, and checks every id', async () => {
    const { client, intern } = await clientAs(app, db.prisma, 'intern');
    const [a, b] = [await buildSite(db.prisma), await buildSite(db.prisma)];
    const first = await client.put('/api/me/preferences', { siteIds: [a.id, b.id], note: 'près de la gare' });
    expect(first.status).toBe(200);
    expect(first.body.preferences).toMatchObject({ siteIds: [a.id, b.id], note: 'près de la gare' });
    const second = await client.put('/api/me/preferences', { siteIds: [b.id] });
    expect(second.body.preferences.siteIds).toEqual([b.id]);
    expect(await db.prisma.sitePreference.findMany({ where: { internId: intern!.id } })).toEqual([{ internId: intern!.id, siteId: b.id, rank: 1 }]);
    const unknown = await client.put('/api/me/preferences', { siteIds: [b.id, 99999999] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.field).toBe('body.siteIds.1');
    expect((await client.put('/api/me/preferences', { siteIds: [a.id, a.id] })).body.error.field).toBe('body.siteIds');
    expect((await client.put('/api/me/preferences', { siteIds: 'a' })).status).toBe(400);
    // Nothing half-written: the failed calls left the previous ranking.
    expect((await client.get('/api/me/intern')).body.preferences.siteIds).toEqual([b.id]);
    const audit = await db.prisma.auditEvent.findMany({ where: { entity: 'SitePreference', internId: intern!.id }, orderBy: { id: 'asc' } });
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({ before: { siteIds: [a.id, b.id] }, after: { siteIds: [b.id] } });
  });

  it('POST /api/me/requests records a room request for a real site', async () => {
    const { client, intern } = await clientAs(app, db.prisma, 'intern');
    const site = await buildSite(db.prisma);
    const res = await client.post('/api/me/requests', { siteId: site.id, note: 'dès mai' });
    expect(res.status).toBe(201);
    expect(res.body.request).toMatchObject({ siteId: site.id, status: 'open' });
    expect((await client.get('/api/me/intern')).body.requests[0]).toMatchObject({ site: { id: site.id }, note: 'dès mai' });
    expect((await client.post('/api/me/requests', { siteId: 99999999 })).body.error.field).toBe('body.siteId');
    expect(await db.prisma.auditEvent.count({ where: { entity: 'RoomRequest', internId: intern!.id } })).toBe(1);

    // Staff see it and answer it; the intern sees the answer.
    const { client: staff } = await clientAs(app, db.prisma, 'staff');
    const listed = await staff.get(`/api/requests?internId=${intern!.id}`);
    expect(listed.body.requests).toEqual([expect.objectContaining({ id: res.body.request.id, intern: { id: intern!.id, name: intern!.name }, site: { id: site.id, name: site.name }, status: 'open' })]);
    expect((await staff.post(`/api/requests/${res.body.request.id}/decline`, { reason: 'Complet' })).body.request.status).toBe('declined');
    expect((await staff.patch(`/api/requests/${res.body.request.id}`, { status: 'done' })).body.error.field).toBe('body.status');
    expect((await staff.patch('/api/requests/99999999', { status: 'withdrawn' })).status).toBe(404);
    expect((await client.get('/api/me/intern')).body.requests[0]).toMatchObject({ status: 'declined', answer: 'Complet' });
    expect((await client.get('/api/requests')).status).toBe(403);
  });

  it('refuses a second open request for the same site with 409 (it used to be accepted and shown twice)', async () => {
    const { client, intern } = await clientAs(app, db.prisma, 'intern');
    const site = await buildSite(db.prisma);
    expect((await client.post('/api/me/requests', { siteId: site.id })).status).toBe(201);
    const again = await client.post('/api/me/requests', { siteId: site.id, note: 'encore' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already .*open request/i);
    expect(await db.prisma.roomRequest.count({ where: { internId: intern!.id, siteId: site.id } })).toBe(1);
    // The database itself refuses a duplicate open request (a race past the check).
    await expect(db.prisma.roomRequest.create({ data: { internId: intern!.id, siteId: site.id } })).rejects.toThrow(/Unique constraint/);
    // Another site is fine.
    expect((await client.post('/api/me/requests', { siteId: (await buildSite(db.prisma)).id })).status).toBe(201);
  });

  it('lets staff create an intern profile', async () => {
    const { client: staff } = await clientAs(app, db.prisma, 'staff');
    const res = await staff.post('/api/interns', { name: 'Nouvel Interne', subdivision: 'Tours', hasCar: true });
    expect(res.status).toBe(201);
    expect(res.body.intern).toMatchObject({ name: 'Nouvel Interne', hasAccount: false });
    expect((await staff.post('/api/interns', { subdivision: 'Tours' })).body.error.field).toBe('body.name');
  });

  it('lets staff set the peers an intern wishes to share with (replaced as a list, audited); interns may not', async () => {
    const { client: staff } = await clientAs(app, db.prisma, 'staff');
    const a = await buildIntern(db.prisma);
    const b = await buildIntern(db.prisma);
    const made = await staff.post('/api/interns', { name: 'Avec Pairs', subdivision: 'Tours', peerInternIds: [b.id, a.id] });
    expect(made.status).toBe(201);
    expect(made.body.intern.peerInternIds).toEqual([a.id, b.id].sort((x, y) => x - y));
    const id = made.body.intern.id;
    const changed = await staff.patch(`/api/interns/${id}`, { peerInternIds: [b.id] });
    expect(changed.body.intern.peerInternIds).toEqual([b.id]);
    expect((await staff.get('/api/interns')).body.interns.find((i: any) => i.id === id).peerInternIds).toEqual([b.id]);
    expect((await staff.get(`/api/interns/${id}`)).body.intern.peerInternIds).toEqual([b.id]);
    const ev = await db.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'Intern', internId: id, action: 'update' } });
    expect(ev.before).toMatchObject({ peerInternIds: [a.id, b.id].sort((x, y) => x - y) });
    expect(ev.after).toMatchObject({ peerInternIds: [b.id] });
    expect((await staff.patch(`/api/interns/${id}`, { peerInternIds: [id] })).body.error.field).toBe('body.peerInternIds.0');
    expect((await staff.patch(`/api/interns/${id}`, { peerInternIds: [99999999] })).body.error.field).toBe('body.peerInternIds.0');
    const { client: self, intern } = await clientAs(app, db.prisma, 'intern');
    expect((await self.patch(`/api/interns/${intern!.id}`, { peerInternIds: [a.id] })).status).toBe(403);
  });
});
