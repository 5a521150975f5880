import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import { createLogger } from '../../logger.ts';
import { errorHandler } from '../../middleware/error-handler.ts';
import { COMMUNE_MIN_ZOOM, loadGeography, selectBaseLayer } from './base-layer.ts';
import { createMapRouter, GEO_DIR } from './router.ts';
import { EstimateProvider } from '../../routing/estimate-provider.ts';
import type { DriveTimeProvider } from '../../routing/provider.ts';
import { straightLineTestProvider } from '../../../tests/helpers/fake-drive-times.ts';

async function serve(geoDir: string, provider: DriveTimeProvider): Promise<{ url: string; server: Server }> {
  const ctx = {
    config: loadConfig({ NODE_ENV: 'test', TILE_URL: 'https://tiles.example/{z}/{x}/{y}.png' }),
    logger: createLogger('silent'),
    driveTimes: { provider, description: provider.name },
  } as unknown as AppContext;
  const app = express();
  app.use('/api', createMapRouter(ctx, geoDir));
  app.use(errorHandler(ctx.logger));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const a = server.address();
  return { url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/api`, server };
}

describe('map routes', () => {
  let withGeo: { url: string; server: Server };
  let withoutGeo: { url: string; server: Server };
  beforeAll(async () => {
    withGeo = await serve(GEO_DIR, straightLineTestProvider());
    withoutGeo = await serve('/nonexistent/geo', new EstimateProvider());
  });
  afterAll(() => {
    withGeo.server.close();
    withoutGeo.server.close();
  });

  it('gives the configured tile URL and attribution', async () => {
    const body = await (await fetch(`${withGeo.url}/map/config`)).json();
    expect(body.tileUrl).toBe('https://tiles.example/{z}/{x}/{y}.png');
    expect(body.attribution).toContain('OpenStreetMap');
  });

  it('says whether drive times are straight-line estimates, so the interface can warn', async () => {
    expect((await (await fetch(`${withGeo.url}/map/config`)).json()).driveTimes).toEqual({ provider: 'test-straight-line', estimate: false });
    expect((await (await fetch(`${withoutGeo.url}/map/config`)).json()).driveTimes).toEqual({ provider: 'estimate', estimate: true });
  });

  it('answers an empty layer with a note when the geography is absent', async () => {
    const res = await fetch(`${withoutGeo.url}/map/base-layer?bbox=0,47,2,48&zoom=10`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ type: 'FeatureCollection', features: [], note: 'offline geography not installed' });
  });

  it('rejects a malformed bbox with a validation error naming the field', async () => {
    const res = await fetch(`${withGeo.url}/map/base-layer?bbox=1,2,3`);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ id: 'validation', field: 'query.bbox' });
  });

  it('sends départements always and communes with names only when zoomed in on the area', async () => {
    const far = await (await fetch(`${withGeo.url}/map/base-layer?bbox=0.5,47,2.2,48.2&zoom=7`)).json();
    expect(far.features.length).toBeGreaterThan(0);
    expect(far.features.every((f: { properties: { kind: string } }) => f.properties.kind === 'departement')).toBe(true);
    expect(far.features.map((f: { properties: { name: string } }) => f.properties.name)).toContain('Loir-et-Cher');

    const near = await (await fetch(`${withGeo.url}/map/base-layer?bbox=1.0,47.7,1.2,47.9&zoom=${COMMUNE_MIN_ZOOM}`)).json();
    const communes = near.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'commune');
    expect(communes.map((f: { properties: { name: string } }) => f.properties.name)).toContain('Vendôme');
    expect(communes.length).toBeLessThan(60);
  });

  it('simplifies outlines so a whole-France view stays small', () => {
    const geo = loadGeography(GEO_DIR)!;
    const all = selectBaseLayer(geo, undefined, 5);
    expect(all.features.length).toBe(geo.departements.length);
    expect(JSON.stringify(all).length).toBeLessThan(300_000);
  });
});
