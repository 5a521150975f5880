import { beforeEach, describe, expect, it } from 'vitest';
import { buildAssignment, buildIntern, buildPlacement, buildPractice, buildRoom, buildSite, buildUser, clientAs } from '../../../tests/helpers/factories.ts';
import { straightLineTestProvider } from '../../../tests/helpers/fake-drive-times.ts';
import { signIn, useTestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import type { DriveTimeProvider, LngLat } from '../../routing/provider.ts';

// Straight line at 60 km/h: 1 km ≈ 1 minute. A world in Lozère (48) in 2098, a year no other test uses.
const ORIGIN: LngLat = [3.5, 44.5];
const at = (east: number, north: number): LngLat => [ORIGIN[0] + east / (111.195 * Math.cos((ORIGIN[1] * Math.PI) / 180)), ORIGIN[1] + north / 111.195];
const S = { from: '2098-05-01', to: '2098-10-31' };
const Q = `from=${S.from}&to=${S.to}`;

/** The test provider, counting matrix calls and keeping their sizes. */
const calls: { sources: LngLat[]; destinations: LngLat[] }[] = [];
const base = straightLineTestProvider();
const spy: DriveTimeProvider = {
  name: base.name,
  matrix(sources, destinations, options) {
    calls.push({ sources, destinations });
    return base.matrix(sources, destinations, options);
  },
  isochrones: (l, r, o) => base.isochrones(l, r, o),
};

describe('coverage: where to open next', () => {
  let staff: TestClient;
  let admin: TestClient;
  const pl: Record<string, number> = {};

  useTestApp(
    async ({ db, app }) => {
      const p = db.prisma;
      const practice = (commune: string, [lng, lat]: LngLat, departement = 'Lozère') => buildPractice(p, { commune, departement, lng, lat });
      const placement = async (name: string, practices: { id: number }[], o: { limitMinutes?: number; departement?: string } = {}) => {
        const intern = await buildIntern(p, { name, departementCode: o.departement ?? '48' });
        if (o.limitMinutes) await p.intern.update({ where: { id: intern.id }, data: { limitMinutes: o.limitMinutes } });
        pl[name] = (await buildPlacement(p, { internId: intern.id, practiceId: practices[0].id, secondPracticeId: practices[1]?.id, startDate: S.from, endDate: S.to })).id;
        return intern;
      };
      const existing = await buildSite(p, { name: 'Internat existant', lng: at(0, 0)[0], lat: at(0, 0)[1] });
      await buildRoom(p, { siteId: existing.id, beds: 1, availability: [S] });

      const mende = await practice('Mende', at(10, 0));
      const florac = await practice('Florac', at(0, 40));
      const langogne1 = await practice('Langogne', at(0, 60));
      const langogne2 = await practice('Langogne', at(1, 60));
      const marvejols = await practice('Marvejols', at(60, 0));
      await placement('Covered Mende', [mende]); // 10 min from the internat
      await placement('Florac', [florac]); // 40 min: beyond 30, not beyond 45
      await placement('Florac 45', [florac], { limitMinutes: 45 }); // the intern's own limit: covered
      await placement('Langogne', [langogne1]); // 60 min
      const own = await placement('Langogne booked', [langogne2]); // 60 min, but holds a bed 2 km away
      await placement('Marvejols', [marvejols]); // 60 min
      await placement('Florac + Langogne', [florac, langogne1]); // 40 and 60 min: the longer drive decides

      // A site 2 km from Langogne whose one bed is booked by one of the placements' interns: free for them only.
      const full = await buildSite(p, { name: 'Gîte réservé', lng: at(1, 58)[0], lat: at(1, 58)[1] });
      const room = await buildRoom(p, { siteId: full.id, beds: 1, availability: [S] });
      await buildAssignment(p, { internId: own.id, bedId: room.beds[0].id, startDate: S.from, endDate: S.to });

      // Cantal (15): another département's placement, 70 km north, uncovered too.
      await placement('Cantal', [await practice('Saint-Flour', at(0, 70), 'Cantal')], { departement: '15' });

      const u = await buildUser(p, { role: 'staff', departementCodes: ['48'] });
      staff = app.client();
      await signIn(staff, u.email, u.password);
      admin = (await clientAs(app, p, 'admin')).client;
    },
    { provider: spy },
  );

  beforeEach(() => {
    calls.length = 0;
  });

  it('lists the placements with no free bed within their limit, decided on the matrix', async () => {
    const res = await staff.get(`/api/coverage?${Q}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ window: S, limitMinutes: 30, farMinutes: 45, estimate: true, placements: { total: 7, covered: 3, uncovered: 4 } });
    const rows = res.body.uncovered.map((u: any) => [u.internName, u.todayBest && [u.todayBest.siteName, Math.round(u.todayBest.minutes)]]);
    expect(rows).toEqual([
      ['Florac', ['Internat existant', 40]],
      ['Langogne', ['Internat existant', 60]],
      ['Marvejols', ['Internat existant', 60]],
      ['Florac + Langogne', ['Internat existant', 60]],
    ]);
    expect(res.body.uncovered[0]).toMatchObject({ placementId: pl.Florac, limitMinutes: 30, practices: [{ commune: 'Florac' }] });
    expect(calls).toHaveLength(1);
  });

  it('suggests places greedily, with "+n, dont m aujourd\'hui à plus de 45 min", in one matrix call', async () => {
    const res = await staff.post('/api/coverage/suggestions', { ...S, k: 5 });
    expect(res.status).toBe(200);
    expect(res.body.candidates).toBe(4); // Florac, Langogne, Marvejols, Mende
    // Florac and Langogne both cover the three northern placements (two of them today 60 min away);
    // Florac's drives add up to less. Langogne then adds nothing, nor does Mende: neither is suggested.
    expect(res.body.suggestions.map((s: any) => [s.name, s.newlyCovered, s.newlyFar, s.coveredSoFar, s.source])).toEqual([
      ['Florac', 3, 2, 3, 'commune'],
      ['Marvejols', 1, 1, 4, 'commune'],
    ]);
    expect(res.body.suggestions[0].placements.map((x: any) => x.placementId).sort()).toEqual([pl.Florac, pl.Langogne, pl['Florac + Langogne']].sort());
    expect(res.body.suggestions[0].isochrone).toMatchObject({ type: 'Feature', geometry: { type: 'Polygon' }, properties: { value: 1800 } });
    expect(res.body.placements).toEqual({ total: 7, covered: 3, uncovered: 4 });
    // One matrix call: the free-bed sites and every candidate × the placements' practices.
    expect(calls).toHaveLength(1);
    expect(calls[0].sources).toHaveLength(6); // two sites with a free bed, four communes
    expect(calls[0].destinations).toHaveLength(5);
    expect(calls[0].sources).toEqual(expect.arrayContaining([at(0, 40).map((x) => expect.closeTo(x, 6))]));
  });

  it('weighs the places staff add, alone when the communes are left out', async () => {
    const res = await staff.post('/api/coverage/suggestions', { ...S, communes: false, k: 3, candidates: [{ name: 'Col de la Pierre', location: at(55, 0) }, { name: 'Nulle part', location: at(-80, -80) }] });
    expect(res.status).toBe(200);
    expect(res.body.candidates).toBe(2);
    expect(res.body.suggestions).toMatchObject([{ rank: 1, name: 'Col de la Pierre', source: 'added', newlyCovered: 1, newlyFar: 1, departementCode: null }]);
    expect(calls).toHaveLength(1);
  });

  it('scopes by département: staff see theirs, refuse another\'s; the admin names any', async () => {
    const mine = await staff.get(`/api/coverage?${Q}`);
    expect(mine.body.uncovered.map((u: any) => u.internName)).not.toContain('Cantal');
    const other = await staff.get(`/api/coverage?${Q}&departement=15`);
    expect(other.status).toBe(403);
    expect(other.body.error).toMatchObject({ id: 'forbidden', field: 'query.departement' });
    const suggestOther = await staff.post('/api/coverage/suggestions', { ...S, departement: '15' });
    expect(suggestOther.status).toBe(403);
    const cantal = await admin.get(`/api/coverage?${Q}&departement=15`);
    expect(cantal.status).toBe(200);
    expect(cantal.body.uncovered.map((u: any) => u.internName)).toEqual(['Cantal']);
  });

  it('bounds the work with clear 400s naming the field', async () => {
    const bad = [
      [{ ...S, k: 11 }, 'body.k'],
      [{ ...S, candidates: Array.from({ length: 51 }, (_, i) => ({ name: `P${i}`, location: at(i, 0) })) }, 'body.candidates'],
      [{ ...S, candidates: [{ name: '', location: at(0, 0) }] }, 'body.candidates.0.name'],
      [{ ...S, candidates: [{ name: 'Lat first', location: [44.5, 200] }] }, 'body.candidates.0.location.1'],
      [{ from: S.from }, 'body.to'],
    ] as const;
    for (const [body, field] of bad) {
      const res = await staff.post('/api/coverage/suggestions', body);
      expect(res.status, field).toBe(400);
      expect(res.body.error).toMatchObject({ id: 'validation', field });
    }
    const q = await staff.get(`/api/coverage?${Q}&limitMinutes=lots`);
    expect(q.body.error).toMatchObject({ id: 'validation', field: 'query.limitMinutes' });
    expect(calls).toHaveLength(0);
  });
});
