import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { runSeed, DEMO_ACCOUNTS, DEMO_PASSWORD, liveDemoOrsKey } from '../seed/run.ts';
import { createApp } from './app.ts';
import { listen } from './http-server.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openDatabase, type Database } from './db/connect.ts';
import { appliedMigrations, applyMigrations, readMigrations } from './db/migrations.ts';
import type { Logger } from './logger.ts';
import { createDriveTimeProvider } from './routing/create-provider.ts';
import type { ImportProgress } from './routing/osm/import-osm.ts';
import type { ReadyInfo } from './startup/banner.ts';
import { createProgressReporter, timedStep } from './startup/progress.ts';
import { PrismaCacheStore } from './routing/prisma-cache-store.ts';
import { createOrsEngineRouter } from './routes/ors/engine-only.ts';
import type { WorkerPool } from './workers/worker-pool.ts';
import { startAppJobs } from './jobs/app-jobs.ts';

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

/** Options of {@link start}. */
export interface StartOptions {
  /** Progress of a road-graph build (first start on an extract), for a bar; logged when absent. */
  onGraphProgress?: (p: ImportProgress) => void;
  /** Aborts start-up between steps (a signal during boot): what was opened is closed, then it throws. */
  signal?: AbortSignal;
}

/** Raised when start-up was aborted by {@link StartOptions.signal}. */
export class StartAborted extends Error {
  constructor() {
    super('start-up aborted');
    this.name = 'StartAborted';
  }
}

/** Opens everything, serves, and returns a stop function that closes cleanly, and what to tell the operator. */
export async function start(
  config: Config,
  logger: Logger,
  options: StartOptions = {},
): Promise<{ server: Server; stop: () => Promise<void>; info: ReadyInfo }> {
  const checkAborted = () => {
    if (options.signal?.aborted) throw new StartAborted();
  };
  const fresh = !config.databaseUrl && !existsSync(config.pgliteDir);
  const db = await timedStep(logger, fresh ? `creating the embedded database in ${config.pgliteDir} (first start)` : 'opening the database', () =>
    openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir }),
  );
  let server: Server | undefined;
  let workers: WorkerPool | undefined;
  let jobs: Awaited<ReturnType<typeof startAppJobs>> | undefined;
  try {
    checkAborted();
    await timedStep(logger, 'checking migrations', () => prepareDatabase(db, config, logger));
    checkAborted();
    await timedStep(logger, 'checking seed data', () => seedIfNeeded(db, config, logger));
    checkAborted();
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
      onProgress: options.onGraphProgress ?? logGraphProgress(logger),
      workers: config.workers,
    });
    workers = driveTimes.workers;
    // Ready means ready: the worker threads start in the background (each compiles its modules and
    // builds its engine over the shared graph), and serving before they finish would share the cores
    // with them during the first seconds of traffic.
    const pool = workers;
    if (pool) await timedStep(logger, `starting ${pool.threads} worker thread(s)`, () => pool.ready());
    checkAborted();
    jobs = startAppJobs({ config, prisma: db.prisma, logger });
    const stopping = new AbortController();
    const ctx: AppContext = { config, db, logger, driveTimes, workers, jobs, stopping: stopping.signal };
    const ors = createOrsEngineRouter(driveTimes, {
      workers,
      limits: config.orsApi.limits,
      systemMessage: config.orsApi.systemMessage,
      logger,
    });
    const app = createApp(ctx, { ors });
    server = await listen(app, config.port, config.host);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const demo = config.seedDemo && (await db.prisma.user.count({ where: { isDemo: true } })) > 0;
    const info: ReadyInfo = {
      url: `http://localhost:${port}`,
      database: db.description,
      driveTimes: { description: driveTimes.description, source: driveTimes.source },
      demoAccounts: demo ? DEMO_ACCOUNTS.map((a) => ({ email: a.email, role: a.role })) : [],
      demoPassword: demo ? DEMO_PASSWORD : undefined,
      demoOrsKey: config.seedDemo ? await liveDemoOrsKey(db.prisma) : undefined,
    };
    const listening = server;
    let stopped: Promise<void> | undefined;
    const stop = () =>
      (stopped ??= (async () => {
        stopping.abort();
        await closeServer(listening);
        await jobs?.stop();
        await workers?.close();
        await db.close();
      })());
    return { server: listening, stop, info };
  } catch (err) {
    if (server) await closeServer(server);
    await jobs?.stop();
    await workers?.close();
    await db.close();
    throw err;
  }
}

/**
 * Stops accepting connections, closes idle keep-alive ones at once and, after a grace period, any
 * request still running, so a stop never hangs on a browser's open connection.
 */
function closeServer(server: Server, graceMs = 5000): Promise<void> {
  return new Promise<void>((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** Graph-build progress as log lines, when nobody draws a bar. */
function logGraphProgress(logger: Logger): (p: ImportProgress) => void {
  let reporter: ReturnType<typeof createProgressReporter> | undefined;
  return (p) => {
    reporter ??= createProgressReporter('building the road graph (first time for this extract)', { logger });
    reporter.update(p);
  };
}
