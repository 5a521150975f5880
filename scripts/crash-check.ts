/**
 * `npm run crash:check`: kill -9 the server again and again while it takes writes, restart it, and
 * check that every write it acknowledged is there and nothing is half done. Each round starts the
 * real server (child process, loopback) on the same database, signs staff in, fires concurrent writes
 * — site creations, rooms with their beds, availability windows, whole-inventory imports (20 sites
 * in one transaction) and matching applies (preview, then apply: one serializable transaction writing
 * the run, its proposals, their audit events and notices) — and kills the server with SIGKILL at a
 * random moment. After each restart: every acknowledged site, room (with all its beds), import and
 * apply is there; an import that was not acknowledged is there whole or not at all; every apply run in
 * the database has all its writes (as many proposals created and kept as its result says, each with its
 * audit event, and its own 'apply' audit event). Prints the counts and one JSON line.
 *
 *   npm run crash:check                     # 10 rounds on a fresh embedded database
 *   npm run crash:check -- --rounds 5 --db postgres   # on a throwaway database beside TEST_DATABASE_URL
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../server/db/connect.ts';
import { ROOT, startServer, throwawayPostgres } from '../bench/support/server-process.ts';

const args = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const rounds = Number(arg('rounds', '10'));
const kind = arg('db', 'pglite') as 'pglite' | 'postgres';
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const say = (line: string) => console.error(line);

interface Acked {
  sites: string[];
  rooms: { id: number; beds: number; windows: number }[];
  imports: string[][];
  unackedImports: string[][];
  /** Apply runs acknowledged (200), and applies sent but cut by the kill. */
  applies: number[];
  cutApplies: number;
}

async function staffSession(base: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'staff@demo.test', password: 'demo1234' }) });
  if (!res.ok) throw new Error(`staff sign-in: ${res.status} ${await res.text()}`);
  const body = await res.json();
  return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: body.csrfToken };
}

async function round(n: number, env: Record<string, string>, acked: Acked): Promise<number> {
  const server = await startServer(env, { timeoutMs: 900_000 });
  const base = server.baseUrl;
  const { cookie, csrf } = await staffSession(base);
  const headers = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
  const csv = await (await fetch(`${base}/api/export/sites.csv`, { headers: { cookie } })).text();
  const [header, sample] = csv.trim().split('\n');
  const slugCol = header.split(',').indexOf('slug');
  let alive = true;
  let writes = 0;

  const createSite = async (i: number) => {
    const name = `Crash ${n}-${i}-${Date.now().toString(36)}`;
    const res = await fetch(`${base}/api/sites`, { method: 'POST', headers, body: JSON.stringify({ name, commune: 'Blois', departement: 'Loir-et-Cher', subdivision: 'Tours', location: [1.33, 47.59], funder: { kind: 'departement' } }) });
    if (res.status !== 201) return;
    const site = (await res.json()).site;
    acked.sites.push(site.slug);
    writes++;
    const room = await fetch(`${base}/api/sites/${site.id}/rooms`, { method: 'POST', headers, body: JSON.stringify({ label: 'Chambre 1', beds: 3 }) });
    if (room.status !== 201) return;
    const roomId = (await room.json()).room.id;
    // This room's own entry: concurrent creations push theirs meanwhile, so not "the last one".
    const entry = { id: roomId, beds: 3, windows: 0 };
    acked.rooms.push(entry);
    writes++;
    const w = await fetch(`${base}/api/rooms/${roomId}/availability`, { method: 'POST', headers, body: JSON.stringify({ startDate: '2031-05-01', endDate: '2031-10-31' }) });
    if (w.status === 201) {
      entry.windows = 1;
      writes++;
    }
  };
  const importBatch = async (i: number) => {
    const slugs = Array.from({ length: 20 }, (_, k) => `crash-import-${n}-${i}-${k}-${Date.now().toString(36)}`);
    const rows = slugs.map((slug) => {
      const cells = sample.split(',');
      cells[slugCol] = slug;
      return cells.join(',');
    });
    const res = await fetch(`${base}/api/import/sites?format=csv`, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body: [header, ...rows].join('\n') }).catch(() => undefined);
    if (res?.status === 200) {
      acked.imports.push(slugs);
      writes++;
    } else acked.unackedImports.push(slugs);
  };

  // Preview then apply, again and again, beside the other writes (an apply that sees them answers 409).
  // A preview (the solver) takes seconds here, so the first one is ready before the kill clock starts.
  const preview = async (): Promise<number | undefined> => {
    const res = await fetch(`${base}/api/matching/preview`, { method: 'POST', headers, body: '{}' });
    return res.status === 201 ? (await res.json()).runId : undefined;
  };
  let ready = await preview().catch(() => undefined);
  const applyLoop = async () => {
    while (alive) {
      const runId = ready ?? (await preview().catch(() => undefined));
      ready = undefined;
      if (runId === undefined || !alive) continue;
      const res = await fetch(`${base}/api/matching/apply`, { method: 'POST', headers, body: JSON.stringify({ runId }) }).catch(() => undefined);
      if (res?.status === 200) {
        acked.applies.push((await res.json()).runId);
        writes++;
      } else if (!res) acked.cutApplies++;
    }
  };

  const load = (async () => {
    for (let i = 0; alive; i++) {
      await Promise.all([createSite(i * 3).catch(() => {}), createSite(i * 3 + 1).catch(() => {}), importBatch(i).catch(() => {}), createSite(i * 3 + 2).catch(() => {})]);
    }
  })();
  const applying = applyLoop().catch(() => {});
  await new Promise((r) => setTimeout(r, 3000 + Math.random() * 7000));
  alive = false;
  await server.kill();
  await load;
  await applying;
  return writes;
}

