import { describe, expect, it } from 'vitest';
import { buildIntern, buildPlacement, buildPractice, buildUser, clientAs, TEST_PASSWORD } from '../../../tests/helpers/factories.ts';
import { signIn, useTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { unique } from '../../../tests/helpers/test-db.ts';
import type { Database } from '../../db/connect.ts';

/** Schemes of this file's own (unique codes): a 41 lump sum, a national monthly one, a 41 per-km one. */
async function buildSchemes(db: Database) {
  const p = db.prisma;
  const lump = await p.aidScheme.create({ data: { code: unique('fsim'), name: 'FSIM test', departementCode: '41', kind: 'lump_sum', amountCents: 180000, minMonths: 6 } });
  const monthly = await p.aidScheme.create({ data: { code: unique('ifh'), name: 'IFH test', kind: 'monthly', amountCents: 15000, requiresUnderservedZone: true, conflictsWithHousingAid: true } });
  const km = await p.aidScheme.create({
    data: { code: unique('ik'), name: 'IK test', departementCode: '41', kind: 'per_km', rateTable: { version: 1, bands: [{ fromKm: 30, toKm: 60, centsPerMonth: 5000 }, { fromKm: 60, toKm: null, centsPerMonth: 10000 }] } },
  });
  return { lump, monthly, km };
}

const staffOf = async (app: TestApp, db: Database, codes: string[]) => {
  const user = await buildUser(db.prisma, { role: 'staff', departementCodes: codes });
  const client = app.client();
  await signIn(client, user.email, TEST_PASSWORD);
  return { client, user };
};

describe('aid: estimate and register', () => {
  let db: Database;
  let app: TestApp;
  useTestApp((t) => ({ db, app } = t));

  it("tells an intern what they may claim and why, from the road distance to their placement, and their housing-aid answer", async () => {
    const schemes = await buildSchemes(db);
    const { client, intern } = await clientAs(app, db.prisma, 'intern');
    // Vendôme, about 50 km from Tours as the crow flies (the test provider's straight line, flagged as an estimate).
    const practice = await buildPractice(db.prisma, { commune: 'Vendôme', lng: 1.0611, lat: 47.8014 });
    await db.prisma.practice.update({ where: { id: practice.id }, data: { underservedZone: true } });
    await buildPlacement(db.prisma, { internId: intern!.id, practiceId: practice.id, startDate: '2099-05-01', endDate: '2099-10-31' });

    const res = await client.get('/api/me/aid');
    expect(res.status).toBe(200);
    const { estimate } = res.body;
    expect(estimate.placement).toMatchObject({ startDate: '2099-05-01', practices: [{ commune: 'Vendôme' }] });
    expect(estimate.distance).toMatchObject({ town: 'Tours', estimate: true });
    const mine = (id: number) => estimate.schemes.find((s: any) => s.schemeId === id);
    expect(mine(schemes.lump.id)).toMatchObject({ status: 'eligible', amountCents: 180000 });
    expect(mine(schemes.monthly.id)).toMatchObject({ status: 'to_confirm', amountCents: 90000 });
    expect(mine(schemes.km.id)).toMatchObject({ status: 'eligible', monthlyCents: 5000, amountCents: 30000 });
    expect(mine(schemes.km.id).reasons[1]).toMatchObject({ code: 'distance_band', params: { town: 'Tours', estimate: true } });

    expect((await client.put('/api/me/housing-aid', { receivesHousingAid: true })).status).toBe(200);
    const after = (await client.get('/api/me/aid')).body.estimate;
    expect(after.schemes.find((s: any) => s.schemeId === schemes.monthly.id)).toMatchObject({ status: 'conflict' });
    const audit = await db.prisma.auditEvent.findFirst({ where: { entity: 'Intern', internId: intern!.id, action: 'update' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ before: { receivesHousingAid: null }, after: { receivesHousingAid: true } });
    expect((await client.put('/api/me/housing-aid', { receivesHousingAid: 'oui' })).body.error.field).toBe('body.receivesHousingAid');
  });

  it('lets staff record a grant for their own intern, audited in the same transaction, list it, and cancel it once', async () => {
    const { lump } = await buildSchemes(db);
    const intern = await buildIntern(db.prisma, { departementCode: '41' });
    const placement = await buildPlacement(db.prisma, { internId: intern.id, startDate: '2098-05-01', endDate: '2098-10-31' });
    const { client, user } = await staffOf(app, db, ['41']);
    const made = await client.post(`/api/interns/${intern.id}/aid-grants`, { schemeId: lump.id, amountCents: 180000, grantedOn: '2098-05-04', placementId: placement.id, note: 'Virement' });
    expect(made.status).toBe(201);
    expect(made.body.grant).toMatchObject({ scheme: { code: lump.code }, intern: { id: intern.id }, amountCents: 180000, grantedOn: '2098-05-04', placementId: placement.id, cancelledAt: null });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'AidGrant', entityId: String(made.body.grant.id), action: 'create' } });
    expect(audit).toMatchObject({ actorId: user.id, internId: intern.id, after: { amountCents: 180000, schemeCode: lump.code } });

    const list = await client.get(`/api/interns/${intern.id}/aid-grants`);
    expect(list.body.grants.map((g: any) => g.id)).toEqual([made.body.grant.id]);
    const register = await client.get(`/api/aid-grants?schemeId=${lump.id}&from=2098-01-01&to=2098-12-31`);
    expect(register.body).toMatchObject({ grants: [{ id: made.body.grant.id }], totalCents: 180000 });

    // The intern's estimate now says granted.
    const estimate = (await client.get(`/api/interns/${intern.id}/aid`)).body.estimate;
    expect(estimate.schemes.find((s: any) => s.schemeId === lump.id)).toMatchObject({ status: 'granted', amountCents: 180000 });

    const cancelled = await client.delete(`/api/aid-grants/${made.body.grant.id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.grant.cancelledAt).not.toBeNull();
    expect((await client.delete(`/api/aid-grants/${made.body.grant.id}`)).status).toBe(409);
    expect((await client.get(`/api/aid-grants?schemeId=${lump.id}`)).body.grants).toEqual([]);
    expect((await client.get(`/api/aid-grants?schemeId=${lump.id}&cancelled=1`)).body.grants).toHaveLength(1);
    expect(await db.prisma.auditEvent.count({ where: { entity: 'AidGrant', entityId: String(made.body.grant.id), action: 'cancel' } })).toBe(1);
  });

  it("answers 404 to Loir-et-Cher's staff for an Indre intern, and 403 for an Indre-funded scheme", async () => {
    const { monthly } = await buildSchemes(db);
    const indreScheme = await db.prisma.aidScheme.create({ data: { code: unique('indre'), name: 'Aide Indre', departementCode: '36', kind: 'lump_sum', amountCents: 50000 } });
    const indrePractice = await buildPractice(db.prisma, { departement: 'Indre (36)', commune: 'Le Blanc', lng: 1.06, lat: 46.63 });
    const indreIntern = await buildIntern(db.prisma, { departementCode: '36' });
    await buildPlacement(db.prisma, { internId: indreIntern.id, practiceId: indrePractice.id });
    const ownIntern = await buildIntern(db.prisma, { departementCode: '41' });
    const { client: loir } = await staffOf(app, db, ['41']);
    const { client: indre } = await staffOf(app, db, ['36']);

    for (const path of [`/api/interns/${indreIntern.id}/aid`, `/api/interns/${indreIntern.id}/aid-grants`]) expect((await loir.get(path)).status).toBe(404);
    const refused = await loir.post(`/api/interns/${indreIntern.id}/aid-grants`, { schemeId: monthly.id, amountCents: 15000, grantedOn: '2027-05-02' });
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body)).not.toContain(indreIntern.name);
    const theirs = await indre.post(`/api/interns/${indreIntern.id}/aid-grants`, { schemeId: indreScheme.id, amountCents: 50000, grantedOn: '2027-05-02' });
    expect(theirs.status).toBe(201);
    expect((await loir.delete(`/api/aid-grants/${theirs.body.grant.id}`)).status).toBe(404);
    expect((await loir.get(`/api/aid-grants?internId=${indreIntern.id}`)).body.grants).toEqual([]);
    expect((await loir.post(`/api/interns/${ownIntern.id}/aid-grants`, { schemeId: indreScheme.id, amountCents: 50000, grantedOn: '2027-05-02' })).status).toBe(403);
  });

  it('refuses bad grants with the field at fault', async () => {
    const { lump } = await buildSchemes(db);
    const intern = await buildIntern(db.prisma, { departementCode: '41' });
    const other = await buildPlacement(db.prisma);
    const { client } = await staffOf(app, db, ['41']);
    const post = (body: object) => client.post(`/api/interns/${intern.id}/aid-grants`, { schemeId: lump.id, amountCents: 1000, grantedOn: '2027-05-02', ...body });
    expect((await post({ amountCents: 0 })).body.error.field).toBe('body.amountCents');
    expect((await post({ amountCents: 10.5 })).body.error.field).toBe('body.amountCents');
    expect((await post({ grantedOn: '2027-02-30' })).body.error.field).toBe('body.grantedOn');
    expect((await post({ placementId: other.id })).body.error).toMatchObject({ id: 'not_found', field: 'body.placementId' });
    expect((await post({ schemeId: 2_000_000_000 })).body.error).toMatchObject({ id: 'not_found', field: 'body.schemeId' });
    expect((await client.get('/api/aid-grants?from=2027-05-02&to=2027-01-01')).body.error.field).toBe('query.to');
  });

  it('lists the active schemes with their rate tables to anyone signed in', async () => {
    const { km } = await buildSchemes(db);
    const { client } = await clientAs(app, db.prisma, 'manager');
    const res = await client.get('/api/aid/schemes');
    expect(res.status).toBe(200);
    expect(res.body.schemes.find((s: any) => s.id === km.id)).toMatchObject({ kind: 'per_km', rateTable: { version: 1, bands: [{ fromKm: 30 }, { fromKm: 60, toKm: null }] } });
  });

  it('lets staff configure their département’s schemes (rate table validated, audited), not a nationwide or another département’s', async () => {
    const { client: loir, user } = await staffOf(app, db, ['41']);
    const code = unique('ik-conf').toLowerCase();
    const bands = [{ fromKm: 20, toKm: 50, centsPerMonth: 4000 }, { fromKm: 50, toKm: null, centsPerMonth: 9000 }];
    const made = await loir.post('/api/aid/schemes', { code, name: 'IK 41', departementCode: '41', kind: 'per_km', rateTable: { version: 1, bands } });
    expect(made.status).toBe(201);
    expect(made.body.scheme).toMatchObject({ code, kind: 'per_km', amountCents: 0, rateTable: { bands } });
    const id = made.body.scheme.id;
    const gap = await loir.patch(`/api/aid/schemes/${id}`, { rateTable: { version: 1, bands: [bands[0], { fromKm: 60, toKm: null, centsPerMonth: 9000 }] } });
    expect(gap.body.error).toMatchObject({ id: 'validation', field: 'body.rateTable.bands.1.fromKm' });
    const changed = await loir.patch(`/api/aid/schemes/${id}`, { rateTable: { version: 1, bands: [{ ...bands[0], centsPerMonth: 4500 }, bands[1]] }, active: false });
    expect(changed.status).toBe(200);
    expect(changed.body.scheme).toMatchObject({ active: false, rateTable: { bands: [{ centsPerMonth: 4500 }, { centsPerMonth: 9000 }] } });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'AidScheme', entityId: String(id), action: 'update' } });
    expect(audit).toMatchObject({ actorId: user.id, before: { active: true }, after: { active: false } });
    expect((await loir.patch(`/api/aid/schemes/${id}`, { rateTable: null })).body.error.field).toBe('body.rateTable');
    expect((await loir.post('/api/aid/schemes', { code: unique('no-rates').toLowerCase(), name: 'X', departementCode: '41', kind: 'per_km' })).body.error.field).toBe('body.rateTable');

    const { monthly } = await buildSchemes(db);
    expect((await loir.patch(`/api/aid/schemes/${monthly.id}`, { amountCents: 1 })).status).toBe(403);
    expect((await loir.post('/api/aid/schemes', { code: unique('nat').toLowerCase(), name: 'X', departementCode: null, kind: 'monthly', amountCents: 100 })).status).toBe(403);
    expect((await loir.post('/api/aid/schemes', { code: unique('indre').toLowerCase(), name: 'X', departementCode: '36', kind: 'lump_sum', amountCents: 100 })).status).toBe(403);
    expect((await loir.post('/api/aid/schemes', { code, name: 'Again', departementCode: '41', kind: 'lump_sum', amountCents: 100 })).status).toBe(409);
    const { client: admin } = await clientAs(app, db.prisma, 'admin');
    expect((await admin.patch(`/api/aid/schemes/${monthly.id}`, { amountCents: 16000 })).body.scheme.amountCents).toBe(16000);
  });
});
