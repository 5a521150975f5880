import { toMinutes } from '../matching-runs/build-instance.ts';

/** A placement as the greedy sees it: its own drive limit and today's best drive to a free bed. */
export interface GreedyPlacement {
  /** Drive limit of the placement's intern, minutes (the intern's own, else the request's default). */
  limitMinutes: number;
  /** Today's shortest drive from a free bed, seconds; null when no free bed is within reach at all. */
  todayBestSeconds: number | null;
}

/** One step of the greedy sequence: the candidate chosen and what it adds given the earlier ones. */
export interface GreedyStep {
  /** Index of the chosen candidate in the input. */
  candidate: number;
  /** Indices of the placements this candidate newly brings within their limit. */
  newlyCovered: number[];
  /** How many of those are today farther than `farMinutes` from any free bed (or have none). */
  newlyFar: number;
  /** Sum of the drives (seconds) from the candidate to the newly covered placements (a tie-break). */
  driveSeconds: number;
}

/** Options of {@link greedyCoverage}. */
export interface GreedyOptions {
  /** Candidate names, for the tie-break (French collation). */
  names: string[];
  placements: GreedyPlacement[];
  /**
   * Drive seconds from candidate `i` to placement `j` (for a two-practice placement, its longer drive:
   * the one that decides eligibility); null when there is no route.
   */
  seconds: (number | null)[][];
  /** Longest sequence wanted. */
  k: number;
  /** The "today beyond" threshold of the figures, minutes (45). */
  farMinutes: number;
}

/** True when the drive is within the limit, compared as the matching does (minutes to one decimal). */
export function withinLimit(seconds: number | null, limitMinutes: number): boolean {
  return seconds !== null && toMinutes(seconds) <= limitMinutes;
}

/** True when a placement's best drive today is beyond `farMinutes` (or there is none). */
export function isFarToday(p: GreedyPlacement, farMinutes: number): boolean {
  return p.todayBestSeconds === null || toMinutes(p.todayBestSeconds) > farMinutes;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * Greedy maximum coverage: the candidate that brings the most placements within their limit, then
 * the best one given the first, and so on, up to `k` steps; it stops early when no candidate adds
 * anything (a candidate adding nothing is never suggested). Greedy is within 1 − 1/e of the best
 * set of `k` places and, unlike the optimum, gives a sequence: the first place is the best alone.
 *
 * Ties, in this order: more placements newly covered; more of them today beyond `farMinutes`
 * (the worse off first); less total drive to them; the name in French collation; the input order.
 */
export function greedyCoverage(opts: GreedyOptions): GreedyStep[] {
  const { placements, seconds, farMinutes } = opts;
  const covers = seconds.map((row) => placements.map((p, j) => withinLimit(row[j] ?? null, p.limitMinutes)));
  const covered = new Array<boolean>(placements.length).fill(false);
  const chosen = new Set<number>();
  const steps: GreedyStep[] = [];
  while (steps.length < opts.k) {
    let best: GreedyStep | undefined;
    for (let i = 0; i < seconds.length; i++) {
      if (chosen.has(i)) continue;
      const step = gainOf(i, covers[i], covered, placements, seconds[i], farMinutes);
      if (step.newlyCovered.length === 0) continue;
      if (!best || better(step, best, opts.names)) best = step;
    }
    if (!best) break;
    steps.push(best);
    chosen.add(best.candidate);
    for (const j of best.newlyCovered) covered[j] = true;
  }
  return steps;
}

function gainOf(i: number, covers: boolean[], covered: boolean[], placements: GreedyPlacement[], row: (number | null)[], farMinutes: number): GreedyStep {
  const newlyCovered: number[] = [];
  let newlyFar = 0;
  let driveSeconds = 0;
  covers.forEach((c, j) => {
    if (!c || covered[j]) return;
    newlyCovered.push(j);
    if (isFarToday(placements[j], farMinutes)) newlyFar++;
    driveSeconds += row[j] ?? 0;
  });
  return { candidate: i, newlyCovered, newlyFar, driveSeconds };
}

/** The documented tie-break order: true when `a` beats `b`. */
function better(a: GreedyStep, b: GreedyStep, names: string[]): boolean {
  if (a.newlyCovered.length !== b.newlyCovered.length) return a.newlyCovered.length > b.newlyCovered.length;
  if (a.newlyFar !== b.newlyFar) return a.newlyFar > b.newlyFar;
  if (a.driveSeconds !== b.driveSeconds) return a.driveSeconds < b.driveSeconds;
  const byName = collator.compare(names[a.candidate] ?? '', names[b.candidate] ?? '');
  if (byName !== 0) return byName < 0;
  return a.candidate < b.candidate;
}
