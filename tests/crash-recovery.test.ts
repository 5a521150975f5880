import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/connect.ts';

const root = path.resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'im-crash-'));
const dataDir = path.join(tmp, 'pglite');

/** Runs `npm run seed`'s script; resolves with its output, or kills it -9 once `killOn` is printed (+delay). */
function runSeed(killOn?: RegExp, delayMs = 0): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], {
      cwd: root,
      env: { ...process.env, PGLITE_DIR: dataDir, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let armed = false;
    const onData = (d: Buffer) => {
      out += d.toString();
      if (killOn && !armed && killOn.test(out)) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => resolve({ code, signal, out }));
  });
}

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a kill -9 during seeding', () => {
  it('leaves a consistent database that a restart completes', { timeout: 180_000 }, async () => {
    const killed = await runSeed(/seeding demo-loir-et-cher/, 300);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.out, 'the kill must land before the demo part commits').not.toMatch(/seeded demo-loir-et-cher/);
    // The killed process left its lock file behind: the next one must take it over.
    expect(existsSync(`${dataDir}.lock`)).toBe(true);

    const again = await runSeed();
    expect(again.code, again.out).toBe(0);

    const db = await openDatabase({ pgliteDir: dataDir });
    try {
      const runs = await db.prisma.seedRun.findMany({ orderBy: { name: 'asc' } });
      expect(runs.map((r) => r.name)).toEqual(['aid-schemes', 'annex-internats', 'demo-aid', 'demo-departements', 'demo-loir-et-cher', 'demo-ors-key']);
      // Loir-et-Cher's 40 interns and Indre's 6; five demo accounts.
      expect(await db.prisma.intern.count({ where: { isDemo: true } })).toBe(46);
      expect(await db.prisma.placement.count()).toBe(46);
      expect(await db.prisma.site.count()).toBe(15);
      expect(await db.prisma.user.count()).toBe(5);
    } finally {
      await db.close();
    }
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('refuses a second process on the same embedded database', async () => {
    const db = await openDatabase({ pgliteDir: dataDir });
    try {
      const second = await runSeed();
      expect(second.code).not.toBe(0);
      expect(second.out).toMatch(/in use by process \d+/);
    } finally {
      await db.close();
    }
  });
});