async function verify(env: Record<string, string>, acked: Acked): Promise<{ missing: string[]; halfDone: string[] }> {
  const db = await openDatabase(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { pgliteDir: env.PGLITE_DIR });
  try {
    const missing: string[] = [];
    const halfDone: string[] = [];
    const slugs = new Set((await db.prisma.site.findMany({ select: { slug: true } })).map((s) => s.slug));
    for (const slug of acked.sites) if (!slugs.has(slug)) missing.push(`site ${slug}`);
    for (const r of acked.rooms) {
      const room = await db.prisma.room.findUnique({ where: { id: r.id }, include: { beds: true, availability: true } });
      if (!room) missing.push(`room ${r.id}`);
      else if (room.beds.length !== r.beds) halfDone.push(`room ${r.id} has ${room.beds.length} of ${r.beds} beds`);
      else if (room.availability.length < r.windows) missing.push(`availability of room ${r.id}`);
    }
    for (const batch of acked.imports) for (const slug of batch) if (!slugs.has(slug)) missing.push(`imported ${slug}`);
    for (const batch of acked.unackedImports) {
      const present = batch.filter((s) => slugs.has(s)).length;
      if (present !== 0 && present !== batch.length) halfDone.push(`import ${batch[0]}…: ${present} of ${batch.length} sites`);
    }
    // Every apply in the database, acknowledged or cut, is whole: its proposals and its own audit event.
    const runs = await db.prisma.matchingRun.findMany({ where: { kind: 'apply' }, select: { id: true, result: true } });
    const runIds = new Set(runs.map((r) => r.id));
    for (const id of acked.applies) if (!runIds.has(id)) missing.push(`apply run ${id}`);
    for (const r of runs) {
      const expected = r.result as { created: number; kept: number };
      const audited = (action: string) => db.prisma.auditEvent.findMany({ where: { action, entity: 'Assignment', after: { path: ['matchingRunId'], equals: r.id } }, select: { entityId: true } });
      const created = await audited('create');
      const kept = await audited('update');
      // A later apply re-points the proposals it keeps to itself, so the created ones are found by id.
      const proposals = await db.prisma.assignment.count({ where: { id: { in: created.map((e) => Number(e.entityId)) } } });
      const applyEvent = await db.prisma.auditEvent.count({ where: { action: 'apply', entity: 'MatchingRun', entityId: String(r.id) } });
      if (created.length !== expected.created || kept.length !== expected.kept || applyEvent !== 1 || proposals !== expected.created) {
        halfDone.push(`apply run ${r.id}: ${created.length}/${expected.created} created (${proposals} there), ${kept.length}/${expected.kept} kept, ${applyEvent} apply event(s)`);
      }
    }
    appliesInDb = runs.length;
    return { missing, halfDone };
  } finally {
    await db.close();
  }
}

const tmp = mkdtempSync(path.join(tmpdir(), 'im-crash-check-'));
const pgDb = kind === 'postgres' ? await throwawayPostgres(pgUrl ?? '', 'im_crash') : undefined;
const env: Record<string, string> = { DATA_DIR: path.join(ROOT, 'data'), ...(pgDb ? { DATABASE_URL: pgDb.url } : { PGLITE_DIR: path.join(tmp, 'pglite') }) };
const acked: Acked = { sites: [], rooms: [], imports: [], unackedImports: [], applies: [], cutApplies: 0 };
let appliesInDb = 0;
let kills = 0;
let writes = 0;
try {
  for (let n = 1; n <= rounds; n++) {
    writes += await round(n, env, acked);
    kills++;
    say(`round ${n}: killed -9; acknowledged so far: ${acked.sites.length} sites, ${acked.rooms.length} rooms, ${acked.imports.length} imports (${acked.unackedImports.length} cut), ${acked.applies.length} applies (${acked.cutApplies} cut)`);
  }
  // One last start: the server must come up on what the kills left (lock taken over, migrations done).
  const last = await startServer(env, { timeoutMs: 900_000 });
  await last.stop();
  const { missing, halfDone } = await verify(env, acked);
  const counts = { sites: acked.sites.length, rooms: acked.rooms.length, imports: acked.imports.length, cutImports: acked.unackedImports.length, applies: acked.applies.length, cutApplies: acked.cutApplies, appliesInDatabase: appliesInDb };
  console.log(JSON.stringify({ check: 'crash', db: kind, kills, acknowledgedWrites: writes, ...counts, missing: missing.length, halfDone: halfDone.length, examples: [...missing, ...halfDone].slice(0, 10) }));
  say(`${kills} kill -9 on ${kind}: ${writes} acknowledged writes (${counts.sites} sites, ${counts.rooms} rooms, ${counts.imports} imports, ${counts.applies} applies; ${counts.cutImports} imports and ${counts.cutApplies} applies cut by a kill, ${appliesInDb} apply runs in the database), ${missing.length} missing, ${halfDone.length} half done`);
  if (missing.length || halfDone.length) process.exitCode = 1;
} finally {
  await pgDb?.drop();
  rmSync(tmp, { recursive: true, force: true });
}
