import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';
import { bool, cents, email, id, isoDateString, lngLat, queryString, requiredText, semesterId, text, typeError } from '../../schemas/common.ts';
import { idParams } from '../../schemas/params.ts';

/** GET /api/sites query: an optional date window for the free-bed count (defaults to the next semester). */
export const listSitesQuery = z
  .object({
    from: isoDateString.optional(),
    to: isoDateString.optional(),
    semester: semesterId.optional(),
    departement: queryString(120).optional(),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'give both from and to', path: ['to'] })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before from', path: ['to'] });

export type ListSitesQuery = z.infer<typeof listSitesQuery>;

const funderKind = z.enum(['departement', 'region', 'ars', 'hospital', 'commune', 'association', 'other'], { message: 'must be one of departement, region, ars, hospital, commune, association, other' });

const siteFields = {
  name: requiredText(200),
  slug: z.string(typeError('a string')).regex(/^[a-z0-9-]{2,80}$/, 'must be lowercase letters, digits and dashes'),
  address: text(300).nullable(),
  commune: requiredText(120),
  departement: requiredText(120),
  subdivision: requiredText(120),
  location: lngLat,
  funder: z.object({ kind: funderKind, name: text(200).nullable().optional() }, typeError('an object {kind, name}')),
  rentCents: cents.nullable(),
  chargesIncluded: bool.nullable(),
  chargesNote: text(500).nullable(),
  furnished: bool.nullable(),
  amenities: z.array(requiredText(100), typeError('a list of strings')).max(50, 'must list at most 50 amenities'),
  rules: z.object({
    partnerAllowed: bool.nullable().optional(),
    guestsAllowed: bool.nullable().optional(),
    text: text(4000).nullable().optional(),
  }, typeError('an object {partnerAllowed, guestsAllowed, text}')),
  description: text(8000).nullable(),
  contact: z.object({
    name: text(200).nullable().optional(),
    email: email.nullable().optional(),
    phone: text(40).nullable().optional(),
  }, typeError('an object {name, email, phone}')),
  active: bool,
  planned: bool,
};

/** POST /api/sites body (staff). */
export const createSiteBody = z.object({
  ...siteFields,
  slug: siteFields.slug.optional(),
  address: siteFields.address.optional(),
  rentCents: siteFields.rentCents.optional(),
  chargesIncluded: siteFields.chargesIncluded.optional(),
  chargesNote: siteFields.chargesNote.optional(),
  furnished: siteFields.furnished.optional(),
  amenities: siteFields.amenities.optional(),
  rules: siteFields.rules.optional(),
  description: siteFields.description.optional(),
  contact: siteFields.contact.optional(),
  active: siteFields.active.optional(),
  planned: siteFields.planned.optional(),
});
export type CreateSiteBody = z.infer<typeof createSiteBody>;

/** PATCH /api/sites/:id body: any site field; managers only contact, amenities, rules, description, rent. */
export const patchSiteBody = z.object(siteFields).partial();
export type PatchSiteBody = z.infer<typeof patchSiteBody>;

/** PUT /api/sites/:id/managers body: the manager accounts of the site (replaces the list). */
export const putManagersBody = z.object({
  userIds: z.array(id, typeError('a list of user ids')).max(50, 'must list at most 50 managers'),
});

/** GET /api/me/sites and /api/sites/:id/occupants query: a semester or explicit dates. */
export const windowQuery = listSitesQuery;

/** GET /api/sites/:id query: the window for free-bed counts. */
export const siteDetailQuery = listSitesQuery;

registerRoute({ method: 'get', path: '/api/sites', summary: 'Public housing catalogue with free beds for a window', roles: 'public', request: { query: listSitesQuery } });
registerRoute({ method: 'get', path: '/api/sites/:id', summary: 'A site with rooms, beds and availability (contact when signed in)', roles: 'public', request: { params: idParams, query: siteDetailQuery } });
registerRoute({ method: 'post', path: '/api/sites', summary: 'Create a site', roles: ['staff', 'admin'], request: { body: createSiteBody }, responses: { 201: 'Created' } });
registerRoute({ method: 'patch', path: '/api/sites/:id', summary: 'Change a site (managers: contact, amenities, rules, description, rent)', roles: ['staff', 'admin', 'manager'], request: { params: idParams, body: patchSiteBody } });
registerRoute({ method: 'get', path: '/api/me/sites', summary: 'Sites I manage, with rooms, beds, availability and occupancy (staff: all)', roles: ['manager', 'staff', 'admin'], request: { query: windowQuery } });
registerRoute({ method: 'get', path: '/api/sites/:id/occupants', summary: "Who is assigned to a site's beds (names and dates only)", roles: ['staff', 'admin', 'manager'], request: { params: idParams, query: windowQuery } });
registerRoute({ method: 'put', path: '/api/sites/:id/managers', summary: 'Name the managers of a site (replaces the list; manager accounts only)', roles: ['staff', 'admin'], request: { params: idParams, body: putManagersBody } });
