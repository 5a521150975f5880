import { describe, expect, it } from 'vitest';
import { buildAssignment, buildIntern, buildRoom, buildSite, clientAs } from '../../../tests/helpers/factories.ts';
import { useTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { Database } from '../../db/connect.ts';

const newSite = () => ({
  name: 'Internat de Mer',
  commune: 'Mer',
  departement: 'Loir-et-Cher',
  subdivision: 'Tours',
  location: [1.507, 47.705],
  funder: { kind: 'commune', name: 'Ville de Mer' },
  rentCents: 18000,
  contact: { name: 'Mme Test', email: 'mer@example.org', phone: '02 54 00 00 01' },
});

describe('sites: detail, create, change, my sites, occupants', () => {
  let db: Database;
  let app: TestApp;
  useTestApp((t) => ({ db, app } = t));

  it('shows a site with rooms and beds to anyone, and its contact only when signed in', async () => {
    const site = await buildSite(db.prisma);
    await buildRoom(db.prisma, { siteId: site.id, beds: 2, availability: [{ from: '2027-05-01', to: '2027-10-31' }] });
    const anon = await app.client().get(`/api/sites/${site.id}?semester=2027-05`);
    expect(anon.status).toBe(200);
    expect(anon.body.site.rooms[0].beds).toHaveLength(2);
    expect(anon.body.site.rooms[0].availability[0]).toMatchObject({ startDate: '2027-05-01', endDate: '2027-10-31' });
    expect(anon.body.site.freeBeds).toBe(2);
    expect(anon.body.site.contact).toBeUndefined();
    expect(JSON.stringify(anon.body)).not.toContain(site.contactEmail!);
    const { client } = await clientAs(app, db.prisma, 'intern');
    const signed = await client.get(`/api/sites/${site.id}`);
    expect(signed.body.site.contact).toEqual({ name: 'Contact Test', email: site.contactEmail, phone: '02 54 00 00 00' });
    expect((await app.client().get('/api/sites/99999999')).status).toBe(404);
  });

  it("lets staff change only their départements' sites and practices, and not move one out of them", async () => {
    const { client: staff } = await clientAs(app, db.prisma, 'staff'); // Loir-et-Cher (41)
    const ours = await buildSite(db.prisma);
    const theirs = await buildSite(db.prisma, { departement: 'Indre (36)' });
    expect((await staff.patch(`/api/sites/${theirs.id}`, { description: 'x' })).body).toMatchObject({ error: { id: 'forbidden', field: 'params.id' } });
    const moved = await staff.patch(`/api/sites/${ours.id}`, { departement: 'Indre' });
    expect(moved.status).toBe(403);
    expect(moved.body.error.field).toBe('body.departement');
    expect((await db.prisma.site.findUniqueOrThrow({ where: { id: ours.id } })).departementCode).toBe('41');
    const created = await staff.post('/api/sites', { ...newSite(), name: 'Internat du Blanc', departement: 'Indre (36)' });
    expect(created.status).toBe(403);
    expect(await db.prisma.site.count({ where: { name: 'Internat du Blanc', departementCode: '36', createdAt: { gte: new Date(Date.now() - 60_000) } } })).toBe(0);
    const practice = await staff.post('/api/practices', { name: 'Cabinet du Blanc', commune: 'Le Blanc', departement: 'Indre (36)', location: [1.06, 46.63] });
    expect(practice.status).toBe(403);
    expect(practice.body.error.field).toBe('body.departement');
  });

  it('hides a withdrawn site (neither active nor planned) from all but those who manage it', async () => {
    const site = await buildSite(db.prisma, { active: false });
    expect((await app.client().get(`/api/sites/${site.id}`)).status).toBe(404);
    const { client } = await clientAs(app, db.prisma, 'manager', { managedSiteIds: [site.id] });
    expect((await client.get(`/api/sites/${site.id}`)).body.site.active).toBe(false);
  });

  it('lets staff create a site, audited with the after values', async () => {
    const { client, user } = await clientAs(app, db.prisma, 'staff');
    const res = await client.post('/api/sites', newSite());
    expect(res.status).toBe(201);
    expect(res.body.site).toMatchObject({ name: 'Internat de Mer', location: [1.507, 47.705], rentCents: 18000, funder: { kind: 'commune' } });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'Site', entityId: String(res.body.site.id) } });
    expect(audit).toMatchObject({ actorId: user.id, action: 'create', siteId: res.body.site.id, before: null });
    expect(audit.after).toMatchObject({ name: 'Internat de Mer', rentCents: 18000, contactEmail: 'mer@example.org' });
  });

  it('refuses site creation to managers and interns, and to anonymous callers', async () => {
    const { client: manager } = await clientAs(app, db.prisma, 'manager');
    expect((await manager.post('/api/sites', newSite())).status).toBe(403);
    const { client: intern } = await clientAs(app, db.prisma, 'intern');
    expect((await intern.post('/api/sites', newSite())).status).toBe(403);
    expect((await app.client().post('/api/sites', newSite())).status).toBe(401);
  });

  it("lets a manager change their site's contact, rules and rent, but not its name, nor another manager's site", async () => {
    const mine = await buildSite(db.prisma);
    const theirs = await buildSite(db.prisma);
    const { client, user } = await clientAs(app, db.prisma, 'manager', { managedSiteIds: [mine.id] });
    const ok = await client.patch(`/api/sites/${mine.id}`, { rentCents: 21000, rules: { partnerAllowed: true }, contact: { phone: '06 00 00 00 00' } });
    expect(ok.status).toBe(200);
    expect(ok.body.site).toMatchObject({ rentCents: 21000, rules: { partnerAllowed: true }, contact: { phone: '06 00 00 00 00' } });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'Site', entityId: String(mine.id), action: 'update' } });
    expect(audit).toMatchObject({ actorId: user.id, siteId: mine.id, before: { rentCents: 20000, partnerAllowed: null, contactPhone: '02 54 00 00 00' }, after: { rentCents: 21000, partnerAllowed: true, contactPhone: '06 00 00 00 00' } });

    const rename = await client.patch(`/api/sites/${mine.id}`, { name: 'Mine now' });
    expect(rename.status).toBe(403);
    expect(rename.body.error.field).toBe('name');
    const other = await client.patch(`/api/sites/${theirs.id}`, { rentCents: 1 });
    expect(other.status).toBe(403);
    expect((await db.prisma.site.findUniqueOrThrow({ where: { id: theirs.id } })).rentCents).toBe(20000);
  });

  it('answers bad site input with 400 naming the field, and writes nothing', async () => {
    const { client, user } = await clientAs(app, db.prisma, 'staff');
    const site = await buildSite(db.prisma);
    const cases: [unknown, string][] = [
      [{ ...newSite(), name: 42 }, 'body.name'],
      [{ ...newSite(), commune: undefined }, 'body.commune'],
      [{ ...newSite(), location: [200, 47] }, 'body.location.0'],
      [{ ...newSite(), location: [1.5, -91] }, 'body.location.1'],
      [{ ...newSite(), rentCents: -5 }, 'body.rentCents'],
      [{ ...newSite(), rentCents: '100' }, 'body.rentCents'],
      [{ ...newSite(), funder: { kind: 'bank' } }, 'body.funder.kind'],
    ];
    for (const [body, field] of cases) {
      const res = await client.post('/api/sites', body);
      expect(res.status, field).toBe(400);
      expect(res.body.error).toMatchObject({ id: 'validation', field });
    }
    const patch = await client.patch(`/api/sites/${site.id}`, { rentCents: -1 });
    expect(patch.body.error.field).toBe('body.rentCents');
    const badId = await client.patch('/api/sites/abc', { rentCents: 1 });
    expect(badId.status).toBe(400);
    expect(badId.body.error.field).toBe('params.id');
    const unknown = await client.patch('/api/sites/99999999', { rentCents: 1 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.field).toBe('params.id');
    // Other test files share PostgreSQL: count only this user's writes.
    expect(await db.prisma.auditEvent.count({ where: { actorId: user.id } })).toBe(0);
  });

  it('refuses oversized bodies with 413 and malformed JSON with 400', async () => {
    const { client } = await clientAs(app, db.prisma, 'staff');
    const huge = await client.post('/api/sites', { ...newSite(), description: 'x'.repeat(1_100_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.id).toBe('too_large');
    const broken = await client.request('POST', '/api/sites', '{"name":', { 'content-type': 'application/json' });
    expect(broken.status).toBe(400);
  });

  it('GET /api/me/sites gives a manager only their sites with beds and occupancy; staff all', async () => {
    const mine = await buildSite(db.prisma);
    const other = await buildSite(db.prisma);
    const room = await buildRoom(db.prisma, { siteId: mine.id, beds: 2, availability: [{ from: '2027-05-01', to: '2027-10-31' }] });
    await buildAssignment(db.prisma, { bedId: room.beds[0].id });
    const { client } = await clientAs(app, db.prisma, 'manager', { managedSiteIds: [mine.id] });
    const res = await client.get('/api/me/sites?semester=2027-05');
    expect(res.status).toBe(200);
    expect(res.body.sites.map((s: any) => s.id)).toEqual([mine.id]);
    expect(res.body.sites[0].occupancy).toEqual({ from: '2027-05-01', to: '2027-10-31', beds: 2, bookedBeds: 1, freeBeds: 1 });
    expect(res.body.sites[0].rooms[0].beds.map((b: any) => b.occupied)).toEqual([true, false]);
    const { client: staff } = await clientAs(app, db.prisma, 'staff');
    const all = await staff.get('/api/me/sites');
    expect(all.body.sites.map((s: any) => s.id)).toEqual(expect.arrayContaining([mine.id, other.id]));
    const { client: intern } = await clientAs(app, db.prisma, 'intern');
    expect((await intern.get('/api/me/sites')).status).toBe(403);
  });

  it("shows a site's occupants with names and dates only, to its manager and staff", async () => {
    const site = await buildSite(db.prisma);
    const room = await buildRoom(db.prisma, { siteId: site.id, beds: 1 });
    const intern = await buildIntern(db.prisma, { name: 'Zoé Occupante' });
    await buildAssignment(db.prisma, { internId: intern.id, bedId: room.beds[0].id });
    const { client } = await clientAs(app, db.prisma, 'manager', { managedSiteIds: [site.id] });
    const res = await client.get(`/api/sites/${site.id}/occupants?semester=2027-05`);
    expect(res.status).toBe(200);
    expect(res.body.occupants).toEqual([{ name: 'Zoé Occupante', startDate: '2027-05-01', endDate: '2027-10-31', room: room.label, bed: 'Lit 1', status: 'confirmed' }]);
    expect(JSON.stringify(res.body)).not.toContain(intern.email!);
    const { client: otherManager } = await clientAs(app, db.prisma, 'manager');
    expect((await otherManager.get(`/api/sites/${site.id}/occupants`)).status).toBe(403);
    const { client: anIntern } = await clientAs(app, db.prisma, 'intern');
    expect((await anIntern.get(`/api/sites/${site.id}/occupants`)).status).toBe(403);
  });
});
