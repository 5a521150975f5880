import { solveByBranchAndBound } from '../branch-and-bound.ts';
import type { Problem } from '../problem.ts';
import { memberMaxima } from '../flow-weights.ts';
import { compareScores, isFeasible, scoreOf, type Score } from '../score.ts';
import { SearchLimitError, type SearchOptions, type SearchOutcome } from '../search-types.ts';
import type { Model } from 'highs';
import { highs } from './highs-runtime.ts';
import { polishByFlow } from './flow-polish.ts';
import { relaxationBound } from './lp-bound.ts';
import { assignmentOf, buildGroupMip, columnsOf, LEVELS, type GroupMip } from './mip-model.ts';

/**
 * Largest value a stage's combined objective may reach. Levels are folded into
 * one integer objective while it stays below this, so every coefficient and
 * every objective value is a small integer, far inside double precision and
 * HiGHS's tolerances (1e-6 on integrality, an absolute gap below 1 on an
 * integer objective): the answer is exact, not "optimal up to a tolerance".
 * Measured on the grouped bench group (494 interns): 3e6 (housed + wishes,
 * then rooms + peers + kept, then minutes) took 6.8 s CPU, 2^30 (two stages)
 * 8.0 s.
 */
const STAGE_LIMIT = 3_000_000;
/** How far under the first stage's LP bound the column cutoff is guessed (in units of its objective). */
const CUTOFF_GUESS = 2;
type Stage = { levels: number[]; factors: number[] };

/** Switches for tests: the exact answer must not depend on them. */
export interface MipTuning {
  /** Reduced-cost fixing from the LP relaxation (default on). */
  fixing?: boolean;
  /** Override of `CUTOFF_GUESS` (0 guesses the LP bound itself, often too high: the reopening path). */
  cutoffGuess?: number;
}

/** Most a level can add up to in a group, from the problem (bounds for folding levels). */
function levelRanges(p: Problem, members: number[]): number[] {
  const inGroup = new Set(members);
  const most = memberMaxima(p, members);
  const r = [members.length, most.wish, 0, 0, most.proposals, most.tenths];
  r[2] = p.partners.filter(([a]) => inGroup.has(a)).length;
  r[3] = p.peers.filter((w) => inGroup.has(w.a)).reduce((s, w) => s + w.weight, 0);
  return r;
}

/** Consecutive levels folded into stages, each with its levels' multipliers (a lower level never outweighs one unit above it). */
export function planStages(ranges: number[], limit = STAGE_LIMIT): { levels: number[]; factors: number[] }[] {
  const stages: { levels: number[]; factors: number[] }[] = [];
  let cur: number[] = [];
  let span = 1;
  for (let k = 0; k < LEVELS; k++) {
    const size = ranges[k] + 1;
    if (cur.length && span * size > limit) {
      stages.push(withFactors(cur, ranges));
      cur = [];
      span = 1;
    }
    cur.push(k);
    span *= size;
  }
  stages.push(withFactors(cur, ranges));
  return stages;
}
function withFactors(levels: number[], ranges: number[]) {
  const factors = levels.map((_, j) => levels.slice(j + 1).reduce((f, l) => f * (ranges[l] + 1), 1));
  return { levels, factors };
}

/** Value of a stage on a score. */
const stageValue = (s: { levels: number[]; factors: number[] }, score: Score) => s.levels.reduce((v, l, j) => v + s.factors[j] * score[l], 0);

/**
 * Exact optimum of one group by mixed-integer programming (HiGHS): the group's
 * 0-1 program (`buildGroupMip`) is maximised level by level, consecutive
 * levels folded into one integer objective while it stays small
 * (`planStages`); after each stage its optimum becomes a constraint of the
 * next. Each stage must end "Optimal" with an absolute gap below 1 on an
 * integer objective, which proves it; the final 0-1 answer is then re-scored
 * with `scoreOf` and checked with `isFeasible`, and any disagreement with what
 * HiGHS claimed throws (it would mean a tolerance was hit). Before the first
 * stage, the LP relaxation's reduced costs close every column that cannot be in
 * an optimal answer (`relaxationBound`; proven by weak duality, not trusted
 * from HiGHS's tolerances), which roughly halves the program. In a semester
 * group each later stage starts from the previous optimum polished by one flow
 * (`polishByFlow`). Past `maxMs` the
 * best answer found so far comes back with `proven: false` and, as its bound,
 * the stage's proven bound.
 */
