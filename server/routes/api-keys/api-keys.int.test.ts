import Openrouteservice from 'openrouteservice-js';
import { describe, expect, it } from 'vitest';
import { clientAs } from '../../../tests/helpers/factories.ts';
import { straightLineTestProvider } from '../../../tests/helpers/fake-drive-times.ts';
import { useTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { unique } from '../../../tests/helpers/test-db.ts';
import type { Database } from '../../db/connect.ts';
import { hashApiKey } from '../../domain/api-keys/key-token.ts';
import { createOrsRouter } from '../ors/router.ts';
import { loadConfig } from '../../config.ts';

const MATRIX = '/ors/v2/matrix/driving-car';
const body = { locations: [[1.33, 47.59], [1.74, 47.36]] };

describe('API keys of the ORS-compatible API (/api/api-keys, and the key gate in front of /ors)', () => {
  let db: Database;
  let app: TestApp;
  useTestApp((t) => ({ db, app } = t), { ors: createOrsRouter({ engine: straightLineTestProvider(), limits: loadConfig({}).orsApi.limits }) });

  /** A POST to /ors with exactly these headers (no cookie jar). */
  const ors = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(app.baseUrl + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: res.status, headers: res.headers, body: (await res.json()) as any };
  };
  const newKey = async (quotas: { perMinute?: number; perDay?: number } = {}) => {
    const { client: staff, user } = await clientAs(app, db.prisma, 'staff');
    const res = await staff.post('/api/api-keys', { label: unique('Partenaire'), ...quotas });
    expect(res.status).toBe(201);
    return { staff, user, key: res.body.key as string, apiKey: res.body.apiKey };
  };

  it('creates a key shown once, lists it without the key, and records both in the audit trail without the key', async () => {
    const { staff, user, key, apiKey } = await newKey({ perMinute: 10, perDay: 200 });
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ prefix: key.slice(0, 8), perMinute: 10, perDay: 200, usedToday: 0, lastUsedAt: null, revokedAt: null, owner: { id: user.id } });
    const list = await staff.get('/api/api-keys');
    expect(list.status).toBe(200);
    expect(list.body.apiKeys.find((k: any) => k.id === apiKey.id)).toMatchObject({ label: apiKey.label, prefix: key.slice(0, 8) });
    expect(JSON.stringify(list.body)).not.toContain(key);
    expect(JSON.stringify(list.body)).not.toContain(hashApiKey(key));
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'ApiKey', entityId: String(apiKey.id), action: 'create' } });
    expect(audit.actorId).toBe(user.id);
    expect(audit.after).toMatchObject({ label: apiKey.label, perMinute: 10, perDay: 200 });
    expect(JSON.stringify(audit.after)).not.toContain(key);
    expect(JSON.stringify(audit.after)).not.toContain(hashApiKey(key));
  });

  it('gives ORS quotas by default and refuses bad quotas and labels, naming the field', async () => {
    const { client: staff } = await clientAs(app, db.prisma, 'staff');
    const ok = await staff.post('/api/api-keys', { label: 'Défauts' });
    expect(ok.body.apiKey).toMatchObject({ perMinute: 40, perDay: 500 });
    for (const [input, field] of [
      [{ label: '' }, 'body.label'],
      [{ label: 'x'.repeat(121) }, 'body.label'],
      [{ label: 'x', perMinute: 0 }, 'body.perMinute'],
      [{ label: 'x', perMinute: 2.5 }, 'body.perMinute'],
      [{ label: 'x', perDay: 10_000_001 }, 'body.perDay'],
      [{ label: 'x', perMinute: 50, perDay: 10 }, 'body.perDay'],
    ] as const) {
      const res = await staff.post('/api/api-keys', input);
      expect(res.status, JSON.stringify(input)).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
  });

  it('serves /ors to a key in the Authorization header or the api_key query, counting each request', async () => {
    const { staff, key, apiKey } = await newKey({ perMinute: 10, perDay: 100 });
    const byHeader = await ors(MATRIX, { authorization: key });
    expect(byHeader.status).toBe(200);
    expect(byHeader.body.durations).toHaveLength(2);
    expect(byHeader.headers.get('x-ratelimit-limit')).toBe('100');
    expect(byHeader.headers.get('x-ratelimit-remaining')).toBe('99');
    expect(Number(byHeader.headers.get('x-ratelimit-reset')) * 1000).toBeGreaterThan(Date.now());
    expect((await ors(`${MATRIX}?api_key=${encodeURIComponent(key)}`)).status).toBe(200);
    expect((await ors(MATRIX, { authorization: `Bearer ${key}` })).status).toBe(200);
    const listed = (await staff.get('/api/api-keys')).body.apiKeys.find((k: any) => k.id === apiKey.id);
    expect(listed.usedToday).toBe(3);
    expect(Date.parse(listed.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('is what openrouteservice-js sends: the real client with api_key gets its matrix', async () => {
    const { key } = await newKey();
    const client = new Openrouteservice.Matrix({ api_key: key, host: `${app.baseUrl}/ors` });
    const res = (await client.calculate({ profile: 'driving-car', locations: body.locations })) as Record<string, any>;
    expect(res.durations).toHaveLength(2);
    const anonymous = new Openrouteservice.Matrix({ api_key: '', host: `${app.baseUrl}/ors` });
    await expect(anonymous.calculate({ profile: 'driving-car', locations: body.locations })).rejects.toMatchObject({ status: 401 });
  });

  it('answers anonymous callers 401 and unknown keys 403, in ORS gateway JSON', async () => {
    const anonymous = await ors(MATRIX);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/application\/json/);
    expect(anonymous.body).toEqual({ error: expect.stringMatching(/Authorization field\/api_key missing/) });
    expect((await ors('/ors/v2/isochrones/driving-car', {})).status).toBe(401);
    expect((await ors('/ors/no/such/path')).status).toBe(401);
    expect((await ors(MATRIX, { authorization: '' })).status).toBe(401);
    const unknown = await ors(MATRIX, { authorization: 'not-a-key' });
    expect(unknown.status).toBe(403);
    expect(unknown.body).toEqual({ error: expect.stringMatching(/disallowed: unknown API key/) });
    expect((await ors(`${MATRIX}?api_key=not-a-key`)).status).toBe(403);
  });

  it('lets a signed-in user through with the session cookie alone (the app\'s own pages), whatever the role', async () => {
    const { client } = await clientAs(app, db.prisma, 'intern');
    const res = await client.request('POST', MATRIX, body);
    expect(res.status).toBe(200);
    expect(res.body.durations).toHaveLength(2);
  });

  it('revokes a key: its next request is refused with 403; revoking twice is a conflict; the revocation is audited', async () => {
    const { staff, user, key, apiKey } = await newKey();
    expect((await ors(MATRIX, { authorization: key })).status).toBe(200);
    const revoked = await staff.delete(`/api/api-keys/${apiKey.id}`);
    expect(revoked.status).toBe(200);
    expect(Date.parse(revoked.body.apiKey.revokedAt)).toBeGreaterThan(Date.now() - 60_000);
    const refused = await ors(MATRIX, { authorization: key });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/revoked/);
    expect((await staff.delete(`/api/api-keys/${apiKey.id}`)).status).toBe(409);
    expect((await staff.delete('/api/api-keys/2147483647')).status).toBe(404);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'ApiKey', entityId: String(apiKey.id), action: 'revoke' } });
    expect(audit.actorId).toBe(user.id);
    expect(audit.before).toMatchObject({ revokedAt: null });
  });

  it('answers 429 with Retry-After past the per-minute quota, letting exactly the quota through 12 concurrent requests', async () => {
    const { key } = await newKey({ perMinute: 4, perDay: 100 });
    const before = Math.floor(Date.now() / 60_000);
    const results = await Promise.all(Array.from({ length: 12 }, () => ors(MATRIX, { authorization: key })));
    const after = Math.floor(Date.now() / 60_000);
    const served = results.filter((r) => r.status === 200).length;
    // Within one minute exactly the quota passes. Requests that straddle a minute boundary count in
    // two windows, each letting at most four through: anything from 4 to 8 is right then.
    if (before === after) expect(served, `served ${served} within one minute`).toBe(4);
    else expect(served >= 4 && served <= 8, `served ${served} across a minute boundary`).toBe(true);
    const limited = results.find((r) => r.status === 429)!;
    expect(limited.body).toEqual({ error: expect.stringMatching(/Rate limit exceeded: this API key allows 4 requests per minute/) });
    const retry = Number(limited.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
  });

  it('answers 403 with Retry-After once the daily quota is spent, as openrouteservice does', async () => {
    const { key } = await newKey({ perMinute: 2, perDay: 2 });
    expect((await ors(MATRIX, { authorization: key })).status).toBe(200);
    expect((await ors(MATRIX, { authorization: key })).status).toBe(200);
    const spent = await ors(MATRIX, { authorization: key });
    expect(spent.status).toBe(403);
    expect(spent.body.error).toMatch(/Daily quota reached: this API key allows 2 requests per day/);
    expect(Number(spent.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(spent.headers.get('retry-after'))).toBeLessThanOrEqual(86_400);
    expect(spent.headers.get('x-ratelimit-remaining')).toBe('0');
  });
});
