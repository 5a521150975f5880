import { describe, expect, it } from 'vitest';
import { mergeRanges, subtractRanges } from './date-ranges.ts';

describe('date ranges', () => {
  it('merges overlapping and adjacent ranges', () => {
    expect(mergeRanges([{ from: '2027-06-01', to: '2027-06-30' }, { from: '2027-05-01', to: '2027-05-31' }, { from: '2027-08-01', to: '2027-08-02' }])).toEqual([
      { from: '2027-05-01', to: '2027-06-30' },
      { from: '2027-08-01', to: '2027-08-02' },
    ]);
  });

  it('cuts booked days out of availability', () => {
    const avail = [{ from: '2027-05-01', to: '2027-10-31' }];
    expect(subtractRanges(avail, [{ from: '2027-06-01', to: '2027-06-30' }])).toEqual([
      { from: '2027-05-01', to: '2027-05-31' },
      { from: '2027-07-01', to: '2027-10-31' },
    ]);
    expect(subtractRanges(avail, [{ from: '2027-04-01', to: '2027-11-30' }])).toEqual([]);
    expect(subtractRanges(avail, [{ from: '2026-01-01', to: '2026-02-01' }])).toEqual(avail);
  });
});
