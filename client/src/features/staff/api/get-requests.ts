import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

const requestSchema = z.looseObject({
  id: z.number(),
  intern: z.looseObject({ id: z.number(), name: z.string() }),
  site: z.looseObject({ id: z.number(), name: z.string() }),
  note: z.string().nullish(),
  status: z.string(),
  createdAt: z.string(),
});
export type RoomRequest = z.infer<typeof requestSchema>;

/** GET /api/requests?status=: interns' room requests. */
export const requestsSchema = z.object({ requests: z.array(requestSchema) }).transform((x) => x.requests);

/** Fetches the room requests with a status. */
export const getRequests = (status: string) => api('/requests', { query: { status }, schema: requestsSchema, silent: true });

/** Room requests waiting for an answer. */
export function useRequests(status = 'open') {
  return useQuery({ queryKey: ['requests', status], queryFn: () => getRequests(status), retry: false });
}
