import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';
import { id as ref, idParam, isoDateString, semesterId } from '../../schemas/common.ts';
import { endNotBeforeStart, idParams, reversedDates } from '../../schemas/params.ts';


/** GET /api/placements query. */
export const listPlacementsQuery = z.object({ semester: semesterId.optional(), internId: idParam.optional() });
/** POST /api/placements body. */
export const createPlacementBody = z
  .object({ internId: ref, practiceId: ref, secondPracticeId: ref.nullable().optional(), startDate: isoDateString, endDate: isoDateString })
  .refine(endNotBeforeStart, reversedDates);
/** PATCH /api/placements/:id body. */
export const patchPlacementBody = z
  .object({ practiceId: ref.optional(), secondPracticeId: ref.nullable().optional(), startDate: isoDateString.optional(), endDate: isoDateString.optional() })
  .refine(endNotBeforeStart, reversedDates);

registerRoute({ method: 'get', path: '/api/placements', summary: 'Placements (optionally of one semester)', roles: ['staff', 'admin'], request: { query: listPlacementsQuery } });
registerRoute({ method: 'post', path: '/api/placements', summary: 'Create a placement', roles: ['staff', 'admin'], request: { body: createPlacementBody }, responses: { 201: 'Created' } });
registerRoute({ method: 'patch', path: '/api/placements/:id', summary: 'Change a placement', roles: ['staff', 'admin'], request: { params: idParams, body: patchPlacementBody } });
registerRoute({ method: 'delete', path: '/api/placements/:id', summary: 'Delete a placement', roles: ['staff', 'admin'], request: { params: idParams }, responses: { 204: 'Deleted' } });
