import { semester, type Semester } from '../calendar/semesters.ts';

/** The semester before `s`. */
export function previousSemester(s: Semester): Semester {
  const y = Number(s.id.slice(0, 4));
  return s.season === 'summer' ? semester(y - 1, 'winter') : semester(y, 'summer');
}

/** The `count` semesters ending with `last`, oldest first (count ≥ 1). */
export function semestersUpTo(last: Semester, count: number): Semester[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be a whole number ≥ 1');
  const out = [last];
  while (out.length < count) out.unshift(previousSemester(out[0]));
  return out;
}
