/**
 * Placements last a semester: early November to end of April ("hiver"), early
 * May to end of October ("été"). Dates are plain `YYYY-MM-DD` strings, inclusive.
 */
export interface Semester {
  /** e.g. `2026-11` for Nov 2026 – Apr 2027, `2027-05` for May – Oct 2027. */
  id: string;
  start: string;
  end: string;
  season: 'winter' | 'summer';
}

/** The semester that contains `date`. */
export function semesterOf(date: string | Date): Semester {
  const d = typeof date === 'string' ? new Date(`${date}T00:00:00Z`) : date;
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  if (m >= 5 && m <= 10) return semester(y, 'summer');
  return m >= 11 ? semester(y, 'winter') : semester(y - 1, 'winter');
}

/** The semester starting in `year` for the season. */
export function semester(year: number, season: 'winter' | 'summer'): Semester {
  return season === 'summer'
    ? { id: `${year}-05`, start: `${year}-05-01`, end: `${year}-10-31`, season }
    : { id: `${year}-11`, start: `${year}-11-01`, end: `${year + 1}-04-30`, season };
}

/** Parses a semester id such as `2026-11`. */
export function parseSemesterId(id: string): Semester | undefined {
  const m = /^(\d{4})-(05|11)$/.exec(id);
  if (!m) return undefined;
  return semester(Number(m[1]), m[2] === '05' ? 'summer' : 'winter');
}

/** The semester after `s`. */
export function nextSemester(s: Semester): Semester {
  const y = Number(s.id.slice(0, 4));
  return s.season === 'winter' ? semester(y + 1, 'summer') : semester(y, 'winter');
}

/** `YYYY-MM-DD` of a Date (UTC) — DB `date` columns come back as UTC midnight. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A Date at UTC midnight for a `YYYY-MM-DD` string. */
export function toDate(s: string): Date {
  return new Date(`${s}T00:00:00Z`);
}

/** True when [aStart, aEnd] and [bStart, bEnd] (inclusive) share a day. */
export function overlaps(aStart: string, aEnd: string, bStart: string, bEnd: string): boolean {
  return aStart <= bEnd && bStart <= aEnd;
}
