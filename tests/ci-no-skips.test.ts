import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const script = path.resolve(import.meta.dirname, '../.ci/no-skips.mjs');

/** Runs .ci/no-skips.mjs on a vitest JSON report made of these test statuses. */
function check(statuses: string[]) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'im-ci-')), 'report.json');
  const results = statuses.map((status, i) => ({ fullName: `test ${i}`, status }));
  writeFileSync(file, JSON.stringify({
    numPassedTests: statuses.filter((s) => s === 'passed').length,
    numFailedTests: statuses.filter((s) => s === 'failed').length,
    testResults: [{ name: '/repo/a.test.ts', assertionResults: results }],
  }));
  return spawnSync(process.execPath, [script, file], { encoding: 'utf8' });
}

describe('CI refuses a run with skipped tests', () => {
  it('passes a run where every test ran', () => {
    const r = check(['passed', 'passed']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2 tests ran, none skipped');
  });

  it('fails a run with a skipped or todo test, naming it', () => {
    const r = check(['passed', 'skipped', 'todo']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('2 test(s) skipped');
    expect(r.stderr).toContain('/repo/a.test.ts: test 1 (skipped)');
    expect(r.stderr).toContain('/repo/a.test.ts: test 2 (todo)');
  });

  it('fails a run where no test ran', () => {
    expect(check([]).status).toBe(1);
  });
});
