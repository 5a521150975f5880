import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';
import { intIn, isoDateString, requiredText, text } from '../../schemas/common.ts';
import { endNotBeforeStart, idParams, reversedDates } from '../../schemas/params.ts';

const label = requiredText(100);
const beds = intIn(1, 50);

/** POST /api/sites/:id/rooms body. */
export const createRoomBody = z.object({ label, beds, notes: text(2000).nullable().optional() });
/** PATCH /api/rooms/:id body. */
export const patchRoomBody = z.object({ label: label.optional(), beds: beds.optional(), notes: text(2000).nullable().optional() });

/** POST /api/rooms/:id/availability body. */
export const createAvailabilityBody = z
  .object({ startDate: isoDateString, endDate: isoDateString, note: text(500).nullable().optional() })
  .refine(endNotBeforeStart, reversedDates);
/** PATCH /api/availability/:id body. */
export const patchAvailabilityBody = z
  .object({ startDate: isoDateString.optional(), endDate: isoDateString.optional(), note: text(500).nullable().optional() })
  .refine(endNotBeforeStart, reversedDates);

const managers = ['staff', 'admin', 'manager'] as ('staff' | 'admin' | 'manager')[];
registerRoute({ method: 'post', path: '/api/sites/:id/rooms', summary: 'Add a room with beds', roles: managers, request: { params: idParams, body: createRoomBody }, responses: { 201: 'Created' } });
registerRoute({ method: 'patch', path: '/api/rooms/:id', summary: 'Rename a room or change its number of beds', roles: managers, request: { params: idParams, body: patchRoomBody } });
registerRoute({ method: 'delete', path: '/api/rooms/:id', summary: 'Delete a room (refused while booked)', roles: managers, request: { params: idParams }, responses: { 204: 'Deleted', 409: 'Has bookings' } });
registerRoute({ method: 'post', path: '/api/rooms/:id/availability', summary: 'Declare when a room can be let', roles: managers, request: { params: idParams, body: createAvailabilityBody }, responses: { 201: 'Created' } });
registerRoute({ method: 'patch', path: '/api/availability/:id', summary: 'Change an availability window', roles: managers, request: { params: idParams, body: patchAvailabilityBody } });
registerRoute({ method: 'delete', path: '/api/availability/:id', summary: 'Remove an availability window', roles: managers, request: { params: idParams }, responses: { 204: 'Deleted' } });
