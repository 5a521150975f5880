import { z } from 'zod';
import { idParam, isoDateString } from './common.ts';

/** `/:id` route params. */
export const idParams = z.object({ id: idParam });

/** An optional semester id query value (`2026-11`, `2027-05`). */
export const semesterId = z.string().regex(/^\d{4}-(05|11)$/, 'must look like 2026-11 or 2027-05');

/** A `{startDate, endDate}` pair (inclusive) whose end is not before its start. */
export const dateRangeShape = { startDate: isoDateString, endDate: isoDateString };

/** Refinement for objects holding startDate/endDate: names `endDate` when reversed. */
export function endNotBeforeStart(v: { startDate?: string; endDate?: string }): boolean {
  return !v.startDate || !v.endDate || v.startDate <= v.endDate;
}

/** The issue reported when endNotBeforeStart fails. */
export const reversedDates = { message: 'must not be before startDate', path: ['endDate'] };

/** A free-text field of bounded length; '' reads as null. */
export const text = (max: number) =>
  z
    .string({ message: 'must be a string' })
    .max(max, `must be at most ${max} characters`)
    .transform((s) => (s.trim() === '' ? null : s.trim()));
