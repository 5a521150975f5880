import { describe, expect, it } from 'vitest';
import { useTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { Database } from '../../db/connect.ts';

describe('OpenAPI document and docs page', () => {
  let db: Database;
  let app: TestApp;
  useTestApp((t) => ({ db, app } = t));

  it('serves an OpenAPI 3 document generated from the zod schemas', async () => {
    const res = await app.client().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const post = res.body.paths['/api/assignments'].post;
    // Department staff and the national admin (who sees every département) may book a bed.
    expect(post['x-roles']).toEqual(['staff', 'admin']);
    const body = post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['internId', 'bedId', 'startDate', 'endDate']));
    expect(res.body.paths['/api/sites/{id}'].patch.parameters[0]).toMatchObject({ name: 'id', in: 'path' });
    expect(res.body.paths['/api/session'].post.responses['429']).toBeDefined();
    const site = res.body.paths['/api/sites'].post.requestBody.content['application/json'].schema;
    expect(site.properties.rentCents).toMatchObject({ type: 'integer', minimum: 0 });
  });

  it('serves a self-contained HTML page listing the operations with their access rules', async () => {
    const res = await app.client().get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = res.body as string;
    expect(html).toContain('/api/assignments/:id');
    expect(html).toContain('Access: staff');
    expect(html).not.toMatch(/<script|https?:\/\/(?!localhost)/i);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
