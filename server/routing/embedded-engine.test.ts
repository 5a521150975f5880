import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { booleanPointInPolygon, booleanValid, point } from '@turf/turf';
import { EmbeddedEngine } from './embedded-engine.ts';
import { graphFromWays } from './test-graph.ts';
import { PointNotRoutableError, type LngLat } from './provider.ts';
import { haversineM } from './geo/geodesy.ts';
import { TreeSearch } from './graph/dijkstra.ts';
import { forwardAdjacency } from './graph/road-network.ts';

// A 0.01° step at latitude 47 is ~758 m east-west and ~1112 m north-south.
const at = (x: number, y: number): [number, number] => [1 + x * 0.01, 47 + y * 0.01];

describe('embedded engine on hand-built graphs', () => {
  it('follows a one-way street forwards and takes the detour backwards', async () => {
    // 0 → 1 one-way at 36 km/h (10 m/s); 1 → 2 → 0 two-way detour.
    const g = graphFromWays([at(0, 0), at(1, 0), at(0.5, 1)], [
      { nodes: [0, 1], speedKmh: 36, oneway: true },
      { nodes: [1, 2, 0], speedKmh: 36 },
    ]);
    const e = new EmbeddedEngine(g, { snapRadiusM: 100 });
    const p0 = at(0, 0) as LngLat;
    const p1 = at(1, 0) as LngLat;
    const m = await e.matrix([p0, p1], [p0, p1]);
    const direct = haversineM(...p0, ...p1);
    const detour = haversineM(...p1, ...(at(0.5, 1) as LngLat)) + haversineM(...(at(0.5, 1) as LngLat), ...p0);
    expect(m.durations[0][0]).toBe(0);
    expect(m.durations[0][1]).toBeCloseTo(direct / 10, 0);
    expect(m.durations[1][0]).toBeCloseTo(detour / 10, 0);
    expect(m.distances[1][0]).toBeCloseTo(detour, -1);
    expect(m.estimate).toBe(false);
  });

  it('goes round a roundabout the right way only', async () => {
    // Square roundabout 0→1→2→3→0 (one-way), with a two-way spur 4–0 and 5–2.
    const g = graphFromWays([at(0, 0), at(1, 0), at(1, 1), at(0, 1), at(-1, -1), at(2, 2)], [
      { nodes: [0, 1, 2, 3, 0], speedKmh: 36, oneway: true },
      { nodes: [4, 0], speedKmh: 36 },
      { nodes: [5, 2], speedKmh: 36 },
    ]);
    const e = new EmbeddedEngine(g, { snapRadiusM: 50 });
    const m = await e.matrix([at(-1, -1), at(2, 2)], [at(2, 2), at(-1, -1)]);
    const leg = (i: number, j: number) => haversineM(...g_(i), ...g_(j));
    const pts = [at(0, 0), at(1, 0), at(1, 1), at(0, 1), at(-1, -1), at(2, 2)];
    function g_(i: number): [number, number] { return pts[i]; }
    expect(m.durations[0][0]).toBeCloseTo((leg(4, 0) + leg(0, 1) + leg(1, 2) + leg(2, 5)) / 10, 0);
    expect(m.durations[1][1]).toBeCloseTo((leg(5, 2) + leg(2, 3) + leg(3, 0) + leg(0, 4)) / 10, 0);
  });

  it('answers null for an unreachable island', async () => {
    const g = graphFromWays([at(0, 0), at(1, 0), at(5, 5), at(6, 5)], [
      { nodes: [0, 1], speedKmh: 50 },
      { nodes: [2, 3], speedKmh: 50 },
    ]);
    const e = new EmbeddedEngine(g, { snapRadiusM: 100 });
    const m = await e.matrix([at(0, 0)], [at(1, 0), at(6, 5)]);
    expect(m.durations[0][0]).not.toBeNull();
    expect(m.durations[0][1]).toBeNull();
    expect(m.distances[0][1]).toBeNull();
  });

  it('snaps onto the middle of a segment and charges the partial edge plus the access leg', async () => {
    const g = graphFromWays([at(0, 0), at(2, 0)], [{ nodes: [0, 1], speedKmh: 36 }]);
    const e = new EmbeddedEngine(g, { snapRadiusM: 2000, accessSpeedKmh: 36 });
    const mid = at(1, 0.05) as LngLat; // ~56 m north of the road's midpoint
    const m = await e.matrix([mid], [at(2, 0)]);
    const half = haversineM(...(at(0, 0) as LngLat), ...(at(2, 0) as LngLat)) / 2;
    const off = haversineM(...mid, ...(at(1, 0) as LngLat));
    expect(m.distances[0][0]).toBeCloseTo(half + off, -1);
    expect(m.durations[0][0]).toBeCloseTo((half + off) / 10, 0);
  });

  it('passes a gate in the middle of a way and stops at a bollard', async () => {
    const nodes = [at(0, 0), at(1, 0), at(2, 0), at(1, 3)];
    const ways = [{ nodes: [0, 1, 2], speedKmh: 36 }, { nodes: [0, 3, 2], speedKmh: 36 }];
    const gate = new EmbeddedEngine(graphFromWays(nodes, ways, { gates: [1] }), { snapRadiusM: 100 });
    const bollard = new EmbeddedEngine(graphFromWays(nodes, ways, { barriers: [1] }), { snapRadiusM: 100 });
    const direct = haversineM(...at(0, 0), ...at(2, 0)) / 10;
    expect((await gate.matrix([at(0, 0)], [at(2, 0)])).durations[0][0]).toBeCloseTo(direct, 1);
    // The bollard cuts the straight way: the car goes round by node 3.
    expect((await bollard.matrix([at(0, 0)], [at(2, 0)])).durations[0][0]!).toBeGreaterThan(direct * 2);
  });

  it('refuses a point far from any road with an error naming it', async () => {
    const g = graphFromWays([at(0, 0), at(1, 0)], [{ nodes: [0, 1], speedKmh: 50 }]);
    const e = new EmbeddedEngine(g, { snapRadiusM: 2000 });
    const far: LngLat = [1.5, 47.5];
    await expect(e.matrix([at(0, 0)], [far])).rejects.toThrow(PointNotRoutableError);
    await expect(e.matrix([at(0, 0)], [far])).rejects.toThrow(/coordinate 1: 1\.5000000 47\.5000000/);
  });

  it('draws nested isochrones whose areas grow with the range', async () => {
    const pts: [number, number][] = [];
    const ways: { nodes: number[]; speedKmh: number }[] = [];
    for (let y = 0; y < 6; y++) for (let x = 0; x < 6; x++) pts.push(at(x, y));
    for (let y = 0; y < 6; y++) ways.push({ nodes: [0, 1, 2, 3, 4, 5].map((x) => y * 6 + x), speedKmh: 30 });
    for (let x = 0; x < 6; x++) ways.push({ nodes: [0, 1, 2, 3, 4, 5].map((y) => y * 6 + x), speedKmh: 30 });
    const e = new EmbeddedEngine(graphFromWays(pts, ways), { snapRadiusM: 1000 });
    const iso = await e.isochrones([at(2.5, 2.5) as LngLat], [120, 240]);
    expect(iso.features.map((f) => f.properties.value)).toEqual([120, 240]);
    expect(iso.features[0].properties.area).toBeGreaterThan(0);
    expect(iso.features[1].properties.area).toBeGreaterThan(iso.features[0].properties.area);
    expect(iso.features[0].properties.group_index).toBe(0);
    const outer = iso.features[1].geometry.type === 'Polygon' ? iso.features[1].geometry.coordinates[0] : iso.features[1].geometry.coordinates[0][0];
    expect(outer[0]).toEqual(outer[outer.length - 1]);
  });

  it('draws destination isochrones against one-way streets', async () => {
    // 0 → 1 one-way (~76 s at 36 km/h); back from 1 only by a long detour through 2.
    const g = graphFromWays([at(0, 0), at(1, 0), at(0.5, 3)], [
      { nodes: [0, 1], speedKmh: 36, oneway: true },
      { nodes: [1, 2, 0], speedKmh: 36 },
    ]);
    const e = new EmbeddedEngine(g, { snapRadiusM: 100 });
    const from = await e.isochrones([at(0, 0) as LngLat], [150]);
    const to = await e.isochrones([at(0, 0) as LngLat], [150], { locationType: 'destination' });
    const b = point(at(0.95, 0));
    expect(booleanPointInPolygon(b, from.features[0])).toBe(true);
    expect(booleanPointInPolygon(b, to.features[0])).toBe(false);
  });

  it('paints a long, partly reached edge to the exact point reached, inside the grid', async () => {
    // One 75 km road at 100 km/h: 600 s reach 16.7 km along it, far beyond the snapping radius.
    const g = graphFromWays([[1, 47], [2, 47]], [{ nodes: [0, 1], speedKmh: 100 }]);
    const e = new EmbeddedEngine(g, { snapRadiusM: 100 });
    const iso = await e.isochrones([[1, 47]], [600]);
    const f = iso.features[0];
    expect(booleanValid(f)).toBe(true);
    const lngs = (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat()).flat().map((p) => p[0]);
    const reachM = haversineM(1, 47, Math.max(...lngs), 47);
    expect(reachM).toBeGreaterThan(16_000);
    expect(reachM).toBeLessThan(17_500);
  });

  it('answers the same when matrices and isochrones alternate on one engine (they share scratch arrays)', () => {
    const pts: [number, number][] = [];
    for (let y = 0; y < 5; y++) for (let x = 0; x < 5; x++) pts.push(at(x, y));
    const ways = [0, 1, 2, 3, 4].flatMap((i) => [
      { nodes: [0, 1, 2, 3, 4].map((x) => i * 5 + x), speedKmh: 50, oneway: i === 2 },
      { nodes: [0, 1, 2, 3, 4].map((y) => y * 5 + i), speedKmh: 30 },
    ]);
    const g = graphFromWays(pts, ways);
    const places: LngLat[] = [at(0.3, 0), at(4, 1.6), at(2.2, 2), at(1, 3.7), at(3.5, 4)];
    const fresh = () => new EmbeddedEngine(g, { snapRadiusM: 500 });
    const matrix = fresh().matrixSync(places, places);
    const toward = fresh().isochronesSync([at(2, 2)], [90, 180], { locationType: 'destination' });
    const from = fresh().isochronesSync([at(1, 1)], [120]);
    const shared = fresh();
    for (let round = 0; round < 2; round++) {
      expect(shared.isochronesSync([at(2, 2)], [90, 180], { locationType: 'destination' })).toEqual(toward);
      expect(shared.matrixSync(places, places)).toEqual(matrix);
      expect(shared.isochronesSync([at(1, 1)], [120])).toEqual(from);
    }
  });

  it('matches plain Dijkstra on random grids (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(15), fc.nat(15), fc.boolean()), { minLength: 10, maxLength: 40 }), (edges) => {
        const pts: [number, number][] = [];
        for (let i = 0; i < 16; i++) pts.push(at(i % 4, Math.floor(i / 4)));
        const ways = edges.filter(([a, b]) => a !== b).map(([a, b, one]) => ({ nodes: [a, b], speedKmh: 40, oneway: one }));
        if (ways.length === 0) return;
        const g = graphFromWays(pts, ways);
        const e = new EmbeddedEngine(g);
        const entries = [...Array(g.nodeCount).keys()].map((v) => [{ node: v, weight: 0, dur: 0, dist: 0 }]);
        const raw = (e as unknown as { m2m: { run: typeof import('./ch/many-to-many.ts').ManyToMany.prototype.run } }).m2m.run(entries, entries);
        const ts = new TreeSearch(g);
        for (let s = 0; s < g.nodeCount; s++) {
          const tree = ts.run(entries[s], Infinity, 'time', forwardAdjacency(g));
          for (let t = 0; t < g.nodeCount; t++) {
            const want = tree.costOf[t];
            const got = raw.dur[s * g.nodeCount + t];
            if (want === Infinity) expect(got).toBe(Infinity);
            else expect(got).toBeCloseTo(want, 2);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
