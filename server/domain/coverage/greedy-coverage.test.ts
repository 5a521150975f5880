import { describe, expect, it } from 'vitest';
import { communeCandidates } from './candidate-places.ts';
import { greedyCoverage, type GreedyPlacement } from './greedy-coverage.ts';

const min = (m: number | null) => (m === null ? null : m * 60);
/** Placements limited to 30 min; `today` is today's best drive to a free bed (null: none). */
const placements = (...today: (number | null)[]): GreedyPlacement[] => today.map((t) => ({ limitMinutes: 30, todayBestSeconds: min(t) }));
const rows = (...r: (number | null)[][]) => r.map((row) => row.map(min));

describe('greedy maximum coverage', () => {
  it('takes the place covering the most, then the best given the first, with the "+n dont m > 45 min" figures', () => {
    // Placements 0–5; today: 0, 1 at 40 min; 2 at 50; 3 none; 4 at 60; 5 at 35.
    const steps = greedyCoverage({
      names: ['Montoire-sur-le-Loir', 'Mer', 'Savigny-sur-Braye'],
      placements: placements(40, 40, 50, null, 60, 35),
      seconds: rows(
        [10, 20, 25, 30, 99, 99], // covers 0–3 (30.0 min is within 30)
        [99, 99, 99, 31, 12, 28], // covers 4, 5 (31 min is beyond)
        [15, 99, 99, 99, 99, 20], // covers 0, 5: nothing left after the first two
      ),
      k: 5,
      farMinutes: 45,
    });
    expect(steps.map((s) => [s.candidate, s.newlyCovered, s.newlyFar])).toEqual([
      [0, [0, 1, 2, 3], 2], // 2 (50 min) and 3 (no free bed) are today beyond 45 min
      [1, [4, 5], 1], // 4 at 60 min
    ]);
  });

  it('never suggests a place that adds nothing, and stops at k', () => {
    const input = { names: ['A', 'B', 'C'], placements: placements(50, 50, 50), seconds: rows([10, 99, 99], [99, 10, 99], [99, 99, null]), farMinutes: 45 };
    expect(greedyCoverage({ ...input, k: 5 }).map((s) => s.candidate)).toEqual([0, 1]);
    expect(greedyCoverage({ ...input, k: 1 }).map((s) => s.candidate)).toEqual([0]);
    expect(greedyCoverage({ ...input, seconds: rows([99, 99, 99], [null, null, null], [31, 31, 31]), k: 5 })).toEqual([]);
  });

  it('reads each placement\'s own limit', () => {
    const steps = greedyCoverage({
      names: ['A'],
      placements: [{ limitMinutes: 45, todayBestSeconds: null }, { limitMinutes: 20, todayBestSeconds: null }],
      seconds: rows([40, 25]),
      k: 3,
      farMinutes: 45,
    });
    expect(steps.map((s) => s.newlyCovered)).toEqual([[0]]);
  });

  it('breaks ties by placements today beyond 45 min, then total drive, then name, then input order', () => {
    const far = greedyCoverage({ names: ['A', 'B'], placements: placements(40, 50), seconds: rows([10, 99], [99, 29]), k: 1, farMinutes: 45 });
    expect(far[0]).toMatchObject({ candidate: 1, newlyFar: 1 }); // B covers the placement that is worse off today

    const drive = greedyCoverage({ names: ['A', 'B'], placements: placements(50, 50), seconds: rows([20, 99], [99, 10]), k: 1, farMinutes: 45 });
    expect(drive[0].candidate).toBe(1); // same count, same far: the shorter drive

    // Same count, far and drive: French collation (accents ignored, "É" sorts with "E"), then input order.
    const names = ['Vendôme', 'Épuisay', 'epuisay'];
    const named = greedyCoverage({ names, placements: placements(50, 50, 50), seconds: rows([10, 99, 99], [99, 10, 99], [99, 99, 10]), k: 3, farMinutes: 45 });
    expect(named.map((s) => names[s.candidate])).toEqual(['Épuisay', 'epuisay', 'Vendôme']);
  });

  it('is deterministic whatever the order of equal places', () => {
    const seconds = rows([10, 10, 99], [99, 10, 10], [10, 99, 10]);
    const a = greedyCoverage({ names: ['Mer', 'Blois', 'Onzain'], placements: placements(50, 50, 50), seconds, k: 3, farMinutes: 45 });
    const b = greedyCoverage({ names: ['Onzain', 'Blois', 'Mer'], placements: placements(50, 50, 50), seconds: [seconds[2], seconds[1], seconds[0]], k: 3, farMinutes: 45 });
    expect(a.map((s) => ['Mer', 'Blois', 'Onzain'][s.candidate])).toEqual(['Blois', 'Mer']);
    expect(b.map((s) => ['Onzain', 'Blois', 'Mer'][s.candidate])).toEqual(['Blois', 'Mer']);
  });
});

describe('candidate communes', () => {
  it('makes one place per commune and département, at the mean of its practices, sorted by name', () => {
    const c = communeCandidates([
      { commune: 'Vendôme', departementCode: '41', lng: 1.0, lat: 47.8 },
      { commune: 'vendôme ', departementCode: '41', lng: 1.2, lat: 47.6 },
      { commune: 'Blois', departementCode: '41', lng: 1.33, lat: 47.59 },
      { commune: 'Blois', departementCode: '36', lng: 1.5, lat: 46.8 },
    ]);
    expect(c).toEqual([
      { name: 'Blois', location: [1.5, 46.8], source: 'commune', departementCode: '36', practices: 1 },
      { name: 'Blois', location: [1.33, 47.59], source: 'commune', departementCode: '41', practices: 1 },
      { name: 'Vendôme', location: [1.1, 47.7], source: 'commune', departementCode: '41', practices: 2 },
    ]);
  });
});
