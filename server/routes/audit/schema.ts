import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';
import { idParam, queryIntIn, queryString } from '../../schemas/common.ts';

/** GET /api/audit query: filter by site, intern or entity; newest first. */
export const auditQuery = z.object({
  siteId: idParam.optional(),
  internId: idParam.optional(),
  entity: queryString(60).optional(),
  entityId: queryString(60).optional(),
  limit: queryIntIn(1, 500).default(100),
  beforeId: idParam.optional(),
});

registerRoute({ method: 'get', path: '/api/audit', summary: 'Audit log (who changed what, before/after), per site or intern', roles: ['staff'], request: { query: auditQuery } });
