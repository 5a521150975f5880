import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';
import { bool, id as ref, idParam, isoDateString, semesterId } from '../../schemas/common.ts';
import { endNotBeforeStart, idParams, reversedDates } from '../../schemas/params.ts';

const status = z.enum(['proposed', 'accepted', 'confirmed', 'cancelled'], { message: 'must be proposed, accepted, confirmed or cancelled' });

/** GET /api/assignments query. */
export const listAssignmentsQuery = z.object({
  semester: semesterId.optional(),
  internId: idParam.optional(),
  siteId: idParam.optional(),
  includeCancelled: z.enum(['0', '1', 'true', 'false'], { message: 'must be 0, 1, true or false' }).optional(),
  /** Only bookings in this state; `status=proposed` lists who has not answered yet. */
  status: status.optional(),
});
/** POST /api/assignments body. */
export const createAssignmentBody = z
  .object({ internId: ref, bedId: ref, startDate: isoDateString, endDate: isoDateString, status: status.optional(), locked: bool.optional(), answerBy: isoDateString.nullable().optional() })
  .refine(endNotBeforeStart, reversedDates);
/** PATCH /api/assignments/:id body: confirm, lock/unlock, move to another bed, cancel. */
export const patchAssignmentBody = z
  .object({ status: status.optional(), locked: bool.optional(), bedId: ref.optional(), answerBy: isoDateString.nullable().optional() })
  .refine((b) => b.status !== undefined || b.locked !== undefined || b.bedId !== undefined || b.answerBy !== undefined, { message: 'give status, locked, bedId or answerBy', path: ['status'] });
/** POST /api/me/assignments/:id/answer body: the intern's answer to a proposal. */
export const answerBody = z.object({ answer: z.enum(['accept', 'decline'], { message: 'must be accept or decline' }) });

registerRoute({ method: 'get', path: '/api/assignments', summary: 'Bookings (optionally of one semester, intern or site)', roles: ['staff', 'admin'], request: { query: listAssignmentsQuery } });
registerRoute({ method: 'post', path: '/api/assignments', summary: 'Book a bed for an intern', roles: ['staff', 'admin'], request: { body: createAssignmentBody }, responses: { 201: 'Created', 409: 'Bed or intern already booked for overlapping dates' } });
registerRoute({ method: 'patch', path: '/api/assignments/:id', summary: 'Confirm, lock, move (override) or cancel a booking', roles: ['staff', 'admin'], request: { params: idParams, body: patchAssignmentBody }, responses: { 200: 'Changed', 409: 'Overlap' } });
registerRoute({ method: 'delete', path: '/api/assignments/:id', summary: 'Cancel a booking', roles: ['staff', 'admin'], request: { params: idParams }, responses: { 200: 'Cancelled' } });
registerRoute({ method: 'post', path: '/api/me/assignments/:id/answer', summary: 'The intern accepts or declines a proposal made to them (before its answer-by date)', roles: ['intern'], request: { params: idParams, body: answerBody }, responses: { 200: 'Answered', 409: 'No longer open or expired' } });
