import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

const candidate = z.looseObject({
  bedId: z.number(),
  siteId: z.number(),
  siteName: z.string(),
  commune: z.string(),
  roomLabel: z.string(),
  bedLabel: z.string(),
  minutes: z.number(),
  drives: z.array(z.number()),
  rentCents: z.number().nullable(),
  flags: z.array(z.string()),
  takenBy: z.number().nullable(),
});

/** GET /api/matching/runs/:id/candidates: beds apply accepts for one intern, nearest first. */
export const candidatesSchema = z.looseObject({
  internId: z.number(),
  limitMinutes: z.number(),
  maxRentCents: z.number().nullable(),
  estimate: z.boolean(),
  total: z.number(),
  candidates: z.array(candidate),
});
export type Candidates = z.infer<typeof candidatesSchema>;
export type Candidate = Candidates['candidates'][number];

/** Fetches the override candidates of one intern in a preview, optionally searched. */
export const getCandidates = (runId: number, internId: number, q: string) =>
  api(`/matching/runs/${runId}/candidates`, { query: { internId, q, limit: 30 }, schema: candidatesSchema });

/** The override picker's list, refetched as the search changes (the previous list stays while it loads). */
export function useCandidates(runId: number, internId: number, q: string) {
  return useQuery({ queryKey: ['matching-candidates', runId, internId, q], queryFn: () => getCandidates(runId, internId, q), placeholderData: keepPreviousData, staleTime: 60_000 });
}
