import type { Config } from './config.ts';
import type { Database } from './db/connect.ts';
import type { Logger } from './logger.ts';
import type { DriveTimeProvider } from './routing/provider.ts';
import type { WorkerPool } from './workers/worker-pool.ts';

/** What every router and domain function may use: built once at boot, passed explicitly. */
export interface AppContext {
  config: Config;
  db: Database;
  logger: Logger;
  /**
   * `provider` serves the app's own drive times (ORS when configured); `embedded` is the embedded
   * engine behind the ORS-compatible API, absent without road data.
   */
  driveTimes: { provider: DriveTimeProvider; description: string; embedded?: DriveTimeProvider };
  /**
   * The worker pool for CPU-heavy work (drive-time engine, matching solver): `workers.run(task,
   * input)` with a task from `defineTask` (server/workers/worker-pool.ts). Absent in tests that
   * build the app without one: run the work in-thread then.
   */
  workers?: WorkerPool;
  /**
   * The background jobs (mail worker, expiry of unanswered proposals): routes `kick()` them after
   * a commit that wrote an e-mail, so it leaves at once instead of at the next tick. Absent in
   * tests that build the app without them.
   */
  jobs?: { kick(): void };
  /**
   * Aborted when the server begins to stop: work a request started and left running (matching
   * preview jobs) cancels itself, so the shutdown does not wait for it. Absent in tests that
   * build the app without a server lifecycle.
   */
  stopping?: AbortSignal;
}
