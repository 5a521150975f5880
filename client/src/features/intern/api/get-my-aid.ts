import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';
import { aidEstimateSchema } from '../../../lib/aid.ts';

/** The react-query key of the intern's aid estimate. */
export const MY_AID_KEY = ['me-aid'] as const;

/** GET /api/me/aid?placementId=: what the intern may claim for that placement (default: current or next). */
export const getMyAid = (placementId?: number) => api('/me/aid', { query: { placementId }, schema: z.object({ estimate: aidEstimateSchema }).transform((x) => x.estimate) });

/** The intern's aid estimate for a placement. */
export function useMyAid(placementId: number | undefined) {
  return useQuery({ queryKey: [...MY_AID_KEY, placementId], queryFn: () => getMyAid(placementId) });
}
