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
  minutes: {},
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
    expect(plan.refresh).toEqual([{ id: 7, driveSeconds: 600, explanation: 'e1' }]);
    expect(plan.cancel).toEqual([8]);
    expect(plan.create).toEqual([{ internId: 2, bedId: 11, startDate: S.from, endDate: S.to, driveSeconds: 900, explanation: 'e2', overridden: false }]);
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
  });
});
