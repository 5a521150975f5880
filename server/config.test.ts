import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('config', () => {
  it('defaults to the embedded database on port 3000 with demo data', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.port).toBe(3000);
    expect(c.seedDemo).toBe(true);
    expect(c.pgliteDir).toMatch(/data\/pglite$/);
  });

  it('lists every bad variable at once', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SEED_DEMO: 'maybe', ORS_HOST: 'ftp://x' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems.join('\n');
    for (const v of ['PORT', 'DATABASE_URL', 'SEED_DEMO', 'ORS_HOST']) expect(problems).toContain(v);
  });

  it('keeps the database, road extracts and graphs under DATA_DIR, PGLITE_DIR apart', () => {
    const c = loadConfig({ DATA_DIR: '/srv/im' });
    expect(c.pgliteDir).toBe('/srv/im/pglite');
    expect(c.roads.roadsDir).toBe('/srv/im/roads');
    expect(c.roads.cacheDir).toBe('/srv/im/graphs');
    expect(loadConfig({ DATA_DIR: '/srv/im', PGLITE_DIR: '/var/db' }).pgliteDir).toBe('/var/db');
  });

  it('SEED_DEMO=0 leaves demo data out', () => {
    expect(loadConfig({ SEED_DEMO: '0' }).seedDemo).toBe(false);
  });
});
