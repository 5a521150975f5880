import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONACO_PBF } from '../helpers/fixtures.ts';
import { ensureClientBuilt, ROOT } from './support/app.ts';

// `npm start` as an operator runs it: what it says while starting (JSON lines when not on a terminal),
// the ready line, and a clean stop whoever sends the signal — npm's own process (systemd, Docker, a
// process manager), the server process itself, or npm killed outright — with the database lock
// released and the port free afterwards. No browser needed: this file never skips.
interface Run {
  child: ChildProcess;
  lines: Record<string, any>[];
  ready: { url: string; database: string; driveTimes: { source: { kind: string } }; demoAccounts: { email: string }[] };
  exited: Promise<number | null>;
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'im-start-'));
const env = {
  ...process.env,
  NODE_ENV: 'production',
  DATA_DIR: dataDir,
  HOST: '127.0.0.1',
  PORT: '0',
  // A small real extract, so the first start builds a graph and reports its progress.
  ROAD_NETWORK: MONACO_PBF,
  LOG_FORMAT: 'auto',
};
delete (env as Record<string, string | undefined>).TEST_DB_KIND;

/** Starts `cmd args` and resolves once the server says it is ready. */
function launch(cmd: string, args: string[]): Promise<Run> {
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, any>[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString();
      let i;
      while ((i = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, i).trim();
        buffer = buffer.slice(i + 1);
        if (!line.startsWith('{')) continue; // npm's own "> internat-match start" header
        const entry = JSON.parse(line);
        lines.push(entry);
        if (entry.ready) resolve({ child, lines, ready: entry.ready, exited });
      }
    });
    void exited.then((code) => reject(new Error(`npm start exited (${code}) before it was ready:\n${stderr}\n${lines.map((l) => l.msg).join('\n')}`)));
  });
}

/** True when nothing listens on the port any more. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function expectStoppedCleanly(run: Run): Promise<void> {
  const port = Number(new URL(run.ready.url).port);
  expect(await run.exited).toBe(0);
  expect(run.lines.map((l) => l.msg)).toContain('stopped; the database is closed');
  expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
  expect(await portIsFree(port)).toBe(true);
}

describe('npm start', () => {
  beforeAll(async () => {
    // Built once here, so npm start finds the client fresh and does not race another build.
    await ensureClientBuilt();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('says what it does while it starts, then stops on SIGTERM sent to npm\'s process', { timeout: 300_000 }, async () => {
    const run = await launch('npm', ['start']);
    const said = run.lines.map((l) => l.msg as string);
    expect(said).toContain(`creating the embedded database in ${path.join(dataDir, 'pglite')} (first start)…`);
    expect(said.some((m) => /^checking migrations: done in [\d.]+ s$/.test(m))).toBe(true);
    expect(said).toContain('seeding demo-loir-et-cher…');
    expect(run.lines.filter((l) => l.phase === 'hierarchy').map((l) => l.percent)).toContain(100);
    expect(run.ready.url).toMatch(/^http:\/\/localhost:\d+$/);
    expect(run.ready.database).toContain(path.join(dataDir, 'pglite'));
    expect(run.ready.driveTimes.source.kind).toBe('embedded');
    expect(run.ready.demoAccounts.map((a) => a.email)).toEqual(['staff@demo.test', 'manager@demo.test', 'intern@demo.test', 'staff-indre@demo.test', 'admin@demo.test']);
    const port = new URL(run.ready.url).port;
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(true);

    run.child.kill('SIGTERM');
    await expectStoppedCleanly(run);
    expect(run.lines.map((l) => l.msg)).toContain('SIGTERM received: closing');
  });

  it('stops on SIGINT sent to the server process itself, as a service manager does', { timeout: 180_000 }, async () => {
    const run = await launch(process.execPath, ['scripts/start.mjs']);
    expect(run.lines.some((l) => /^building the road graph/.test(l.msg))).toBe(false); // from the cache now
    run.child.kill('SIGINT');
    await expectStoppedCleanly(run);
    expect(run.lines.map((l) => l.msg)).toContain('SIGINT received: closing');
  });

  it('stops when npm is killed outright (SIGKILL), instead of running on with the database locked', { timeout: 180_000 }, async () => {
    const run = await launch('npm', ['start']);
    const port = Number(new URL(run.ready.url).port);
    run.child.kill('SIGKILL');
    await run.exited;
    // The orphaned server notices within a second or so; give a loaded machine some slack.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (existsSync(path.join(dataDir, 'pglite.lock')) || !(await portIsFree(port)))) {
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
    expect(await portIsFree(port)).toBe(true);
  });
});
