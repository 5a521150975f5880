import { isoDate, toDate } from '../calendar/semesters.ts';

/** An inclusive `YYYY-MM-DD` range. */
export interface DateRange {
  from: string;
  to: string;
}

const shift = (d: string, days: number) => {
  const t = toDate(d);
  t.setUTCDate(t.getUTCDate() + days);
  return isoDate(t);
};

/** Merges overlapping or adjacent ranges into sorted disjoint ones. */
export function mergeRanges(ranges: DateRange[]): DateRange[] {
  const sorted = [...ranges].sort((a, b) => a.from.localeCompare(b.from));
  const out: DateRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= shift(last.to, 1)) {
      if (r.to > last.to) last.to = r.to;
    } else out.push({ ...r });
  }
  return out;
}

/** The days of `ranges` not in any of `holes`, as sorted disjoint ranges. */
export function subtractRanges(ranges: DateRange[], holes: DateRange[]): DateRange[] {
  let parts = mergeRanges(ranges);
  for (const h of holes) {
    parts = parts.flatMap((p) => {
      if (h.to < p.from || h.from > p.to) return [p];
      const keep: DateRange[] = [];
      if (h.from > p.from) keep.push({ from: p.from, to: shift(h.from, -1) });
      if (h.to < p.to) keep.push({ from: shift(h.to, 1), to: p.to });
      return keep;
    });
  }
  return parts;
}
