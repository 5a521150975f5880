import { describe, expect, it } from 'vitest';
import { buildIntern, buildPlacement, buildPractice, buildUser } from '../../../tests/helpers/factories.ts';
import { signIn, useTestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import { EmbeddedEngine } from '../../routing/embedded-engine.ts';
import { graphFromWays } from '../../routing/test-graph.ts';

// Roads decide, not the crow: from the practice P, a 60 km/h road runs 15.7 km east to R, and a
// 10 km/h track 5.6 km north to T. As the crow flies T is nearer; by road it is 33 min away.
const P: [number, number] = [6.0, 45.0];
const R: [number, number] = [6.2, 45.0];
const T: [number, number] = [6.0, 45.05];
const roads = graphFromWays([P, R, T], [{ nodes: [0, 1], speedKmh: 60 }, { nodes: [0, 2], speedKmh: 10 }]);
const S = { from: '2098-05-01', to: '2098-10-31' };

describe('coverage on a road graph', () => {
  let staff: TestClient;

  useTestApp(
    async ({ db, app }) => {
      // Hautes-Alpes (05), a département no other coverage test uses.
      const practice = await buildPractice(db.prisma, { commune: 'Embrun', departement: 'Hautes-Alpes', lng: P[0], lat: P[1] });
      await buildPlacement(db.prisma, { internId: (await buildIntern(db.prisma, { departementCode: '05' })).id, practiceId: practice.id, startDate: S.from, endDate: S.to });
      const u = await buildUser(db.prisma, { role: 'staff', departementCodes: ['05'] });
      staff = app.client();
      await signIn(staff, u.email, u.password);
    },
    { provider: new EmbeddedEngine(roads, { snapRadiusM: 500 }) },
  );

  it('suggests the place the roads bring within 30 minutes, not the one nearer as the crow flies', async () => {
    const res = await staff.post('/api/coverage/suggestions', { ...S, communes: false, candidates: [{ name: 'Au bout du chemin', location: T }, { name: 'Au bout de la route', location: R }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ estimate: false, placements: { total: 1, covered: 0, uncovered: 1 } });
    expect(res.body.uncovered[0].todayBest).toBeNull();
    expect(res.body.suggestions).toHaveLength(1);
    expect(res.body.suggestions[0]).toMatchObject({ name: 'Au bout de la route', newlyCovered: 1, newlyFar: 1 });
    expect(res.body.suggestions[0].placements[0].minutes).toBeCloseTo(15.7, 0);
    expect(res.body.suggestions[0].isochrone?.geometry.type).toMatch(/Polygon/);
  });
});
