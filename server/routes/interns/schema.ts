import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';
import { bool, cents, departementCode, email, id as ref, intIn, requiredText, text, typeError } from '../../schemas/common.ts';
import { idParams } from '../../schemas/params.ts';

const fields = {
  name: requiredText(200),
  email: email.nullable(),
  subdivision: requiredText(120),
  hasCar: bool.nullable(),
  withPartner: bool,
  partnerInternId: ref.nullable(),
  maxRentCents: cents.nullable(),
  limitMinutes: intIn(5, 240).nullable(),
  peerInternIds: z.array(ref, typeError('a list of intern ids')).max(10, 'must list at most 10 peers'),
};

/** POST /api/interns body (staff). */
export const createInternBody = z
  .object({ ...fields, departementCode: departementCode.nullable().describe('where the intern is registered (one of the caller\'s départements; default their first)') })
  .partial()
  .required({ name: true, subdivision: true });
/** PATCH /api/interns/:id body: staff any field; the intern themself email, hasCar, withPartner, maxRentCents, limitMinutes. */
export const patchInternBody = z.object(fields).partial();
/** PUT /api/me/preferences body: sites ranked, first = most wanted. */
export const putPreferencesBody = z.object({
  siteIds: z
    .array(ref, typeError('a list of site ids'))
    .max(30, 'must list at most 30 sites')
    .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a site'),
  note: text(2000).nullable().optional(),
});
/** POST /api/me/requests body. */
export const createRequestBody = z.object({ siteId: ref, note: text(2000).nullable().optional() });

registerRoute({ method: 'get', path: '/api/interns', summary: 'All interns', roles: ['staff', 'admin'] });
registerRoute({ method: 'post', path: '/api/interns', summary: 'Create an intern profile', roles: ['staff', 'admin'], request: { body: createInternBody }, responses: { 201: 'Created' } });
registerRoute({ method: 'get', path: '/api/interns/:id', summary: "An intern's profile (staff, or the intern themself)", roles: ['staff', 'admin', 'intern'], request: { params: idParams } });
registerRoute({ method: 'patch', path: '/api/interns/:id', summary: "Change an intern's profile (the intern: own profile fields only)", roles: ['staff', 'admin', 'intern'], request: { params: idParams, body: patchInternBody } });
registerRoute({ method: 'get', path: '/api/me/intern', summary: 'My profile, placements, assignments, preferences and requests', roles: ['intern'] });
registerRoute({ method: 'put', path: '/api/me/preferences', summary: 'Rank the sites I would like', roles: ['intern'], request: { body: putPreferencesBody } });
registerRoute({ method: 'post', path: '/api/me/requests', summary: 'Request a room at a site', roles: ['intern'], request: { body: createRequestBody }, responses: { 201: 'Created' } });
