import type { Logger } from '../logger.ts';

/** One periodic job: a name and a pass that does what is due. */
export interface Job {
  name: string;
  run(): Promise<unknown>;
}

/** The running jobs: wake them now, or stop them. */
export interface BackgroundJobs {
  /** Runs a pass of every job soon (after a commit that made work), without waiting for the timer. */
  kick(): void;
  /** Stops the timer and waits for the pass in flight, so the database can be closed after it. */
  stop(): Promise<void>;
}

/**
 * Runs jobs one after the other every `intervalMs` (the timer does not keep the
 * process alive), one pass at a time; an error in a job is logged and the next
 * job still runs. Used for the mail worker and the expiry of unanswered proposals.
 */
export function startBackgroundJobs({ jobs, intervalMs, logger }: { jobs: Job[]; intervalMs: number; logger: Logger }): BackgroundJobs {
  let stopped = false;
  let inFlight: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const pass = async () => {
    for (const job of jobs) {
      if (stopped) return;
      try {
        await job.run();
      } catch (err) {
        logger.error({ err, job: job.name }, `background job ${job.name} failed; it runs again at the next tick`);
      }
    }
  };
  const tick = () => {
    if (stopped) return;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = pass().finally(() => {
      inFlight = undefined;
      if (again && !stopped) {
        again = false;
        tick();
      }
    });
  };
  const schedule = () => {
    timer = setTimeout(() => {
      tick();
      schedule();
    }, intervalMs);
    timer.unref();
  };
  schedule();
  setImmediate(tick);

  return {
    kick: () => setImmediate(tick),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
