import type { Server } from 'node:http';
import { runSeed, DEMO_ACCOUNTS, DEMO_PASSWORD } from '../seed/run.ts';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openDatabase, type Database } from './db/connect.ts';
import { appliedMigrations, applyMigrations, readMigrations } from './db/migrations.ts';
import type { Logger } from './logger.ts';
import { createDriveTimeProvider } from './routing/create-provider.ts';
import { PrismaCacheStore } from './routing/prisma-cache-store.ts';
import { createOrsRouter } from './routes/ors/router.ts';

/**
 * Brings the database to the current schema. The embedded database migrates
 * itself at boot; PostgreSQL is migrated by `npm run db:migrate` (a deploy step),
 * so boot refuses to serve a PostgreSQL that is behind, naming what is missing.
 */
export async function prepareDatabase(db: Database, config: Config, logger: Logger): Promise<void> {
  const migrations = readMigrations(config.migrationsDir);
  if (db.kind === 'pglite') {
    await applyMigrations(db.sql, migrations, (m) => logger.info(m));
    return;
  }
  const applied = new Set(await appliedMigrations(db.sql));
  const pending = migrations.filter((m) => !applied.has(m.name)).map((m) => m.name);
  if (pending.length) {
    throw new Error(`PostgreSQL is missing migrations ${pending.join(', ')}: run \`npm run db:migrate\` first.`);
  }
}

/** Seeds the reference (and demo) data when they are not there yet. */
export async function seedIfNeeded(db: Database, config: Config, logger: Logger): Promise<void> {
  await runSeed(db.prisma, { demo: config.seedDemo, log: (m) => logger.info(m) });
}

/** Opens everything, serves, and returns a stop function that closes cleanly. */
export async function start(config: Config, logger: Logger): Promise<{ server: Server; stop: () => Promise<void> }> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  try {
    await prepareDatabase(db, config, logger);
    await seedIfNeeded(db, config, logger);
  } catch (err) {
    await db.close();
    throw err;
  }
  const driveTimes = await createDriveTimeProvider({
    roadNetwork: config.roads.network,
    roadsDir: config.roads.roadsDir,
    sharedDemoNetwork: config.roads.sharedDemoNetwork,
    cacheDir: config.roads.cacheDir,
    orsApiKey: config.ors.apiKey,
    orsHost: config.ors.host,
    snapRadiusM: config.roads.snapRadiusM,
    cacheStore: new PrismaCacheStore(db.prisma),
    logger,
  });
  const ctx: AppContext = { config, db, logger, driveTimes };
  const app = createApp(ctx, { ors: createOrsRouter(driveTimes.provider) });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.on('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(`internat-match is listening on http://localhost:${port}`);
  logger.info(`database: ${db.description}`);
  logger.info(`drive times: ${driveTimes.description}`);
  if (config.seedDemo && (await db.prisma.user.count({ where: { isDemo: true } })) > 0) {
    logger.info(`demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => `${a.email} (${a.role})`).join(', ')}`);
  }
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    })());
  return { server, stop };
}
