/**
 * The exact branch-and-bound over flow relaxations, in readable pieces under
 * bnb/: the search state and its nodes (state.ts), the relaxation and its
 * bounds (bounds.ts), the branching order (branching.ts), the repair of a
 * relaxed answer into a solution (repair.ts) and the best-first search loop
 * (search.ts). This module keeps the entry point where callers import it.
 */
export { solveByBranchAndBound } from './bnb/search.ts';
export { SearchLimitError, type SearchOptions, type SearchOutcome } from './search-types.ts';
