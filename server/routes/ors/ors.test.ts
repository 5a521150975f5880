import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import Openrouteservice from 'openrouteservice-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrsRouter } from './router.ts';
import { loadConfig } from '../../config.ts';
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
    app.use((_req, _res, next) => {
      requests++;
      next();
    });
    app.use('/ors', createOrsRouter({ engine, limits: loadConfig({}).orsApi.limits }));
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
    expect(far.body.error.message).toMatch(/Source point\(s\) \[1\] out of bounds: 45,5/);
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

describe('the ORS v2 surface: paths, parameter types, answers, error codes', () => {
  const engine = gridEngine();
  let server: Server;
  let host: string;
  const limits = {
    matrix: { maximumRoutes: 9, maximumSearchRadius: 300 },
    isochrones: { maximumLocations: 2, maximumIntervals: 4, maximumRangeTime: 600, maximumRangeDistance: 5000, maximumIntersections: 4 },
  };
  beforeAll(async () => {
    const app = express();
    app.use('/ors', createOrsRouter({ engine, limits, systemMessage: 'read the docs' }));
    ({ server, base: host } = await listen(app));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const call = async (method: string, p: string, body?: unknown, headers: Record<string, string> = {}) => {
    const r = await fetch(`${host}/ors${p}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await r.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: r.status, body: json, type: r.headers.get('content-type'), allow: r.headers.get('allow') };
  };
  const post = (p: string, body: unknown, headers?: Record<string, string>) => call('POST', p, body, headers);
  const three = [at(0, 0), at(2, 2), at(4, 4)];
  const code = async (p: string, body: unknown, headers?: Record<string, string>) => {
    const r = await post(p, body, headers);
    return [r.status, r.body?.error?.code];
  };

  it('answers the matrix on /{profile} and /{profile}/json alike, with snapped_distance and ORS metadata', async () => {
    const a = await post('/v2/matrix/driving-car', { locations: three, metrics: ['duration', 'distance'], id: 'req-1' });
    const b = await post('/v2/matrix/driving-car/json', { locations: three, metrics: ['duration', 'distance'], id: 'req-1' });
    expect(a.status).toBe(200);
    expect(a.type).toMatch(/^application\/json/);
    expect(b.body.durations).toEqual(a.body.durations);
    expect(b.body.distances).toEqual(a.body.distances);
    expect(a.body.sources[1]).toEqual({ location: at(2, 2), snapped_distance: 0 });
    expect(Object.keys(a.body.destinations[0])).toEqual(['location', 'snapped_distance']);
    expect(a.body.metadata).toMatchObject({ id: 'req-1', service: 'matrix', system_message: 'read the docs', query: { profile: 'driving-car', responseType: 'json', id: 'req-1' } });
    expect(a.body.metadata.engine).toHaveProperty('build_date');
    expect(a.body.metadata.query).not.toHaveProperty('resolve_locations');
    expect(typeof a.body.metadata.timestamp).toBe('number');
  });

  it('takes numbers and booleans sent as strings, as ORS does', async () => {
    const r = await post('/v2/matrix/driving-car/json', { locations: three.map(([x, y]) => [String(x), String(y)]), sources: ['1'], destinations: [0, '2'], resolve_locations: 'true', optimized: 'false', units: 'KM', metrics: ['distance'] });
    expect(r.status).toBe(200);
    expect(r.body.distances).toHaveLength(1);
    expect(r.body.distances[0]).toHaveLength(2);
    expect(r.body.distances[0][0]).toBeGreaterThan(2);
    expect(r.body.distances[0][0]).toBeLessThan(5);
    expect(r.body).not.toHaveProperty('durations');
    expect(r.body.sources[0]).toHaveProperty('name');
    expect(r.body.metadata.query).toMatchObject({ sources: ['1'], destinations: ['0', '2'], resolve_locations: true, units: 'km' });
    expect(r.body.metadata.query).not.toHaveProperty('optimized');
    const all = await post('/v2/matrix/driving-car', { locations: three, sources: ['all'], destinations: [] });
    expect(all.body.durations).toHaveLength(3);
    expect(all.body.durations[2]).toHaveLength(3);
    const iso = await post('/v2/isochrones/driving-car', { locations: [[String(at(2, 2)[0]), at(2, 2)[1]]], range: ['240'], interval: '120', smoothing: '50', intersections: 'false' });
    expect(iso.status).toBe(200);
    expect(iso.body.features.map((f: any) => f.properties.value)).toEqual([120, 240]);
  });

  it('answers a location with no road near it with nulls, one outside the network with 404 / 6010', async () => {
    const r = await post('/v2/matrix/driving-car', { locations: [at(0, 0), at(2.5, 1.5), at(4, 4)] });
    expect(r.status).toBe(200);
    expect(r.body.sources[1]).toBeNull();
    expect(r.body.durations[1]).toEqual([null, null, null]);
    expect(r.body.durations[0][1]).toBeNull();
    expect(r.body.durations[0][2]).toBeGreaterThan(0);
    const out = await post('/v2/matrix/driving-car', { locations: [at(0, 0), [9, 48.7]] });
    expect(out.status).toBe(404);
    expect(out.body.error).toEqual({ code: 6010, message: 'Source point(s) [1] out of bounds: 48.7,9. Destination point(s) [1] out of bounds: 48.7,9' });
  });

  it('answers isochrones with ORS attributes, units and intersections', async () => {
    const r = await post('/v2/isochrones/driving-car/geojson', { locations: [at(1, 2), at(3, 2)], range: [300, 150], attributes: ['area', 'reachfactor', 'total_pop'], area_units: 'km', intersections: true, id: 'iso' }, { accept: 'application/geo+json' });
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^application\/geo\+json/);
    const isos = r.body.features.filter((f: any) => f.properties.group_index !== undefined);
    expect(isos.map((f: any) => [f.properties.group_index, f.properties.value])).toEqual([[0, 150], [0, 300], [1, 150], [1, 300]]);
    const big = isos[1].properties;
    expect(Object.keys(big)).toEqual(['group_index', 'value', 'center', 'area', 'reachfactor']);
    expect(big.area).toBeGreaterThan(0.1);
    expect(big.area).toBeLessThan(20);
    expect(big.reachfactor).toBeGreaterThan(0);
    expect(big.reachfactor).toBeLessThanOrEqual(1);
    const overlaps = r.body.features.filter((f: any) => f.properties.contours);
    expect(overlaps.length).toBeGreaterThan(0);
    expect(overlaps[overlaps.length - 1].properties.contours).toEqual([[0, 1], [1, 1]]);
    expect(overlaps[0].properties.area).toBeGreaterThan(0);
    expect(r.body.bbox).toHaveLength(4);
    expect(r.body.metadata).toMatchObject({ id: 'iso', service: 'isochrones', query: { responseType: 'geojson', area_units: 'km', intersections: true } });
    // Distance ranges in km: the values come back in metres, as ORS reports them.
    const d = await post('/v2/isochrones/driving-car', { locations: [at(2, 2)], range: [2], interval: 1, range_type: 'distance', units: 'km' });
    expect(d.body.features.map((f: any) => f.properties.value)).toEqual([1000, 2000]);
  });

  it('refuses with ORS codes and statuses, in ORS JSON on every path', async () => {
    const m = '/v2/matrix/driving-car/json';
    const i = '/v2/isochrones/driving-car/geojson';
    const loc1 = [at(2, 2)];
    // profile and path
    expect(await code('/v2/matrix/car-fast/json', { locations: three })).toEqual([400, 6003]);
    expect(await code('/v2/isochrones/wrongProfile', { locations: loc1, range: [60] })).toEqual([400, 3003]);
    expect(await code('/v2/matrix', { locations: three })).toEqual([400, 6001]);
    expect((await call('GET', '/v2/isochrones')).body.error.code).toBe(3001);
    expect(await code('/v2/matrix/driving-car/blah', { locations: three })).toEqual([406, 6007]);
    expect(await code('/v2/isochrones/driving-car/gpx', { locations: loc1, range: [60] })).toEqual([406, 3007]);
    expect(await code(m, { locations: three }, { accept: 'application/geo+json' })).toEqual([406, 6007]);
    expect(await code(i, { locations: loc1, range: [60] }, { accept: 'application/json' })).toEqual([406, 3007]);
    const get = await call('GET', '/v2/matrix/driving-car');
    expect([get.status, get.allow, get.body.error.message]).toEqual([405, 'POST', "Request method 'GET' is not supported"]);
    const unknown = await call('POST', '/v2/directions/driving-car', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/v2\/matrix/);
    // body
    expect(await code(m, '{"locations": [')).toEqual([400, 6000]);
    expect(await code(i, '[1, 2]')).toEqual([400, 3000]);
    expect(await code(m, {})).toEqual([400, 6001]);
    const huge = await post(m, { locations: three, id: 'x'.repeat(1_100_000) });
    expect([huge.status, huge.body.error.message]).toEqual([413, 'The request is larger than the server is able to process.']);
    expect(await code(m, { locations: three, rangeee: 1 })).toEqual([400, 6011]);
    expect(await code(i, { locations: loc1, rangeee: [60] })).toEqual([400, 3011]);
    expect(await code(m, { locations: [['8.680916a', '49.41b0973'], ['8.6c87782', '049gbd.424597']] })).toEqual([400, 6002]);
    expect(await code(m, { locations: [at(0, 0)] })).toEqual([400, 6003]);
    expect(await code(m, { locations: [[1, 47, 3], at(0, 0)] })).toEqual([400, 6003]);
    expect(await code(m, { locations: three, sources: ['fail'] })).toEqual([400, 6003]);
    expect(await code(m, { locations: three, destinations: ['3'] })).toEqual([400, 6003]);
    expect(await code(m, { locations: three, metrics: ['speed'] })).toEqual([400, 6003]);
    expect(await code(m, { locations: three, units: 'j' })).toEqual([400, 6003]);
    expect(await code(m, { locations: three, options: { avoid_features: ['ferries'] } })).toEqual([400, 6003]);
    expect((await post(m, { locations: three, options: { dynamic_speeds: true } })).status).toBe(200);
    // limits: 9 pairs
    expect(await code(m, { locations: [...three, at(1, 1)] })).toEqual([400, 6004]);
    expect(await code(m, { locations: [...three, at(1, 1)], sources: ['0', '1'], destinations: ['all'] })).toEqual([200, undefined]);
    // isochrones
    expect(await code(i, { locations: loc1 })).toEqual([400, 3001]);
    expect(await code(i, { locations: loc1, range: ['1800sdf'] })).toEqual([400, 3002]);
    expect(await code(i, { locations: loc1, range: [60], location_type: 'start123123' })).toEqual([400, 3003]);
    expect(await code(i, { locations: loc1, range: [60], range_type: 'blah' })).toEqual([400, 3003]);
    expect(await code(i, { locations: loc1, range: [60], attributes: ['areaaaa'] })).toEqual([400, 3003]);
    expect(await code(i, { locations: loc1, range: [60], units: 'mfff' })).toEqual([400, 3003]);
    expect(await code(i, { locations: loc1, range: [60], smoothing: 'ten' })).toEqual([400, 3002]);
    expect(await code(i, { locations: loc1, range: [60], smoothing: '-1' })).toEqual([400, 3003]);
    expect(await code(i, { locations: loc1, range: [60], smoothing: '101' })).toEqual([400, 3003]);
    expect(await code(i, { locations: loc1, range: [-5] })).toEqual([400, 3003]);
    expect(await code(i, { locations: loc1, range: [60], time: 'yesterday' })).toEqual([400, 3002]);
    expect(await code(i, { locations: loc1, range: [60], options: { avoid_features: ['blah'] } })).toEqual([400, 3003]);
    expect(await code(i, { locations: loc1, range: [60], options: { avoid_borders: 'all' } })).toEqual([400, 3005]);
    expect(await code(i, { locations: [at(0, 0), at(1, 1), at(2, 2)], range: [600], interval: 10 })).toEqual([400, 3004]);
    expect(await code(i, { locations: loc1, range: [601] })).toEqual([400, 3004]);
    expect(await code(i, { locations: loc1, range: [5.1], range_type: 'distance', units: 'km' })).toEqual([400, 3004]);
    expect(await code(i, { locations: loc1, range: [60], interval: 61 })).toEqual([400, 3004]);
    expect(await code(i, { locations: loc1, range: [600], interval: 100 })).toEqual([400, 3012]);
    expect(await code(i, { locations: loc1, range: [100, 200, 300, 400, 500] })).toEqual([400, 3012]);
    expect(await code(i, { locations: [at(1, 2), at(3, 2)], range: [300], interval: 100, intersections: true })).toEqual([400, 3004]); // 9 pairs > 4
    expect(await code(i, { locations: [at(1, 2), at(3, 2)], range: [300], interval: 150, intersections: true })).toEqual([200, undefined]);
    expect(await code(i, { locations: [at(2.5, 1.5)], range: [60] })).toEqual([500, 3099]);
    const msg = await post(i, { locations: loc1, range: [600], interval: 100 });
    expect(msg.body.error.message).toBe("Parameter 'interval' is out of range: Resulting number of 6 isochrones exceeds maximum value of 4.");
    expect(msg.body.info.engine).toHaveProperty('version');
    const tooFar = await post(i, { locations: loc1, range: [700] });
    expect(tooFar.body.error.message).toBe("Parameter 'range=700.0' is out of range. Maximum possible value is 600.");
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
