import type { Why } from './problem.ts';

/** Why an alternative bed did not work, plus `partner` when only the partner rule stood in the way. */
export type AlternativeWhy = Why | 'partner';

/** A bed the intern could not have, and why (for the "best alternatives" list). */
export interface Alternative {
  site: string;
  siteName: string;
  bed?: string;
  minutes: number;
  drives: number[];
  /** The first reason against it (kept for older readers). */
  why: AlternativeWhy;
  /** Every reason against it, so the interface can say the whole story. */
  reasons: AlternativeWhy[];
}

/** Stable code of an explanation, for the interface to translate (the English text is a default). */
export type AssignedCode = 'nearest' | 'closer-taken' | 'kept-proposal' | 'kept-fixed' | 'grouped';

/** One intern's bed, with the numbers that decided it. */
export interface AssignmentOut {
  intern: string;
  bed: string;
  site: string;
  room?: string;
  /** Total drive minutes (sum over practices). */
  minutes: number;
  drives: number[];
  /** Present when an existing assignment was kept (a kept proposal, or a confirmed/locked one). */
  kept?: boolean;
  /** Confirmed or locked: kept whatever the optimisation says. */
  fixed?: boolean;
  /** Reasons a kept fixed assignment would no longer be eligible (empty: still eligible); `rent-unknown` when a ceiling could not be checked. */
  flags?: (AlternativeWhy | 'rent-unknown')[];
  explanation: string;
  reasonCode: AssignedCode;
  details: Record<string, unknown>;
}

/** Stable code of an unmatched reason. */
export type UnmatchedCode = 'no-eligible-bed' | 'all-taken' | 'partner';

/** One intern left without a bed, with a reason a person understands and the nearest alternatives. */
export interface UnmatchedOut {
  intern: string;
  reason: string;
  reasonCode: UnmatchedCode;
  details: Record<string, unknown>;
  alternatives: Alternative[];
}

/** The solver's answer: proven optimal for the lexicographic objective (see README). */
export interface MatchResult {
  assignments: AssignmentOut[];
  unmatched: UnmatchedOut[];
  housed: number;
  totalMinutes: number;
  occupancy: Record<string, { beds: number; used: number }>;
  /** True only when proven (a gap of zero); otherwise `gap` says how far the optimum may be. */
  optimal: boolean;
  gap?: { level: 'housed' | 'wishPoints' | 'partnerRooms' | 'peerWishes' | 'keptProposals' | 'totalMinutes'; amount: number };
  estimate?: boolean;
  /** Each level of the objective, best first, as the solver compared them. */
  objective: { housed: number; wishPoints: number; partnerRooms: number; peerWishes: number; keptProposals: number; movedProposals: number; totalMinutes: number };
  stats: { components: number; flowComponents: number; searchedComponents: number; searchNodes: number };
}
