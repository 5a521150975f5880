import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';
import { idParam } from '../../schemas/common.ts';
import { idParams } from '../../schemas/params.ts';

const status = z.enum(['open', 'accepted', 'declined', 'withdrawn'], { message: 'must be open, accepted, declined or withdrawn' });

/** GET /api/requests query. */
export const listRequestsQuery = z.object({ siteId: idParam.optional(), internId: idParam.optional(), status: status.optional() });
/** PATCH /api/requests/:id body. */
export const patchRequestBody = z.object({ status });

registerRoute({ method: 'get', path: '/api/requests', summary: "Interns' room requests", roles: ['staff'], request: { query: listRequestsQuery } });
registerRoute({ method: 'patch', path: '/api/requests/:id', summary: 'Accept, decline or reopen a room request', roles: ['staff'], request: { params: idParams, body: patchRequestBody } });
