import { describe, expect, it } from 'vitest';
import { buildAssignment, buildIntern, buildPlacement, buildPractice, buildRoom, buildSite, buildUser, TEST_PASSWORD } from '../../../tests/helpers/factories.ts';
import { signIn, useTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { Database } from '../../db/connect.ts';

/** Staff see, match and export only their départements; the admin sees every one. */
describe('départements: scoping staff to their own', () => {
  let db: Database;
  let app: TestApp;
  useTestApp((t) => ({ db, app } = t));

  async function as(role: 'staff' | 'admin', departementCodes?: string[]) {
    const user = await buildUser(db.prisma, { role, departementCodes });
    const client = app.client();
    await signIn(client, user.email, TEST_PASSWORD);
    return { client, user };
  }

  /** One intern placed in Loir-et-Cher, one in Indre (registered nowhere: their placement decides). */
  async function twoDepartements() {
    const loir = await buildPractice(db.prisma, { departement: 'Loir-et-Cher (41)' });
    const indre = await buildPractice(db.prisma, { departement: 'Indre', commune: 'Le Blanc', lng: 1.06, lat: 46.63 });
    const a = await buildIntern(db.prisma, { departementCode: null, name: 'Interne Loir' });
    const b = await buildIntern(db.prisma, { departementCode: null, name: 'Interne Indre' });
    const pa = await buildPlacement(db.prisma, { internId: a.id, practiceId: loir.id, startDate: '2031-05-01', endDate: '2031-10-31' });
    const pb = await buildPlacement(db.prisma, { internId: b.id, practiceId: indre.id, startDate: '2031-05-01', endDate: '2031-10-31' });
    return { loir, indre, a, b, pa, pb };
  }

  it("derives a practice's and a site's département code from its text, however written", async () => {
    const texts = { 'Indre (36)': '36', Indre: '36', '36': '36', 'loir-et-cher': '41', 'Côtes-d’Armor': '22', "Côtes-d'Armor (22)": '22', 'Corse-du-Sud (2A)': '2A', Nowhere: null };
    for (const [departement, code] of Object.entries(texts)) {
      expect((await buildPractice(db.prisma, { departement })).departementCode, departement).toBe(code);
    }
    const site = await buildSite(db.prisma);
    expect(site.departementCode).toBe('41');
    const moved = await db.prisma.site.update({ where: { id: site.id }, data: { departement: 'Cher (18)' } });
    expect(moved.departementCode).toBe('18');
  });

  it('lists and answers only the interns of the caller’s départements (404 for another’s); admin sees both', async () => {
    const { a, b } = await twoDepartements();
    const { client: loir } = await as('staff', ['41']);
    const { client: indre } = await as('staff', ['36']);
    const { client: admin } = await as('admin');
    const ids = async (c: typeof loir) => ((await c.get('/api/interns')).body.interns as { id: number }[]).map((i) => i.id);
    expect(await ids(loir)).toContain(a.id);
    expect(await ids(loir)).not.toContain(b.id);
    expect(await ids(indre)).toContain(b.id);
    expect(await ids(indre)).not.toContain(a.id);
    expect(await ids(admin)).toEqual(expect.arrayContaining([a.id, b.id]));
    const denied = await loir.get(`/api/interns/${b.id}`);
    expect(denied.status).toBe(404);
    expect(JSON.stringify(denied.body)).not.toContain('Interne Indre');
    expect((await indre.get(`/api/interns/${b.id}`)).status).toBe(200);
  });

  it('keeps placements, bookings, requests and the audit trail within the départements', async () => {
    const { a, b, pb } = await twoDepartements();
    const room = await buildRoom(db.prisma, { beds: 2 });
    await buildAssignment(db.prisma, { internId: a.id, bedId: room.beds[0].id, startDate: '2031-05-01', endDate: '2031-10-31' });
    const theirs = await buildAssignment(db.prisma, { internId: b.id, bedId: room.beds[1].id, startDate: '2031-05-01', endDate: '2031-10-31' });
    const { client: loir } = await as('staff', ['41']);
    const placements = (await loir.get('/api/placements')).body.placements as { internId: number }[];
    expect(placements.map((p) => p.internId)).toContain(a.id);
    expect(placements.map((p) => p.internId)).not.toContain(b.id);
    const bookings = (await loir.get(`/api/assignments?siteId=${room.siteId}`)).body.assignments as { internId: number }[];
    expect(bookings.map((x) => x.internId)).toEqual([a.id]);
    expect((await loir.patch(`/api/assignments/${theirs.id}`, { locked: true })).status).toBe(404);
    expect((await loir.patch(`/api/placements/${pb.id}`, { endDate: '2031-10-30' })).status).toBe(404);
    const { client: indre } = await as('staff', ['36']);
    expect((await indre.patch(`/api/placements/${pb.id}`, { endDate: '2031-10-30' })).status).toBe(200);
    const audit = (await loir.get(`/api/audit?internId=${b.id}`)).body.events;
    expect(audit).toEqual([]);
    expect((await indre.get(`/api/audit?internId=${b.id}`)).body.events.length).toBeGreaterThan(0);
  });

  it('refuses a placement at another département’s practice (403) and registers new interns in the caller’s', async () => {
    const { indre } = await twoDepartements();
    const { client: loir } = await as('staff', ['41']);
    const created = await loir.post('/api/interns', { name: 'Nouvelle Interne', subdivision: 'Tours' });
    expect(created.status).toBe(201);
    expect(created.body.intern.departementCode).toBe('41');
    const refused = await loir.post('/api/placements', { internId: created.body.intern.id, practiceId: indre.id, startDate: '2031-05-01', endDate: '2031-10-31' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.field).toBe('body.practiceId');
    expect((await loir.post('/api/interns', { name: 'X', subdivision: 'Tours', departementCode: '36' })).status).toBe(403);
  });

  it('matches only its own placements, against every site (a border does not stop a drive)', async () => {
    const { a, b } = await twoDepartements();
    const site = await buildSite(db.prisma, { lng: 1.2, lat: 47.0 });
    await db.prisma.site.update({ where: { id: site.id }, data: { departement: 'Indre (36)' } });
    await buildRoom(db.prisma, { siteId: site.id, beds: 1, availability: [{ from: '2031-05-01', to: '2031-10-31' }] });
    const { client: loir } = await as('staff', ['41']);
    const preview = await loir.post('/api/matching/preview', { from: '2031-05-01', to: '2031-10-31', limitMinutes: 120 });
    expect(preview.status).toBe(201);
    const interns = JSON.stringify(preview.body);
    expect(interns).toContain(`"${a.id}"`);
    expect(interns).not.toContain('Interne Indre');
    const run = await db.prisma.matchingRun.findUniqueOrThrow({ where: { id: preview.body.runId } });
    expect(run.departements).toEqual(['41']);
    const { client: indre } = await as('staff', ['36']);
    expect((await indre.get(`/api/matching/runs/${run.id}`)).status).toBe(404);
    expect((await indre.post('/api/matching/apply', { runId: run.id })).status).toBe(404);
    void b;
  });

  it("exports and imports only the sites of the caller's départements", async () => {
    const own = await buildSite(db.prisma, { name: 'Site Loir export' });
    const other = await buildSite(db.prisma, { name: 'Site Indre export' });
    await db.prisma.site.update({ where: { id: other.id }, data: { departement: 'Indre (36)' } });
    const { client: loir } = await as('staff', ['41']);
    const csv = String((await loir.get('/api/export/sites.csv')).body);
    expect(csv).toContain(own.slug);
    expect(csv).not.toContain(other.slug);
    const geo = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [1.3, 46.8] }, properties: { slug: other.slug, name: 'Pris', commune: 'Le Blanc', departement: 'Indre (36)', subdivision: 'Tours', funderKind: 'departement' } }] };
    const refused = await loir.post('/api/import/sites?format=geojson&dryRun=1', geo);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/another département/);
    const { client: admin } = await as('admin');
    expect((await admin.post('/api/import/sites?format=geojson&dryRun=1', geo)).status).toBe(200);
  });

  it('lets only the admin give staff their départements and create staff accounts (audited)', async () => {
    const { client: loir, user: loirUser } = await as('staff', ['41']);
    const { client: admin } = await as('admin');
    const target = await buildUser(db.prisma, { role: 'staff', departementCodes: ['36'] });
    expect((await loir.put(`/api/users/${target.id}/departements`, { departementCodes: ['41'] })).status).toBe(403);
    const set = await admin.put(`/api/users/${target.id}/departements`, { departementCodes: ['41', '36'] });
    expect(set.status).toBe(200);
    expect(set.body.departementCodes).toEqual(['36', '41']);
    expect((await admin.put(`/api/users/${target.id}/departements`, { departementCodes: ['99'] })).status).toBe(404);
    const audit = await db.prisma.auditEvent.findFirst({ where: { entity: 'User', entityId: String(target.id) }, orderBy: { id: 'desc' } });
    expect(audit?.after).toEqual({ departementCodes: ['36', '41'] });
    expect((await loir.post('/api/users', { email: 'new-staff@example.org', name: 'N', role: 'staff', password: 'long-enough-password' })).status).toBe(403);
    const made = await admin.post('/api/users', { email: 'new-staff2@example.org', name: 'N', role: 'staff', password: 'long-enough-password', departementCodes: ['36'] });
    expect(made.status).toBe(201);
    expect(made.body.user.departementCodes).toEqual(['36']);
    const deps = (await loir.get('/api/departements')).body.departements as { code: string; staff: { id: number }[] }[];
    expect(deps.map((d) => d.code)).toEqual(['41']);
    expect(deps[0].staff.map((s) => s.id)).toContain(loirUser.id);
  });

  it("shows staff another département's occupants of a site as booked beds without names", async () => {
    const { a, b } = await twoDepartements();
    const room = await buildRoom(db.prisma, { beds: 2, availability: [{ from: '2031-05-01', to: '2031-10-31' }] });
    await buildAssignment(db.prisma, { internId: a.id, bedId: room.beds[0].id, startDate: '2031-05-01', endDate: '2031-10-31' });
    await buildAssignment(db.prisma, { internId: b.id, bedId: room.beds[1].id, startDate: '2031-05-01', endDate: '2031-10-31' });
    const { client: loir } = await as('staff', ['41']);
    const res = await loir.get(`/api/sites/${room.siteId}/occupants?from=2031-05-01&to=2031-10-31`);
    expect(res.status).toBe(200);
    expect((res.body.occupants as { name: string | null }[]).map((o) => o.name).sort()).toEqual(['Interne Loir', null].sort());
    const { client: admin } = await as('admin');
    const all = (await admin.get(`/api/sites/${room.siteId}/occupants?from=2031-05-01&to=2031-10-31`)).body.occupants as { name: string | null }[];
    expect(all.map((o) => o.name).sort()).toEqual(['Interne Indre', 'Interne Loir']);
  });
});
