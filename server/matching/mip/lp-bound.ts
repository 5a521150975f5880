import { highs } from './highs-runtime.ts';
import type { GroupMip } from './mip-model.ts';

/** What the LP relaxation proves about a stage objective. */
export interface RelaxationBound {
  /** No solution of the group exceeds this (on the columns' part of the objective). */
  bound: number;
  /** Per x column: no solution that uses the column exceeds this. */
  ifUsed: Float64Array;
}

/**
 * Bounds a maximised objective by the group's LP relaxation. HiGHS solves the
 * relaxation; the bound is then recomputed here from its row duals y by weak
 * duality, c·x = y·Ax + (c − Aᵀy)·x ≤ Σ rows y·(the row bound y pushes
 * against) + Σ columns (c − Aᵀy)·(the column bound it pushes against), which
 * holds for any y: the result does not rest on HiGHS's tolerances, only on
 * arithmetic on small integers and duals (a margin covers rounding). Forcing an
 * x column (bounds 0..1) to 1 lowers the bound by its negative reduced cost:
 * `ifUsed`. Columns whose `ifUsed` is below a value some solution reaches
 * are in no optimal solution (reduced-cost fixing). Null when the LP does not
 * solve to optimality (within `maxSeconds`).
 */
export function relaxationBound(m: GroupMip, cost: Float64Array, maxSeconds = Infinity): RelaxationBound | null {
  const numRows = m.rows.lower.length;
  const lp = highs.createModel({
    numCols: m.numCols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: cost,
    colLower: m.colLower,
    colUpper: m.colUpper,
    rowLower: m.rows.lower,
    rowUpper: m.rows.upper,
    matrix: { format: 'csr', numRows, numCols: m.numCols, starts: m.rows.starts, indices: m.rows.indices, values: m.rows.values },
  });
  try {
    // Measured on the bench group: the simplex without presolve solves this relaxation fastest.
    lp.options.set({ output_flag: false, presolve: 'off', random_seed: 1 });
    if (Number.isFinite(maxSeconds)) lp.options.set('time_limit', maxSeconds);
    lp.run();
    if (lp.getModelStatus() !== highs.constants.modelStatus.optimal) return null;
    const y = lp.getSolution().rowDual;
    const reduced = Float64Array.from(cost);
    let bound = 0;
    let size = 0; // sum of the magnitudes added, for the rounding margin
    for (let r = 0; r < numRows; r++) {
      let yr = y[r];
      // A dual pushing against an infinite bound proves nothing: drop it (the bound stays valid, only weaker).
      if ((yr > 0 && !Number.isFinite(m.rows.upper[r])) || (yr < 0 && !Number.isFinite(m.rows.lower[r])) || !Number.isFinite(yr)) yr = 0;
      if (yr === 0) continue;
      const term = yr > 0 ? yr * m.rows.upper[r] : yr * m.rows.lower[r];
      bound += term;
      size += Math.abs(term);
      for (let k = m.rows.starts[r]; k < m.rows.starts[r + 1]; k++) {
        reduced[m.rows.indices[k]] -= yr * m.rows.values[k];
        size += Math.abs(yr * m.rows.values[k]);
      }
    }
    for (let j = 0; j < m.numCols; j++) {
      const term = reduced[j] > 0 ? reduced[j] * m.colUpper[j] : reduced[j] * m.colLower[j];
      bound += term;
      size += Math.abs(term);
    }
    // Each addition above rounds by at most 2^-53 of the running magnitude: 1e-9 of the total is far more.
    const margin = 1e-9 * size + 1e-9;
    const ifUsed = new Float64Array(m.numX);
    for (let j = 0; j < m.numX; j++) ifUsed[j] = bound + Math.min(0, reduced[j]) + margin;
    return { bound: bound + margin, ifUsed };
  } finally {
    lp.dispose();
  }
}
