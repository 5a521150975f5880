import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

const siteBedsSchema = z
  .looseObject({ site: z.looseObject({ rooms: z.array(z.looseObject({ id: z.number(), label: z.string(), beds: z.array(z.looseObject({ id: z.number(), label: z.string() })) })).default([]) }) })
  .transform((x) => x.site.rooms.flatMap((r) => r.beds.map((b) => ({ id: b.id, label: `${r.label} · ${b.label}` }))));

/** The beds of a site (GET /api/sites/:id), to choose the one a request is answered with. */
export function useSiteBeds(siteId: number | undefined) {
  return useQuery({ queryKey: ['site-beds', siteId], queryFn: () => api(`/sites/${siteId}`, { schema: siteBedsSchema }), enabled: siteId !== undefined });
}

/** POST /api/requests/:id/accept (propose a bed) or /decline (with a reason). */
export const answerRequest = (a: { id: number; accept: { bedId: number } } | { id: number; decline: { reason: string } }) =>
  'accept' in a ? api(`/requests/${a.id}/accept`, { method: 'POST', body: a.accept }) : api(`/requests/${a.id}/decline`, { method: 'POST', body: a.decline });

/** Answers a room request; the requests and the board are refreshed. */
export function useAnswerRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: answerRequest,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['requests'] });
      void qc.invalidateQueries({ queryKey: ['assignments'] });
    },
  });
}
