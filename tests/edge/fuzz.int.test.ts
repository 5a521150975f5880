import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPlacement, buildRoom, buildSite, clientAs } from '../helpers/factories.ts';
import { useTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';
import type { Database } from '../../server/db/connect.ts';

/**
 * Property-based fuzzing over every operation of the OpenAPI document (/api/openapi.json): path
 * params, query strings and JSON bodies drawn from hostile values (ids beyond int4, NUL, year 0000,
 * huge strings, wrong types, deep nesting, unknown keys), sent anonymously and as staff and intern.
 * The property: no answer is a 5xx, and every refusal is in the documented error shape.
 * Seeded (FUZZ_SEED) so a failure can be replayed; bounded by a request count and a time budget.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2500);
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 60_000);
const CONCURRENCY = 12;

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyKeys: string[];
  hasBody: boolean;
}

const nasty: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('', ' ', '0', '-1', '1', '2147483647', '2147483648', '99999999999999999999', '1e308', 'NaN', 'null', 'true', '[]', '{}') },
  { weight: 2, arbitrary: fc.constantFrom('0000-01-01', '2027-02-30', '9999-12-31', '2027-05-01', '2027-10-31', '1969-12-31T23:59:59Z', '2027-S1', '2027-05', 'S2-2027') },
  { weight: 2, arbitrary: fc.constantFrom('a\u0000b', '\u0000', '%00', '../../etc/passwd', "'; DROP TABLE \"Site\"; --", '<script>alert(1)</script>', '\uD800', '🏠', 'é'.repeat(300)) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  // Over the 16 KB query-string limit (431) and most length limits.
  { weight: 1, arbitrary: fc.constant('x'.repeat(20_000)) },
);

const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nasty,
    fc.integer(),
    fc.constantFrom(2147483648, -1, 0, 1, 1e308, -0, 0.5, Number.MAX_SAFE_INTEGER),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** encodeURIComponent, except that a lone surrogate (which a URL cannot carry) becomes U+FFFD. */
const encodePathSegment = (s: string) => encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

function operationsOf(doc: any): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params: any[] = op.parameters ?? [];
      const body = op.requestBody?.content?.['application/json']?.schema;
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        bodyKeys: Object.keys(body?.properties ?? {}),
        hasBody: !!op.requestBody,
      });
    }
  }
  return ops;
}

/** One request drawn for an operation: who calls, the URL and the body. */
function requestFor(op: Operation, realIds: number[]) {
  const id = fc.oneof(fc.constantFrom(...realIds.map(String)), nasty);
  const pathArb = fc.tuple(...op.pathParams.map(() => id)).map((values) =>
    op.pathParams.reduce((p, name, i) => p.replace(`{${name}}`, encodePathSegment(values[i] as string)), op.path),
  );
  const queryArb = fc.dictionary(fc.oneof(fc.constantFrom(...(op.queryParams.length ? op.queryParams : ['x'])), fc.string({ maxLength: 6 })), nasty, { maxKeys: 4 });
  const bodyArb = fc.oneof(
    { weight: 4, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...(op.bodyKeys.length ? op.bodyKeys : ['x'])), fc.string({ maxLength: 6 })), jsonValue, { maxKeys: 6 }) },
    { weight: 1, arbitrary: jsonValue },
    { weight: 1, arbitrary: fc.constantFrom('{"a":', 'not json', '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]', '"\\u0000"') },
  );
  return fc.record({
    who: fc.constantFrom<'anonymous' | 'staff' | 'intern'>('anonymous', 'staff', 'intern'),
    path: pathArb,
    query: queryArb,
    body: op.hasBody ? bodyArb.map((b) => (typeof b === 'string' ? b : JSON.stringify(b))) : fc.constant(undefined),
  });
}

const errorShape = (body: any): boolean => {
  if (!body || typeof body !== 'object' || !body.error || typeof body.error !== 'object') return false;
  const e = body.error;
  const keys = Object.keys(e).filter((k) => !['id', 'message', 'field', 'details'].includes(k));
  return typeof e.id === 'string' && typeof e.message === 'string' && (e.field === undefined || typeof e.field === 'string') && keys.length === 0;
};

describe('fuzzing every OpenAPI operation', () => {
  let db: Database;
  let app: TestApp;
  const clients: Record<string, TestClient> = {};
  let realIds: number[] = [];
  useTestApp(async (t) => {
    ({ db, app } = t);
    const site = await buildSite(db.prisma);
    const room = await buildRoom(db.prisma, { siteId: site.id, beds: 2, availability: [{ from: '2027-05-01', to: '2027-10-31' }] });
    const intern = await clientAs(app, db.prisma, 'intern');
    const placement = await buildPlacement(db.prisma, { internId: intern.intern!.id });
    clients.intern = intern.client;
    clients.staff = (await clientAs(app, db.prisma, 'staff')).client;
    realIds = [site.id, room.id, room.beds[0].id, intern.intern!.id, placement.id, intern.user.id];
  });

  it(`answers ${REQUESTS} hostile requests with no 5xx and every refusal in the error shape`, { timeout: BUDGET_MS + 60_000 }, async () => {
    const doc = (await app.client().get('/api/openapi.json')).body;
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(50);
    const cases = fc.sample(
      fc.constantFrom(...ops).chain((op) => requestFor(op, realIds).map((r) => ({ op, ...r }))),
      { numRuns: REQUESTS, seed: SEED },
    );
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const started = Date.now();
    let sent = 0;
    let next = 0;
    const worker = async () => {
      while (next < cases.length && Date.now() - started < BUDGET_MS) {
        const c = cases[next++];
        const qs = new URLSearchParams(c.query as Record<string, string>).toString();
        const url = `${c.path}${qs ? `?${qs}` : ''}`;
        // Signing out would end the shared session: that operation gets a throwaway one.
        const client = c.who === 'anonymous' ? app.client() : c.op.method === 'DELETE' && c.op.path === '/api/session' ? (await clientAs(app, db.prisma, 'staff')).client : clients[c.who];
        const res = await client.request(c.op.method, url, c.body, c.body === undefined ? {} : { 'content-type': 'application/json' });
        sent++;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const refusal = res.status >= 400;
        if (res.status >= 500 || (refusal && !errorShape(res.body))) {
          failures.push(`${c.who} ${c.op.method} ${url.slice(0, 200)} ${String(c.body).slice(0, 200)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    console.log(`fuzz: ${sent} requests over ${ops.length} operations in ${Date.now() - started} ms (seed ${SEED}); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
    expect(failures.slice(0, 20)).toEqual([]);
    // All of them on a quiet machine; on a shared, overloaded one the time budget may stop it earlier.
    expect(sent).toBeGreaterThanOrEqual(Math.min(REQUESTS, 500));
  });
});