export function solveByMip(p: Problem, members: number[], opts: SearchOptions = {}, clique = false, start?: number[], tuning: MipTuning = {}): SearchOutcome {
  const m = buildGroupMip(p, members, clique);
  const ranges = levelRanges(p, members);
  const stages = planStages(ranges);
  const t0 = performance.now();
  const model = highs.createModel({
    numCols: m.numCols,
    numRows: m.rows.lower.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: new Float64Array(m.numCols),
    colLower: m.colLower,
    colUpper: m.colUpper,
    rowLower: m.rows.lower,
    rowUpper: m.rows.upper,
    matrix: { format: 'csr', numRows: m.rows.lower.length, numCols: m.numCols, starts: m.rows.starts, indices: m.rows.indices, values: m.rows.values },
    integrality: Int32Array.from(m.integer),
  });
  try {
    model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5, random_seed: 1 });
    let x: Float64Array | null = start ? columnsOf(p, m, members, start) : null;
    let nodes = 0;
    let bound: Score | null = null;
    let proven = true;
    const costOf = (stage: Stage) => {
      const cost = new Float64Array(m.numCols);
      stage.levels.forEach((l, j) => m.levels[l].forEach((c, col) => (cost[col] += c * stage.factors[j])));
      return cost;
    };
    // Reduced-cost fixing: the first stage's LP relaxation bounds every solution that uses a column
    // (`relaxationBound`); a column whose bound is below `cutoff` is closed (upper bound 0), in every stage.
    // The cutoff is the start's value or, when higher, a guess just under the LP bound; the guess is checked
    // by the stage's optimum (below it, the columns reopen down to that optimum and the stage runs again).
    const relax = tuning.fixing === false ? null : relaxationBound(m, costOf(stages[0]), opts.maxMs === undefined ? Infinity : Math.max(0.001, opts.maxMs / 1000));
    let cutoff = -Infinity;
    let open: Float64Array | null = null;
    // HiGHS takes a start only if it uses open columns; the start stays the answer until HiGHS finds better.
    const fits = (v: Float64Array) => !open || v.every((u, c) => c >= m.numX || u < 0.5 || open![c] > 0);
    const close = (value: number) => {
      cutoff = value;
      if (!relax || m.numX === 0) return;
      const upper = new Float64Array(m.numX);
      for (let c = 0; c < m.numX; c++) upper[c] = relax.ifUsed[c] < value ? 0 : m.colUpper[c];
      model.changeColsBounds({ kind: 'range', from: 0, to: m.numX - 1 }, m.colLower.subarray(0, m.numX), upper);
      open = upper;
    };
    if (relax) {
      const startValue = start ? stageValue(stages[0], scoreOf(p, start, members)) - levelOffset(m, stages[0]) : -Infinity;
      close(Math.max(startValue, Math.floor(relax.bound) - (tuning.cutoffGuess ?? CUTOFF_GUESS)));
    }
    for (let k = 0; k < stages.length; k++) {
      const stage = stages[k];
      const cost = costOf(stage);
      if (x && k > 0 && cost.every((c) => c === 0)) continue; // nothing to gain on these levels (say, no proposal to keep)
      model.changeColsCost({ kind: 'range', from: 0, to: m.numCols - 1 }, cost);
      if (k > 0 && x && clique) {
        // The optimum so far, with everyone outside a pair or wish re-solved by one flow: as good on every
        // level, usually much better on minutes, so HiGHS starts this stage near its optimum.
        const polished = columnsOf(p, m, members, polishByFlow(p, members, assignmentOf(p, m, members, x)));
        if (fits(polished)) x = polished;
      }
      if (x && fits(x)) model.setSolution({ colValue: x });
      if (opts.maxMs !== undefined) model.options.set('time_limit', Math.max(0.001, (opts.maxMs - (performance.now() - t0)) / 1000));
      const report = (gap?: number) => opts.onProgress?.({ method: 'mip', stage: k + 1, stages: stages.length, nodes, incumbentHoused: x ? housedOf(m, x) : undefined, gap });
      report();
      let last = performance.now();
      model.run({
        [highs.constants.callbackType.mipImprovingSolution]: (e) => {
          if (e.data.mip_solution) x = e.data.mip_solution;
        },
        [highs.constants.callbackType.mipInterrupt]: (e) => {
          if (performance.now() - last < 250) return;
          last = performance.now();
          report(e.data.mip_gap);
        },
      });
      nodes += Number(model.info.get('mip_node_count'));
      const status = model.getModelStatus();
      const hasSolution = Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
      if (hasSolution) x = model.getSolution().colValue;
      if (status !== highs.constants.modelStatus.optimal) {
        if (!x) throw new SearchLimitError(`the MIP stopped (status ${status}) on a group of ${members.length} interns with no solution yet`);
        proven = false;
        let dual = Number(model.info.get('mip_dual_bound'));
        // A closed column only serves solutions below the cutoff: they may beat an incumbent that is below it too.
        if (k === 0) dual = Math.max(dual, cutoff - 1);
        bound = boundFrom(scoreOf(p, assignmentOf(p, m, members, x), members), stage, dual + levelOffset(m, stage), ranges);
        break;
      }
      const got = scoreOf(p, assignmentOf(p, m, members, x!), members);
      const claimed = Math.round(model.getObjectiveValue() + levelOffset(m, stage));
      if (stageValue(stage, got) !== claimed) throw new Error(`MIP stage ${k + 1} claims ${claimed}, its 0-1 answer scores ${stageValue(stage, got)}`);
      if (k === 0 && relax) {
        const value = claimed - levelOffset(m, stage);
        // Below the guess: the closed columns might do better; reopen those that can reach this optimum and run again.
        const again = value < cutoff;
        // Later stages keep the first stage's optimum: columns that cannot reach it stay closed.
        close(value);
        if (again) {
          k--;
          continue;
        }
      }
      // The stage's optimum fixes each of its levels (a folded value has one reading): one small row per level.
      if (k + 1 < stages.length) for (const l of stage.levels) addLevelRow(model, m, l, got[l] - m.constant[l]);
    }
    const assign = assignmentOf(p, m, members, x!);
    if (!isFeasible(p, assign, members)) throw new Error('MIP answer is not feasible after rounding');
    const score = scoreOf(p, assign, members);
    if (bound && compareScores(bound, score) <= 0) proven = true;
    return { assign: members.map((i) => assign[i]), nodes, proven, bound: proven ? score : bound!, score };
  } finally {
    model.dispose();
  }
}

