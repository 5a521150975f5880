import { describe, expect, it } from 'vitest';
import { runSeed } from '../../../seed/run.ts';
import { useTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { Database } from '../../db/connect.ts';
import { toDate } from '../../domain/calendar/semesters.ts';

describe('GET /api/sites (public catalogue)', () => {
  let db: Database;
  let app: TestApp;
  useTestApp(async (t) => {
    ({ db, app } = t);
    await runSeed(db.prisma, { demo: true, today: new Date('2026-11-24') });
  });

  it('lists the seeded internats with rent, capacity, funder and free beds, and no personal data', async () => {
    const res = await app.client().get('/api/sites?semester=2027-05');
    expect(res.status).toBe(200);
    expect(res.body.window).toEqual({ from: '2027-05-01', to: '2027-10-31' });
    const bySlug = new Map(res.body.sites.map((s: any) => [s.slug, s]));
    const bourges: any = bySlug.get('bourges-internat-rural');
    expect(bourges).toMatchObject({ rentCents: 15000, beds: 4, funder: { kind: 'departement' }, commune: 'Bourges' });
    // The annex declares no availability: free beds are unknown, not zero or invented.
    expect(bourges.freeBeds).toBeNull();
    const vendome: any = bySlug.get('demo-internat-vendome');
    expect(vendome).toMatchObject({ beds: 5, freeBeds: 5, isDemo: true });
    expect(vendome.location).toEqual([1.0656, 47.7929]);
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/contactEmail|contactName|contactPhone|passwordHash|@demo\.test/);
  });

  it('counts a booked bed as taken for overlapping dates only', async () => {
    const site = await db.prisma.site.findUniqueOrThrow({ where: { slug: 'demo-internat-romorantin' }, include: { rooms: { include: { beds: true } } } });
    const intern = await db.prisma.intern.findFirstOrThrow({ where: { isDemo: true } });
    await db.prisma.assignment.create({
      data: { internId: intern.id, bedId: site.rooms[0].beds[0].id, startDate: toDate('2027-05-01'), endDate: toDate('2027-10-31'), status: 'confirmed' },
    });
    const summer = await app.client().get('/api/sites?semester=2027-05');
    const winter = await app.client().get('/api/sites?semester=2027-11');
    const find = (r: any) => r.body.sites.find((s: any) => s.slug === 'demo-internat-romorantin');
    expect(find(summer).freeBeds).toBe(3);
    expect(find(winter).freeBeds).toBe(4);
  });

  it('answers 400 naming the field for a bad query', async () => {
    const res = await app.client().get('/api/sites?from=2027-10-01&to=2027-05-01');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ id: 'validation', field: 'query.to' });
    const bad = await app.client().get('/api/sites?semester=2027-13');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('query.semester');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await app.client().get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.id).toBe('not_found');
  });

  it('GET /api/health reports the database kind and applied migrations', async () => {
    const res = await app.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(['pglite', 'postgres']).toContain(res.body.database.kind);
    expect(res.body.database.migrations[0]).toMatch(/_init$/);
  });
});
