import { request as httpRequest } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAssignment, buildIntern, buildPlacement, buildPractice, buildRoom, buildSite, clientAs } from '../helpers/factories.ts';
import { startTestApp, useTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';
import type { Database } from '../../server/db/connect.ts';

/**
 * Ordinary bad input found by fuzzing answered 500 (ids above int4, a NUL
 * character, year 0000) or leaked withdrawn sites. Each case here must answer
 * 4xx in the error shape and name the field.
 */
describe('bad input at the edge → 4xx naming the field', () => {
  let db: Database;
  let app: TestApp;
  let staff: TestClient;
  let intern: TestClient;
  let siteId: number;
  let withdrawnId: number;
  let withdrawnBedId: number;
  let internId: number;
  let bedId: number;
  useTestApp(async (t) => {
    ({ db, app } = t);
    staff = (await clientAs(app, db.prisma, 'staff')).client;
    intern = (await clientAs(app, db.prisma, 'intern')).client;
    siteId = (await buildSite(db.prisma)).id;
    const withdrawn = await buildSite(db.prisma, { active: false, name: 'Internat secret retiré' });
    withdrawnId = withdrawn.id;
    withdrawnBedId = (await buildRoom(db.prisma, { siteId: withdrawnId, beds: 1 })).beds[0].id;
    internId = (await buildIntern(db.prisma)).id;
    bedId = (await buildRoom(db.prisma, { siteId, beds: 1 })).beds[0].id;
  });

  const expectField = (res: { status: number; body: any }, status: number, field: string, message?: RegExp) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error).toMatchObject({ field });
    expect(typeof res.body.error.id).toBe('string');
    if (message) expect(res.body.error.message).toMatch(message);
  };

  it('ids above the database integer range, in paths, queries and bodies', async () => {
    expectField(await app.client().get('/api/sites/2147483648'), 400, 'params.id', /at most 2147483647/);
    expectField(await app.client().get('/api/sites/99999999999999999999'), 400, 'params.id');
    expectField(await staff.get('/api/assignments?internId=2147483648'), 400, 'query.internId');
    expectField(await staff.post('/api/assignments', { internId: 2147483648, bedId, startDate: '2027-05-01', endDate: '2027-10-31' }), 400, 'body.internId');
    expectField(await staff.post('/api/matching/apply', { runId: 1e12 }), 400, 'body.runId');
    expectField(await intern.put('/api/me/preferences', { siteIds: [siteId, 2 ** 31] }), 400, 'body.siteIds.1');
    // The largest int4 is a valid id that simply does not exist.
    expect((await app.client().get('/api/sites/2147483647')).status).toBe(404);
  });

  it('a NUL character in any text, validated field or not', async () => {
    expectField(await staff.patch(`/api/sites/${siteId}`, { description: 'a\u0000b' }), 400, 'body.description', /NUL/);
    expectField(await staff.post('/api/practices', { name: 'Cabinet\u0000', commune: 'Blois', departement: 'Loir-et-Cher', location: [1.3, 47.6] }), 400, 'body.name', /NUL/);
    expectField(await app.client().get('/api/sites?departement=Loir%00'), 400, 'query.departement', /NUL/);
    expectField(await app.client().post('/api/session', { email: 'a@b.example', password: 'x\u0000y' }), 400, 'body.password', /NUL/);
    expectField(await staff.patch(`/api/sites/${siteId}`, { contact: { name: 'x', unknownKey: 'y\u0000' } }), 400, 'body.contact.unknownKey', /NUL/);
    const csv = 'slug,name,commune,departement,subdivision,lng,lat,funderKind\nnul-site,Nom\u0000,Blois,Loir-et-Cher,Tours,1.3,47.6,departement\n';
    const imported = await staff.request('POST', '/api/import/sites', csv, { 'content-type': 'text/csv' });
    expect(imported.status).toBe(400);
    expect(JSON.stringify(imported.body.error.details)).toMatch(/line 2.*name|"field":"name"/);
    expect(await db.prisma.site.count({ where: { slug: 'nul-site' } })).toBe(0);
  });

  it('dates outside a sane horizon (year 0000, 9999) and semesters outside it', async () => {
    expectField(await app.client().get('/api/sites?from=0000-01-01&to=2027-01-01'), 400, 'query.from', /between 2000-01-01 and 2099-12-31/);
    expectField(await app.client().get('/api/sites?from=2027-01-01&to=9999-12-31'), 400, 'query.to');
    expectField(await app.client().get('/api/sites?semester=0000-05'), 400, 'query.semester');
    expectField(await staff.get('/api/indicators?semester=9999-11'), 400, 'query.semester');
    expectField(await staff.post('/api/assignments', { internId, bedId, startDate: '2027-05-01', endDate: '9999-12-31' }), 400, 'body.endDate');
    const room = await buildRoom(db.prisma, { siteId, beds: 1 });
    expectField(await staff.post(`/api/rooms/${room.id}/availability`, { startDate: '1999-12-31', endDate: '2000-06-01' }), 400, 'body.startDate');
  });

  it('lengths with honest messages: too long says too long, the wrong type says the type', async () => {
    expectField(await staff.patch(`/api/sites/${siteId}`, { name: 'x'.repeat(201) }), 400, 'body.name', /too long \(at most 200 characters\)/);
    expectField(await staff.patch(`/api/sites/${siteId}`, { name: 42 }), 400, 'body.name', /must be a string/);
    expectField(await staff.patch(`/api/sites/${siteId}`, { name: '   ' }), 400, 'body.name', /is required/);
    expectField(await staff.post('/api/users', { email: 'x@y.example', name: 'X', role: 'staff', password: 'p'.repeat(201) }), 400, 'body.password', /too long/);
  });

  it('deeply nested JSON is refused, not walked into a stack overflow', async () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    const res = await staff.request('PATCH', `/api/sites/${siteId}`, deep, { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/nested too deeply/);
  });

  it('a withdrawn site is absent for interns everywhere: catalogue, detail, preferences, requests', async () => {
    expect((await app.client().get(`/api/sites/${withdrawnId}`)).status).toBe(404);
    const catalogue = await app.client().get('/api/sites');
    expect(catalogue.body.sites.map((s: { id: number }) => s.id)).not.toContain(withdrawnId);
    const prefs = await intern.put('/api/me/preferences', { siteIds: [siteId, withdrawnId] });
    expectField(prefs, 404, 'body.siteIds.1');
    expect(JSON.stringify(prefs.body)).not.toContain('secret');
    const req = await intern.post('/api/me/requests', { siteId: withdrawnId });
    expectField(req, 404, 'body.siteId');
    // Answered exactly like an id that never existed, so ids cannot be enumerated.
    const unknown = await intern.post('/api/me/requests', { siteId: 2147483600 });
    expect(req.body).toEqual(unknown.body);
  });

  it('a withdrawn site takes no new booking, while existing ones can still be cancelled', async () => {
    const res = await staff.post('/api/assignments', { internId, bedId: withdrawnBedId, startDate: '2027-05-01', endDate: '2027-10-31' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/not active/);
    const existing = await buildAssignment(db.prisma, { internId: (await buildIntern(db.prisma)).id, bedId: withdrawnBedId, status: 'proposed' });
    const cancelled = await staff.delete(`/api/assignments/${existing.id}`);
    expect(cancelled.status).toBe(200);
    expect((await db.prisma.assignment.findUniqueOrThrow({ where: { id: existing.id } })).status).toBe('cancelled');
  });

  it('answers JSON on every path: a wrong method on a page, an unknown path', async () => {
    for (const [method, path] of [['POST', '/'], ['DELETE', '/catalogue'], ['PUT', '/anything/else'], ['GET', '/api/nope']] as const) {
      const res = await app.client().request(method, path, method === 'GET' ? undefined : {});
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(res.body.error.id).toBe('not_found');
    }
  });

  it('answers a query string over 16 KB with 431 and a JSON body', async () => {
    const { status, headers, body } = await rawGet(app.baseUrl, `/api/sites?departement=${'x'.repeat(20_000)}`);
    expect(status).toBe(431);
    expect(headers['content-type']).toMatch(/application\/json/);
    expect(JSON.parse(body).error).toMatchObject({ id: 'too_large' });
  });

  it('a placement search with a bad id or window names the field', async () => {
    const placement = await buildPlacement(db.prisma, { internId, practiceId: (await buildPractice(db.prisma)).id });
    expectField(await staff.get(`/api/placements/${placement.id}/nearby-sites?minutes=1e400`), 400, 'query.minutes');
    expectField(await staff.get('/api/placements/2147483648/nearby-sites'), 400, 'params.id');
    expectField(await staff.get('/api/drive-times/nearby?lng=1&lat=47&from=0001-01-01&to=2027-01-01'), 400, 'query.from');
  });
});

describe('Strict-Transport-Security only over HTTPS', () => {
  let db: Database;
  let proxied: TestApp;
  let plain: TestApp;
  useTestApp((t) => {
    db = t.db;
    plain = t.app;
  });
  beforeAll(async () => {
    proxied = await startTestApp(db, { env: { TRUST_PROXY: '1' } });
    return () => proxied.close();
  });

  it('is absent over plain HTTP and present when the trusted proxy says HTTPS', async () => {
    expect((await plain.client().get('/api/health')).headers.get('strict-transport-security')).toBeNull();
    expect((await proxied.client().get('/api/health')).headers.get('strict-transport-security')).toBeNull();
    const tls = await proxied.client().request('GET', '/api/health', undefined, { 'x-forwarded-proto': 'https' });
    expect(tls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });
});

/** A GET with node:http (fetch refuses to send such a long URL on some versions). */
function rawGet(baseUrl: string, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(baseUrl + path, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
