import { describe, expect, it } from 'vitest';
import { buildAssignment, buildIntern, buildPlacement, buildPractice, buildRoom, buildSite, buildUser } from '../../../tests/helpers/factories.ts';
import { signIn, useTestApp, type TestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import type { Database } from '../../db/connect.ts';

// The test provider drives at 60 km/h in a straight line: 1 km north ≈ 1 minute.
const ORIGIN: [number, number] = [5.0, 44.0];
const north = (km: number): [number, number] => [ORIGIN[0], ORIGIN[1] + km / 111.195];
const S = { from: '2044-05-01', to: '2044-10-31' };

describe('drive-time search', () => {
  let db: Database;
  let app: TestApp;
  let staff: TestClient;
  const ids: Record<string, number> = {};
  let placementId: number;
  let twoPracticeId: number;
  let internClient: TestClient;

  useTestApp(async (t) => {
    ({ db, app } = t);
    const site = async (name: string, km: number, o: { availability?: boolean; booked?: boolean } = {}) => {
      const [lng, lat] = north(km);
      const s = await buildSite(db.prisma, { name, lng, lat });
      const room = await buildRoom(db.prisma, { siteId: s.id, beds: 1, availability: o.availability === false ? undefined : [S] });
      if (o.booked) await buildAssignment(db.prisma, { bedId: room.beds[0].id, startDate: '2044-06-01', endDate: '2044-06-30' });
      ids[name] = s.id;
    };
    await site('Near', 10);
    await site('Mid', 25);
    await site('Far', 40);
    await site('Full', 5, { booked: true });
    await site('Undeclared', 5, { availability: false });
    const practice = await buildPractice(db.prisma, { lng: ORIGIN[0], lat: ORIGIN[1] });
    const second = await buildPractice(db.prisma, { lng: north(30)[0], lat: north(30)[1] });
    const intern = await buildIntern(db.prisma, { withUser: true });
    placementId = (await buildPlacement(db.prisma, { internId: intern.id, practiceId: practice.id, startDate: S.from, endDate: S.to })).id;
    twoPracticeId = (await buildPlacement(db.prisma, { practiceId: practice.id, secondPracticeId: second.id, startDate: S.from, endDate: S.to })).id;
    internClient = app.client();
    await signIn(internClient, intern.user!.email, intern.user!.password);
    const u = await buildUser(db.prisma, { role: 'staff' });
    staff = app.client();
    await signIn(staff, u.email, u.password);
  });

  const mine = (sites: any[]) => sites.filter((s) => Object.values(ids).includes(s.id));

  it('lists sites with a free bed for the whole placement within N minutes, nearest first', async () => {
    const res = await internClient.get(`/api/placements/${placementId}/nearby-sites?minutes=30`);
    expect(res.status).toBe(200);
    expect(res.body.window).toEqual(S);
    expect(res.body.estimate).toBe(true);
    const sites = mine(res.body.sites);
    expect(sites.map((s: any) => [s.name, s.minutes])).toEqual([
      ['Near', [10]],
      ['Mid', [25]],
    ]);
    expect(sites[0]).toMatchObject({ id: ids.Near, freeBeds: 1, rentCents: 20000, funder: { kind: 'departement' }, amenities: [], estimate: true });
    expect(JSON.stringify(res.body)).not.toMatch(/contactEmail|contact@/);
    const wider = await staff.get(`/api/placements/${placementId}/nearby-sites?minutes=45`);
    expect(mine(wider.body.sites).map((s: any) => s.name)).toEqual(['Near', 'Mid', 'Far']);
  });

  it('sums the drives to both practices of a two-practice placement', async () => {
    const res = await staff.get(`/api/placements/${twoPracticeId}/nearby-sites?minutes=30`);
    expect(res.status).toBe(200);
    // Practices at 0 and 30 km: Near = 10 + 20, Mid = 25 + 5, Far (40 + 10) is 40 min from the first.
    const sites = mine(res.body.sites);
    expect(sites.map((s: any) => [s.name, s.minutes, s.totalMinutes])).toEqual([
      ['Mid', [25, 5], 30],
      ['Near', [10, 20], 30],
    ]);
  });

  it('answers isochrones, with the area within reach of both practices', async () => {
    const one = await internClient.get(`/api/placements/${placementId}/isochrone?ranges=600,1200`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ type: 'FeatureCollection', estimate: true });
    expect(one.body.features.map((f: any) => [f.properties.kind, f.properties.value])).toEqual([['practice', 600], ['practice', 1200]]);
    const two = await staff.get(`/api/placements/${twoPracticeId}/isochrone?ranges=1200,600`);
    expect(two.body.features.map((f: any) => f.properties.kind)).toEqual(['practice', 'practice', 'practice', 'practice', 'both']);
    expect(two.body.features[4].properties.value).toBe(1200);
    const bad = await staff.get(`/api/placements/${placementId}/isochrone?ranges=600,abc`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('query.ranges.1');
  });

  it('lets only staff and the placement\'s own intern search it', async () => {
    const other = await buildIntern(db.prisma, { withUser: true });
    const c = app.client();
    await signIn(c, other.user!.email, other.user!.password);
    expect((await c.get(`/api/placements/${placementId}/nearby-sites`)).status).toBe(403);
    expect((await c.get(`/api/placements/${placementId}/isochrone`)).status).toBe(403);
    const manager = await buildUser(db.prisma, { role: 'manager' });
    const m = app.client();
    await signIn(m, manager.email, manager.password);
    expect((await m.get(`/api/placements/${placementId}/nearby-sites`)).status).toBe(403);
    expect((await app.client().get(`/api/placements/${placementId}/nearby-sites`)).status).toBe(401);
    expect((await staff.get('/api/placements/999999999/nearby-sites')).status).toBe(404);
    expect((await staff.get(`/api/placements/${placementId}/nearby-sites?minutes=0`)).body.error.message).toBe('query.minutes: must be at least 1');
  });

  it('searches around a point for any signed-in user', async () => {
    const manager = await buildUser(db.prisma, { role: 'manager' });
    const m = app.client();
    await signIn(m, manager.email, manager.password);
    const res = await m.get(`/api/drive-times/nearby?lng=${ORIGIN[0]}&lat=${ORIGIN[1]}&minutes=20&from=${S.from}&to=${S.to}`);
    expect(res.status).toBe(200);
    expect(mine(res.body.sites).map((s: any) => s.name)).toEqual(['Near']);
    expect((await m.get('/api/drive-times/nearby?lng=5&lat=95')).body.error.message).toBe('query.lat: must be ≤ 90');
    expect((await app.client().get('/api/drive-times/nearby?lng=5&lat=44')).status).toBe(401);
  });
});
