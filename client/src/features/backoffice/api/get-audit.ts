import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

const eventSchema = z.looseObject({
  id: z.number(),
  at: z.string(),
  actor: z.looseObject({ id: z.number(), name: z.string().nullable(), email: z.string().nullable() }).nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  siteId: z.number().nullable(),
  internId: z.number().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEvent = z.infer<typeof eventSchema>;

/** The audit trail's filters, as in the address. */
export interface AuditFilters {
  entity?: string;
  actorId?: number;
  from?: string;
  to?: string;
  beforeId?: number;
}

/** GET /api/audit: one page of events, newest first, and where the next (older) page starts. */
export const getAudit = (f: AuditFilters, limit = 25) =>
  api('/audit', { query: { ...f, limit }, schema: z.object({ events: z.array(eventSchema), nextBeforeId: z.number().nullable() }) });

/** One page of the audit trail (the previous page stays shown while the next loads). */
export function useAudit(f: AuditFilters) {
  return useQuery({ queryKey: ['backoffice', 'audit', f], queryFn: () => getAudit(f), placeholderData: keepPreviousData });
}
