import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';
import { aidGrantSchema } from '../../../lib/aid.ts';
import { AID_KEY } from './aid-grants.ts';

/** Filters of the aid register, as the address holds them. */
export interface RegisterFilters {
  schemeId?: number;
  from?: string;
  to?: string;
  cancelled?: boolean;
}

/** GET /api/aid-grants: grants to the interns the staff member sees, with the total of live ones. */
export const getAidRegister = (f: RegisterFilters) =>
  api('/aid-grants', {
    query: { schemeId: f.schemeId, from: f.from, to: f.to, cancelled: f.cancelled ? '1' : undefined },
    schema: z.object({ grants: z.array(aidGrantSchema), totalCents: z.number() }),
  });

/** The aid register, filtered. */
export function useAidRegister(f: RegisterFilters) {
  return useQuery({ queryKey: [...AID_KEY, 'register', f], queryFn: () => getAidRegister(f) });
}
