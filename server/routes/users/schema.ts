import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';
import { bool, departementCode, email, id as ref, plainString, requiredText, typeError } from '../../schemas/common.ts';
import { idParams } from '../../schemas/params.ts';

const password = plainString().min(8, 'must be at least 8 characters').max(200, 'is too long (at most 200 characters)');

/** POST /api/users body. */
export const createUserBody = z.object({
  email,
  name: requiredText(200),
  role: z.enum(['intern', 'manager', 'staff', 'admin'], { message: 'must be intern, manager, staff or admin' }),
  password,
  managedSiteIds: z.array(ref, typeError('a list of site ids')).max(200, 'must list at most 200 sites').optional(),
  internId: ref.optional(),
  departementCodes: z.array(departementCode, typeError('a list of département codes')).max(101, 'must list at most 101 départements').optional(),
});
/** PUT /api/users/:id/departements body (admin): the staff account's départements (replaces the list). */
export const putDepartementsBody = z.object({ departementCodes: createUserBody.shape.departementCodes.unwrap() });
/** POST /api/invitations body: an account without a password, which its owner sets through a one-time link. */
export const inviteUserBody = createUserBody.omit({ password: true });
/** PATCH /api/users/:id body (staff): name, role, managed sites, active (false deactivates). */
export const patchUserBody = z
  .object({
    name: requiredText(200),
    role: createUserBody.shape.role,
    managedSiteIds: createUserBody.shape.managedSiteIds.unwrap(),
    active: bool,
  })
  .partial();
/** /api/invitations/:token params: the token from the link. */
export const invitationParams = z.object({ token: z.string(typeError('a string')).regex(/^[A-Za-z0-9_-]{20,100}$/, 'is not an invitation token') });
/** POST /api/invitations/:token body: the password the invited person chooses. */
export const acceptInvitationBody = z.object({ password });
/** POST /api/users/:id/password body. */
export const resetPasswordBody = z.object({ password });

registerRoute({ method: 'get', path: '/api/users', summary: 'All accounts', roles: ['staff', 'admin'] });
registerRoute({ method: 'post', path: '/api/users', summary: 'Create an account', roles: ['staff', 'admin'], request: { body: createUserBody }, responses: { 201: 'Created', 409: 'Email taken' } });
registerRoute({ method: 'post', path: '/api/users/:id/password', summary: "Reset an account's password (ends its sessions)", roles: ['staff', 'admin'], request: { params: idParams, body: resetPasswordBody }, responses: { 204: 'Reset' } });
registerRoute({ method: 'patch', path: '/api/users/:id', summary: 'Change an account: name, role, managed sites; active=false deactivates (ends its sessions, refuses sign-in)', roles: ['staff', 'admin'], request: { params: idParams, body: patchUserBody } });
registerRoute({ method: 'post', path: '/api/invitations', summary: 'Create an account without a password and a one-time link (72 h) for its owner to set one', roles: ['staff', 'admin'], request: { body: inviteUserBody }, responses: { 201: 'Created; the link is in invitation.path, shown once', 409: 'Email taken' } });
registerRoute({ method: 'post', path: '/api/users/:id/invitation', summary: 'A new one-time link for an account (reset by link); earlier links stop working', roles: ['staff', 'admin'], request: { params: idParams }, responses: { 201: 'Issued' } });
registerRoute({ method: 'get', path: '/api/invitations/:token', summary: 'Who an invitation link is for (404 unknown, 410 used or expired)', roles: 'public', request: { params: invitationParams } });
registerRoute({ method: 'post', path: '/api/invitations/:token', summary: 'Accept an invitation: set the password (then sign in)', roles: 'public', request: { params: invitationParams, body: acceptInvitationBody }, responses: { 204: 'Password set', 410: 'Used or expired' } });
registerRoute({ method: 'put', path: '/api/users/:id/departements', summary: "Set a staff account's départements (replaces the list; audited)", roles: ['admin'], request: { params: idParams, body: putDepartementsBody } });
registerRoute({ method: 'get', path: '/api/departements', summary: 'The départements: code, name and staff accounts (staff: theirs)', roles: ['staff', 'admin'] });
