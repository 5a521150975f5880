/** `npm run db:migrate`: applies pending migrations to the configured database (DATABASE_URL, or the embedded one). */
import { ConfigError, loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/connect.ts';
import { applyMigrations, readMigrations } from '../server/db/migrations.ts';

try {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  try {
    const applied = await applyMigrations(db.sql, readMigrations(config.migrationsDir), (m) => console.log(m));
    console.log(applied.length ? `${db.description}: ${applied.length} migration(s) applied` : `${db.description}: up to date`);
  } finally {
    await db.close();
  }
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `db:migrate failed: ${(err as Error).message}`);
  process.exit(1);
}
