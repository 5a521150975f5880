import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';
import { email } from '../../schemas/common.ts';

/** POST /api/password-reset body. */
export const requestResetBody = z.object({ email });
export type RequestResetBody = z.infer<typeof requestResetBody>;

registerRoute({
  method: 'post',
  path: '/api/password-reset',
  summary: 'Ask for a one-time password link (1 h; set the password with POST /api/invitations/{token}); answered the same whether the email has an account or not',
  roles: 'public',
  request: { body: requestResetBody },
  responses: { 202: 'If the email has an account, a link is on its way' },
});
