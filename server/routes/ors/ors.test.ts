import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import Openrouteservice from 'openrouteservice-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrsRouter } from './router.ts';
import { EmbeddedEngine } from '../../routing/embedded-engine.ts';
import { graphFromWays } from '../../routing/test-graph.ts';
import { OrsProvider } from '../../routing/ors/ors-provider.ts';
import { MemoryCacheStore } from '../../routing/memory-cache-store.ts';
import { EstimateProvider } from '../../routing/estimate-provider.ts';
import type { LngLat } from '../../routing/provider.ts';

const at = (x: number, y: number): LngLat => [1 + x * 0.01, 47 + y * 0.01];

function gridEngine(): EmbeddedEngine {
  const pts: [number, number][] = [];
  const ways: { nodes: number[]; speedKmh: number; oneway?: boolean }[] = [];
  for (let y = 0; y < 5; y++) for (let x = 0; x < 5; x++) pts.push(at(x, y));
  for (let y = 0; y < 5; y++) ways.push({ nodes: [0, 1, 2, 3, 4].map((x) => y * 5 + x), speedKmh: 50, oneway: y === 2 });
  for (let x = 0; x < 5; x++) ways.push({ nodes: [0, 1, 2, 3, 4].map((y) => y * 5 + x), speedKmh: 30 });
  return new EmbeddedEngine(graphFromWays(pts, ways), { snapRadiusM: 1000 });
}

async function listen(app: express.Express): Promise<{ server: Server; base: string }> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

