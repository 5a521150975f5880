import type { InstanceInput } from '../../matching/instance-schema.ts';
import type { MatchResult } from '../../matching/result-types.ts';
import { SearchLimitError, type SearchOptions } from '../../matching/search-types.ts';
import { solveMatching } from '../../matching/solve.ts';
import { MatchingInputError } from '../../matching/validate-instance.ts';

/** The search limits a task takes (plain data: they cross the thread boundary). */
export type TaskSearch = Pick<SearchOptions, 'maxNodes' | 'maxMs' | 'method'>;

/**
 * A solve's outcome as plain data: the result, or why the solver refused (bad
 * data naming its field; no solution within the budget). Refusals are values,
 * not thrown errors, so they keep their meaning across a worker thread.
 */
export type SolveOutcome =
  | { ok: true; result: MatchResult }
  | { ok: false; kind: 'input'; field: string; message: string }
  | { ok: false; kind: 'limit'; message: string };

/**
 * Solves and explains one instance (a worker-pool task: see `solveOnWorkers`;
 * also called in-thread when there is no pool).
 */
export function solvePreview({ instance, search }: { instance: InstanceInput; search: TaskSearch }): SolveOutcome {
  try {
    return { ok: true, result: solveMatching(instance, search) };
  } catch (e) {
    if (e instanceof MatchingInputError) return { ok: false, kind: 'input', field: e.field, message: e.message };
    if (e instanceof SearchLimitError) return { ok: false, kind: 'limit', message: e.message };
    throw e;
  }
}
