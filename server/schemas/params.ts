import { z } from 'zod';
import { idParam, isoDateString, semesterId, text } from './common.ts';

export { semesterId, text };

/** `/:id` route params. */
export const idParams = z.object({ id: idParam });

/** A `{startDate, endDate}` pair (inclusive) whose end is not before its start. */
export const dateRangeShape = { startDate: isoDateString, endDate: isoDateString };

/** Refinement for objects holding startDate/endDate: names `endDate` when reversed. */
export function endNotBeforeStart(v: { startDate?: string; endDate?: string }): boolean {
  return !v.startDate || !v.endDate || v.startDate <= v.endDate;
}

/** The issue reported when endNotBeforeStart fails. */
export const reversedDates = { message: 'must not be before startDate', path: ['endDate'] };
