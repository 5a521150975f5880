import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';
import { lngLat } from '../../schemas/common.ts';
import { idParams, text } from '../../schemas/params.ts';

const name = z.string({ message: 'must be a string' }).trim().min(1, 'is required').max(200);
const place = z.string({ message: 'must be a string' }).trim().min(1, 'is required').max(120);
const fields = {
  name,
  kind: z.enum(['gp_practice', 'health_centre'], { message: 'must be gp_practice or health_centre' }).optional(),
  supervisors: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
  address: text(300).nullable().optional(),
  commune: place,
  departement: place,
  location: lngLat,
};

/** POST /api/practices body. */
export const createPracticeBody = z.object(fields);
/** PATCH /api/practices/:id body. */
export const patchPracticeBody = z.object(fields).partial();

registerRoute({ method: 'get', path: '/api/practices', summary: 'All practices', roles: 'signed-in' });
registerRoute({ method: 'post', path: '/api/practices', summary: 'Create a practice', roles: ['staff'], request: { body: createPracticeBody }, responses: { 201: 'Created' } });
registerRoute({ method: 'patch', path: '/api/practices/:id', summary: 'Change a practice', roles: ['staff'], request: { params: idParams, body: patchPracticeBody } });
