import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';
import { idParam, queryIntIn } from '../../schemas/common.ts';

/** GET /api/outbox query: filter by status, kind or intern; newest first. */
export const outboxQuery = z.object({
  status: z.enum(['pending', 'sent', 'failed'], { message: 'must be pending, sent or failed' }).optional(),
  kind: z.enum(['proposal', 'answer', 'confirmation', 'cancellation', 'invitation', 'password-reset'], { message: 'must be proposal, answer, confirmation, cancellation, invitation or password-reset' }).optional(),
  internId: idParam.optional(),
  limit: queryIntIn(1, 500).default(100),
  beforeId: idParam.optional(),
});

registerRoute({
  method: 'get',
  path: '/api/outbox',
  summary: 'E-mail notices written by the app (sent with SMTP_URL, else kept here), newest first',
  roles: ['staff', 'admin'],
  request: { query: outboxQuery },
});
