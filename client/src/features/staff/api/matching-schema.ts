import { z } from 'zod';

const named = z.looseObject({ id: z.number(), name: z.string().nullish(), label: z.string().nullish() });

const rawAssignment = z.looseObject({
  internId: z.number(),
  internName: z.string().nullish(),
  intern: named.nullish(),
  bedId: z.number().nullable(),
  siteId: z.number().nullish(),
  siteName: z.string().nullish(),
  site: named.nullish(),
  roomLabel: z.string().nullish(),
  room: z.union([z.string(), named]).nullish(),
  minutes: z.array(z.number().nullable()).nullish(),
  driveMinutes: z.array(z.number().nullable()).nullish(),
  estimate: z.boolean().nullish(),
  explanation: z.union([z.string(), z.array(z.string())]).nullish(),
  reasons: z.array(z.string()).nullish(),
  locked: z.boolean().nullish(),
});

const rawUnmatched = z.looseObject({
  internId: z.number(),
  internName: z.string().nullish(),
  intern: named.nullish(),
  reason: z.string().nullish(),
  reasons: z.array(z.string()).nullish(),
  explanation: z.union([z.string(), z.array(z.string())]).nullish(),
});

/** One proposed assignment, normalised for display. */
export interface ProposedAssignment {
  internId: number;
  internName: string;
  bedId: number | null;
  siteId?: number | null;
  siteName: string;
  roomLabel: string;
  minutes: (number | null)[];
  estimate: boolean;
  explanation: string;
  locked: boolean;
}

/** One intern the matching could not house, and why. */
export interface Unmatched {
  internId: number;
  internName: string;
  reason: string;
}

const text = (x: string | string[] | null | undefined) => (Array.isArray(x) ? x.join(' ; ') : (x ?? ''));

/** POST /api/matching/preview → `{runId, result}` with assignments and unmatched interns. */
export const previewSchema = z
  .looseObject({
    runId: z.union([z.number(), z.string()]),
    result: z.looseObject({
      assignments: z.array(rawAssignment).default([]),
      unmatched: z.array(rawUnmatched).default([]),
      estimate: z.boolean().nullish(),
    }),
  })
  .transform((x) => ({
    runId: x.runId,
    estimate: !!x.result.estimate || x.result.assignments.some((a) => a.estimate),
    assignments: x.result.assignments.map(
      (a): ProposedAssignment => ({
        internId: a.internId,
        internName: a.internName ?? a.intern?.name ?? `#${a.internId}`,
        bedId: a.bedId,
        siteId: a.siteId ?? a.site?.id,
        siteName: a.siteName ?? a.site?.name ?? '—',
        roomLabel: a.roomLabel ?? (typeof a.room === 'string' ? a.room : (a.room?.label ?? a.room?.name ?? '')),
        minutes: a.minutes ?? a.driveMinutes ?? [],
        estimate: !!a.estimate,
        explanation: text(a.explanation) || text(a.reasons),
        locked: !!a.locked,
      }),
    ),
    unmatched: x.result.unmatched.map(
      (u): Unmatched => ({
        internId: u.internId,
        internName: u.internName ?? u.intern?.name ?? `#${u.internId}`,
        reason: u.reason ?? (text(u.reasons) || text(u.explanation)),
      }),
    ),
  }));
export type Preview = z.infer<typeof previewSchema>;
