import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EstimateProvider, ESTIMATE_DETOUR_FACTOR, ESTIMATE_SPEED_KMH } from './estimate-provider.ts';
import { createDriveTimeProvider, resolveRoadNetwork } from './create-provider.ts';
import { loadRoadGraph } from './load-graph.ts';
import { haversineM } from './geo/geodesy.ts';
import { HEIDELBERG_PBF as heidelberg, MONACO_PBF as monaco } from '../../tests/helpers/fixtures.ts';

describe('straight-line estimate', () => {
  it('flags every result as an estimate', async () => {
    const p = new EstimateProvider();
    const blois: [number, number] = [1.3359, 47.5861];
    const vendome: [number, number] = [1.0656, 47.7929];
    const m = await p.matrix([blois], [vendome, blois]);
    const road = haversineM(...blois, ...vendome) * ESTIMATE_DETOUR_FACTOR;
    expect(m.estimate).toBe(true);
    expect(m.distances[0][0]).toBeCloseTo(road, -1);
    expect(m.durations[0][0]).toBeCloseTo(road / (ESTIMATE_SPEED_KMH / 3.6), -1);
    expect(m.durations[0][1]).toBe(0);
    const iso = await p.isochrones([blois], [1800, 600]);
    expect(iso.estimate).toBe(true);
    expect(iso.features.map((f) => f.properties.value)).toEqual([600, 1800]);
    expect(iso.features[1].properties.area).toBeGreaterThan(iso.features[0].properties.area);
  });
});

describe('choosing road data', () => {
  /** A fresh folder per test, so no test depends on files another one left behind. */
  const freshDir = () => mkdtempSync(path.join(tmpdir(), 'im-roads-'));

  it('prefers ROAD_NETWORK, then data/roads, then the demo network, else nothing', () => {
    const dir = freshDir();
    const roadsDir = path.join(dir, 'roads');
    mkdirSync(roadsDir, { recursive: true });
    const demo = path.join(dir, 'demo.osm.pbf');
    expect(resolveRoadNetwork({ roadsDir, sharedDemoNetwork: demo })).toBeUndefined();
    copyFileSync(monaco, demo);
    expect(resolveRoadNetwork({ roadsDir, sharedDemoNetwork: demo })?.why).toBe('shared demo network');
    copyFileSync(monaco, path.join(roadsDir, 'region.osm.pbf'));
    expect(resolveRoadNetwork({ roadsDir, sharedDemoNetwork: demo })?.file).toBe(path.join(roadsDir, 'region.osm.pbf'));
    expect(resolveRoadNetwork({ roadNetwork: demo, roadsDir, sharedDemoNetwork: demo })?.why).toBe('ROAD_NETWORK');
    expect(() => resolveRoadNetwork({ roadNetwork: path.join(dir, 'missing.osm.pbf'), roadsDir })).toThrow(/ROAD_NETWORK/);
  });

  it('falls back to the estimate, saying so in the log', async () => {
    const dir = freshDir();
    const warnings: string[] = [];
    const { provider, description } = await createDriveTimeProvider({
      roadsDir: path.join(dir, 'none'),
      cacheDir: path.join(dir, 'graphs'),
      logger: { info: () => {}, warn: (_o, msg) => void warnings.push(String(msg)) },
    });
    expect(provider.name).toBe('estimate');
    expect(description).toMatch(/estimate/);
    expect(warnings[0]).toMatch(/estimate/);
  });

  it('rebuilds the graph when the extract changes', async () => {
    const dir = freshDir();
    const file = path.join(dir, 'changing.osm.pbf');
    const cacheDir = path.join(dir, 'graphs');
    copyFileSync(monaco, file);
    const first = await loadRoadGraph(file, cacheDir);
    expect(first.report.fromCache).toBe(false);
    expect((await loadRoadGraph(file, cacheDir)).report.fromCache).toBe(true);
    copyFileSync(heidelberg, file);
    const changed = await loadRoadGraph(file, cacheDir);
    expect(changed.report.fromCache).toBe(false);
    expect(changed.graph.nodeCount).not.toBe(first.graph.nodeCount);
  }, 120_000); // two imports from scratch, on a shared machine

  it('builds the embedded engine from data/roads on worker threads, beside openrouteservice, and logs it', async () => {
    const dir = freshDir();
    const roadsDir = path.join(dir, 'roads');
    mkdirSync(roadsDir);
    copyFileSync(monaco, path.join(roadsDir, 'region.osm.pbf'));
    const infos: string[] = [];
    const { provider, description, embedded, workers } = await createDriveTimeProvider({
      roadsDir,
      cacheDir: path.join(dir, 'graphs'),
      logger: { info: (_o, msg) => void infos.push(String(msg)), warn: () => {} },
      workers: { threads: 1 },
      orsApiKey: 'deployment-key',
    });
    try {
      // With ORS_API_KEY the app's own drive times come from openrouteservice; the engine stays
      // available (and is what the ORS-compatible API serves).
      expect(provider.name).toBe('openrouteservice');
      expect(embedded!.name).toBe('embedded');
      expect(description).toMatch(/region\.osm\.pbf.*1 worker thread/);
      expect(infos[0]).toMatch(/openrouteservice/);
      const m = await embedded!.matrix([[7.4246, 43.7384]], [[7.4197, 43.7311]]);
      expect(m.durations[0][0]).toBeGreaterThan(60);
      expect(m.durations[0][0]).toBeLessThan(900);
      expect(workers!.stats.completed).toBe(1);
      // Per-request snapping options reach the worker: ORS's radius instead of the app's 2 km.
      const far: [number, number] = [7.435, 43.728]; // at sea, ~700 m from the nearest road
      expect((await embedded!.matrix([[7.4246, 43.7384]], [far])).durations[0][0]).not.toBeNull();
      await expect(embedded!.matrix([[7.4246, 43.7384]], [far], { snapRadiusM: 350 })).rejects.toMatchObject({ radiusM: 350 });
    } finally {
      await workers?.close();
    }
  });
});

describe('estimate isochrone geometry', () => {
  it('is a closed counter-clockwise ring of the right radius', async () => {
    const iso = await new EstimateProvider().isochrones([[1.3359, 47.5861]], [600]);
    const g = iso.features[0].geometry;
    if (g.type !== 'Polygon') throw new Error('expected a polygon');
    const ring = g.coordinates[0];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    let twiceArea = 0;
    for (let i = 0; i + 1 < ring.length; i++) twiceArea += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    expect(twiceArea).toBeGreaterThan(0);
    const radius = (600 * (ESTIMATE_SPEED_KMH / 3.6)) / ESTIMATE_DETOUR_FACTOR;
    expect(haversineM(1.3359, 47.5861, ring[10][0], ring[10][1])).toBeCloseTo(radius, -1);
  });
});
