import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

const internSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  email: z.string().nullable(),
  subdivision: z.string(),
  hasCar: z.boolean().nullable(),
  withPartner: z.boolean(),
  partnerInternId: z.number().nullable(),
  maxRentCents: z.number().nullable(),
  limitMinutes: z.number().nullable(),
  hasAccount: z.boolean(),
  peerInternIds: z.array(z.number()).default([]),
});
export type Intern = z.infer<typeof internSchema>;

/** The react-query key of the interns list. */
export const INTERNS_KEY = ['backoffice', 'interns'] as const;

/** GET /api/interns: every intern with car, partner and peers. */
export const getInterns = () => api('/interns', { schema: z.object({ interns: z.array(internSchema) }).transform((x) => x.interns) });

/** All interns (staff). */
export function useInterns() {
  return useQuery({ queryKey: INTERNS_KEY, queryFn: getInterns });
}
