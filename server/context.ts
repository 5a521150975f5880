import type { Config } from './config.ts';
import type { Database } from './db/connect.ts';
import type { Logger } from './logger.ts';
import type { DriveTimeProvider } from './routing/provider.ts';

/** What every router and domain function may use: built once at boot, passed explicitly. */
export interface AppContext {
  config: Config;
  db: Database;
  logger: Logger;
  driveTimes: { provider: DriveTimeProvider; description: string };
}
