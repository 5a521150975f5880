import { describe, expect, it } from 'vitest';
import { parseSemesterId } from '../calendar/semesters.ts';
import { subdivisionKey } from './departement-subdivisions.ts';
import { previousSemester, semestersUpTo } from './semester-series.ts';

describe('semester series', () => {
  it('steps back across years: 2027-05 → 2026-11 → 2026-05', () => {
    expect(previousSemester(parseSemesterId('2027-05')!).id).toBe('2026-11');
    expect(previousSemester(parseSemesterId('2026-11')!).id).toBe('2026-05');
  });

  it('lists the last N semesters oldest first', () => {
    expect(semestersUpTo(parseSemesterId('2027-05')!, 4).map((s) => s.id)).toEqual(['2025-11', '2026-05', '2026-11', '2027-05']);
    expect(semestersUpTo(parseSemesterId('2027-05')!, 1).map((s) => `${s.start}/${s.end}`)).toEqual(['2027-05-01/2027-10-31']);
    expect(() => semestersUpTo(parseSemesterId('2027-05')!, 0)).toThrow(RangeError);
  });
});

describe('subdivisionKey', () => {
  it('ignores case, accents, dashes and spaces', () => {
    expect(subdivisionKey('Saint-Étienne')).toBe(subdivisionKey(' saint etienne '));
    expect(subdivisionKey('Tours')).not.toBe(subdivisionKey('Toulouse'));
  });
});
