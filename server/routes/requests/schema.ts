import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';
import { id, idParam, isoDateString, requiredText } from '../../schemas/common.ts';
import { endNotBeforeStart, idParams, reversedDates } from '../../schemas/params.ts';

const status = z.enum(['open', 'accepted', 'declined', 'withdrawn'], { message: 'must be open, accepted, declined or withdrawn' });

/** GET /api/requests query. */
export const listRequestsQuery = z.object({ siteId: idParam.optional(), internId: idParam.optional(), status: status.optional() });
/** PATCH /api/requests/:id body: reopen or withdraw (accept and decline have their own endpoints). */
export const patchRequestBody = z.object({
  status: z.enum(['open', 'withdrawn'], { message: 'must be open or withdrawn (accept with POST /api/requests/:id/accept and a bed, decline with POST /api/requests/:id/decline and a reason)' }),
});
/** POST /api/requests/:id/accept body: the bed proposed; dates default to the intern's next placement. */
export const acceptRequestBody = z
  .object({ bedId: id, startDate: isoDateString.optional(), endDate: isoDateString.optional(), answerBy: isoDateString.nullable().optional() })
  .refine((b) => (b.startDate === undefined) === (b.endDate === undefined), { message: 'give both startDate and endDate, or neither', path: ['endDate'] })
  .refine(endNotBeforeStart, reversedDates);
/** POST /api/requests/:id/decline body: the reason the intern reads. */
export const declineRequestBody = z.object({ reason: requiredText(500) });

registerRoute({ method: 'get', path: '/api/requests', summary: "Interns' room requests", roles: ['staff', 'admin'], request: { query: listRequestsQuery } });
registerRoute({ method: 'patch', path: '/api/requests/:id', summary: 'Reopen or withdraw a room request', roles: ['staff', 'admin'], request: { params: idParams, body: patchRequestBody } });
registerRoute({ method: 'post', path: '/api/requests/:id/accept', summary: 'Accept a room request by proposing a bed of that site to the intern', roles: ['staff', 'admin'], request: { params: idParams, body: acceptRequestBody }, responses: { 200: 'Accepted: the proposal is made', 409: 'Already answered, or the bed is taken' } });
registerRoute({ method: 'post', path: '/api/requests/:id/decline', summary: 'Decline a room request with a reason', roles: ['staff', 'admin'], request: { params: idParams, body: declineRequestBody }, responses: { 200: 'Declined', 409: 'Already answered' } });
