import { describe, expect, it } from 'vitest';
import { bruteForce } from '../brute-force.ts';
import { splitComponents } from '../components.ts';
import { buildProblem } from '../eligibility.ts';
import type { InstanceInput } from '../instance-schema.ts';
import { isFeasible, scoreOf } from '../score.ts';
import { solveProblem } from '../solve.ts';
import { syntheticInstance } from '../synthetic-instance.ts';
import { parseInstance } from '../validate-instance.ts';
import { polishByFlow } from './flow-polish.ts';
import { buildGroupMip } from './mip-model.ts';
import { planStages, solveByMip } from './solve-by-mip.ts';

const WINTER = { start: '2026-11-02', end: '2027-04-30' };
const YEAR = [{ from: '2026-11-01', to: '2027-10-31' }];
const WINTER_ONLY = [{ from: '2026-11-01', to: '2027-04-30' }];

describe('MIP path', () => {
  it('folds levels into stages without letting a lower level outweigh one unit above it', () => {
    // ranges: housed 10, wishes 50, rooms 2, peers 3, kept 0, minutes 9999
    const stages = planStages([10, 50, 2, 3, 0, 9999], 600);
    expect(stages.map((s) => s.levels)).toEqual([[0, 1], [2, 3, 4], [5]]);
    expect(stages[0].factors).toEqual([51, 1]);
    expect(stages[1].factors).toEqual([4, 1, 1]);
    // One more intern housed (51) beats every wish point the others could add (at most 50).
    expect(stages[0].factors[0]).toBeGreaterThan(50);
  });

  it('puts partners in one room of a class of identical beds (semester group, class columns)', () => {
    // Six identical beds at one site in three rooms; partners a, b and four others: the partners share a room.
    const beds = ['r1', 'r1', 'r2', 'r2', 'r3', 'r3'].map((room, k) => ({ id: `b${k}`, siteId: 's', roomId: room, available: YEAR, partnerAllowed: true }));
    const inst: InstanceInput = {
      interns: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, ...WINTER, ...(id === 'a' ? { partner: 'b' } : {}) })),
      beds,
      minutes: Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => [id, { s: 10 }])),
      limitMinutes: 30,
    };
    const p = buildProblem(parseInstance(inst));
    const [group] = splitComponents(p);
    expect(group.clique).toBe(true);
    const r = solveByMip(p, group.members, {}, true);
    expect(r.proven).toBe(true);
    const full = new Array<number>(p.interns.length).fill(-1);
    group.members.forEach((i, k) => (full[i] = r.assign[k]));
    expect(isFeasible(p, full)).toBe(true);
    expect(r.score).toEqual(bruteForce(p).score);
    expect(p.beds[full[0]].room).toBe(p.beds[full[1]].room);
  });

  it('merges the beds of a site that the same members may use into one class, with the bed-by-bed optimum', () => {
    // Site s: b0 all year at 200 €, b1 winter only at 200 €, b2 all year with no rent given; site t: one bed.
    // Every stay is in winter, so b0 and b1 serve the same interns (one class of 2); d's ceiling of 150 € leaves
    // d only b2 (unknown rent is eligible), so b2 stays apart.
    const inst: InstanceInput = {
      interns: [
        { id: 'a', ...WINTER, peers: ['b'] },
        { id: 'b', ...WINTER },
        { id: 'c', ...WINTER },
        { id: 'd', ...WINTER, maxRentCents: 15000 },
      ],
      beds: [
        { id: 'b0', siteId: 's', available: YEAR, rentCents: 20000 },
        { id: 'b1', siteId: 's', available: WINTER_ONLY, rentCents: 20000 },
        { id: 'b2', siteId: 's', available: YEAR },
        { id: 't0', siteId: 't', available: YEAR, rentCents: 10000 },
      ],
      minutes: { a: { s: 10, t: 12 }, b: { s: 11, t: 9 }, c: { s: 5, t: 25 }, d: { s: 20, t: 8 } },
      limitMinutes: 30,
    };
    const p = buildProblem(parseInstance(inst));
    const [group] = splitComponents(p);
    expect(group.clique).toBe(true);
    const m = buildGroupMip(p, group.members, true);
    expect(m.slots.map((s) => s.beds.map((b) => p.beds[b].id))).toEqual([['b0', 'b1'], ['b2'], ['t0']]);
    const byClass = solveByMip(p, group.members, {}, true);
    expect(byClass.proven).toBe(true);
    expect(byClass.score).toEqual(bruteForce(p).score);
    expect(byClass.score).toEqual(solveByMip(p, group.members, {}, false).score);
  });

  it('closes columns by the LP relaxation\'s reduced costs without changing the optimum, also when its guess is too high', () => {
    const size = { interns: 120, beds: 60, sites: 15, practices: 30, partnerPairs: 3, peerWishes: 4, siteWishes: 3 };
    let reopened = 0;
    let groups = 0;
    for (const seed of [2, 9]) {
      const p = buildProblem(parseInstance(syntheticInstance(seed, size)));
      for (const c of splitComponents(p).filter((x) => x.grouped && x.members.some((i) => p.edges[i].length))) {
        groups++;
        const plain = solveByMip(p, c.members, {}, c.clique, undefined, { fixing: false });
        const fixed = solveByMip(p, c.members, {}, c.clique);
        // Guessing the LP bound itself as the cutoff: when the optimum is below it, the first stage runs again.
        let firstStageRuns = 0;
        const guessed = solveByMip(p, c.members, { onProgress: (x) => x.stage === 1 && x.gap === undefined && firstStageRuns++ }, c.clique, undefined, { cutoffGuess: 0 });
        reopened += firstStageRuns - 1;
        expect([plain.proven, fixed.proven, guessed.proven]).toEqual([true, true, true]);
        expect(fixed.score).toEqual(plain.score);
        expect(guessed.score).toEqual(plain.score);
        // Semester groups: bed classes give the optimum of the bed-by-bed program.
        if (c.clique) expect(solveByMip(p, c.members, {}, false).score).toEqual(plain.score);
      }
    }
    expect(groups).toBeGreaterThan(3);
    expect(reopened).toBeGreaterThan(0);
  });

  it('polishes an answer by one flow for everyone outside a pair or wish: as good on every level, grouped interns unmoved', () => {
    const size = { interns: 120, beds: 60, sites: 15, practices: 30, partnerPairs: 3, peerWishes: 4, siteWishes: 3 };
    const p = buildProblem(parseInstance(syntheticInstance(4, size)));
    const group = splitComponents(p).find((c) => c.grouped && c.clique && c.members.length > 20)!;
    // A poor but feasible start: only the interns in a pair or wish housed, at their beds in the optimum.
    const best = solveProblem(p, { method: 'mip' }).assign;
    const held = new Set([...p.partners.flat(), ...p.peers.flatMap((w) => [w.a, w.b])]);
    const start = best.map((b, i) => (held.has(i) ? b : -1));
    const polished = polishByFlow(p, group.members, start);
    expect(isFeasible(p, polished, group.members)).toBe(true);
    for (const i of group.members) if (held.has(i)) expect(polished[i]).toBe(start[i]);
    const [before, after] = [scoreOf(p, start, group.members), scoreOf(p, polished, group.members)];
    expect(after.slice(2, 4)).toEqual(before.slice(2, 4));
    expect(after[0]).toBeGreaterThan(before[0]);
    // Given the grouped interns' beds, the flow's answer is the group's optimum when those beds are optimal.
    expect(after).toEqual(scoreOf(p, best, group.members));
  });

  it('answers with optimal: false and a gap, never silently, when stopped by its budget', () => {
    const size = { interns: 400, beds: 200, sites: 40, practices: 80, partnerPairs: 10, peerWishes: 20, siteWishes: 3 };
    const p = buildProblem(parseInstance(syntheticInstance(5, size)));
    const sol = solveProblem(p, { maxMs: 1, method: 'mip' });
    expect(sol.optimal).toBe(false);
    expect(sol.gap).toBeDefined();
    expect(sol.gap!.amount).toBeGreaterThan(0);
    expect(isFeasible(p, sol.assign)).toBe(true);
  });

  it('reports progress by stage', () => {
    const size = { interns: 120, beds: 60, sites: 15, practices: 30, partnerPairs: 3, peerWishes: 4, siteWishes: 3 };
    const p = buildProblem(parseInstance(syntheticInstance(9, size)));
    const seen: number[] = [];
    const sol = solveProblem(p, { method: 'mip', onProgress: (x) => x.stage !== undefined && seen.push(x.stage) });
    expect(sol.optimal).toBe(true);
    expect(seen[0]).toBe(1);
    expect(Math.max(...seen)).toBeGreaterThan(1);
    expect(scoreOf(p, sol.assign)).toEqual(scoreOf(p, solveProblem(p, { method: 'branch-and-bound' }).assign));
  });
});
