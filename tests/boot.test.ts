import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { start } from '../server/boot.ts';
import { loadConfig } from '../server/config.ts';
import { createLogger } from '../server/logger.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'im-boot-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('boot', () => {
  it('migrates, seeds, serves the catalogue, and releases the embedded database on stop', { timeout: 120_000 }, async () => {
    const dir = path.join(tmp, 'pglite');
    // Its own data folder and no road network (not even ../shared's demo one): this pins boot, not routing.
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: tmp, PGLITE_DIR: dir, SEED_DEMO: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    config.roads = { ...config.roads, sharedDemoNetwork: path.join(tmp, 'no-demo-network.osm.pbf') };
    const { server, stop } = await start(config, createLogger('silent'));
    try {
      const addr = server.address();
      const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
      const health = await (await fetch(`${base}/api/health`)).json();
      expect(health.database.kind).toBe('pglite');
      expect(health.workers.threads).toBeGreaterThanOrEqual(1);
      const catalogue = await (await fetch(`${base}/api/sites`)).json();
      expect(catalogue.sites.map((s: { commune: string }) => s.commune)).toContain('Bréhan');
      expect(catalogue.sites.some((s: { isDemo: boolean }) => s.isDemo)).toBe(false);
      expect(existsSync(`${dir}.lock`)).toBe(true);
    } finally {
      await stop();
    }
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });
});
