import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const minutes = z.number().finite().nonnegative();
const id = z.string().min(1);

/** One intern to house: the dates of their placement and what they need from a bed. */
export const internSchema = z.object({
  id,
  start: isoDate,
  end: isoDate,
  limitMinutes: minutes.optional(),
  maxRentCents: z.number().int().nonnegative().optional(),
  /** Another intern who must be housed at the same site (same room when the beds allow), or neither is. */
  partner: id.optional(),
  /** A non-intern partner lives with them: needs a bed whose rules allow partners. */
  withPartner: z.boolean().optional(),
  /** Interns they wish to share a site with. */
  peers: z.array(id).optional(),
  /** Sites they ranked, most wanted first (see `wishPoints` for the weighting). */
  wishes: z.array(id).max(30).optional(),
  /** A name for explanations. */
  label: z.string().optional(),
  /** Practice names for explanations, in the same order as the drive minutes. */
  practices: z.array(z.string()).max(2).optional(),
});

/** One bed: where it is, what it costs, its rules and when it is free. */
export const bedSchema = z.object({
  id,
  siteId: id,
  roomId: id.optional(),
  rentCents: z.number().int().nonnegative().optional(),
  partnerAllowed: z.boolean().optional(),
  available: z.array(z.object({ from: isoDate, to: isoDate })),
});

/** An assignment already made: confirmed or locked ones are kept, proposed ones are stability hints. */
export const existingSchema = z.object({
  intern: id,
  bed: id,
  status: z.enum(['proposed', 'confirmed']),
  locked: z.boolean().optional(),
});

/**
 * The whole instance, as `npm run match` reads it and as the database layer builds it.
 * Unknown keys are ignored so callers may carry extra context.
 */
export const instanceSchema = z.object({
  interns: z.array(internSchema),
  beds: z.array(bedSchema),
  sites: z.record(z.string(), z.object({ name: z.string() })).optional(),
  minutes: z.record(z.string(), z.record(z.string(), z.union([minutes, z.tuple([minutes, minutes])]))),
  limitMinutes: minutes.default(30),
  existing: z.array(existingSchema).optional(),
  estimate: z.boolean().optional(),
});

/** A validated instance (what `parseInstance` returns). */
export type Instance = z.output<typeof instanceSchema>;
/** What callers may pass before defaults are applied. */
export type InstanceInput = z.input<typeof instanceSchema>;
/** One intern of an instance. */
export type InstanceIntern = Instance['interns'][number];
/** One bed of an instance. */
export type InstanceBed = Instance['beds'][number];
