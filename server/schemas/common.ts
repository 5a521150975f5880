import { z } from 'zod';

/**
 * The bounded building blocks of every input schema: ids, dates, text, money,
 * coordinates. Every route (and every import format) takes its fields from
 * here, so that nothing reaching the database can be out of its range (ids
 * above int4, year 0, a NUL character PostgreSQL cannot store) and every
 * refusal names the reason honestly ("is too long (at most 200 characters)",
 * not "must be a string").
 */

/** The largest value of PostgreSQL's `integer` (int4): every `Int` id and count in the schema. */
export const MAX_DB_INT = 2_147_483_647;
/** The earliest date the app accepts anywhere (placements, availability, windows). */
export const DATE_MIN = '2000-01-01';
/** The latest date the app accepts anywhere: far enough for any planning, near enough to mean something. */
export const DATE_MAX = '2099-12-31';

/**
 * A zod error map that words only the wrong-type case ("is required" when
 * missing, "must be <expected>" otherwise) and leaves every other issue to
 * the message of its own check. Giving `{ message }` to `z.string()` instead
 * would replace the message of every later check too.
 */
export function typeError(expected: string) {
  return { error: (iss: { code?: string; input?: unknown }) => (iss.code === 'invalid_type' ? (iss.input === undefined ? 'is required' : `must be ${expected}`) : undefined) };
}

/** True when a string holds no NUL character (PostgreSQL's text cannot store one). */
export const hasNoNul = (s: string) => !s.includes('\u0000');
/** The message of the NUL check, shared with the request guard. */
export const NUL_MESSAGE = 'must not contain the NUL character (\\u0000)';

/** A string without NUL, not trimmed, with no length bound yet: the base of every text field. */
export const plainString = () => z.string(typeError('a string')).refine(hasNoNul, NUL_MESSAGE);

const tooLong = (max: number) => `is too long (at most ${max} characters)`;

/** Required text, trimmed, 1..max characters, without NUL. */
export const requiredText = (max: number) => plainString().trim().min(1, 'is required').max(max, tooLong(max));

/** Optional free text, trimmed, at most max characters; '' (or only spaces) reads as null. Add `.nullable()`/`.optional()` as needed. */
export const text = (max: number) =>
  plainString()
    .max(max, tooLong(max))
    .transform((s) => (s.trim() === '' ? null : s.trim()));

/** A short filter or key string from a query (not trimmed, not nulled), at most max characters. */
export const queryString = (max: number) => plainString().max(max, tooLong(max));

/** An email address, trimmed, at most 254 characters. */
export const email = plainString().trim().max(254, tooLong(254)).email('must be an email address');

/** A positive whole number that fits the database's integer ids (JSON bodies). */
export const id = z
  .number(typeError('a number'))
  .int('must be a whole number')
  .min(1, 'must be a positive id')
  .max(MAX_DB_INT, `must be at most ${MAX_DB_INT}`);

/** A positive integer id from a URL path or query string (text coerced to a number), bounded like `id`. */
export const idParam = z.coerce
  .number(typeError('a number'))
  .int('must be a whole number')
  .min(1, 'must be a positive id')
  .max(MAX_DB_INT, `must be at most ${MAX_DB_INT}`);

/** A whole number within [min, max] (JSON bodies). */
export const intIn = (min: number, max: number) => z.number(typeError('a number')).int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

/** A whole number within [min, max] from a query string. */
export const queryIntIn = (min: number, max: number) => z.coerce.number(typeError('a number')).int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

/** `YYYY-MM-DD`, a real calendar day between DATE_MIN and DATE_MAX. */
export const isoDateString = z
  .string(typeError('a date YYYY-MM-DD'))
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'is not a real date',
  })
  .refine((s) => s >= DATE_MIN && s <= DATE_MAX, { message: `must be between ${DATE_MIN} and ${DATE_MAX}` });

const SEMESTER_MIN = '2000-05';
const SEMESTER_MAX = '2099-05';

/** A semester id (`2026-11` = Nov 2026 – Apr 2027, `2027-05` = May – Oct 2027) within the date horizon. */
export const semesterId = z
  .string(typeError('a semester such as 2026-11'))
  .regex(/^\d{4}-(05|11)$/, 'must look like 2026-11 or 2027-05')
  .refine((s) => s >= SEMESTER_MIN && s <= SEMESTER_MAX, { message: `must be a semester from ${SEMESTER_MIN} to ${SEMESTER_MAX}` });

/** A boolean (JSON bodies). */
export const bool = z.boolean(typeError('true or false'));

/** Longitude in degrees. */
export const lng = z.number(typeError('a number')).min(-180, 'must be ≥ -180').max(180, 'must be ≤ 180');
/** Latitude in degrees. */
export const lat = z.number(typeError('a number')).min(-90, 'must be ≥ -90').max(90, 'must be ≤ 90');
/** A `[lng, lat]` pair. */
export const lngLat = z.tuple([lng, lat], typeError('a [lng, lat] pair'));
/** Money in euro cents, never negative. */
export const cents = z.number(typeError('a number of cents')).int('must be whole cents').min(0, 'must not be negative').max(10_000_000, 'must be at most 10000000');

/** A French département's INSEE code: two digits, 2A/2B (Corsica) or three digits (overseas). */
export const departementCode = z
  .string(typeError('a département code'))
  .trim()
  .toUpperCase()
  .regex(/^(\d{2,3}|2[AB])$/, 'must be a département code such as 41, 2A or 974');
