import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { booleanValid, kinks } from '@turf/turf';
import { loadRoadGraph } from './load-graph.ts';
import { EmbeddedEngine } from './embedded-engine.ts';
import type { IsochroneFeature, LngLat, MatrixResult } from './provider.ts';
import { DEMO_NETWORK_PBF as france, HEIDELBERG_PBF as heidelberg, TEST_GRAPH_CACHE, hasDemoNetwork } from '../../tests/helpers/fixtures.ts';

const cacheDir = mkdtempSync(path.join(tmpdir(), 'im-graphs-'));
const HAS_FRANCE = hasDemoNetwork('France demo-network drive-time tests');

function expectValidPolygons(features: IsochroneFeature[]): void {
  for (const f of features) {
    expect(booleanValid(f)).toBe(true);
    expect(kinks(f as Parameters<typeof kinks>[0]).features).toHaveLength(0);
  }
}

function expectPlausible(m: MatrixResult, n: number): void {
  for (let i = 0; i < n; i++) expect(m.durations[i][i]).toBe(0);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let k = 0; k < n; k++) {
        const ij = m.durations[i][j], jk = m.durations[j][k], ik = m.durations[i][k];
        if (ij !== null && jk !== null && ik !== null) expect(ik).toBeLessThanOrEqual(ij + jk + 1);
      }
}

describe('Heidelberg (full-detail OSM)', () => {
  let engine: EmbeddedEngine;
  beforeAll(async () => {
    engine = new EmbeddedEngine((await loadRoadGraph(heidelberg, cacheDir)).graph);
  });

  it('gives a plausible, asymmetric matrix', async () => {
    const pts: LngLat[] = [[8.6724, 49.4093], [8.69, 49.4], [8.71, 49.415], [8.6937, 49.4122], [8.676, 49.3988], [8.7065, 49.4063]];
    const m = await engine.matrix(pts, pts);
    expectPlausible(m, pts.length);
    let asymmetric = 0;
    for (let i = 0; i < pts.length; i++) for (let j = 0; j < i; j++) if (Math.abs(m.durations[i][j]! - m.durations[j][i]!) > 5) asymmetric++;
    expect(asymmetric).toBeGreaterThan(0);
    for (const row of m.durations) for (const d of row) expect(d!).toBeLessThan(1800);
  });

  it('loads the second time from the binary cache', async () => {
    const { report } = await loadRoadGraph(heidelberg, cacheDir);
    expect(report.fromCache).toBe(true);
  });

  it('draws a 10-minute isochrone of a sensible size', async () => {
    const iso = await engine.isochrones([[8.6724, 49.4093]], [300, 600]);
    const [five, ten] = iso.features.map((f) => f.properties.area / 1e6);
    expect(five).toBeGreaterThan(2);
    expect(ten).toBeGreaterThan(five);
    expect(ten).toBeLessThan(400);
    expectValidPolygons(iso.features);
  });
});

describe.skipIf(!HAS_FRANCE)('France main roads (demo network)', () => {
  let engine: EmbeddedEngine;
  beforeAll(async () => {
    // The coarse demo network leaves some town centres 2–3 km from a road: createDriveTimeProvider
    // uses a 5 km radius for it, and so does this test.
    // The shared test graph cache: France builds once (about a minute), not at every run.
    engine = new EmbeddedEngine((await loadRoadGraph(france, TEST_GRAPH_CACHE)).graph, { snapRadiusM: 5000, accessSpeedKmh: 30, preferLocalRoads: true });
  }, 120_000);

  it('drives Blois → Vendôme in a plausible 25–45 minutes', async () => {
    const m = await engine.matrix([[1.3359, 47.5861]], [[1.0656, 47.7929]]);
    expect(m.durations[0][0]! / 60).toBeGreaterThan(25);
    expect(m.durations[0][0]! / 60).toBeLessThan(45);
    expect(m.distances[0][0]! / 1000).toBeGreaterThan(30);
  });

  it('gives a plausible matrix between Centre-Val de Loire towns', async () => {
    const towns: LngLat[] = [[1.3359, 47.5861], [1.0656, 47.7929], [0.6848, 47.3941], [2.3988, 47.081], [1.6913, 46.8103]];
    expectPlausible(await engine.matrix(towns, towns), towns.length);
  });

  it('keeps a 30-minute isochrone to a regional size, not the whole country', async () => {
    const iso = await engine.isochrones([[1.3359, 47.5861]], [600, 1200, 1800]);
    const areas = iso.features.map((f) => f.properties.area / 1e6);
    expect(areas[0]).toBeLessThan(areas[1]);
    expect(areas[1]).toBeLessThan(areas[2]);
    expect(areas[2]).toBeGreaterThan(300);
    expect(areas[2]).toBeLessThan(6000);
    expectValidPolygons(iso.features);
  });
});
