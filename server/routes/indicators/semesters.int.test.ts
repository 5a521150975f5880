import { describe, expect, it } from 'vitest';
import { buildAssignment, buildIntern, buildPlacement, buildPractice, buildRoom, buildSite, buildUser } from '../../../tests/helpers/factories.ts';
import { signIn, useTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { unique } from '../../../tests/helpers/test-db.ts';
import type { Database } from '../../db/connect.ts';
import { toDate } from '../../domain/calendar/semesters.ts';

// Creuse (23) and years 2081–2082: no other test file writes there, so on a shared PostgreSQL the
// département's counts are this file's own. Each test uses semesters of its own.
const CREUSE = 'Creuse (23)';

async function creuseSite(db: Database, name: string, subdivision = 'Limoges') {
  const site = await buildSite(db.prisma, { name });
  return db.prisma.site.update({ where: { id: site.id }, data: { departement: CREUSE, commune: 'Guéret', subdivision } });
}

async function signedIn(app: TestApp, email: string, password: string) {
  const client = app.client();
  await signIn(client, email, password);
  return client;
}

describe('GET /api/indicators/semesters', () => {
  let db: Database;
  let app: TestApp;
  useTestApp((t) => ({ db, app } = t));

  it('counts placed, housed within/beyond the limit, not housed, foreign interns, drives and occupancy per semester', async () => {
    const site = await creuseSite(db, 'Internat de Guéret (test)');
    const room = await buildRoom(db.prisma, { siteId: site.id, beds: 4, availability: [{ from: '2081-05-01', to: '2082-04-30' }] });
    const practice = await buildPractice(db.prisma, { departement: CREUSE, commune: 'Guéret' });
    const intern = async (subdivision: string, limitMinutes: number | null = null) => {
      const i = await buildIntern(db.prisma, { departementCode: '23' });
      return db.prisma.intern.update({ where: { id: i.id }, data: { subdivision, limitMinutes } });
    };
    const book = async (internId: number, bed: number, from: string, to: string, driveSeconds: number | null, status: 'confirmed' | 'proposed' | 'cancelled' = 'confirmed') => {
      const a = await buildAssignment(db.prisma, { internId, bedId: room.beds[bed].id, startDate: from, endDate: to, status });
      if (driveSeconds !== null) await db.prisma.assignment.update({ where: { id: a.id }, data: { driveSeconds, driveEstimate: driveSeconds === 2400 } });
    };
    const summer = ['2081-05-01', '2081-10-31'] as const;
    const winter = ['2081-11-01', '2082-04-30'] as const;
    const a = await intern('Limoges');
    const b = await intern('limoges');
    const c = await intern('Limoges', 45);
    const d = await intern('Limoges');
    const e = await intern('Poitiers');
    for (const i of [a, b, c, d, e]) await buildPlacement(db.prisma, { internId: i.id, practiceId: practice.id, startDate: summer[0], endDate: summer[1] });
    await buildPlacement(db.prisma, { internId: a.id, practiceId: practice.id, startDate: winter[0], endDate: winter[1] });
    await book(a.id, 0, ...summer, 20 * 60); // within 30 min
    await book(b.id, 1, ...summer, 40 * 60, 'proposed'); // beyond 30 min (an estimate)
    await book(c.id, 2, '2081-05-01', '2081-07-31', 40 * 60); // within their own 45 min, half the semester
    await book(d.id, 2, '2081-08-01', '2081-10-31', 10 * 60, 'cancelled'); // cancelled: not housed
    await book(e.id, 3, ...summer, null); // housed, no drive recorded
    await book(a.id, 0, ...winter, 25 * 60);
    // An Indre intern placed the same semester is not Creuse's.
    const indre = await buildPractice(db.prisma, { departement: 'Indre (36)', commune: 'Châteauroux' });
    await buildPlacement(db.prisma, { practiceId: indre.id, startDate: summer[0], endDate: summer[1] });

    // Aid: grants dated in the semester count, a cancelled one does not; an Indre intern's is not Creuse's.
    const scheme = await db.prisma.aidScheme.create({ data: { code: unique('aide-23'), name: 'Aide de la Creuse (test)', departementCode: '23', kind: 'lump_sum', amountCents: 180000 } });
    const grant = (internId: number, amountCents: number, grantedOn: string, cancelled = false) =>
      db.prisma.aidGrant.create({ data: { schemeId: scheme.id, internId, amountCents, grantedOn: toDate(grantedOn), cancelledAt: cancelled ? new Date() : null } });
    await grant(a.id, 180000, '2081-05-01');
    await grant(b.id, 90000, '2081-10-31');
    await grant(c.id, 180000, '2081-07-01', true);
    await grant(a.id, 15000, '2081-11-01');
    await grant((await buildIntern(db.prisma, { departementCode: '36' })).id, 180000, '2081-06-01');

    const staff = await buildUser(db.prisma, { role: 'staff', departementCodes: ['23'] });
    const client = await signedIn(app, staff.email, staff.password);
    const res = await client.get('/api/indicators/semesters?count=3&until=2082-05');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ departement: null, departements: ['23'], limitMinutes: 30 });
    const [s1, s2, s3] = res.body.semesters;
    expect(res.body.semesters.map((s: any) => s.semester.id)).toEqual(['2081-05', '2081-11', '2082-05']);
    expect(s1.semester).toEqual({ id: '2081-05', from: '2081-05-01', to: '2081-10-31' });
    expect(s1.interns).toEqual({ placed: 5, housedWithinLimit: 2, housedBeyondLimit: 1, housedDriveUnknown: 1, notHoused: 1, foreign: 1, subdivisionUnknown: 0 });
    expect(s1.drive).toEqual({ averageMinutes: 33.3, worstMinutes: 40, counted: 3, estimate: true });
    // 4 beds × 184 days offered; booked 184 + 184 + 92 + 184 (the cancelled one does not count).
    expect(s1.occupancy.find((o: any) => o.siteId === site.id)).toEqual({ siteId: site.id, name: 'Internat de Guéret (test)', beds: 4, bookedBedDays: 644, availableBedDays: 736, rate: 0.875 });
    expect(s2.interns).toEqual({ placed: 1, housedWithinLimit: 1, housedBeyondLimit: 0, housedDriveUnknown: 0, notHoused: 0, foreign: 0, subdivisionUnknown: 0 });
    expect(s2.drive).toEqual({ averageMinutes: 25, worstMinutes: 25, counted: 1, estimate: false });
    const schemeAid = (count: number, amountCents: number) => ({ count, amountCents, schemes: [{ schemeId: scheme.id, code: scheme.code, name: 'Aide de la Creuse (test)', count, amountCents }] });
    expect(s1.aid).toEqual(schemeAid(2, 270000));
    expect(s2.aid).toEqual(schemeAid(1, 15000));
    expect(s3.aid).toEqual({ count: 0, amountCents: 0, schemes: [] });
    expect(s3.interns.placed).toBe(0);
    expect(s3.drive).toEqual({ averageMinutes: null, worstMinutes: null, counted: 0, estimate: false });
    expect(s3.occupancy.find((o: any) => o.siteId === site.id).rate).toBeNull();

    // The default limit applies to interns without their own: at 20 min A (20) stays within, C keeps their 45; at 45 B is within.
    const strict = await client.get('/api/indicators/semesters?count=1&until=2081-05&limitMinutes=20');
    expect(strict.body.semesters[0].interns).toMatchObject({ housedWithinLimit: 2, housedBeyondLimit: 1 });
    const lax = await client.get('/api/indicators/semesters?count=1&until=2081-05&limitMinutes=45');
    expect(lax.body.semesters[0].interns).toMatchObject({ housedWithinLimit: 3, housedBeyondLimit: 0 });
  }, 120_000);

  it('counts an intern as unknown-origin when no site of the département records a subdivision, and checks the query', async () => {
    // Corrèze (19) has no site at all in this file: its subdivision is unknown.
    const practice = await buildPractice(db.prisma, { departement: 'Corrèze (19)', commune: 'Tulle' });
    await buildPlacement(db.prisma, { practiceId: practice.id, startDate: '2082-11-01', endDate: '2083-04-30' });
    const admin = await buildUser(db.prisma, { role: 'admin' });
    const client = await signedIn(app, admin.email, admin.password);
    const res = await client.get('/api/indicators/semesters?departement=19&count=1&until=2082-11');
    expect(res.status).toBe(200);
    expect(res.body.departements).toEqual(['19']);
    expect(res.body.semesters[0].interns).toMatchObject({ placed: 1, notHoused: 1, foreign: 0, subdivisionUnknown: 1 });
    const national = await client.get('/api/indicators/semesters?count=1&until=2082-11');
    expect(national.body).toMatchObject({ departement: null, departements: null });
    expect(national.body.semesters[0].interns.placed).toBeGreaterThanOrEqual(1);

    expect((await client.get('/api/indicators/semesters?departement=99')).body.error).toMatchObject({ id: 'not_found', field: 'query.departement' });
    expect((await client.get('/api/indicators/semesters?count=0')).body.error.message).toBe('query.count: must be at least 1');
    expect((await client.get('/api/indicators/semesters?count=25')).status).toBe(400);
    expect((await client.get('/api/indicators/semesters?until=2081-06')).body.error.field).toBe('query.until');
    expect((await client.get('/api/indicators/semesters?departement=x1')).body.error.field).toBe('query.departement');
  });

  it('defaults to the six semesters up to the next one', async () => {
    const staff = await buildUser(db.prisma, { role: 'staff', departementCodes: ['23'] });
    const client = await signedIn(app, staff.email, staff.password);
    const res = await client.get('/api/indicators/semesters');
    expect(res.status).toBe(200);
    expect(res.body.semesters).toHaveLength(6);
    const ids = res.body.semesters.map((s: any) => s.semester.id);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[5] > new Date().toISOString().slice(0, 7)).toBe(true);
  });
});