/** Requires level `l` (its columns' part) to reach `value`, which is an integer: the row's bound keeps half a unit of slack. */
function addLevelRow(model: Model, m: GroupMip, l: number, value: number) {
  const cols: number[] = [];
  const vals: number[] = [];
  m.levels[l].forEach((c, col) => {
    if (c !== 0) {
      cols.push(col);
      vals.push(c);
    }
  });
  if (cols.length) model.addRow(value - 0.5, Infinity, { indices: cols, values: vals });
}

/** Interns housed by a column vector. */
function housedOf(m: GroupMip, x: Float64Array) {
  let n = 0;
  for (let c = 0; c < m.numX; c++) if (x[c] > 0.5) n++;
  return n;
}

/** Constant part of a stage (pairs of kept partners already sharing a room). */
const levelOffset = (m: GroupMip, s: { levels: number[]; factors: number[] }) => stageValue(s, m.constant);

/**
 * An upper bound on the group's score when a stage stopped early: the levels
 * before the stage are the answer's (proven by earlier stages), the stage's
 * first level gets what the stage's dual bound allows (the later levels of the
 * stage at their most), and later levels their largest possible values.
 */
function boundFrom(score: Score, stage: { levels: number[]; factors: number[] }, dual: number, ranges: number[]): Score {
  const out = [...score] as Score;
  const first = stage.levels[0];
  const slack = stage.levels.includes(5) ? ranges[5] : 0; // the minutes level is negative: it may add back up to its range
  const allowed = Number.isFinite(dual) ? Math.floor((Math.floor(dual + 1e-6) + slack) / stage.factors[0]) : first === 5 ? 0 : ranges[first];
  out[first] = Math.max(score[first], Math.min(allowed, first === 5 ? 0 : ranges[first]));
  for (let l = first + 1; l < LEVELS; l++) out[l] = l === 5 ? 0 : ranges[l];
  return out;
}

/**
 * The production entry for one group: the MIP, started from the repaired
 * answer of the flow relaxation's first node (one flow; gives HiGHS an
 * incumbent at once, so it prunes from the start).
 */
export function solveGroupByMip(p: Problem, members: number[], opts: SearchOptions = {}, clique = false): SearchOutcome {
  let start: number[] | undefined;
  try {
    const first = solveByBranchAndBound(p, members, { maxNodes: 1 }, clique);
    start = new Array<number>(p.interns.length).fill(-1);
    members.forEach((i, k) => (start![i] = first.assign[k]));
  } catch (e) {
    if (!(e instanceof SearchLimitError)) throw e;
  }
  return solveByMip(p, members, opts, clique, start);
}
