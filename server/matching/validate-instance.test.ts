import { describe, expect, it } from 'vitest';
import { solveMatching } from './solve.ts';
import { parseInstance } from './validate-instance.ts';

const ok = () => ({
  interns: [{ id: 'a', start: '2026-11-02', end: '2027-04-30' }, { id: 'b', start: '2026-11-02', end: '2027-04-30' }],
  beds: [{ id: 'x', siteId: 's', available: [{ from: '2026-11-01', to: '2027-10-31' }] }],
  minutes: { a: { s: 10 } },
  limitMinutes: 30,
});

describe('parseInstance', () => {
  it('accepts the minimal format and applies the default limit', () => {
    const { limitMinutes: _l, ...rest } = ok();
    expect(parseInstance(rest).limitMinutes).toBe(30);
  });

  it.each([
    ['interns[0].end: before start', (i: any) => (i.interns[0].end = '2026-10-01')],
    ['interns[1].start: not a calendar date', (i: any) => (i.interns[1].start = '2026-02-30')],
    ['interns[0].start: expected YYYY-MM-DD', (i: any) => (i.interns[0].start = '2/11/2026')],
    ['interns[1].id: duplicate id a', (i: any) => (i.interns[1].id = 'a')],
    ['interns[0].partner: unknown intern z', (i: any) => (i.interns[0].partner = 'z')],
    ['interns[0].peers[0]: unknown intern z', (i: any) => (i.interns[0].peers = ['z'])],
    ['beds[0].available[0].to: before from', (i: any) => (i.beds[0].available[0].to = '2026-01-01')],
    ['minutes.a.s', (i: any) => (i.minutes.a.s = -3)],
    ['existing[0].bed: unknown bed q', (i: any) => (i.existing = [{ intern: 'a', bed: 'q', status: 'confirmed' }])],
    ['existing[0].status', (i: any) => (i.existing = [{ intern: 'a', bed: 'x', status: 'maybe' }])],
  ])('names the field: %s', (message, change) => {
    const inst = ok();
    change(inst);
    expect(() => parseInstance(inst)).toThrow(message);
  });

  it('refuses partners that name different people', () => {
    const inst: any = ok();
    inst.interns.push({ id: 'c', start: '2026-11-02', end: '2027-04-30' });
    inst.interns[0].partner = 'b';
    inst.interns[1].partner = 'c';
    expect(() => parseInstance(inst)).toThrow('interns[0].partner: b names another partner (c)');
  });

  it('refuses two kept assignments of one bed on overlapping dates', () => {
    const inst: any = ok();
    inst.existing = [{ intern: 'a', bed: 'x', status: 'confirmed' }, { intern: 'b', bed: 'x', status: 'proposed', locked: true }];
    expect(() => solveMatching(inst)).toThrow('existing[1].bed: x is already kept for a on overlapping dates');
  });
});
