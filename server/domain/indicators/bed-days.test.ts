import { describe, expect, it } from 'vitest';
import { toDate } from '../calendar/semesters.ts';
import { coveredDays, daysInWindow } from './bed-days.ts';

const w = { from: '2027-05-01', to: '2027-10-31' };
const win = (s: string, e: string) => ({ startDate: toDate(s), endDate: toDate(e) });

describe('bed-days', () => {
  it('counts inclusive days clipped to the window', () => {
    expect(daysInWindow('2027-05-01', '2027-10-31', w)).toBe(184);
    expect(daysInWindow('2027-04-01', '2027-05-10', w)).toBe(10);
    expect(daysInWindow('2027-11-01', '2027-12-01', w)).toBe(0);
  });

  it('counts the union of overlapping and adjacent availability windows once', () => {
    expect(coveredDays([win('2027-05-01', '2027-06-30'), win('2027-06-01', '2027-07-31'), win('2027-08-01', '2027-08-10')], w)).toBe(102);
    expect(coveredDays([win('2026-11-01', '2027-12-31')], w)).toBe(184);
    expect(coveredDays([], w)).toBe(0);
  });
});
