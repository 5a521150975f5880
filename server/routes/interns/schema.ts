import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';
import { cents } from '../../schemas/common.ts';
import { idParams, text } from '../../schemas/params.ts';

const ref = z.number({ message: 'must be a number' }).int('must be a whole number').positive('must be a positive id');
const fields = {
  name: z.string({ message: 'must be a string' }).trim().min(1, 'is required').max(200),
  email: z.string().trim().email('must be an email address').max(254).nullable(),
  subdivision: z.string({ message: 'must be a string' }).trim().min(1, 'is required').max(120),
  hasCar: z.boolean({ message: 'must be true or false' }).nullable(),
  withPartner: z.boolean({ message: 'must be true or false' }),
  partnerInternId: ref.nullable(),
  maxRentCents: cents.nullable(),
  limitMinutes: z.number({ message: 'must be a number' }).int().min(5, 'must be at least 5').max(240, 'must be at most 240').nullable(),
};

/** POST /api/interns body (staff). */
export const createInternBody = z.object(fields).partial().required({ name: true, subdivision: true });
/** PATCH /api/interns/:id body: staff any field; the intern themself email, hasCar, withPartner, maxRentCents, limitMinutes. */
export const patchInternBody = z.object(fields).partial();
/** PUT /api/me/preferences body: sites ranked, first = most wanted. */
export const putPreferencesBody = z.object({
  siteIds: z
    .array(ref, { message: 'must be a list of site ids' })
    .max(30, 'must list at most 30 sites')
    .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a site'),
  note: text(2000).nullable().optional(),
});
/** POST /api/me/requests body. */
export const createRequestBody = z.object({ siteId: ref, note: text(2000).nullable().optional() });

registerRoute({ method: 'get', path: '/api/interns', summary: 'All interns', roles: ['staff'] });
registerRoute({ method: 'post', path: '/api/interns', summary: 'Create an intern profile', roles: ['staff'], request: { body: createInternBody }, responses: { 201: 'Created' } });
registerRoute({ method: 'get', path: '/api/interns/:id', summary: "An intern's profile (staff, or the intern themself)", roles: ['staff', 'intern'], request: { params: idParams } });
registerRoute({ method: 'patch', path: '/api/interns/:id', summary: "Change an intern's profile (the intern: own profile fields only)", roles: ['staff', 'intern'], request: { params: idParams, body: patchInternBody } });
registerRoute({ method: 'get', path: '/api/me/intern', summary: 'My profile, placements, assignments, preferences and requests', roles: ['intern'] });
registerRoute({ method: 'put', path: '/api/me/preferences', summary: 'Rank the sites I would like', roles: ['intern'], request: { body: putPreferencesBody } });
registerRoute({ method: 'post', path: '/api/me/requests', summary: 'Request a room at a site', roles: ['intern'], request: { body: createRequestBody }, responses: { 201: 'Created' } });
