import type { DayRange } from './dates.ts';

/** Why a bed does not suit an intern (the `why` of an alternative). */
export type Why = 'full' | 'too far' | 'rent' | 'rules' | 'dates';

/** An eligible (intern, bed) pair with the drive it costs, in tenths of a minute. */
export interface Edge {
  bed: number;
  /** Sum of the drives, in tenths of a minute (integer, so costs compare exactly). */
  tenths: number;
  /** Drive minutes to each practice, as given. */
  drives: number[];
  /** Points this bed's site earns the intern's ranked wishes (`wishPoints`; 0 when not wished). */
  wish: number;
}

/**
 * The documented rank weighting of site wishes: a 1st wish is worth 5 points,
 * a 2nd 4, a 3rd 3, a 4th 2, any later one 1, an unwished site 0. Summed over
 * interns, so two 2nd wishes (8) beat a 1st and a 5th (6): the solver spreads
 * good outcomes rather than granting a few 1st wishes at others' expense.
 */
export const wishPoints = (rank: number) => (rank < 1 ? 0 : Math.max(1, 6 - rank));
/** Most points one intern can earn. */
export const MAX_WISH_POINTS = 5;

/** An intern in solver form: indexes instead of ids, day numbers instead of dates. */
export interface PIntern {
  id: string;
  range: DayRange;
  limit: number;
  /** Index of the partner intern, or -1. */
  partner: number;
  /** Bed index of a confirmed or locked assignment, or -1. */
  fixed: number;
  /** Bed index of an unlocked proposal (moving it counts as a move), or -1. */
  proposed: number;
}

/** A bed in solver form. */
export interface PBed {
  id: string;
  site: string;
  room: string;
  /** The room id as given (absent when the instance had none). */
  roomId?: string;
  rentCents?: number;
  partnerAllowed: boolean;
  windows: DayRange[];
}

/** A peer wish between two interns, weighted by how many of them asked (1 or 2). */
export interface PeerPair {
  a: number;
  b: number;
  weight: number;
}

/**
 * The instance normalised for the solver: interns and beds sorted by id (so
 * the result never depends on input order), eligibility precomputed once so
 * that the decision and its explanation read the same numbers.
 */
export interface Problem {
  interns: PIntern[];
  beds: PBed[];
  /** Eligible beds per intern, sorted by cost then bed id. */
  edges: Edge[][];
  peers: PeerPair[];
  /** Partner pairs as [a, b] with a < b. */
  partners: [number, number][];
  /**
   * Beds that someone holds or was proposed: they are not interchangeable with
   * their look-alikes (a kept stay blocks them for overlapping dates; keeping
   * a proposal scores), so solvers never merge them into a class.
   */
  specialBeds: Set<number>;
}
