import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';
import { bool, cents, departementCode, id as ref, idParam, intIn, isoDateString, plainString, requiredText, text } from '../../schemas/common.ts';
import { rateTableSchema } from '../../domain/aid/rate-table.ts';
import { idParams } from '../../schemas/params.ts';

/** GET /api/me/aid and /api/interns/:id/aid query: the placement to estimate for (default: current or next). */
export const aidEstimateQuery = z.object({ placementId: idParam.optional() });
/** PUT /api/me/housing-aid body: the intern's answer (null: no answer). */
export const housingAidBody = z.object({ receivesHousingAid: bool.nullable() });
/** POST /api/interns/:id/aid-grants body: amount in whole cents (at least 1 cent, at most 100,000 €). */
export const createGrantBody = z.object({
  schemeId: ref,
  amountCents: intIn(1, 10_000_000),
  grantedOn: isoDateString,
  placementId: ref.nullable().optional(),
  note: text(1000).nullable().optional(),
});
/** GET /api/aid-grants query (staff register): by intern, scheme, dates; `cancelled=1` includes cancelled grants. */
export const listGrantsQuery = z
  .object({
    internId: idParam.optional(),
    schemeId: idParam.optional(),
    from: isoDateString.optional(),
    to: isoDateString.optional(),
    cancelled: z.enum(['0', '1', 'true', 'false'], { message: 'must be 0, 1, true or false' }).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before from', path: ['to'] });

const schemeFields = {
  name: requiredText(200),
  amountCents: cents,
  rateTable: rateTableSchema.nullable(),
  minMonths: intIn(1, 24).nullable(),
  requiresUnderservedZone: bool,
  conflictsWithHousingAid: bool,
  active: bool,
  rules: text(2000).nullable(),
  description: text(2000).nullable(),
};
/** POST /api/aid/schemes body: a scheme of one of the caller's départements (null: nationwide, admin only). */
export const createSchemeBody = z
  .object({
    ...schemeFields,
    code: plainString().trim().regex(/^[a-z0-9][a-z0-9-]{1,59}$/, 'must be 2–60 lower-case letters, digits or dashes'),
    departementCode: departementCode.nullable(),
    kind: z.enum(['lump_sum', 'monthly', 'per_km'], { message: 'must be lump_sum, monthly or per_km' }),
  })
  .partial()
  .required({ code: true, name: true, departementCode: true, kind: true });
/** PATCH /api/aid/schemes/:id body: amounts, rate table, conditions, words, active (code, département and kind are fixed). */
export const patchSchemeBody = z.object(schemeFields).partial();

export type CreateGrantBody = z.infer<typeof createGrantBody>;
export type ListGrantsQuery = z.infer<typeof listGrantsQuery>;

const staff = ['staff', 'admin'] as ('staff' | 'admin')[];
registerRoute({ method: 'get', path: '/api/aid/schemes', summary: 'Aid schemes (nationwide and per département), with rules and amounts', roles: 'signed-in', tags: ['aid'] });
registerRoute({ method: 'post', path: '/api/aid/schemes', summary: "Create an aid scheme (staff: their département's; admin: nationwide too)", roles: staff, tags: ['aid'], request: { body: createSchemeBody }, responses: { 201: 'Created' } });
registerRoute({ method: 'patch', path: '/api/aid/schemes/:id', summary: 'Change an aid scheme: amounts, rate table, conditions, active (audited)', roles: staff, tags: ['aid'], request: { params: idParams, body: patchSchemeBody } });
registerRoute({ method: 'get', path: '/api/me/aid', summary: 'What I may claim for my current or next placement, how much and why', roles: ['intern'], tags: ['aid'], request: { query: aidEstimateQuery } });
registerRoute({ method: 'put', path: '/api/me/housing-aid', summary: 'Say whether I receive public housing aid (APL…)', roles: ['intern'], tags: ['aid'], request: { body: housingAidBody } });
registerRoute({ method: 'get', path: '/api/interns/:id/aid', summary: "An intern's aid estimate (staff of their département)", roles: staff, tags: ['aid'], request: { params: idParams, query: aidEstimateQuery } });
registerRoute({ method: 'get', path: '/api/interns/:id/aid-grants', summary: "An intern's recorded aid grants, cancelled ones included", roles: staff, tags: ['aid'], request: { params: idParams } });
registerRoute({ method: 'post', path: '/api/interns/:id/aid-grants', summary: 'Record an aid granted to an intern (audited)', roles: staff, tags: ['aid'], request: { params: idParams, body: createGrantBody }, responses: { 201: 'Created' } });
registerRoute({ method: 'delete', path: '/api/aid-grants/:id', summary: 'Cancel a recorded aid grant (kept for the record; audited)', roles: staff, tags: ['aid'], request: { params: idParams } });
registerRoute({ method: 'get', path: '/api/aid-grants', summary: 'The aid register: grants to the interns I see, filtered', roles: staff, tags: ['aid'], request: { query: listGrantsQuery } });
