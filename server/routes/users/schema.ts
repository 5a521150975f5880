import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';
import { idParams } from '../../schemas/params.ts';

const password = z.string({ message: 'must be a string' }).min(8, 'must be at least 8 characters').max(200, 'must be at most 200 characters');
const ref = z.number({ message: 'must be a number' }).int('must be a whole number').positive('must be a positive id');

/** POST /api/users body. */
export const createUserBody = z.object({
  email: z.string({ message: 'must be a string' }).trim().email('must be an email address').max(254),
  name: z.string({ message: 'must be a string' }).trim().min(1, 'is required').max(200),
  role: z.enum(['intern', 'manager', 'staff'], { message: 'must be intern, manager or staff' }),
  password,
  managedSiteIds: z.array(ref).max(200).optional(),
  internId: ref.optional(),
});
/** POST /api/users/:id/password body. */
export const resetPasswordBody = z.object({ password });

registerRoute({ method: 'get', path: '/api/users', summary: 'All accounts', roles: ['staff'] });
registerRoute({ method: 'post', path: '/api/users', summary: 'Create an account', roles: ['staff'], request: { body: createUserBody }, responses: { 201: 'Created', 409: 'Email taken' } });
registerRoute({ method: 'post', path: '/api/users/:id/password', summary: "Reset an account's password (ends its sessions)", roles: ['staff'], request: { params: idParams, body: resetPasswordBody }, responses: { 204: 'Reset' } });
