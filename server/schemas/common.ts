import { z } from 'zod';

/** `YYYY-MM-DD`, a real calendar day. */
export const isoDateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'is not a real date',
  });

/** Longitude in degrees. */
export const lng = z.number({ message: 'must be a number' }).min(-180, 'must be ≥ -180').max(180, 'must be ≤ 180');
/** Latitude in degrees. */
export const lat = z.number({ message: 'must be a number' }).min(-90, 'must be ≥ -90').max(90, 'must be ≤ 90');
/** A `[lng, lat]` pair. */
export const lngLat = z.tuple([lng, lat]);
/** Money in euro cents, never negative. */
export const cents = z.number({ message: 'must be a number of cents' }).int('must be whole cents').min(0, 'must not be negative').max(10_000_000);
/** A positive integer id from a URL. */
export const idParam = z.coerce.number({ message: 'must be a number' }).int().positive('must be a positive id');
