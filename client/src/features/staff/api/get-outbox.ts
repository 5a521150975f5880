import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

const messageSchema = z.looseObject({
  id: z.number(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type OutboxMessage = z.infer<typeof messageSchema>;

/** GET /api/outbox: the e-mail notices, newest first, and whether SMTP sends them. */
export const outboxSchema = z.looseObject({ smtp: z.boolean(), messages: z.array(messageSchema) });

/** The outbox, optionally of one kind. */
export function useOutbox(kind: string) {
  return useQuery({ queryKey: ['outbox', kind], queryFn: () => api('/outbox', { query: { kind: kind || undefined, limit: 200 }, schema: outboxSchema }) });
}
