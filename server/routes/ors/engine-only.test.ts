import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { straightLineTestProvider } from '../../../tests/helpers/fake-drive-times.ts';
import type { DriveTimeProvider } from '../../routing/provider.ts';
import { createOrsEngineRouter } from './engine-only.ts';
import { loadConfig } from '../../config.ts';

/** A provider that must never be asked: the app's own one, openrouteservice when ORS_API_KEY is set. */
function forbiddenProvider(calls: string[]): DriveTimeProvider {
  return {
    name: 'openrouteservice',
    matrix: async () => {
      calls.push('matrix');
      throw new Error('proxied to openrouteservice');
    },
    isochrones: async () => {
      calls.push('isochrones');
      throw new Error('proxied to openrouteservice');
    },
  };
}

describe('the /ors router answers from the embedded engine only, never from the app\'s own provider', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  async function serve(driveTimes: { provider: DriveTimeProvider; embedded?: DriveTimeProvider }) {
    const app = express();
    app.use(express.json());
    app.use('/ors', createOrsEngineRouter(driveTimes, { limits: loadConfig({}).orsApi.limits }));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ors`;
    return async (path: string, body: unknown) => {
      const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as any };
    };
  }

  it('with openrouteservice configured and an embedded engine, external callers get the embedded engine', async () => {
    const calls: string[] = [];
    const post = await serve({ provider: forbiddenProvider(calls), embedded: straightLineTestProvider() });
    const m = await post('/v2/matrix/driving-car', { locations: [[1.33, 47.59], [1.74, 47.36]] });
    expect(m.status).toBe(200);
    expect(m.body.durations[0][1]).toBeGreaterThan(0); // answered by the embedded engine's stand-in
    expect((await post('/v2/isochrones/driving-car', { locations: [[1.33, 47.59]], range: [600] })).status).toBe(200);
    expect(calls).toEqual([]);
  });

  it('without an embedded engine, answers 503 in ORS error shape saying why, and never asks openrouteservice', async () => {
    const calls: string[] = [];
    const post = await serve({ provider: forbiddenProvider(calls) });
    const m = await post('/v2/matrix/driving-car', { locations: [[1.33, 47.59], [1.74, 47.36]] });
    expect(m.status).toBe(503);
    expect(m.body.error.code).toBe(6099);
    expect(m.body.error.message).toMatch(/no road network loaded.*never forwards requests to openrouteservice/);
    expect(m.body.info.timestamp).toBeGreaterThan(0);
    const iso = await post('/v2/isochrones/driving-car/geojson', { locations: [[1.33, 47.59]], range: [600] });
    expect(iso.status).toBe(503);
    expect(iso.body.error.code).toBe(3099);
    expect(calls).toEqual([]);
  });
});
