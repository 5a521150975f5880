import type { Score } from './score.ts';

/** What a long solve reports while it runs (the preview shows it). */
export interface SearchProgress {
  /** Which exact method runs. */
  method?: 'mip' | 'branch-and-bound';
  /** MIP: which objective stage (levels folded together) is being optimised, of how many. */
  stage?: number;
  stages?: number;
  /** Search nodes so far (branch-and-bound nodes, or HiGHS's). */
  nodes: number;
  /** Interns housed by the best answer so far, when known. */
  incumbentHoused?: number;
  /** Relative gap of the current stage (0 = proven), when known. */
  gap?: number;
}

/**
 * Limits for an exact search. Past either, it answers its best solution with
 * `proven: false` and the best bound still waiting (so the gap is known), or
 * throws `SearchLimitError` when it has no solution yet.
 */
export interface SearchOptions {
  maxNodes?: number;
  /** Wall-clock budget of one group's search, in milliseconds (default: none). */
  maxMs?: number;
  /** Which exact method solves grouped components (default: `'mip'`). */
  method?: 'mip' | 'branch-and-bound';
  /** Called now and then during a search. */
  onProgress?: (p: SearchProgress) => void;
}

/** What one group's search found: the assignment, its nodes, and whether it is proven optimal (else the best bound left). */
export interface SearchOutcome {
  assign: number[];
  nodes: number;
  proven: boolean;
  /** An upper bound on any solution of the group (equal to the answer's score when proven). */
  bound: Score;
  score: Score;
}

/** Raised when a group's search runs out of budget before finding any solution; no partial answer is given. */
export class SearchLimitError extends Error {}
