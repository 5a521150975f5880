import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';
import { idParam } from '../../schemas/common.ts';

/** GET /api/audit query: filter by site, intern or entity; newest first. */
export const auditQuery = z.object({
  siteId: idParam.optional(),
  internId: idParam.optional(),
  entity: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  limit: z.coerce.number({ message: 'must be a number' }).int().min(1, 'must be at least 1').max(500, 'must be at most 500').default(100),
  beforeId: idParam.optional(),
});

registerRoute({ method: 'get', path: '/api/audit', summary: 'Audit log (who changed what, before/after), per site or intern', roles: ['staff'], request: { query: auditQuery } });
