import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';
import { email, id as ref, plainString, requiredText, typeError } from '../../schemas/common.ts';
import { idParams } from '../../schemas/params.ts';

const password = plainString().min(8, 'must be at least 8 characters').max(200, 'is too long (at most 200 characters)');

/** POST /api/users body. */
export const createUserBody = z.object({
  email,
  name: requiredText(200),
  role: z.enum(['intern', 'manager', 'staff'], { message: 'must be intern, manager or staff' }),
  password,
  managedSiteIds: z.array(ref, typeError('a list of site ids')).max(200, 'must list at most 200 sites').optional(),
  internId: ref.optional(),
});
/** POST /api/users/:id/password body. */
export const resetPasswordBody = z.object({ password });

registerRoute({ method: 'get', path: '/api/users', summary: 'All accounts', roles: ['staff'] });
registerRoute({ method: 'post', path: '/api/users', summary: 'Create an account', roles: ['staff'], request: { body: createUserBody }, responses: { 201: 'Created', 409: 'Email taken' } });
registerRoute({ method: 'post', path: '/api/users/:id/password', summary: "Reset an account's password (ends its sessions)", roles: ['staff'], request: { params: idParams, body: resetPasswordBody }, responses: { 204: 'Reset' } });
