import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';
import { bool, lngLat, requiredText, text, typeError } from '../../schemas/common.ts';
import { idParams } from '../../schemas/params.ts';

const name = requiredText(200);
const place = requiredText(120);
const fields = {
  name,
  kind: z.enum(['gp_practice', 'health_centre'], { message: 'must be gp_practice or health_centre' }).optional(),
  supervisors: z.array(requiredText(200), typeError('a list of names')).max(20, 'must list at most 20 supervisors').optional(),
  address: text(300).nullable().optional(),
  commune: place,
  departement: place,
  location: lngLat,
  /** In an under-served zone of the ARS zoning (ZIP/ZAC); null: not known. Read by aid schemes. */
  underservedZone: bool.nullable().optional(),
};

/** POST /api/practices body. */
export const createPracticeBody = z.object(fields);
/** PATCH /api/practices/:id body. */
export const patchPracticeBody = z.object(fields).partial();

registerRoute({ method: 'get', path: '/api/practices', summary: 'All practices', roles: 'signed-in' });
registerRoute({ method: 'post', path: '/api/practices', summary: 'Create a practice', roles: ['staff', 'admin'], request: { body: createPracticeBody }, responses: { 201: 'Created' } });
registerRoute({ method: 'patch', path: '/api/practices/:id', summary: 'Change a practice', roles: ['staff', 'admin'], request: { params: idParams, body: patchPracticeBody } });
