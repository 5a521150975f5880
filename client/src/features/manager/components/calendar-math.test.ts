import { describe, expect, it } from 'vitest';
import { semesterById } from '../../../lib/semesters.ts';
import { segment, validateWindow } from './calendar-math.ts';

describe('availability calendar', () => {
  const summer = semesterById('2027-05')!;

  it('places a window inside the semester and clips what overflows', () => {
    expect(segment(summer, '2027-05-01', '2027-10-31')).toEqual({ left: 0, width: 100 });
    const s = segment(summer, '2027-04-01', '2027-05-31')!;
    expect(s.left).toBe(0);
    expect(s.width).toBeCloseTo((31 / 184) * 100, 5);
    expect(segment(summer, '2027-11-01', '2028-04-30')).toBeUndefined();
  });

  it('refuses an end before the start and malformed dates', () => {
    expect(validateWindow('2027-05-01', '2027-07-31')).toEqual({});
    expect(validateWindow('2027-07-31', '2027-05-01')).toEqual({ endDate: 'manager.errOrder' });
    expect(validateWindow('', '2027-05-01')).toEqual({ startDate: 'manager.errDate' });
  });
});
