import { describe, expect, it } from 'vitest';
import { buildProblem } from './eligibility.ts';
import { greedyNearest } from './greedy.ts';
import type { InstanceInput } from './instance-schema.ts';
import { scoreOf } from './score.ts';
import { solveMatching } from './solve.ts';
import { parseInstance } from './validate-instance.ts';

const WINTER = { start: '2026-11-02', end: '2027-04-30' };
const SUMMER = { start: '2027-05-03', end: '2027-10-31' };
const YEAR = [{ from: '2026-11-01', to: '2027-10-31' }];
const bed = (id: string, siteId: string, extra: Partial<InstanceInput['beds'][number]> = {}) => ({ id, siteId, available: YEAR, ...extra });
const where = (r: ReturnType<typeof solveMatching>) => Object.fromEntries(r.assignments.map((a) => [a.intern, a.bed]));

describe('solveMatching: hand-made cases', () => {
  it('honours ranked site wishes after housing the most interns, before minutes, and says so', () => {
    const inst: InstanceInput = {
      interns: [
        { id: 'a', ...WINTER, practices: ['Vendôme'], wishes: ['far', 'near'] },
        { id: 'b', ...WINTER, practices: ['Mer'], wishes: ['far'] },
        { id: 'c', ...WINTER, practices: ['Blois'] },
      ],
      beds: [bed('x', 'near'), bed('y', 'far'), bed('z', 'near')],
      sites: { near: { name: 'Gîte de Mer' }, far: { name: 'Maison Ronsard' } },
      minutes: { a: { near: 5, far: 18 }, b: { near: 6, far: 25 }, c: { near: 4 } },
      limitMinutes: 30,
    };
    const r = solveMatching(inst);
    // Two interns wish "far" first; one bed there. a (far 1st = 5, near 2nd = 4) and b (far 1st = 5, near = 0):
    // b at far and a at near earns 5 + 4 = 9 points, a at far and b at near 5 + 0: b gets it despite the longer drive.
    expect(where(r)).toEqual({ a: 'x', b: 'y', c: 'z' });
    expect(r.objective).toMatchObject({ housed: 3, wishPoints: 9 });
    const [a, b, c] = r.assignments;
    expect(b.explanation).toContain('1st wish');
    expect(b.details).toMatchObject({ wishRank: 1 });
    expect(a.explanation).toContain('2nd wish');
    expect(c.details).toMatchObject({ wishRank: null, wishesUnmet: [] });
    // Housing more interns still comes first: a wish never leaves someone without a bed.
    const crowded = solveMatching({ ...inst, beds: [bed('x', 'near'), bed('y', 'far')] });
    expect(crowded.housed).toBe(2);
  });

  it('says which wishes could not be met and why', () => {
    const r = solveMatching({
      interns: [{ id: 'a', ...WINTER, wishes: ['b-site'] }, { id: 'b', ...WINTER, practices: ['Mer'], wishes: ['b-site', 'far'] }],
      beds: [bed('x', 'b-site'), bed('y', 'near')],
      sites: { 'b-site': { name: 'Internat de Blois' }, near: { name: 'Gîte de Mer' }, far: { name: 'Maison Ronsard' } },
      minutes: { a: { 'b-site': 10 }, b: { 'b-site': 8, near: 9, far: 45 } },
      limitMinutes: 30,
    });
    const b = r.assignments.find((x) => x.intern === 'b')!;
    expect(b.bed).toBe('y');
    expect(b.explanation).toContain('no wish could be met: Internat de Blois full, Maison Ronsard too far');
    expect(b.details.wishesUnmet).toEqual([
      { rank: 1, site: 'b-site', siteName: 'Internat de Blois', reasons: ['full'] },
      { rank: 2, site: 'far', siteName: 'Maison Ronsard', reasons: ['too far'] },
    ]);
  });

  it('escapes the greedy trap: nearest-first houses one, the optimum houses both', () => {
    const inst: InstanceInput = {
      interns: [{ id: 'a', ...WINTER, practices: ['Vendôme'] }, { id: 'b', ...WINTER }],
      beds: [bed('x', 'near'), bed('y', 'far')],
      sites: { near: { name: 'Gîte de Mer' }, far: { name: 'Maison Ronsard' } },
      minutes: { a: { near: 5, far: 18 }, b: { near: 20 } },
      limitMinutes: 30,
    };
    const r = solveMatching(inst);
    expect(where(r)).toEqual({ a: 'y', b: 'x' });
    expect(r.housed).toBe(2);
    expect(r.totalMinutes).toBe(38);
    expect(r.assignments[0].explanation).toBe('Maison Ronsard, 18 min from Vendôme (limit 30 min); 1 closer bed was needed by interns with no other option');
    expect(r.assignments[0].reasonCode).toBe('closer-taken');
    const p = buildProblem(parseInstance(inst));
    expect(scoreOf(p, greedyNearest(p))[0]).toBe(1);
  });

  it('breaks ties by ids, whatever the input order', () => {
    const inst: InstanceInput = {
      interns: [{ id: 'i2', ...WINTER }, { id: 'i1', ...WINTER }],
      beds: [bed('b2', 's'), bed('b1', 's')],
      minutes: { i1: { s: 10 }, i2: { s: 10 } },
      limitMinutes: 30,
    };
    const r = solveMatching(inst);
    expect(where(r)).toEqual({ i1: 'b1', i2: 'b2' });
    expect(solveMatching({ ...inst, interns: [...inst.interns].reverse(), beds: [...inst.beds].reverse() })).toEqual(r);
  });

  it('houses neither partner when only one bed is left, and gives it to someone else', () => {
    const r = solveMatching({
      interns: [{ id: 'a', ...WINTER, partner: 'b' }, { id: 'b', ...WINTER }, { id: 'c', ...WINTER }],
      beds: [bed('x', 's')],
      minutes: { a: { s: 5 }, b: { s: 5 }, c: { s: 25 } },
      limitMinutes: 30,
    });
    expect(where(r)).toEqual({ c: 'x' });
    expect(r.unmatched.map((u) => [u.intern, u.reasonCode])).toEqual([['a', 'all-taken'], ['b', 'all-taken']]);
  });

  it('moves a partner pair to a farther site with two beds rather than splitting it', () => {
    const r = solveMatching({
      interns: [{ id: 'a', ...WINTER, partner: 'b' }, { id: 'b', ...WINTER }],
      beds: [bed('x', 'near'), bed('y1', 'far'), bed('y2', 'far')],
      minutes: { a: { near: 5, far: 25 }, b: { near: 5, far: 25 } },
      limitMinutes: 30,
    });
    expect(where(r)).toEqual({ a: 'y1', b: 'y2' });
  });

  it('puts partners in one room when the beds allow, before shorter drives', () => {
    const r = solveMatching({
      interns: [{ id: 'a', ...WINTER, partner: 'b' }, { id: 'b', ...WINTER }],
      beds: [bed('b1', 's', { roomId: 'single' }), bed('b2', 's', { roomId: 'double' }), bed('b3', 's', { roomId: 'double' })],
      minutes: { a: { s: 5 }, b: { s: 5 } },
      limitMinutes: 30,
    });
    expect(where(r)).toEqual({ a: 'b2', b: 'b3' });
    expect(r.objective.partnerRooms).toBe(1);
    expect(r.assignments[0].explanation).toContain('shares a room with partner b');
  });

  it('checks each drive of a two-practice placement against the limit and costs their sum', () => {
    const r = solveMatching({
      interns: [{ id: 'a', ...WINTER, practices: ['Vendôme', 'Montoire'] }, { id: 'b', ...WINTER }],
      beds: [bed('x', 'ok'), bed('y', 'one-too-far')],
      minutes: { a: { ok: [18, 12], 'one-too-far': [35, 2] }, b: {} },
      limitMinutes: 30,
    });
    expect(r.assignments).toHaveLength(1);
    expect(r.assignments[0]).toMatchObject({ intern: 'a', bed: 'x', minutes: 30, drives: [18, 12] });
    expect(r.assignments[0].explanation).toMatch(/^ok, 18 min from Vendôme and 12 min from Montoire \(limit 30 min\)/);
  });

  it('keeps a locked assignment that is no longer eligible, flags it and keeps its bed from others', () => {
    const r = solveMatching({
      interns: [{ id: 'a', ...WINTER }, { id: 'b', ...WINTER }],
      beds: [bed('x', 's')],
      minutes: { a: { s: 42 }, b: { s: 3 } },
      limitMinutes: 30,
      existing: [{ intern: 'a', bed: 'x', status: 'proposed', locked: true }],
    });
    expect(r.assignments).toEqual([expect.objectContaining({ intern: 'a', bed: 'x', fixed: true, kept: true, flags: ['too far'], reasonCode: 'kept-fixed' })]);
    expect(r.assignments[0].explanation).toContain('locked assignment kept although no longer eligible: too far');
    expect(r.unmatched[0]).toMatchObject({ intern: 'b', reasonCode: 'all-taken' });
  });

  it('re-runs move as few proposals as possible, but never at the cost of housing or peers', () => {
    const base: InstanceInput = {
      interns: [{ id: 'a', ...WINTER }, { id: 'b', ...WINTER }],
      beds: [bed('x', 's1'), bed('y', 's2')],
      minutes: { a: { s1: 10, s2: 12 }, b: { s1: 20, s2: 10 } },
      limitMinutes: 30,
    };
    expect(where(solveMatching(base))).toEqual({ a: 'x', b: 'y' });
    // Proposals from a previous run: kept although swapping would save 8 minutes.
    const rerun = solveMatching({ ...base, minutes: { a: { s1: 10, s2: 2 }, b: { s1: 20, s2: 10 } }, existing: [{ intern: 'a', bed: 'x', status: 'proposed' }, { intern: 'b', bed: 'y', status: 'proposed' }] });
    expect(where(rerun)).toEqual({ a: 'x', b: 'y' });
    expect(rerun.objective.movedProposals).toBe(0);
    expect(rerun.assignments[0]).toMatchObject({ kept: true, reasonCode: 'kept-proposal' });
    // Housing one more intern comes first: the proposal moves.
    const more = solveMatching({ ...base, interns: [...base.interns, { id: 'c', ...WINTER }], beds: [...base.beds, bed('z', 's2')], minutes: { a: { s1: 10, s2: 12 }, b: { s2: 10 }, c: { s1: 5 } }, existing: [{ intern: 'a', bed: 'x', status: 'proposed' }] });
    expect(more.housed).toBe(3);
    expect(more.objective.movedProposals).toBe(1);
    // A peer wish comes before stability too.
    const peers = solveMatching({ ...base, interns: [{ id: 'a', ...WINTER, peers: ['b'] }, { id: 'b', ...WINTER }], beds: [...base.beds, bed('y2', 's2')], existing: [{ intern: 'a', bed: 'x', status: 'proposed' }] });
    expect(where(peers)).toEqual({ a: 'y', b: 'y2' });
    expect(peers.objective).toMatchObject({ peerWishes: 1, movedProposals: 1 });
  });

  it('lets one bed host a winter intern then a summer intern, and says when a bed is free for one semester only', () => {
    const r = solveMatching({
      interns: [{ id: 'w', ...WINTER }, { id: 's', ...SUMMER }, { id: 'late', ...SUMMER, practices: ['Vendôme'] }],
      beds: [bed('x', 'home'), bed('y', 'winter-only', { available: [{ from: '2026-11-01', to: '2027-04-30' }] })],
      sites: { home: { name: 'Internat de Vendôme' }, 'winter-only': { name: 'Romorantin internat' } },
      minutes: { w: { home: 10 }, s: { home: 10 }, late: { home: 12, 'winter-only': 8 } },
      limitMinutes: 30,
    });
    expect(where(r)).toEqual({ w: 'x', s: 'x' });
    expect(r.occupancy).toEqual({ home: { beds: 1, used: 1 }, 'winter-only': { beds: 1, used: 0 } });
    const late = r.unmatched[0];
    expect(late.reason).toBe('no free bed within 30 min of Vendôme for 3 May – 31 Oct (1 eligible bed, all taken); nearest: Romorantin internat at 8 min, not free for those dates');
    expect(late.alternatives).toEqual([
      { site: 'winter-only', siteName: 'Romorantin internat', bed: 'y', minutes: 8, drives: [8], why: 'dates', reasons: ['dates'] },
      { site: 'home', siteName: 'Internat de Vendôme', bed: 'x', minutes: 12, drives: [12], why: 'full', reasons: ['full'] },
    ]);
  });

  it('explains an intern with nothing within reach, with the nearest site and what stands against it', () => {
    const r = solveMatching({
      interns: [{ id: 'a', ...WINTER, practices: ['Vendôme'] }, { id: 'b', ...WINTER }],
      beds: [bed('x', 'rom')],
      sites: { rom: { name: 'Romorantin internat' } },
      minutes: { a: { rom: 42 }, b: { rom: 10 } },
      limitMinutes: 30,
    });
    expect(r.unmatched[0]).toMatchObject({
      intern: 'a',
      reasonCode: 'no-eligible-bed',
      reason: 'no free bed within 30 min of Vendôme for 2 Nov – 30 Apr; nearest: Romorantin internat at 42 min, too far and full',
      details: { limit: 30, eligibleBeds: 0, from: '2026-11-02', to: '2027-04-30' },
    });
  });

  it('honours peer wishes before drive time, and house rules, rent ceilings and unknown rents', () => {
    const r = solveMatching({
      interns: [
        { id: 'a', ...WINTER, peers: ['b'] },
        { id: 'b', ...WINTER },
        { id: 'c', ...WINTER, withPartner: true, maxRentCents: 20000 },
      ],
      beds: [bed('a1', 'sa', { rentCents: 15000 }), bed('b1', 'sb'), bed('b2', 'sb'), bed('c1', 'sc', { rentCents: 25000, partnerAllowed: true }), bed('c2', 'sd', { partnerAllowed: true })],
      minutes: { a: { sa: 5, sb: 20 }, b: { sb: 5 }, c: { sa: 1, sc: 2, sd: 20 } },
      limitMinutes: 30,
    });
    expect(where(r)).toEqual({ a: 'b1', b: 'b2', c: 'c2' });
    expect(r.objective.peerWishes).toBe(1);
    expect(r.assignments.find((x) => x.intern === 'a')!.explanation).toContain('with b as wished');
    expect(r.assignments.find((x) => x.intern === 'c')).toMatchObject({ flags: ['rent-unknown'] });
    expect(r.assignments.find((x) => x.intern === 'c')!.explanation).toContain('rent unknown (ceiling 200 €)');
  });

  it('solves stays that overlap only partly (winter, a shifted stay, summer) exactly', () => {
    const r = solveMatching({
      interns: [{ id: 'w', ...WINTER }, { id: 'm', start: '2027-02-01', end: '2027-07-31' }, { id: 's', ...SUMMER }],
      beds: [bed('x', 'a'), bed('y', 'b')],
      minutes: { w: { a: 5, b: 20 }, m: { a: 5, b: 6 }, s: { a: 5, b: 20 } },
      limitMinutes: 30,
    });
    expect(where(r)).toEqual({ w: 'x', s: 'x', m: 'y' });
    expect(r.stats.searchedComponents).toBe(1);
  });
});
