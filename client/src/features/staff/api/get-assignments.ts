import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

const assignmentSchema = z.looseObject({
  id: z.number(),
  internId: z.number().nullish(),
  internName: z.string().nullish(),
  intern: z.looseObject({ name: z.string() }).nullish(),
  siteName: z.string().nullish(),
  site: z.looseObject({ name: z.string() }).nullish(),
  roomLabel: z.string().nullish(),
  room: z.looseObject({ label: z.string() }).nullish(),
  driveMinutes: z.number().nullish(),
  driveEstimate: z.boolean().nullish(),
  explanation: z.string().nullish(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.string(),
  locked: z.boolean().nullish(),
  answerBy: z.string().nullish(),
  cancelReason: z.string().nullish(),
});

/** GET /api/assignments?semester=: the assignments written for a semester. */
export const assignmentsSchema = z
  .union([z.array(assignmentSchema), z.looseObject({ assignments: z.array(assignmentSchema) })])
  .transform((x) =>
    (Array.isArray(x) ? x : x.assignments).map((a) => ({
      id: a.id,
      internName: a.internName ?? a.intern?.name ?? `#${a.internId}`,
      siteName: a.siteName ?? a.site?.name ?? '—',
      roomLabel: a.roomLabel ?? a.room?.label ?? '',
      driveMinutes: a.driveMinutes ?? null,
      estimate: !!a.driveEstimate,
      startDate: a.startDate.slice(0, 10),
      endDate: a.endDate.slice(0, 10),
      status: a.status,
      locked: !!a.locked,
      answerBy: a.answerBy ?? null,
      cancelReason: a.cancelReason ?? null,
    })),
  );
export type Assignment = z.infer<typeof assignmentsSchema>[number];

/** Fetches a semester's assignments (with the cancelled, declined and expired ones when asked). */
export const getAssignments = (semester: string, includeCancelled = false) =>
  api('/assignments', { query: { semester, includeCancelled: includeCancelled ? '1' : undefined }, schema: assignmentsSchema, silent: true });

/** A semester's assignments. */
export function useAssignments(semester: string, includeCancelled = false) {
  return useQuery({ queryKey: ['assignments', semester, includeCancelled], queryFn: () => getAssignments(semester, includeCancelled), retry: false });
}
