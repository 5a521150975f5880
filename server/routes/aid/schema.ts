import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';
import { bool, id as ref, idParam, intIn, isoDateString, text } from '../../schemas/common.ts';
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

export type CreateGrantBody = z.infer<typeof createGrantBody>;
export type ListGrantsQuery = z.infer<typeof listGrantsQuery>;

const staff = ['staff', 'admin'] as ('staff' | 'admin')[];
registerRoute({ method: 'get', path: '/api/aid/schemes', summary: 'Aid schemes (nationwide and per département), with rules and amounts', roles: 'signed-in', tags: ['aid'] });
registerRoute({ method: 'get', path: '/api/me/aid', summary: 'What I may claim for my current or next placement, how much and why', roles: ['intern'], tags: ['aid'], request: { query: aidEstimateQuery } });
registerRoute({ method: 'put', path: '/api/me/housing-aid', summary: 'Say whether I receive public housing aid (APL…)', roles: ['intern'], tags: ['aid'], request: { body: housingAidBody } });
registerRoute({ method: 'get', path: '/api/interns/:id/aid', summary: "An intern's aid estimate (staff of their département)", roles: staff, tags: ['aid'], request: { params: idParams, query: aidEstimateQuery } });
registerRoute({ method: 'get', path: '/api/interns/:id/aid-grants', summary: "An intern's recorded aid grants, cancelled ones included", roles: staff, tags: ['aid'], request: { params: idParams } });
registerRoute({ method: 'post', path: '/api/interns/:id/aid-grants', summary: 'Record an aid granted to an intern (audited)', roles: staff, tags: ['aid'], request: { params: idParams, body: createGrantBody }, responses: { 201: 'Created' } });
registerRoute({ method: 'delete', path: '/api/aid-grants/:id', summary: 'Cancel a recorded aid grant (kept for the record; audited)', roles: staff, tags: ['aid'], request: { params: idParams } });
registerRoute({ method: 'get', path: '/api/aid-grants', summary: 'The aid register: grants to the interns I see, filtered', roles: staff, tags: ['aid'], request: { query: listGrantsQuery } });
