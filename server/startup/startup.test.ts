import { describe, expect, it } from 'vitest';
import type { Logger } from '../logger.ts';
import { formatBanner, type ReadyInfo } from './banner.ts';
import { createProgressReporter, formatDuration } from './progress.ts';

const info = (over: Partial<ReadyInfo> = {}): ReadyInfo => ({
  url: 'http://localhost:3000',
  database: 'embedded PGlite /srv/app/data/pglite',
  driveTimes: { description: '…', source: { kind: 'estimate' } },
  demoAccounts: [],
  ...over,
});

describe('start-up banner', () => {
  it('gives the URL and the database, and says how to get roads when drive times are estimates', () => {
    const text = formatBanner(info());
    expect(text).toContain('http://localhost:3000');
    expect(text).toContain('embedded PGlite /srv/app/data/pglite');
    expect(text).toMatch(/Drive times\s+straight-line estimates \(no road data found\)/);
    expect(text).toContain('npm run roads:fetch -- centre-val-de-loire');
    expect(text).not.toContain('Demo accounts');
  });

  it('names the demo network and suggests full-detail roads; lists the demo accounts with their password', () => {
    const text = formatBanner(
      info({
        driveTimes: { description: '…', source: { kind: 'embedded', roads: { file: '/w/shared/data/france-main-roads.osm.pbf', why: 'shared demo network' } } },
        demoAccounts: [{ email: 'staff@demo.test', role: 'staff' }, { email: 'intern@demo.test', role: 'intern' }],
        demoPassword: 'demo1234',
      }),
    );
    expect(text).toMatch(/embedded engine on france-main-roads\.osm\.pbf \(France demo network from \.\.\/shared: main roads only\)/);
    expect(text).toContain('For full-detail roads: npm run roads:fetch');
    expect(text).toMatch(/Demo accounts\s+password "demo1234"/);
    expect(text).toMatch(/staff@demo\.test\s+department staff/);
    expect(text).toMatch(/intern@demo\.test\s+intern/);
    expect(text).not.toContain('Demo API key');
  });

  it('prints the demo API key of /ors with a curl line using it, when it is there', () => {
    const text = formatBanner(info({ demoAccounts: [{ email: 'staff@demo.test', role: 'staff' }], demoPassword: 'demo1234', demoOrsKey: 'demo-ors-key' }));
    expect(text).toMatch(/Demo API key\s+demo-ors-key for the ORS-compatible API \(\/ors\)/);
    expect(text).toContain("curl -H 'Authorization: demo-ors-key'");
    expect(text).toContain('http://localhost:3000/ors/v2/matrix/driving-car');
  });

  it('gives no advice when the app routes on a region it was given', () => {
    const text = formatBanner(info({ driveTimes: { description: '…', source: { kind: 'embedded', roads: { file: '/d/roads/centre.osm.pbf', why: 'found in /d/roads' } } } }));
    expect(text).toContain('embedded engine on centre.osm.pbf (found in /d/roads)');
    expect(text).not.toContain('roads:fetch');
  });
});

describe('progress of a long step', () => {
  const logs: string[] = [];
  const logger = { info: (a: unknown, b?: string) => void logs.push(typeof a === 'string' ? a : String(b)) } as unknown as Logger;

  it('draws a bar in place on a terminal, with the time left in the phase', () => {
    let t = 0;
    const out: string[] = [];
    const p = createProgressReporter('building the road graph', { logger, tty: { write: (s) => out.push(s), columns: 100 }, now: () => t });
    p.update({ phase: 'ways', done: 0, total: 100 });
    t = 4000;
    p.update({ phase: 'ways', done: 40, total: 100 });
    t = 4050; // within 100 ms of the last draw: not redrawn
    p.update({ phase: 'ways', done: 41, total: 100 });
    t = 10_000;
    p.update({ phase: 'ways', done: 100, total: 100 });
    const draws = out.filter((s) => s.startsWith('\r'));
    expect(draws).toHaveLength(3);
    expect(draws[1]).toMatch(/^\rbuilding the road graph: ways\s+█{10}░{14}\s+40 %, about 6\.0 s left/);
    expect(draws[2]).toMatch(/100 %/);
    expect(out.at(-1)).toBe('\n'); // the finished bar leaves its line
  });

  it('logs a line per quarter when there is no terminal, and the total time at the end', () => {
    logs.length = 0;
    let t = 0;
    const p = createProgressReporter('building the road graph', { logger, now: () => t });
    for (let d = 0; d <= 100; d += 5) {
      t = d * 100;
      p.update({ phase: 'hierarchy', done: d, total: 100 });
    }
    p.finish('road graph built');
    expect(logs).toEqual([
      'building the road graph: hierarchy 0 %',
      'building the road graph: hierarchy 25 %, about 7.5 s left',
      'building the road graph: hierarchy 50 %, about 5.0 s left',
      'building the road graph: hierarchy 75 %, about 2.5 s left',
      'building the road graph: hierarchy 100 %',
      'road graph built in 10 s',
    ]);
  });

  it('formats durations for people', () => {
    expect(formatDuration(420)).toBe('0.4 s');
    expect(formatDuration(12_300)).toBe('12 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
  });
});