describe('ORS-compatible endpoints through the real openrouteservice-js client', () => {
  const engine = gridEngine();
  let server: Server;
  let host: string;
  let requests = 0;
  beforeAll(async () => {
    const app = express();
    app.use(express.json());
    app.use((_req, _res, next) => {
      requests++;
      next();
    });
    app.use('/ors', createOrsRouter(engine));
    ({ server, base: host } = await listen(app));
    host += '/ors';
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('answers a matrix like ORS', async () => {
    const client = new Openrouteservice.Matrix({ api_key: '', host });
    const locations = [at(0, 2), at(4, 2), at(2, 0)];
    const res = (await client.calculate({ profile: 'driving-car', locations, metrics: ['duration', 'distance'], units: 'km' })) as Record<string, any>;
    expect(res.durations).toHaveLength(3);
    expect(res.durations[0][0]).toBe(0);
    expect(res.durations[0][1]).toBeLessThan(res.durations[1][0]); // row 2 is one-way eastbound
    expect(res.distances[0][1]).toBeGreaterThan(2.5);
    expect(res.distances[0][1]).toBeLessThan(3.5);
    expect(res.sources).toHaveLength(3);
    expect(res.destinations[2].location).toEqual(at(2, 0));
    expect(res.metadata.service).toBe('matrix');
  });

  it('honours sources and destinations indices', async () => {
    const client = new Openrouteservice.Matrix({ api_key: '', host });
    const res = (await client.calculate({ profile: 'driving-car', locations: [at(0, 0), at(1, 1), at(4, 4)], sources: [0], destinations: [1, 2] })) as Record<string, any>;
    expect(res.durations).toHaveLength(1);
    expect(res.durations[0]).toHaveLength(2);
    expect(res.distances).toBeUndefined();
  });

  it('answers isochrones on both paths as a GeoJSON FeatureCollection', async () => {
    const client = new Openrouteservice.Isochrones({ api_key: '', host });
    const res = (await client.calculate({ profile: 'driving-car', locations: [at(2, 2)], range: [120, 240], attributes: ['area', 'reachfactor'] })) as Record<string, any>;
    expect(res.type).toBe('FeatureCollection');
    expect(res.features.map((f: any) => f.properties.value)).toEqual([120, 240]);
    expect(res.features[1].properties).toMatchObject({ group_index: 0, center: at(2, 2) });
    expect(res.features[1].properties.area).toBeGreaterThan(res.features[0].properties.area);
    expect(res.features[0].properties.reachfactor).toBeGreaterThan(0);
    const geo = await fetch(`${host}/v2/isochrones/driving-car/geojson`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ locations: [at(2, 2)], range: [240], interval: 120 }),
    });
    expect(geo.status).toBe(200);
    expect(((await geo.json()) as any).features).toHaveLength(2);
  });

  it('answers bad requests in ORS error shape', async () => {
    const post = async (p: string, body: unknown) => {
      const r = await fetch(`${host}${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: r.status, body: (await r.json()) as any };
    };
    const missing = await post('/v2/matrix/driving-car', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe(6001);
    expect(missing.body.error.message).toMatch(/locations/);
    expect(missing.body.info).toBeDefined();
    const badRange = await post('/v2/isochrones/driving-car', { locations: [at(2, 2)], range: [-5] });
    expect(badRange.status).toBe(400);
    expect(badRange.body.error.code).toBe(3003);
    const far = await post('/v2/matrix/driving-car', { locations: [at(0, 0), [5, 45]] });
    expect(far.status).toBe(404);
    expect(far.body.error.code).toBe(6010);
    expect(far.body.error.message).toMatch(/coordinate 1/);
  });

  it('serves the ORS provider, whose answers are cached', async () => {
    const cache = new MemoryCacheStore();
    const ors = new OrsProvider({ host, cache, fallback: new EstimateProvider() });
    const before = requests;
    const m1 = await ors.matrix([at(0, 0)], [at(4, 4), at(3, 1)]);
    const m2 = await ors.matrix([at(0, 0)], [at(4, 4), at(3, 1)]);
    expect(requests - before).toBe(1);
    expect(m2).toEqual(m1);
    expect(m1.estimate).toBe(false);
    expect(m1.durations[0][0]).toBeCloseTo((await engine.matrix([at(0, 0)], [at(4, 4)])).durations[0][0]!, 1);
    const iso = await ors.isochrones([at(2, 2)], [240, 120]);
    expect(iso.features.map((f) => f.properties.value)).toEqual([120, 240]);
    expect(cache.size).toBe(2);
  });
});

describe('ORS provider against a fake ORS (429, 403)', () => {
  let server: Server;
  let host: string;
  const script: { status: number; headers?: Record<string, string> }[] = [];
  let calls = 0;
  beforeAll(async () => {
    const app = express();
    app.use(express.json());
    app.post('/v2/matrix/driving-car', (req, res) => {
      calls++;
      const step = script.shift() ?? { status: 200 };
      if (step.status !== 200) return res.status(step.status).set(step.headers ?? {}).json({ error: 'scripted' });
      const n = req.body.sources.length;
      const m = req.body.destinations.length;
      res.json({ durations: Array.from({ length: n }, () => Array(m).fill(42)), distances: Array.from({ length: n }, () => Array(m).fill(420)) });
    });
    ({ server, base: host } = await listen(app));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('retries a 429 after the advised delay', async () => {
    const delays: number[] = [];
    const ors = new OrsProvider({ host, cache: new MemoryCacheStore(), fallback: new EstimateProvider(), sleep: async (ms) => void delays.push(ms) });
    script.push({ status: 429, headers: { 'Retry-After': '3' } });
    calls = 0;
    const m = await ors.matrix([at(0, 0)], [at(1, 1)]);
    expect(calls).toBe(2);
    expect(delays).toContain(3000);
    expect(m.durations[0][0]).toBe(42);
  });

  it('falls back with a clear message when the daily quota is spent (403), and stops calling', async () => {
    const warnings: string[] = [];
    const logger = { info: () => {}, warn: (_o: object | string, msg?: string) => void warnings.push(msg ?? '') };
    const cache = new MemoryCacheStore();
    const ors = new OrsProvider({ host, cache, fallback: new EstimateProvider(), logger });
    script.push({ status: 403 });
    calls = 0;
    const m = await ors.matrix([at(0, 0)], [at(2, 2)]);
    expect(m.estimate).toBe(true);
    expect(m.provider).toBe('estimate');
    expect(warnings.join('\n')).toMatch(/403.*quota/);
    await ors.matrix([at(0, 0)], [at(3, 3)]);
    expect(calls).toBe(1);
    expect(cache.size).toBe(0);
  });

  it('splits a large matrix into requests within the route limit and stitches them', async () => {
    const ors = new OrsProvider({ host, cache: new MemoryCacheStore(), fallback: new EstimateProvider(), maxMatrixRoutes: 6 });
    calls = 0;
    const m = await ors.matrix([at(0, 0), at(0, 1), at(0, 2)], [at(1, 0), at(1, 1), at(1, 2), at(1, 3)]);
    expect(calls).toBe(3);
    expect(m.durations).toHaveLength(3);
    for (const row of m.durations) expect(row).toEqual([42, 42, 42, 42]);
  });

  it('stays within the per-minute quota by waiting', async () => {
    let now = 0;
    const slept: number[] = [];
    const ors = new OrsProvider({
      host, cache: new MemoryCacheStore(), fallback: new EstimateProvider(), perMinute: 2,
      now: () => now,
      sleep: async (ms) => { slept.push(ms); now += ms; },
    });
    for (let i = 0; i < 3; i++) await ors.matrix([at(0, 0)], [at(i, 1)]);
    expect(slept.length).toBe(1);
    expect(slept[0]).toBeGreaterThanOrEqual(60_000);
  });
});
