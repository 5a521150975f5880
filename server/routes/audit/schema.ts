import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';
import { idParam, isoDateString, queryIntIn, queryString } from '../../schemas/common.ts';

/** GET /api/audit query: filter by site, intern, entity, who (actorId) and day range; newest first. */
export const auditQuery = z.object({
  siteId: idParam.optional(),
  internId: idParam.optional(),
  entity: queryString(60).optional(),
  entityId: queryString(60).optional(),
  actorId: idParam.optional(),
  from: isoDateString.optional(),
  to: isoDateString.optional(),
  limit: queryIntIn(1, 500).default(100),
  beforeId: idParam.optional(),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before from', path: ['to'] });

registerRoute({ method: 'get', path: '/api/audit', summary: 'Audit log (who changed what, before/after), filtered by site, intern, entity, actor, dates (from/to, inclusive days, UTC); `nextBeforeId` pages back', roles: ['staff', 'admin'], request: { query: auditQuery } });
