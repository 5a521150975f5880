import { describe, expect, it } from 'vitest';
import { buildIntern, buildPlacement, buildPractice, clientAs } from '../../../tests/helpers/factories.ts';
import { useTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { Database } from '../../db/connect.ts';

describe('practices and placements', () => {
  let db: Database;
  let app: TestApp;
  useTestApp((t) => ({ db, app } = t));

  it('lets staff create and change practices; anyone signed in reads them', async () => {
    const { client: staff } = await clientAs(app, db.prisma, 'staff');
    const res = await staff.post('/api/practices', { name: 'Maison de santé de Salbris', commune: 'Salbris', departement: 'Loir-et-Cher', location: [2.05, 47.43], supervisors: ['Dr A'] });
    expect(res.status).toBe(201);
    expect(res.body.practice).toMatchObject({ location: [2.05, 47.43], kind: 'gp_practice' });
    const changed = await staff.patch(`/api/practices/${res.body.practice.id}`, { kind: 'health_centre' });
    expect(changed.body.practice.kind).toBe('health_centre');
    expect((await staff.post('/api/practices', { name: 'X', commune: 'Y', departement: 'Z', location: [2, 95] })).body.error.field).toBe('body.location.1');
    expect((await staff.patch('/api/practices/99999999', { name: 'X' })).status).toBe(404);
    const { client: intern } = await clientAs(app, db.prisma, 'intern');
    expect((await intern.get('/api/practices')).body.practices.some((p: any) => p.id === res.body.practice.id)).toBe(true);
    expect((await intern.post('/api/practices', { name: 'X' })).status).toBe(403);
    expect((await app.client().get('/api/practices')).status).toBe(401);
    const audit = await db.prisma.auditEvent.findMany({ where: { entity: 'Practice', entityId: String(res.body.practice.id) }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]).toMatchObject({ before: { kind: 'gp_practice' }, after: { kind: 'health_centre' } });
  });

  it('lets staff create, list by semester, change and delete placements, audited per intern', async () => {
    const { client: staff } = await clientAs(app, db.prisma, 'staff');
    const intern = await buildIntern(db.prisma);
    const [p1, p2] = [await buildPractice(db.prisma), await buildPractice(db.prisma)];
    const res = await staff.post('/api/placements', { internId: intern.id, practiceId: p1.id, secondPracticeId: p2.id, startDate: '2027-05-03', endDate: '2027-10-31' });
    expect(res.status).toBe(201);
    const id = res.body.placement.id;
    const list = await staff.get(`/api/placements?semester=2027-05&internId=${intern.id}`);
    expect(list.body.placements).toHaveLength(1);
    expect(list.body.placements[0]).toMatchObject({ practice: { id: p1.id }, secondPractice: { id: p2.id }, intern: { id: intern.id } });
    expect((await staff.get(`/api/placements?semester=2027-11&internId=${intern.id}`)).body.placements).toHaveLength(0);
    expect((await staff.patch(`/api/placements/${id}`, { secondPracticeId: null })).body.placement.secondPracticeId).toBeNull();
    expect((await staff.delete(`/api/placements/${id}`)).status).toBe(204);
    const audit = await db.prisma.auditEvent.findMany({ where: { entity: 'Placement', internId: intern.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('answers bad placement input with 400/404 naming the field', async () => {
    const { client: staff } = await clientAs(app, db.prisma, 'staff');
    const placement = await buildPlacement(db.prisma);
    const base = { internId: placement.internId, practiceId: placement.practiceId, startDate: '2027-05-01', endDate: '2027-10-31' };
    const cases: [unknown, number, string][] = [
      [{ ...base, endDate: '2027-04-01' }, 400, 'body.endDate'],
      [{ ...base, practiceId: 99999999 }, 404, 'body.practiceId'],
      [{ ...base, internId: 99999999 }, 404, 'body.internId'],
      [{ ...base, startDate: 'tomorrow' }, 400, 'body.startDate'],
      [{ ...base, internId: undefined }, 400, 'body.internId'],
    ];
    for (const [body, status, field] of cases) {
      const res = await staff.post('/api/placements', body);
      expect(res.status, field).toBe(status);
      expect(res.body.error.field).toBe(field);
    }
    const reversed = await staff.patch(`/api/placements/${placement.id}`, { startDate: '2027-12-01' });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.field).toBe('body.endDate');
    const { client: intern } = await clientAs(app, db.prisma, 'intern');
    expect((await intern.get('/api/placements')).status).toBe(403);
  });
});
