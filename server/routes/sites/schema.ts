import { z } from 'zod';
import { isoDateString } from '../../schemas/common.ts';

/** GET /api/sites query: an optional date window for the free-bed count (defaults to the next semester). */
export const listSitesQuery = z
  .object({
    from: isoDateString.optional(),
    to: isoDateString.optional(),
    semester: z.string().regex(/^\d{4}-(05|11)$/, 'must look like 2026-11 or 2027-05').optional(),
    departement: z.string().max(100).optional(),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'give both from and to', path: ['to'] })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before from', path: ['to'] });

export type ListSitesQuery = z.infer<typeof listSitesQuery>;
