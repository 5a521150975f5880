import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOsmPbf } from '../../server/routing/osm/import-osm.ts';
import { readOsmPbf } from '../../server/routing/osm/pbf-reader.ts';
import { startExtractServer, type ExtractServer } from '../../tests/helpers/extract-server.ts';
import { MONACO_PBF } from '../../tests/helpers/fixtures.ts';
import { buildClipMask } from './clip-mask.ts';
import { readDepartements, selectDepartements } from './departements.ts';
import { ChecksumMismatchError, downloadVerified, md5File } from './download.ts';
import { extractRoads } from './extract-roads.ts';
import { resolveRoadSource } from './regions.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const monaco = readFileSync(MONACO_PBF);
const fresh = () => mkdtempSync(path.join(tmpdir(), 'im-fetch-'));

describe('region names', () => {
  it("maps today's regions to Geofabrik's extracts, in parts where Geofabrik still cuts along the former regions", () => {
    expect(resolveRoadSource('centre-val-de-loire')).toEqual({ name: 'centre-val-de-loire', urls: ['https://download.geofabrik.de/europe/france/centre-latest.osm.pbf'] });
    expect(resolveRoadSource('Centre-Val de Loire').urls).toEqual(resolveRoadSource('centre-val-de-loire').urls);
    expect(resolveRoadSource('Grand Est').urls.map((u) => u.split('/').pop())).toEqual(['alsace-latest.osm.pbf', 'champagne-ardenne-latest.osm.pbf', 'lorraine-latest.osm.pbf']);
    expect(resolveRoadSource('limousin').urls).toEqual(['https://download.geofabrik.de/europe/france/limousin-latest.osm.pbf']);
    expect(resolveRoadSource('http://127.0.0.1:9/x/monaco-latest.osm.pbf')).toEqual({ name: 'monaco', urls: ['http://127.0.0.1:9/x/monaco-latest.osm.pbf'] });
  });

  it('refuses an unknown name, listing the known ones', () => {
    expect(() => resolveRoadSource('atlantide')).toThrow(/unknown region "atlantide".*centre-val-de-loire.*URL/);
    expect(() => resolveRoadSource('https://example.org/x.zip')).toThrow(/not an \.osm\.pbf URL/);
  });
});

describe('download', () => {
  let server: ExtractServer;
  beforeAll(async () => {
    server = await startExtractServer({ 'monaco-latest.osm.pbf': monaco });
  });
  afterAll(() => server.close());
  const url = () => `${server.url}/monaco-latest.osm.pbf`;

  it('downloads, checks the published MD5 and keeps the checksum beside the file', async () => {
    const dest = path.join(fresh(), 'monaco-latest.osm.pbf');
    const seen: number[] = [];
    const r = await downloadVerified(url(), dest, { onProgress: (p) => seen.push(p.done / p.total) });
    expect(r.bytes).toBe(monaco.length);
    expect(await md5File(dest)).toBe(r.md5);
    expect(readFileSync(`${dest}.md5`, 'utf8')).toBe(`${r.md5}  monaco-latest.osm.pbf\n`);
    expect(seen.at(-1)).toBe(1);
    expect(existsSync(`${dest}.part`)).toBe(false);
  });

  it('resumes an interrupted download where it stopped (HTTP Range)', async () => {
    const dest = path.join(fresh(), 'monaco-latest.osm.pbf');
    server.cutNextAfter = 600_000;
    // The server cuts the connection after 600,000 bytes; the client may not have read the last
    // bytes in flight when the socket dies, so the part file holds what it received, at most that.
    const err = await downloadVerified(url(), dest).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/interrupted after \d+ bytes.*run the command again to resume/);
    const kept = statSync(`${dest}.part`).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(600_000);
    expect((err as Error).message).toContain(`after ${kept} bytes`);
    expect(existsSync(dest)).toBe(false);
    server.requests.length = 0;
    const r = await downloadVerified(url(), dest);
    expect(server.requests.find((q) => q.path === '/monaco-latest.osm.pbf')?.range).toBe(`bytes=${kept}-`);
    expect(r.resumedFrom).toBe(kept);
    expect(readFileSync(dest).equals(monaco)).toBe(true);
  });

  it('refuses a corrupted download with a clear message, and deletes it', async () => {
    const dir = fresh();
    const dest = path.join(dir, 'monaco-latest.osm.pbf');
    server.corrupt = Buffer.from(monaco);
    server.corrupt[1000] ^= 0xff;
    try {
      const err = await downloadVerified(url(), dest).catch((e) => e);
      expect(err).toBeInstanceOf(ChecksumMismatchError);
      expect(err.message).toMatch(/is corrupted: its MD5 is [0-9a-f]{32} but the published one is [0-9a-f]{32}\. The file was deleted/);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      server.corrupt = undefined;
    }
  });

  it('refuses an extract published without its checksum', async () => {
    await expect(downloadVerified(`${server.url}/absent.osm.pbf`, path.join(fresh(), 'a.osm.pbf'))).rejects.toThrow(/no checksum published beside .*answered 404/);
  });
});