describe('Indicators over semesters by département (scoping)', () => {
  let db: Database;
  let app: TestApp;
  useTestApp((t) => ({ db, app } = t));

  it("lets Loir-et-Cher's staff read only Loir-et-Cher's figures; Indre's are Indre staff's and the admin's", async () => {
    const loirEtCher = await buildSite(db.prisma, { name: 'Internat scoping 41' });
    const indre = await buildSite(db.prisma, { name: 'Internat scoping 36' });
    await db.prisma.site.update({ where: { id: indre.id }, data: { departement: 'Indre (36)' } });
    const indrePractice = await buildPractice(db.prisma, { departement: 'Indre (36)' });
    await buildPlacement(db.prisma, { internId: (await buildIntern(db.prisma, { departementCode: '36' })).id, practiceId: indrePractice.id, startDate: '2083-05-01', endDate: '2083-10-31' });

    const staff41 = await signedIn(app, ...(await creds(buildUser(db.prisma, { role: 'staff', departementCodes: ['41'] }))));
    const staff36 = await signedIn(app, ...(await creds(buildUser(db.prisma, { role: 'staff', departementCodes: ['36'] }))));
    const admin = await signedIn(app, ...(await creds(buildUser(db.prisma, { role: 'admin' }))));

    const refused = await staff41.get('/api/indicators/semesters?departement=36');
    expect(refused.status).toBe(403);
    expect(refused.body.error.field).toBe('query.departement');
    expect((await staff41.get('/api/indicators/semesters.csv?departement=36')).status).toBe(403);

    const own = await staff41.get('/api/indicators/semesters?count=1&until=2083-05');
    const ownSites = own.body.semesters[0].occupancy.map((o: any) => o.siteId);
    expect(own.body.departements).toEqual(['41']);
    expect(ownSites).toContain(loirEtCher.id);
    expect(ownSites).not.toContain(indre.id);
    const ownCsv = await staff41.get('/api/indicators/semesters.csv?count=1&until=2083-05');
    expect(ownCsv.body).not.toContain('Internat scoping 36');

    for (const c of [staff36, admin]) {
      const res = await c.get('/api/indicators/semesters?departement=36&count=1&until=2083-05');
      expect(res.status).toBe(200);
      expect(res.body.departements).toEqual(['36']);
      expect(res.body.semesters[0].interns.placed).toBeGreaterThanOrEqual(1);
      expect(res.body.semesters[0].occupancy.map((o: any) => o.siteId)).toContain(indre.id);
      expect(res.body.semesters[0].occupancy.map((o: any) => o.siteId)).not.toContain(loirEtCher.id);
    }
  });
});

