import { randomUUID } from 'node:crypto';
import { AppError, NotFoundError } from '../../errors.ts';
import type { SearchProgress } from '../../matching/search-types.ts';
import type { PreviewPhase, SolveRun } from './run-matching.ts';
import type { SolveReport } from './solve-task.ts';

/** Where a job is: running, done (its preview run stored), failed with an API error, or cancelled. */
export type PreviewJobStatus = 'running' | 'done' | 'failed' | 'cancelled';

/** A preview job as its owner reads it. */
export interface PreviewJob {
  id: string;
  ownerId: number;
  status: PreviewJobStatus;
  /** The step it is at (the last one reached, once finished); 'queued' until it starts. */
  phase: PreviewPhase;
  startedAt: number;
  finishedAt?: number;
  /** The exact search's latest figures (nodes, incumbent, gap), while it reports some. */
  search?: SearchProgress;
  /** The stored preview run, when done. */
  runId?: number;
  /** Why it failed, as the API error it would have answered. */
  error?: { status: number; id: string; message: string; field?: string; details?: unknown };
}

/** What a job's work receives: its signal and the callbacks that record its progress. */
export type JobWatch = Required<Pick<SolveRun, 'signal' | 'onReport'>> & { onPhase: (phase: PreviewPhase) => void };

/** Limits of the registry. */
export interface PreviewJobsOptions {
  /** Jobs one staff member may have running at once (default 2): past it, 429. */
  maxRunningPerOwner?: number;
  /** How long a finished job stays readable, ms (default 10 minutes). */
  keepMs?: number;
  now?: () => number;
  /** Told of a job's unexpected error (not an `AppError`), which its owner reads only as a 500. */
  onUnexpected?: (e: unknown) => void;
}

/**
 * The matching previews started as jobs, in this process: each belongs to the
 * staff member who started it (anyone else reads a 404, as for an unknown
 * job), shows its step and the search's figures while it runs, and can be
 * cancelled, which aborts its work (the solve's worker is terminated). A few
 * jobs per person at once; finished ones are forgotten after `keepMs` (their
 * preview run stays stored). Jobs do not survive a restart: the client then
 * reads a 404 and starts again.
 */
export class PreviewJobs {
  private readonly jobs = new Map<string, { job: PreviewJob; abort: AbortController; done: Promise<void> }>();
  private readonly maxRunning: number;
  private readonly keepMs: number;
  private readonly now: () => number;
  private readonly onUnexpected: (e: unknown) => void;

  constructor(opts: PreviewJobsOptions = {}) {
    this.maxRunning = opts.maxRunningPerOwner ?? 2;
    this.keepMs = opts.keepMs ?? 10 * 60_000;
    this.now = opts.now ?? Date.now;
    this.onUnexpected = opts.onUnexpected ?? (() => {});
  }

  /**
   * Starts `work` as a job of `ownerId` and returns at once. `work` resolves to
   * the stored preview run's id; an `AppError` it throws becomes the job's error.
   */
  start(ownerId: number, work: (watch: JobWatch) => Promise<number>): PreviewJob {
    this.sweep();
    const running = [...this.jobs.values()].filter((j) => j.job.ownerId === ownerId && j.job.status === 'running').length;
    if (running >= this.maxRunning) {
      throw new AppError(429, 'too_many_previews', `You already have ${running} matching previews running: wait for one or cancel it`, undefined, { running, max: this.maxRunning });
    }
    const job: PreviewJob = { id: randomUUID(), ownerId, status: 'running', phase: 'queued', startedAt: this.now() };
    const abort = new AbortController();
    const onReport = (r: SolveReport) => {
      if (job.status !== 'running') return;
      job.phase = r.phase;
      if (r.phase === 'solving' && r.search) job.search = r.search;
    };
    const onPhase = (phase: PreviewPhase) => job.status === 'running' && (job.phase = phase);
    const done = Promise.resolve()
      .then(() => work({ signal: abort.signal, onReport, onPhase }))
      .then(
        (runId) => this.finish(job, abort, { status: 'done', runId }),
        (e: unknown) => {
          if (!abort.signal.aborted && !(e instanceof AppError)) this.onUnexpected(e);
          this.finish(job, abort, { status: 'failed', error: errorOf(e) });
        },
      );
    this.jobs.set(job.id, { job, abort, done });
    return job;
  }

  /** The job `id` of `ownerId`; 404 when there is none or it is someone else's. */
  get(id: string, ownerId: number): PreviewJob {
    this.sweep();
    const entry = this.jobs.get(id);
    if (!entry || entry.job.ownerId !== ownerId) throw new NotFoundError('No such matching preview job', 'params.id');
    return entry.job;
  }

  /**
   * Cancels a running job: its work is aborted at once (the solve's worker
   * terminated); no preview run is stored. A finished job is left as it is.
   */
  cancel(id: string, ownerId: number): PreviewJob {
    const job = this.get(id, ownerId);
    if (job.status === 'running') {
      job.status = 'cancelled';
      job.finishedAt = this.now();
      this.jobs.get(id)!.abort.abort();
    }
    return job;
  }

  /**
   * Cancels every running job, whoever started it: the server is stopping, and a
   * solve would otherwise hold its worker (and the shutdown) for up to its time budget.
   */
  cancelAll(): number {
    let cancelled = 0;
    for (const { job } of this.jobs.values()) {
      if (job.status !== 'running') continue;
      this.cancel(job.id, job.ownerId);
      cancelled++;
    }
    return cancelled;
  }

  /** Resolves when job `id` has settled (its work returned or gave up after an abort); for tests and shutdown. */
  async settled(id: string): Promise<void> {
    await this.jobs.get(id)?.done;
  }

  /** Milliseconds since the job started (until it finished). */
  elapsedMs(job: PreviewJob): number {
    return (job.finishedAt ?? this.now()) - job.startedAt;
  }

  private finish(job: PreviewJob, abort: AbortController, end: Pick<PreviewJob, 'status' | 'runId' | 'error'>) {
    if (job.status !== 'running') return; // cancelled meanwhile: whatever the work did after, the job stays cancelled
    if (abort.signal.aborted) return;
    Object.assign(job, end, { finishedAt: this.now() });
  }

  /** Forgets finished jobs older than `keepMs`. */
  private sweep() {
    const now = this.now();
    for (const [id, { job }] of this.jobs) if (job.finishedAt !== undefined && now - job.finishedAt > this.keepMs) this.jobs.delete(id);
  }
}

/** An error as the job shows it: an API error keeps its status, id and details; anything else is a bare 500. */
function errorOf(e: unknown): NonNullable<PreviewJob['error']> {
  if (e instanceof AppError) return { status: e.status, id: e.id, message: e.message, field: e.field, details: e.details };
  return { status: 500, id: 'internal', message: 'Internal error' };
}
