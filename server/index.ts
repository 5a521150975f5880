import { ConfigError, loadConfig } from './config.ts';
import { createLogger, resolveLogFormat } from './logger.ts';
import { start, StartAborted } from './boot.ts';
import { formatBanner } from './startup/banner.ts';
import { createProgressReporter } from './startup/progress.ts';
import { onParentExit } from './startup/parent-watch.ts';

// Entry point: config → boot → listen → banner. SIGINT, SIGTERM and SIGHUP — whoever sends them, at
// any moment, even during start-up — close the server and the database and release its lock; so does
// the parent process going away (`npm start` killed outright).
let config;
try {
  config = loadConfig();
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
const format = resolveLogFormat(config.logFormat);
const logger = createLogger(config.logLevel, { format });

const abort = new AbortController();
let running: { stop: () => Promise<void> } | undefined;
let stopping = false;
function shutdown(reason: string): void {
  if (stopping) {
    logger.warn(`${reason} again: exiting now`);
    process.exit(1);
  }
  stopping = true;
  logger.info(`${reason}: closing`);
  abort.abort();
  if (!running) return; // start-up notices the abort at its next step, closes what it opened, and we exit below
  running.stop().then(
    () => {
      logger.info('stopped; the database is closed');
      process.exit(0);
    },
    (err) => {
      logger.error({ err }, 'error while closing');
      process.exit(1);
    },
  );
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => shutdown(`${sig} received`));
onParentExit(() => shutdown('parent process exited'));

const graphBar = format === 'pretty' ? createProgressReporter('building the road graph', { logger, tty: process.stderr }) : undefined;
try {
  running = await start(config, logger, { signal: abort.signal, onGraphProgress: graphBar && ((p) => graphBar.update(p)) });
  const { info } = running as Awaited<ReturnType<typeof start>>;
  if (stopping) {
    // A signal came while the server was starting to listen: finish the stop it asked for.
    await running.stop();
    process.exit(0);
  }
  if (format === 'pretty') process.stdout.write(`${formatBanner(info)}\n`);
  else logger.info({ ready: info }, `internat-match is listening on ${info.url}`);
} catch (err) {
  if (err instanceof StartAborted) {
    logger.info('stopped during start-up; the database is closed');
    process.exit(0);
  }
  logger.fatal({ err }, `could not start: ${(err as Error).message}`);
  process.exit(1);
}
