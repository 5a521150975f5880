import { ConflictError } from '../../errors.ts';
import { solveMatching } from '../../matching/solve.ts';
import { MatchingInputError } from '../../matching/validate-instance.ts';
import type { SolveFn } from './run-matching.ts';

/**
 * The exact solver of server/matching, as the runs layer calls it. An instance
 * the solver refuses comes from inconsistent data (say, partners named in a
 * chain): a 409 naming the field rather than an opaque 500.
 */
export const solveInstance: SolveFn = (instance) => {
  try {
    return solveMatching(instance) as unknown as ReturnType<SolveFn>;
  } catch (e) {
    if (e instanceof MatchingInputError) throw new ConflictError(`The data cannot be matched as it stands: ${e.message}`, { field: e.field });
    throw e;
  }
};
