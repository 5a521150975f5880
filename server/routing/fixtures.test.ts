import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { loadRoadGraph } from './load-graph.ts';
import { EmbeddedEngine } from './embedded-engine.ts';
import type { IsochroneOptions, LngLat } from './provider.ts';
import { edgeNameId } from './graph/road-network.ts';

/**
 * Fixture tests, Turf's habit: `fixtures/in/*.json` says what to ask the engine, `fixtures/out/*.geojson`
 * holds what it answered when the fixture was last accepted. Any change to polygons or snapping
 * shows up as a diff to review; `REGEN=1 npm test -- server/routing/fixtures.test.ts` rewrites the
 * expected outputs. The engine runs as the ORS-compatible API runs it (350 m radius, no off-road leg).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const regen = process.env.REGEN === '1';
const cacheDir = mkdtempSync(path.join(tmpdir(), 'im-fixtures-'));

/** An OSM extract shipped as a test fixture (or, before that, beside the checkout). */
function extractPath(name: string): string | undefined {
  return [path.join(repoRoot, `tests/fixtures/osm/${name}.osm.pbf`), path.resolve(repoRoot, `../shared/data/${name}.osm.pbf`)].find(existsSync);
}

interface FixtureInput {
  extract: string;
  kind: 'isochrones' | 'snap';
  locations: LngLat[];
  ranges?: number[];
  options?: IsochroneOptions;
  note?: string;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const roundCoords = (c: number[][]) => c.map(([x, y]) => [round(x, 7), round(y, 7)]);

async function answer(engine: EmbeddedEngine, input: FixtureInput): Promise<FeatureCollection> {
  if (input.kind === 'snap') {
    const features: Feature<Point>[] = input.locations.map((p, i) => {
      const s = engine.snap(p, i);
      const name = engine.graph.names[edgeNameId(engine.graph, s.edge)];
      return { type: 'Feature', geometry: { type: 'Point', coordinates: [round(s.lng, 7), round(s.lat, 7)] }, properties: { input: p, snapped_distance: round(s.offroadM, 2), name } };
    });
    return { type: 'FeatureCollection', features };
  }
  const iso = await engine.isochrones(input.locations, input.ranges!, input.options);
  const features: Feature<Polygon>[] = iso.features.map((f) => ({
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: (f.geometry as Polygon).coordinates.map(roundCoords) },
    properties: { group_index: f.properties.group_index, value: f.properties.value, area: round(f.properties.area, 1) },
  }));
  return { type: 'FeatureCollection', features };
}

/** Equal up to ~1 cm on coordinates and 0.01 % on areas and distances. */
function expectSame(actual: FeatureCollection, expected: FeatureCollection): void {
  expect(actual.features.length).toBe(expected.features.length);
  actual.features.forEach((f, i) => {
    const e = expected.features[i];
    const { area, snapped_distance: sd, ...rest } = (f.properties ?? {}) as Record<string, number>;
    const { area: eArea, snapped_distance: eSd, ...eRest } = (e.properties ?? {}) as Record<string, number>;
    expect(rest).toEqual(eRest);
    if (eArea !== undefined) expect(Math.abs(area - eArea)).toBeLessThanOrEqual(Math.max(1, eArea * 1e-4));
    if (eSd !== undefined) expect(Math.abs(sd - eSd)).toBeLessThanOrEqual(0.01);
    const flat = (g: Feature['geometry']) => JSON.stringify(g).match(/-?\d+\.?\d*/g)!.map(Number);
    const a = flat(f.geometry);
    const b = flat(e.geometry);
    expect(a.length).toBe(b.length);
    a.forEach((v, k) => expect(Math.abs(v - b[k])).toBeLessThanOrEqual(1e-7 * 1.01));
  });
}

const inputs = readdirSync(path.join(here, 'fixtures/in')).filter((f) => f.endsWith('.json')).sort();
const engines = new Map<string, EmbeddedEngine>();

describe('engine fixtures (input → expected GeoJSON)', () => {
  beforeAll(async () => {
    for (const name of new Set(inputs.map((f) => (JSON.parse(readFileSync(path.join(here, 'fixtures/in', f), 'utf8')) as FixtureInput).extract))) {
      const file = extractPath(name);
      if (!file) throw new Error(`fixture extract ${name}.osm.pbf is missing from tests/fixtures/osm/`);
      engines.set(name, new EmbeddedEngine((await loadRoadGraph(file, cacheDir)).graph, { snapRadiusM: 350 }));
    }
  }, 120_000);

  for (const file of inputs) {
    it(file.replace(/\.json$/, ''), async () => {
      const input = JSON.parse(readFileSync(path.join(here, 'fixtures/in', file), 'utf8')) as FixtureInput;
      const actual = await answer(engines.get(input.extract)!, input);
      const out = path.join(here, 'fixtures/out', file.replace(/\.json$/, '.geojson'));
      if (regen || !existsSync(out)) {
        writeFileSync(out, `${JSON.stringify(actual)}\n`);
        if (!regen) throw new Error(`${out} did not exist: written now, review it and run again`);
      }
      expectSame(actual, JSON.parse(readFileSync(out, 'utf8')) as FeatureCollection);
    });
  }
});
