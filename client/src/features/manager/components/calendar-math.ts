import { daysBetween, type Semester } from '../../../lib/semesters.ts';

/** Left offset and width (percent of the semester) of a period clipped to the semester, or undefined outside it. */
export function segment(s: Semester, from: string, to: string): { left: number; width: number } | undefined {
  const a = from.slice(0, 10) < s.start ? s.start : from.slice(0, 10);
  const b = to.slice(0, 10) > s.end ? s.end : to.slice(0, 10);
  if (b < a) return undefined;
  const total = daysBetween(s.start, s.end);
  return { left: ((daysBetween(s.start, a) - 1) / total) * 100, width: (daysBetween(a, b) / total) * 100 };
}

/** Checks a window before sending it; returns a message key per field. */
export function validateWindow(startDate: string, endDate: string): { startDate?: string; endDate?: string } {
  const errors: { startDate?: string; endDate?: string } = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) errors.startDate = 'manager.errDate';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(endDate)) errors.endDate = 'manager.errDate';
  if (!errors.startDate && !errors.endDate && endDate < startDate) errors.endDate = 'manager.errOrder';
  return errors;
}
