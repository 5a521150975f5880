import { AppError, ConflictError } from '../../errors.ts';
import { SearchLimitError, type SearchOptions } from '../../matching/branch-and-bound.ts';
import { solveMatching } from '../../matching/solve.ts';
import { MatchingInputError } from '../../matching/validate-instance.ts';
import type { SolveFn } from './run-matching.ts';

/** The search budget of one group in a preview: past it, the best answer so far comes with `optimal: false` and its gap. */
export const PREVIEW_SEARCH: SearchOptions = { maxNodes: 5_000, maxMs: 20_000 };

/**
 * The exact solver of server/matching, as the runs layer calls it. An instance
 * the solver refuses comes from inconsistent data (say, partners named in a
 * chain): a 409 naming the field rather than an opaque 500. A group that
 * cannot be proven optimal within the budget answers its best solution with
 * `optimal: false` and the proven gap — never silently; one with no solution
 * at all yet is a 422 that says so.
 */
export const solveInstance = ((instance: Parameters<SolveFn>[0], opts?: SearchOptions) => {
  try {
    return solveMatching(instance, { ...PREVIEW_SEARCH, ...opts }) as unknown as ReturnType<SolveFn>;
  } catch (e) {
    if (e instanceof MatchingInputError) throw new ConflictError(`The data cannot be matched as it stands: ${e.message}`, { field: e.field });
    if (e instanceof SearchLimitError) {
      throw new AppError(
        422,
        'matching_too_complex',
        `The exact matching could not be proven optimal in time (${e.message}). Run it on a shorter window or fewer grouping wishes, or lock some assignments first.`,
      );
    }
    throw e;
  }
}) satisfies SolveFn;
