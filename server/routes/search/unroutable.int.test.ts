import { describe, expect, it } from 'vitest';
import { buildIntern, buildPlacement, buildPractice, buildRoom, buildSite, buildUser } from '../../../tests/helpers/factories.ts';
import { signIn, useTestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import { EmbeddedEngine } from '../../routing/embedded-engine.ts';
import { graphFromWays } from '../../routing/test-graph.ts';

// One 10 km road east of (5, 44); a practice 20 km north of it is off the network.
const road = graphFromWays([[5, 44], [5.13, 44]], [{ nodes: [0, 1], speedKmh: 60 }]);
const S = { from: '2044-05-01', to: '2044-10-31' };

describe('a placement the engine cannot place on its roads', () => {
  let staff: TestClient;
  let farPlacement: number;
  let nearPlacement: number;

  useTestApp(
    async ({ db, app }) => {
      const site = await buildSite(db.prisma, { name: 'By the road', lng: 5.05, lat: 44.001 });
      await buildRoom(db.prisma, { siteId: site.id, beds: 1, availability: [S] });
      const far = await buildPractice(db.prisma, { lng: 5.05, lat: 44.18 });
      const near = await buildPractice(db.prisma, { lng: 5.1, lat: 44.001 });
      farPlacement = (await buildPlacement(db.prisma, { internId: (await buildIntern(db.prisma)).id, practiceId: far.id, startDate: S.from, endDate: S.to })).id;
      nearPlacement = (await buildPlacement(db.prisma, { internId: (await buildIntern(db.prisma)).id, practiceId: near.id, startDate: S.from, endDate: S.to })).id;
      const u = await buildUser(db.prisma, { role: 'staff' });
      staff = app.client();
      await signIn(staff, u.email, u.password);
    },
    { provider: new EmbeddedEngine(road, { snapRadiusM: 2000, accessSpeedKmh: 30 }) },
  );

  it('answers its isochrone with a 400 naming the location, in the error shape, never a bare "Bad request"', async () => {
    const res = await staff.get(`/api/placements/${farPlacement}/isochrone`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ id: 'point_not_routable', field: 'location' });
    expect(res.body.error.message).toMatch(/within a radius of 2000\.0 meters of specified coordinate 0: 5\.0500000 44\.1800000/);
  });

  it('finds no housing for it rather than failing, and still serves a placement on the road', async () => {
    const far = await staff.get(`/api/placements/${farPlacement}/nearby-sites?minutes=30`);
    expect(far.status).toBe(200);
    expect(far.body.sites).toEqual([]);
    const near = await staff.get(`/api/placements/${nearPlacement}/nearby-sites?minutes=30`);
    expect(near.status).toBe(200);
    expect(near.body.sites.map((s: { name: string }) => s.name)).toEqual(['By the road']);
  });
});
