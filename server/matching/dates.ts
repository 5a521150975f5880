/**
 * Dates as whole day numbers (days since 1970-01-01, UTC), so that interval
 * tests in the solver are integer comparisons. All ranges are inclusive.
 */

/** Day number of a `YYYY-MM-DD` date; NaN when it is not a real calendar day. */
export function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return NaN;
  return t / 86_400_000;
}

/** An inclusive range of day numbers. */
export interface DayRange {
  from: number;
  to: number;
}

/** True when two inclusive ranges share at least one day (two interns cannot share a bed then). */
export const overlaps = (a: DayRange, b: DayRange) => a.from <= b.to && b.from <= a.to;

/** Merges overlapping or adjacent windows, so back-to-back availability counts as continuous. */
export function mergeDayRanges(ranges: DayRange[]): DayRange[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from || a.to - b.to);
  const out: DayRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
    else out.push({ ...r });
  }
  return out;
}

/** True when merged windows cover every day of `need` (a bed must be free for the whole stay). */
export const covers = (merged: DayRange[], need: DayRange) => merged.some((w) => w.from <= need.from && need.to <= w.to);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2 Nov – 30 Apr" (the year is added only when the range spans more than a year), for explanations. */
export function formatRange(r: DayRange): string {
  const a = new Date(r.from * 86_400_000);
  const b = new Date(r.to * 86_400_000);
  const long = r.to - r.from > 366;
  const f = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${long ? ` ${d.getUTCFullYear()}` : ''}`;
  return `${f(a)} – ${f(b)}`;
}
