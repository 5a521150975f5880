import { z } from 'zod';
import { refineWindow, windowFields } from '../../domain/search/date-window.ts';
import { registerRoute } from '../../openapi/registry.ts';

/** GET /api/indicators query: a semester (default: the next one) or from/to. */
export const indicatorsQuery = refineWindow(z.object(windowFields));
export type IndicatorsQuery = z.infer<typeof indicatorsQuery>;

/** GET /api/indicators response. */
export const indicatorsResponse = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  occupancy: z.array(
    z.object({
      siteId: z.number().int(),
      name: z.string(),
      beds: z.number().int(),
      bookedBedDays: z.number().int(),
      availableBedDays: z.number().int(),
      rate: z.number().nullable(),
    }),
  ),
  interns: z.object({ placed: z.number().int(), housed: z.number().int() }),
  averageDriveMinutes: z.number().nullable(),
  aid: z.null(),
});

registerRoute({
  method: 'get',
  path: '/api/indicators',
  summary: 'Occupancy per site, interns placed vs housed, average drive',
  description: 'Booked bed-days count non-cancelled assignments inside the window; available bed-days come from the rooms\' availability. `aid` is null until an aid model exists.',
  roles: ['staff', 'admin'],
  tags: ['indicators'],
  request: { query: indicatorsQuery },
  responses: { 200: { description: 'Indicators for the window', schema: indicatorsResponse } },
});
