import { z } from 'zod';
import { ValidationError } from '../../errors.ts';

/**
 * The rate table of a per-km aid scheme (`AidScheme.rateTable`, stored as JSON): bands of road distance
 * between the intern's university town and the placement, each with an amount per month of placement.
 * `toKm: null` is the open last band. Bands are sorted, do not overlap and leave no gap (a distance
 * falls in at most one band); a distance below the first band's `fromKm` earns nothing.
 * Versioned so a later shape can be told apart from this one.
 */
export const rateBand = z
  .object({
    fromKm: z.number().min(0, 'must not be negative').max(2000, 'must be at most 2000'),
    toKm: z.number().min(0, 'must not be negative').max(2000, 'must be at most 2000').nullable(),
    centsPerMonth: z.number().int('must be whole cents').min(0, 'must not be negative').max(1_000_000, 'must be at most 1000000'),
  })
  .refine((b) => b.toKm === null || b.toKm > b.fromKm, { message: 'must be above fromKm', path: ['toKm'] });

export const rateTableSchema = z
  .object({ version: z.literal(1), bands: z.array(rateBand).min(1, 'must have at least one band').max(20, 'must have at most 20 bands') })
  .superRefine((t, ctx) => {
    t.bands.forEach((b, i) => {
      const prev = t.bands[i - 1];
      if (!prev) return;
      if (prev.toKm === null) ctx.addIssue({ code: 'custom', message: 'only the last band may be open (toKm null)', path: ['bands', i - 1, 'toKm'] });
      else if (b.fromKm !== prev.toKm) ctx.addIssue({ code: 'custom', message: `must start where the previous band ends (${prev.toKm} km)`, path: ['bands', i, 'fromKm'] });
    });
  });

export type RateBand = z.infer<typeof rateBand>;
export type RateTable = z.infer<typeof rateTableSchema>;

/** Reads a stored rate table; a malformed one is refused with the field at fault (never cast blindly). */
export function parseRateTable(value: unknown, field = 'rateTable'): RateTable {
  const r = rateTableSchema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = [field, ...issue.path].join('.');
  throw new ValidationError(`${path}: ${issue.message}`, path);
}

/** The band a road distance falls in (`fromKm` ≤ km < `toKm`), or undefined below the first band. */
export function bandFor(table: RateTable, km: number): RateBand | undefined {
  return table.bands.find((b) => km >= b.fromKm && (b.toKm === null || km < b.toKm));
}
