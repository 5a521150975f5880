import { z } from 'zod';

/** One condition of an aid scheme, as the server's estimator returns it (worded by `AidReasonText`). */
export const aidReasonSchema = z.looseObject({
  code: z.string(),
  outcome: z.enum(['met', 'not_met', 'unknown', 'conflict', 'info']),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
export type AidReason = z.infer<typeof aidReasonSchema>;

/** One scheme's verdict for a placement. */
export const schemeEstimateSchema = z.looseObject({
  schemeId: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['lump_sum', 'monthly', 'per_km']),
  departementCode: z.string().nullable(),
  status: z.enum(['eligible', 'to_confirm', 'conflict', 'not_eligible', 'granted']),
  amountCents: z.number().nullable(),
  monthlyCents: z.number().nullable(),
  months: z.number().nullable(),
  reasons: z.array(aidReasonSchema),
});
export type SchemeEstimate = z.infer<typeof schemeEstimateSchema>;

/** GET /api/me/aid and /api/interns/:id/aid: the estimate for one placement. */
export const aidEstimateSchema = z.looseObject({
  internId: z.number(),
  subdivision: z.string(),
  receivesHousingAid: z.boolean().nullable(),
  placement: z.looseObject({ id: z.number(), startDate: z.string(), endDate: z.string(), practices: z.array(z.looseObject({ name: z.string(), commune: z.string() })) }).nullable(),
  distance: z.looseObject({ town: z.string().optional(), km: z.number().nullable(), estimate: z.boolean(), provider: z.string().nullable() }).nullable(),
  schemes: z.array(schemeEstimateSchema),
});
export type AidEstimate = z.infer<typeof aidEstimateSchema>;

/** A recorded grant of the register. */
export const aidGrantSchema = z.looseObject({
  id: z.number(),
  scheme: z.looseObject({ id: z.number(), code: z.string(), name: z.string(), departementCode: z.string().nullable() }),
  intern: z.looseObject({ id: z.number(), name: z.string() }),
  placementId: z.number().nullable(),
  amountCents: z.number(),
  grantedOn: z.string(),
  note: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});
export type AidGrant = z.infer<typeof aidGrantSchema>;

/** An aid scheme (GET /api/aid/schemes). */
export const rateBandSchema = z.object({ fromKm: z.number(), toKm: z.number().nullable(), centsPerMonth: z.number() });
export type RateBand = z.infer<typeof rateBandSchema>;
export const aidSchemeSchema = z.looseObject({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  departementCode: z.string().nullable(),
  kind: z.enum(['lump_sum', 'monthly', 'per_km']),
  amountCents: z.number(),
  rateTable: z.looseObject({ version: z.number(), bands: z.array(rateBandSchema) }).nullable(),
  minMonths: z.number().nullable(),
  requiresUnderservedZone: z.boolean(),
  conflictsWithHousingAid: z.boolean(),
  active: z.boolean(),
  rules: z.string().nullable(),
  editable: z.boolean().optional(),
});
export type AidScheme = z.infer<typeof aidSchemeSchema>;

/** Euros typed by staff ("1800", "1 800,50") → whole cents; undefined when not a positive amount. */
export function centsFromEuros(text: string): number | undefined {
  const cleaned = text.replace(/[\s\u00a0€]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return undefined;
  const cents = Math.round(Number(cleaned) * 100);
  return cents > 0 ? cents : undefined;
}
