/**
 * Semesters as the API names them: `2026-11` (November–April) and `2027-05`
 * (May–October); dates are inclusive `YYYY-MM-DD`.
 */
export interface Semester {
  id: string;
  start: string;
  end: string;
  season: 'winter' | 'summer';
}

/** The semester with this id, or undefined. */
export function semesterById(id: string): Semester | undefined {
  const m = /^(\d{4})-(05|11)$/.exec(id);
  if (!m) return undefined;
  const y = Number(m[1]);
  return m[2] === '05'
    ? { id, start: `${y}-05-01`, end: `${y}-10-31`, season: 'summer' }
    : { id, start: `${y}-11-01`, end: `${y + 1}-04-30`, season: 'winter' };
}

/** The semester containing `date` (default today). */
export function currentSemester(date = new Date()): Semester {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  if (m >= 5 && m <= 10) return semesterById(`${y}-05`)!;
  return semesterById(m >= 11 ? `${y}-11` : `${y - 1}-11`)!;
}

/** The semester after `s`. */
export function nextSemester(s: Semester): Semester {
  const y = Number(s.id.slice(0, 4));
  return semesterById(s.season === 'winter' ? `${y + 1}-05` : `${y}-11`)!;
}

/** The current semester and the next two: the ones people plan for. */
export function planningSemesters(date = new Date()): Semester[] {
  const a = currentSemester(date);
  const b = nextSemester(a);
  return [a, b, nextSemester(b)];
}

/** The months of a semester as `YYYY-MM` strings (six of them). */
export function monthsOf(s: Semester): string[] {
  const out: string[] = [];
  let y = Number(s.start.slice(0, 4));
  let m = Number(s.start.slice(5, 7));
  for (let i = 0; i < 6; i++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Days between two ISO dates, inclusive. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}
