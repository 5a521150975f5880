import { describe, expect, inject, it } from 'vitest';
import { start } from '../server/boot.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/connect.ts';
import { createLogger } from '../server/logger.ts';

// PostgreSQL is migrated as a deploy step (`npm run db:migrate`), never at boot.
describe('boot on PostgreSQL', () => {
  it('refuses to serve a PostgreSQL that is behind, naming the missing migrations', { timeout: 60_000 }, async () => {
    const url = inject('postgresUrl');
    const name = `im_boot_${process.pid}_${Date.now().toString(36)}`;
    const admin = await openDatabase({ databaseUrl: url });
    await admin.sql.exec(`CREATE DATABASE "${name}"`);
    try {
      const u = new URL(url);
      u.pathname = `/${name}`;
      const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: u.toString(), LOG_LEVEL: 'silent', NODE_ENV: 'test' });
      await expect(start(config, createLogger('silent'))).rejects.toThrow(/missing migrations .*_init.*npm run db:migrate/);
    } finally {
      await admin.sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.close();
    }
  });
});