async function creds(user: Promise<{ email: string; password: string }>): Promise<[string, string]> {
  const u = await user;
  return [u.email, u.password];
}

describe('GET /api/indicators/semesters.csv', () => {
  let db: Database;
  let app: TestApp;
  useTestApp((t) => ({ db, app } = t));

  it('serves French CSV by default and English with sep=, or format=en', async () => {
    const site = await creuseSite(db, 'Internat CSV (test)');
    await buildRoom(db.prisma, { siteId: site.id, beds: 1, availability: [{ from: '2084-05-01', to: '2084-10-31' }] });
    const staff = await buildUser(db.prisma, { role: 'staff', departementCodes: ['23'] });
    const client = await signedIn(app, staff.email, staff.password);
    const fr = await client.get('/api/indicators/semesters.csv?departement=23&count=2&until=2084-11');
    expect(fr.status).toBe(200);
    expect(fr.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(fr.headers.get('content-disposition')).toContain('indicateurs-23.csv');
    // The BOM is checked in semester-indicators-csv.test.ts (fetch's text() drops it).
    const lines = (fr.body as string).split('\r\n');
    expect(lines[0]).toMatch(/^\ufeff?semestre;début;fin;internes placés;/);
    expect(lines[0]).toContain("taux d'occupation (%) : Internat CSV (test)");
    expect(lines[1]).toMatch(/^2084-05;2084-05-01;2084-10-31;0;/);
    expect(lines[2]).toMatch(/^2084-11;2084-11-01;2085-04-30;0;/);
    for (const q of ['sep=,', 'format=en']) {
      const en = await client.get(`/api/indicators/semesters.csv?departement=23&count=1&until=2084-05&${q}`);
      expect((en.body as string).split('\r\n')[0]).toMatch(/^\ufeff?semester,from,to,placed,housedWithinLimit,/);
    }
    expect((await client.get('/api/indicators/semesters.csv?sep=|')).body.error.field).toBe('query.sep');
  });
});
