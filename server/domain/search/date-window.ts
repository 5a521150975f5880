import { z } from 'zod';
import { isoDateString, semesterId } from '../../schemas/common.ts';
import { nextSemester, parseSemesterId, semesterOf } from '../calendar/semesters.ts';

/** A `[from, to]` date window, inclusive, `YYYY-MM-DD`. */
export interface DateWindow {
  from: string;
  to: string;
}

/** Query/body fields that name a window: a semester id (`2026-11`) or explicit from/to dates. */
export const windowFields = {
  semester: semesterId.optional(),
  from: isoDateString.optional(),
  to: isoDateString.optional(),
};

/** Checks that from/to come together and in order; use on an object built from windowFields. */
export function refineWindow<T extends z.ZodObject<typeof windowFields & z.ZodRawShape>>(schema: T) {
  return schema
    .refine((q: { from?: string; to?: string }) => (q.from === undefined) === (q.to === undefined), { message: 'give both from and to', path: ['to'] })
    .refine((q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before from', path: ['to'] });
}

/** The window asked for: explicit dates, else the semester, else the next semester after `today`. */
export function resolveWindow(q: { semester?: string; from?: string; to?: string }, today = new Date()): DateWindow {
  if (q.from && q.to) return { from: q.from, to: q.to };
  const s = (q.semester && parseSemesterId(q.semester)) || nextSemester(semesterOf(today));
  return { from: s.start, to: s.end };
}
