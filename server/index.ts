import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { start } from './boot.ts';

// Entry point: config → boot → listen; SIGINT/SIGTERM close the database and release its lock.
let config;
try {
  config = loadConfig();
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
const logger = createLogger(config.logLevel);
try {
  const { stop } = await start(config, logger);
  let signalled = false;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (signalled) process.exit(1);
      signalled = true;
      logger.info(`${sig} received: closing`);
      stop().then(
        () => process.exit(0),
        (err) => {
          logger.error({ err }, 'error while closing');
          process.exit(1);
        },
      );
    });
  }
} catch (err) {
  logger.fatal({ err }, `could not start: ${(err as Error).message}`);
  process.exit(1);
}