describe('keeping the roads around some départements', () => {
  const departements = readDepartements(path.join(ROOT, 'geo'));

  it('masks an outline widened by the margin', () => {
    const loirEtCher = selectDepartements(departements, ['41']);
    const tight = buildClipMask(loirEtCher, 0);
    const wide = buildClipMask(loirEtCher, 20);
    expect(tight.contains(1.3359, 47.5861)).toBe(true); // Blois
    expect(tight.contains(0.6848, 47.3941)).toBe(false); // Tours, 25 km beyond the border
    expect(wide.contains(0.6848, 47.3941)).toBe(false);
    expect(wide.contains(0.95, 47.45)).toBe(true); // ~10 km beyond the border
    expect(tight.contains(2.3522, 48.8566)).toBe(false); // Paris
    expect(() => selectDepartements(departements, ['41', '999'])).toThrow(/unknown département code\(s\): 999/);
  });

  it('writes an extract the importer reads exactly as the original, and clips whole ways', () => {
    const dir = fresh();
    const copy = path.join(dir, 'all.osm.pbf');
    const all = extractRoads([MONACO_PBF], copy);
    // The same road network: nodes, edges, barriers and turn restrictions.
    const a = importOsmPbf(MONACO_PBF);
    const b = importOsmPbf(copy);
    expect(a.stats.restrictions).toBeGreaterThan(0);
    expect(b.stats).toEqual(a.stats);
    expect([b.network.nodeCount, b.network.edgeCount]).toEqual([a.network.nodeCount, a.network.edgeCount]);
    expect(Array.from(b.network.edgeDist)).toEqual(Array.from(a.network.edgeDist));

    const mask = buildClipMask(selectDepartements(departements, ['06']), 0);
    const clipped = path.join(dir, 'clipped.osm.pbf');
    const kept = extractRoads([MONACO_PBF], clipped, { mask });
    expect(kept.ways).toBeGreaterThan(0);
    expect(kept.ways).toBeLessThan(all.ways);
    const read = (file: string) => {
      const coords = new Map<number, [number, number]>();
      const ways = new Map<number, number[]>();
      for (const block of readOsmPbf(file, { nodes: true, ways: true })) {
        block.nodeIds.forEach((id, i) => coords.set(id, [block.lngs[i], block.lats[i]]));
        for (const w of block.ways) if (w.tags.highway || w.tags.route === 'ferry') ways.set(w.id, w.refs);
      }
      return { coords, ways };
    };
    const before = read(MONACO_PBF);
    const after = read(clipped);
    const touches = (refs: number[]) => refs.some((r) => before.coords.has(r) && mask.contains(...before.coords.get(r)!));
    const expected = [...before.ways].filter(([, refs]) => refs.length >= 2 && touches(refs)).map(([id]) => id).sort();
    // Exactly the roads with a node inside, whole (every node kept), and none of Monaco's own streets.
    expect([...after.ways.keys()].sort()).toEqual(expected);
    for (const id of expected) expect(after.ways.get(id)).toEqual(before.ways.get(id)!.filter((r) => before.coords.has(r)));
    expect(before.ways.size - expected.length).toBeGreaterThan(100);
    expect(mask.contains(7.4276, 43.7393)).toBe(false); // Monte-Carlo's Casino square is not in the Alpes-Maritimes
  });
});

describe('npm run roads:fetch, end to end on loopback', () => {
  let server: ExtractServer;
  beforeAll(async () => {
    server = await startExtractServer({ 'monaco-latest.osm.pbf': monaco });
  });
  afterAll(() => server.close());

  // Asynchronous: the HTTP server answering the command lives in this process.
  const fetchRoads = (dataDir: string, ...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/roads-fetch.ts'), ...args], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dataDir, ROAD_NETWORK: '' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });

  it('downloads, verifies, clips to a département, builds the graph and says the server will use it', { timeout: 180_000 }, async () => {
    const dataDir = fresh();
    const r = await fetchRoads(dataDir, `${server.url}/monaco-latest.osm.pbf`, '--clip', '06', '--margin-km', '0');
    expect(r.status, r.stderr + r.stdout).toBe(0);
    const out = r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l).msg as string);
    expect(out.some((m) => /MD5 [0-9a-f]{32} verified/.test(m))).toBe(true);
    expect(out.some((m) => /monaco-06\.osm\.pbf: [\d,]+ of [\d,]+ roads kept/.test(m))).toBe(true);
    expect(out.some((m) => /^road graph built: [\d,]+ nodes/.test(m))).toBe(true);
    expect(out).toContain('restart the server (npm start) to route on these roads');
    expect(readdirSync(path.join(dataDir, 'roads'))).toEqual(['monaco-06.osm.pbf']);
    expect(readdirSync(path.join(dataDir, 'graphs')).length).toBe(1);
  });

  it('refuses a corrupted download with a clear message and a failing exit code', { timeout: 180_000 }, async () => {
    const dataDir = fresh();
    server.corrupt = Buffer.from(monaco);
    server.corrupt[5000] ^= 0x01;
    try {
      const r = await fetchRoads(dataDir, `${server.url}/monaco-latest.osm.pbf`);
      expect(r.status).toBe(1);
      expect(r.stdout + r.stderr).toMatch(/monaco-latest\.osm\.pbf is corrupted: its MD5 is .* but the published one is/);
      expect(existsSync(path.join(dataDir, 'roads', 'monaco.osm.pbf'))).toBe(false);
    } finally {
      server.corrupt = undefined;
    }
  });
});
