import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';
import { plainString, typeError } from '../../schemas/common.ts';

/** POST /api/session body. */
export const signInBody = z.object({
  email: plainString().trim().min(1, 'is required').max(254, 'is too long (at most 254 characters)').email('must be an email address'),
  password: z.string(typeError('a string')).min(1, 'is required').max(1024, 'is too long (at most 1024 characters)'),
});
export type SignInBody = z.infer<typeof signInBody>;

/** The signed-in user as the client sees it. */
export const sessionUserSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['intern', 'manager', 'staff', 'admin']),
  internId: z.number().int().nullable(),
  managedSiteIds: z.array(z.number().int()),
});

/** POST/GET /api/session response. */
export const sessionResponse = z.object({ user: sessionUserSchema, csrfToken: z.string() });

registerRoute({
  method: 'post',
  path: '/api/session',
  summary: 'Sign in (sets the im_session cookie)',
  roles: 'public',
  request: { body: signInBody },
  responses: { 200: { description: 'Signed in', schema: sessionResponse }, 401: 'Wrong email or password', 429: 'Too many attempts (Retry-After)' },
});
registerRoute({
  method: 'get',
  path: '/api/session',
  summary: 'Who am I',
  roles: 'signed-in',
  responses: { 200: { description: 'The current session', schema: sessionResponse } },
});
registerRoute({ method: 'delete', path: '/api/session', summary: 'Sign out', roles: 'signed-in', responses: { 204: 'Signed out' } });
