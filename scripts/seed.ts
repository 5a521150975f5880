/** `npm run seed`: seeds reference data (and demo data unless SEED_DEMO=0) into the configured database. */
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/connect.ts';
import { applyMigrations, readMigrations } from '../server/db/migrations.ts';
import { runSeed } from '../seed/run.ts';

const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
try {
  if (db.kind === 'pglite') await applyMigrations(db.sql, readMigrations(config.migrationsDir), console.log);
  const done = await runSeed(db.prisma, { demo: config.seedDemo, log: console.log });
  console.log(done.length ? `seeded: ${done.join(', ')}` : 'already seeded: nothing to do');
} catch (err) {
  console.error(`seed failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
