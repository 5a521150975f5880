import { isoDate, toDate } from '../calendar/semesters.ts';
import type { DateWindow } from '../search/date-window.ts';

const DAY = 86_400_000;

/** Days of [start, end] (inclusive) that fall inside the window; 0 when they do not meet. */
export function daysInWindow(start: string, end: string, w: DateWindow): number {
  const s = start > w.from ? start : w.from;
  const e = end < w.to ? end : w.to;
  return s > e ? 0 : Math.round((toDate(e).getTime() - toDate(s).getTime()) / DAY) + 1;
}

/** Days of the window covered by at least one of the (possibly overlapping) availability windows. */
export function coveredDays(windows: { startDate: Date; endDate: Date }[], w: DateWindow): number {
  const spans = windows
    .map((x) => [isoDate(x.startDate) > w.from ? isoDate(x.startDate) : w.from, isoDate(x.endDate) < w.to ? isoDate(x.endDate) : w.to] as const)
    .filter(([s, e]) => s <= e)
    .sort(([a], [b]) => a.localeCompare(b));
  let total = 0;
  let curStart: string | undefined;
  let curEnd = '';
  for (const [s, e] of spans) {
    if (curStart !== undefined && toDate(s).getTime() <= toDate(curEnd).getTime() + DAY) {
      if (e > curEnd) curEnd = e;
      continue;
    }
    if (curStart !== undefined) total += daysInWindow(curStart, curEnd, w);
    curStart = s;
    curEnd = e;
  }
  if (curStart !== undefined) total += daysInWindow(curStart, curEnd, w);
  return total;
}
