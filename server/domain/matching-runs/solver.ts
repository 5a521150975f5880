import { MessageChannel } from 'node:worker_threads';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError, ConflictError } from '../../errors.ts';
import { defineTask, type WorkerPool } from '../../workers/worker-pool.ts';
import type { SolveFn, SolveRun, SolverOutput } from './run-matching.ts';
import { solvePreview, type SolveOutcome, type SolveReport, type SolveTaskInput, type TaskSearch } from './solve-task.ts';

/** The search budget of one group in a preview: past it, the best answer so far comes with `optimal: false` and its gap. */
export const PREVIEW_SEARCH: TaskSearch = { maxNodes: 5_000, maxMs: 20_000 };

/** The solve-and-explain task on the worker pool. */
export const SOLVE_TASK = defineTask<SolveTaskInput, SolveOutcome>(new URL('./solve-task.ts', import.meta.url), 'solvePreview');

/**
 * The result, or the solver's refusal as an API error. An instance the solver
 * refuses comes from inconsistent data (say, partners named in a chain): a 409
 * naming the field rather than an opaque 500. A group that cannot be proven
 * optimal within the budget answers its best solution with `optimal: false`
 * and the proven gap — never silently; one with no solution at all yet is a
 * 422 that says so.
 */
function resultOf(outcome: SolveOutcome): SolverOutput {
  if (outcome.ok) return outcome.result as unknown as SolverOutput;
  if (outcome.kind === 'input') throw new ConflictError(`The data cannot be matched as it stands: ${outcome.message}`, { field: outcome.field });
  throw new AppError(
    422,
    'matching_too_complex',
    `The exact matching could not be proven optimal in time (${outcome.message}). Run it on a shorter window or fewer grouping wishes, or lock some assignments first.`,
  );
}

/**
 * The exact solver of server/matching on the request thread (the CLI, and tests
 * that build the app without a pool). Synchronous: reports go to `onReport`,
 * but a signal or a test delay is not honoured (see `solveInThread`).
 */
export const solveInstance = (instance: Parameters<SolveFn>[0], opts: TaskSearch & SolveRun = {}) => {
  const { onReport, signal: _signal, testDelayMs: _delay, ...search } = opts;
  return resultOf(solvePreview({ instance, search: { ...PREVIEW_SEARCH, ...search } }, onReport));
};

/**
 * The same solve on the request thread as a preview job runs it when there is
 * no pool (tests that build the app without one): reports through `onReport`,
 * honours the abort signal before and after (a solve in progress cannot be
 * stopped on this thread) and waits the test-only delay without blocking.
 */
export function solveInThread(opts?: TaskSearch): SolveFn {
  return async (instance, run = {}) => {
    run.signal?.throwIfAborted();
    if (run.testDelayMs) {
      run.onReport?.({ phase: 'solving' });
      await sleep(run.testDelayMs, undefined, { signal: run.signal });
    }
    const outcome = solvePreview({ instance, search: { ...PREVIEW_SEARCH, ...opts } }, run.onReport);
    run.signal?.throwIfAborted();
    return resultOf(outcome);
  };
}

/**
 * The same solve and explanations on a worker thread of the pool, so a large
 * preview never freezes sign-in, health checks or the catalogue. With
 * `run.onReport`, the worker's reports come back over a message channel;
 * `run.signal` aborts the task (its worker is terminated, the slot freed).
 */
export function solveOnWorkers(pool: WorkerPool, opts?: TaskSearch): SolveFn {
  return async (instance, run = {}) => {
    const channel = run.onReport ? new MessageChannel() : undefined;
    const onReport = run.onReport;
    if (channel && onReport) channel.port1.on('message', (r: SolveReport) => onReport(r));
    try {
      const input: SolveTaskInput = { instance, search: { ...PREVIEW_SEARCH, ...opts }, progress: channel?.port2, testDelayMs: run.testDelayMs };
      return resultOf(await pool.run(SOLVE_TASK, input, { signal: run.signal, transferList: channel ? [channel.port2] : undefined }));
    } finally {
      channel?.port1.close();
    }
  };
}
