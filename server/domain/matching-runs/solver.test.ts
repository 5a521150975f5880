import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { bruteForce } from '../../matching/brute-force.ts';
import { buildProblem } from '../../matching/eligibility.ts';
import type { MatchResult } from '../../matching/result-types.ts';
import { parseInstance } from '../../matching/validate-instance.ts';
import { syntheticInstance } from '../../matching/synthetic-instance.ts';
import { WorkerPool } from '../../workers/worker-pool.ts';
import type { SolveReport } from './solve-task.ts';
import { solveInstance, solveOnWorkers } from './solver.ts';

// Eight interns in a ring of peer wishes with two partner pairs force the exact search.
const interns = Array.from({ length: 8 }, (_, i) => ({
  id: `i${i}`,
  start: '2027-05-01',
  end: '2027-10-31',
  peers: [`i${(i + 1) % 8}`],
  ...(i % 4 === 0 ? { partner: `i${i + 1}` } : i % 4 === 1 ? { partner: `i${i - 1}` } : {}),
}));
const beds = Array.from({ length: 7 }, (_, b) => ({
  id: `b${b}`,
  siteId: ['a', 'b', 'c'][b % 3],
  roomId: `r${b % 4}`,
  available: [{ from: '2027-01-01', to: '2027-12-31' }],
}));
const minutes = Object.fromEntries(interns.map((it, i) => [it.id, { a: 5 + i, b: 10 - i, c: 7 }]));
const instance = { interns, beds, minutes, limitMinutes: 30 } as never;

describe('solveInstance', () => {
  it('solves to the optimum within the default search budget, through the exact search', () => {
    const r = solveInstance(instance) as unknown as MatchResult;
    // The brute-force optimum of the same problem, level by level of the objective.
    const [housed, wishPoints, partnerRooms, peerWishes, keptProposals, negTenths] = bruteForce(buildProblem(parseInstance(instance))).score;
    expect(r.objective).toMatchObject({ housed, wishPoints, partnerRooms, peerWishes, keptProposals, totalMinutes: -negTenths / 10 });
    expect(r.assignments).toHaveLength(housed);
    // Grouping wishes send this instance through the exact search (the MIP by default).
    expect(r.stats.searchedComponents).toBe(1);
    expect(r.optimal).toBe(true);
    // The branch-and-bound agrees, and needs more than one node here, so a one-node budget must fail (below).
    const bnb = solveInstance(instance, { method: 'branch-and-bound' }) as unknown as MatchResult;
    expect(bnb.objective).toEqual(r.objective);
    expect(bnb.stats.searchNodes).toBeGreaterThan(1);
  });

  it('says when the answer is not proven optimal: optimal false with the gap, never silently', () => {
    const r = solveInstance(instance, { maxNodes: 1, method: 'branch-and-bound' }) as unknown as MatchResult;
    const exact = solveInstance(instance) as unknown as MatchResult;
    expect(exact.optimal).toBe(true);
    expect(exact.gap).toBeUndefined();
    expect(r.optimal).toBe(false);
    expect(r.gap).toEqual({ level: expect.any(String), amount: expect.any(Number) });
    expect(r.gap!.amount).toBeGreaterThan(0);
    // The gap is a true bound: the optimum is within it on its level.
    const level = r.gap!.level as keyof MatchResult['objective'];
    const diff = level === 'totalMinutes' ? r.objective.totalMinutes - exact.objective.totalMinutes : exact.objective[level] - r.objective[level];
    expect(diff).toBeLessThanOrEqual(r.gap!.amount);
  });

  it('answers a 422 that says so when the exact search runs out of budget before any solution, never a guess', () => {
    let err: unknown;
    try {
      solveInstance(instance, { maxNodes: 0, method: 'branch-and-bound' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(422);
    expect((err as AppError).id).toBe('matching_too_complex');
  });
});

describe('solve reports', () => {
  it('reports the solve step with the exact search\'s figures, then the explaining step, for both exact methods', () => {
    for (const method of ['mip', 'branch-and-bound'] as const) {
      const reports: SolveReport[] = [];
      const r = solveInstance(instance, { method, onReport: (x) => reports.push(x) }) as unknown as MatchResult;
      expect(r.optimal).toBe(true);
      expect(reports[0]).toEqual({ phase: 'solving' });
      expect(reports.at(-1)).toEqual({ phase: 'explaining' });
      const searched = reports.filter((x) => x.phase === 'solving' && x.search);
      expect(searched.length).toBeGreaterThan(0);
      expect(searched.every((x) => x.phase === 'solving' && x.search!.method === method && x.search!.nodes >= 0)).toBe(true);
    }
  });
});

describe('solveOnWorkers', () => {
  it('solves and explains on a worker thread while the request thread keeps answering', async () => {
    const pool = new WorkerPool({ threads: 1 });
    try {
      const solve = solveOnWorkers(pool);
      // Same answer as in-thread, refusals included.
      expect(await solve(instance)).toEqual(solveInstance(instance));
      const bad = { ...(instance as object), interns: [{ id: 'a', start: '2027-05-01', end: '2027-04-01' }] } as never;
      await expect(Promise.resolve().then(() => solve(bad))).rejects.toMatchObject({ status: 409, details: { field: 'interns[0].end' } });
      // A large preview: 2,000 interns × 1,000 beds, solved and explained (seconds of CPU on the worker).
      const big = syntheticInstance(20261124, { interns: 2000, beds: 1000, sites: 150, practices: 300 }) as never;
      let done = false;
      const t0 = performance.now();
      const solving = Promise.resolve(solve(big)).then((r) => {
        done = true;
        return r;
      });
      // Meanwhile this thread answers: a timer of 10 ms, again and again, as a health check would be.
      const gaps: number[] = [];
      while (!done) {
        const t = performance.now();
        await new Promise((r) => setTimeout(r, 10));
        gaps.push(performance.now() - t);
      }
      const total = performance.now() - t0;
      expect(((await solving) as unknown as MatchResult).housed).toBe(1835);
      expect(gaps.length).toBeGreaterThan(5);
      // In-thread, one timer would have waited the whole solve; here the longest wait is a small share of it.
      expect(Math.max(...gaps)).toBeLessThan(total / 3);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
