import { describe, expect, it } from 'vitest';
import type { BuiltInstance, InstanceContext } from './build-instance.ts';
import { planApply, type CurrentAssignment } from './plan-apply.ts';

const S = { from: '2027-05-01', to: '2027-10-31' };
const intern = (id: number) => ({ id: String(id), start: S.from, end: S.to, label: `I${id}`, practices: ['X'] });
const bed = (id: number, siteId = 100, available = [S]) => ({ id: String(id), siteId: String(siteId), roomId: '1', available });
const instance: BuiltInstance = {
  limitMinutes: 30,
  interns: [intern(1), intern(2), intern(3)],
  beds: [bed(10), bed(11), bed(12, 101, [{ from: S.from, to: '2027-06-30' }])],
  sites: { '100': { name: 'A' }, '101': { name: 'B' } },
  minutes: { '1': { '100': 10, '101': 45 }, '2': { '100': 15 }, '3': { '100': [5, 6.7], '101': 20 } },
  existing: [],
  estimate: false,
};
const context: InstanceContext = {
  window: S,
  estimate: false,
  provider: 'test',
  driveSeconds: { '1': { '100': [600] }, '2': { '100': [900] }, '3': { '100': [300, 400] } },
  interns: {},
  beds: {},
};
const current = (o: Partial<CurrentAssignment> & { id: number; internId: number; bedId: number }): CurrentAssignment => ({
  startDate: S.from,
  endDate: S.to,
  status: 'proposed',
  locked: false,
  ...o,
});

describe('planApply', () => {
  it('creates new proposals with the drive time, keeps repeated ones, cancels superseded ones, leaves held ones', () => {
    const plan = planApply({
      instance,
      context,
      chosen: [{ intern: '1', bed: '10', explanation: 'e1' }, { intern: '2', bed: '11', explanation: 'e2' }, { intern: '3', bed: '12' }],
      overrides: [],
      current: [current({ id: 7, internId: 1, bedId: 10 }), current({ id: 8, internId: 2, bedId: 10 }), current({ id: 9, internId: 3, bedId: 12, status: 'confirmed' })],
    });
    expect(plan.refresh).toEqual([{ id: 7, driveSeconds: 600, explanation: 'e1', locked: false }]);
    expect(plan.cancel).toEqual([8]);
    expect(plan.create).toEqual([{ internId: 2, bedId: 11, startDate: S.from, endDate: S.to, driveSeconds: 900, explanation: 'e2', overridden: false, locked: false }]);
  });

  it('honours overrides: another bed (bumping whoever had it), or no bed', () => {
    const plan = planApply({
      instance,
      context,
      chosen: [{ intern: '1', bed: '10' }, { intern: '2', bed: '11' }],
      overrides: [{ internId: 3, bedId: 10 }, { internId: 2, bedId: null }],
      current: [],
    });
    expect(plan.bumped).toEqual([1]);
    expect(plan.create.map((c) => [c.internId, c.bedId, c.overridden, c.driveSeconds])).toEqual([[3, 10, true, 700]]);
  });

  it('refuses overrides that cannot be honoured', () => {
    const run = (overrides: { internId: number; bedId: number | null }[], cur: CurrentAssignment[] = []) => () => planApply({ instance, context, chosen: [], overrides, current: cur });
    expect(run([{ internId: 99, bedId: 10 }])).toThrow('overrides.0.internId: is not part of this run');
    expect(run([{ internId: 1, bedId: 99 }])).toThrow('overrides.0.bedId: is not a bed of this run');
    expect(run([{ internId: 1, bedId: 12 }])).toThrow('overrides.0.bedId: is not free for 2027-05-01 – 2027-10-31');
    expect(run([{ internId: 1, bedId: 11 }], [current({ id: 5, internId: 1, bedId: 10, locked: true })])).toThrow(/overrides.0.internId: has a confirmed or locked/);
    expect(run([{ internId: 1, bedId: 11 }], [current({ id: 5, internId: 2, bedId: 11, status: 'confirmed' })])).toThrow(/overrides.0.bedId: is held by/);
    expect(run([{ internId: 1, bedId: 11 }, { internId: 2, bedId: 11 }])).toThrow(/overrides.1.bedId: two overrides give the same bed/);
    // Intern 2 has no drive time to site 101: the picker never offers it, apply refuses it.
    expect(run([{ internId: 2, bedId: 12 }])).toThrow('overrides.0.bedId: is not free');
  });

  it('refuses an unreachable bed and names the intern and the reason code for the board', () => {
    const long = { ...instance, interns: [intern(1), intern(2), { ...intern(3), end: '2027-06-30' }], minutes: { ...instance.minutes, '2': { '100': 15 } } };
    const bed12 = () => planApply({ instance: long, context, chosen: [], overrides: [{ internId: 2, bedId: 12 }], current: [] });
    expect(bed12).toThrow(/overrides.0.bedId/);
    try {
      bed12();
    } catch (e) {
      expect((e as { details: unknown }).details).toEqual({ internId: 2, code: 'not-free' });
    }
    const noDrive = { ...long, interns: [intern(1), { ...intern(2), end: '2027-06-30' }, intern(3)] };
    expect(() => planApply({ instance: noDrive, context, chosen: [], overrides: [{ internId: 2, bedId: 12 }], current: [] })).toThrow('overrides.0.bedId: is out of reach (no drive time in this run)');
  });

  it('allows a bed over the drive limit only when confirmed, and says so in the explanation', () => {
    const over = () => planApply({ instance, context, chosen: [], overrides: [{ internId: 1, bedId: 12 }], current: [] });
    const shortStay = { ...instance, interns: [{ ...intern(1), end: '2027-06-30' }, intern(2), intern(3)] };
    const ask = () => planApply({ instance: shortStay, context, chosen: [], overrides: [{ internId: 1, bedId: 12 }], current: [] });
    expect(over).toThrow(/not free/);
    expect(ask).toThrow('overrides.0.confirm: is over the drive limit: confirm it');
    const plan = planApply({ instance: shortStay, context, chosen: [], overrides: [{ internId: 1, bedId: 12, confirm: true }], current: [] });
    expect(plan.create[0]).toMatchObject({ internId: 1, bedId: 12, overridden: true });
    expect(plan.create[0].explanation).toBe('Chosen by staff (override of the proposal): 45 min (limit 30 min), confirmed although over the drive limit');
  });

  it('saves a locked proposal as locked with the solver explanation, new or repeated', () => {
    const plan = planApply({
      instance,
      context,
      chosen: [{ intern: '1', bed: '10', explanation: 'e1' }, { intern: '2', bed: '11', explanation: 'e2' }],
      overrides: [],
      locks: [1, 2],
      current: [current({ id: 7, internId: 1, bedId: 10 })],
    });
    expect(plan.refresh).toEqual([{ id: 7, driveSeconds: 600, explanation: 'e1; locked by staff', locked: true }]);
    expect(plan.create.map((c) => [c.internId, c.locked, c.overridden, c.explanation])).toEqual([[2, true, false, 'e2; locked by staff']]);
    expect(() => planApply({ instance, context, chosen: [], overrides: [], locks: [3], current: [] })).toThrow('locks.0: has no bed to lock');
  });
});
