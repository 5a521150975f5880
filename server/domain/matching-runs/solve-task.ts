import type { MessagePort } from 'node:worker_threads';
import { buildProblem } from '../../matching/eligibility.ts';
import { buildResult } from '../../matching/explain.ts';
import type { InstanceInput } from '../../matching/instance-schema.ts';
import type { MatchResult } from '../../matching/result-types.ts';
import { SearchLimitError, type SearchOptions, type SearchProgress } from '../../matching/search-types.ts';
import { solveProblem } from '../../matching/solve.ts';
import { MatchingInputError, parseInstance } from '../../matching/validate-instance.ts';

/** The search limits a task takes (plain data: they cross the thread boundary). */
export type TaskSearch = Pick<SearchOptions, 'maxNodes' | 'maxMs' | 'method'>;

/** What a solve reports while it runs: its step, and the exact search's figures while it has some. */
export type SolveReport = { phase: 'solving'; search?: SearchProgress } | { phase: 'explaining' };

/** A solve task's input: the instance, its limits, and optionally where to send reports. */
export interface SolveTaskInput {
  instance: InstanceInput;
  search: TaskSearch;
  /** Reports are posted here (a port transferred to the worker); closed when the task ends. */
  progress?: MessagePort;
  /**
   * Test only: block this worker thread this long before solving, as a slow solve would (so a
   * browser journey can cancel a preview). Zero or absent everywhere else.
   */
  testDelayMs?: number;
}

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
 * also called in-thread when there is no pool, with `onReport` instead of a
 * port). The steps of `solveMatching`, with a report before each.
 */
export function solvePreview(input: SolveTaskInput, onReport?: (r: SolveReport) => void): SolveOutcome {
  const port = input.progress;
  const report = onReport ?? (port ? (r: SolveReport) => port.postMessage(r) : undefined);
  try {
    const inst = parseInstance(input.instance);
    const p = buildProblem(inst);
    report?.({ phase: 'solving' });
    if (input.testDelayMs) blockThread(input.testDelayMs);
    const sol = solveProblem(p, { ...input.search, onProgress: report && ((search) => report({ phase: 'solving', search })) });
    report?.({ phase: 'explaining' });
    return { ok: true, result: buildResult(inst, p, sol.assign, sol.stats, sol.optimal ? undefined : sol.gap) };
  } catch (e) {
    if (e instanceof MatchingInputError) return { ok: false, kind: 'input', field: e.field, message: e.message };
    if (e instanceof SearchLimitError) return { ok: false, kind: 'limit', message: e.message };
    throw e;
  } finally {
    port?.close();
  }
}

/** Blocks this thread for `ms` in short waits, like CPU-bound work (a terminated worker stops between two). */
function blockThread(ms: number) {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const end = performance.now() + ms;
  while (performance.now() < end) Atomics.wait(cell, 0, 0, Math.min(50, end - performance.now()));
}
