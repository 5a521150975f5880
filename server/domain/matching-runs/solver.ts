import { AppError, ConflictError } from '../../errors.ts';
import { defineTask, type WorkerPool } from '../../workers/worker-pool.ts';
import type { SolveFn, SolverOutput } from './run-matching.ts';
import { solvePreview, type SolveOutcome, type TaskSearch } from './solve-task.ts';

/** The search budget of one group in a preview: past it, the best answer so far comes with `optimal: false` and its gap. */
export const PREVIEW_SEARCH: TaskSearch = { maxNodes: 5_000, maxMs: 20_000 };

/** The solve-and-explain task on the worker pool. */
export const SOLVE_TASK = defineTask<Parameters<typeof solvePreview>[0], SolveOutcome>(new URL('./solve-task.ts', import.meta.url), 'solvePreview');

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

/** The exact solver of server/matching on the request thread (the CLI, and tests that build the app without a pool). */
export const solveInstance = ((instance: Parameters<SolveFn>[0], opts?: TaskSearch) =>
  resultOf(solvePreview({ instance, search: { ...PREVIEW_SEARCH, ...opts } }))) satisfies SolveFn;

/**
 * The same solve and explanations on a worker thread of the pool, so a large
 * preview never freezes sign-in, health checks or the catalogue.
 */
export function solveOnWorkers(pool: WorkerPool, opts?: TaskSearch): SolveFn {
  return async (instance) => resultOf(await pool.run(SOLVE_TASK, { instance, search: { ...PREVIEW_SEARCH, ...opts } }));
}
