import { z } from 'zod';

const id = z.union([z.number(), z.string()]).transform((v) => Number(v));

const rawAssignment = z.looseObject({
  intern: id.optional(),
  internId: id.optional(),
  internName: z.string().nullish(),
  bed: id.nullish(),
  bedId: id.nullish(),
  siteId: z.number().nullish(),
  siteName: z.string().nullish(),
  roomLabel: z.string().nullish(),
  bedLabel: z.string().nullish(),
  minutes: z.number().nullish(),
  drives: z.array(z.number().nullable()).nullish(),
  estimate: z.boolean().nullish(),
  explanation: z.string().nullish(),
  reasonCode: z.string().nullish(),
  details: z.record(z.string(), z.unknown()).nullish(),
  practices: z.array(z.string()).nullish(),
});

const rawUnmatched = z.looseObject({
  intern: id.optional(),
  internId: id.optional(),
  internName: z.string().nullish(),
  reason: z.string().nullish(),
  reasonCode: z.string().nullish(),
  details: z.record(z.string(), z.unknown()).nullish(),
  practices: z.array(z.string()).nullish(),
  alternatives: z.array(z.looseObject({ siteName: z.string().nullish(), minutes: z.number().nullish(), why: z.string().nullish(), reasons: z.array(z.string()).nullish() })).nullish(),
});

/** One ranked site wish of an intern. */
export interface Wish {
  siteName: string;
  rank: number;
}

/** One proposed assignment, normalised for display. */
export interface ProposedAssignment {
  internId: number;
  internName: string;
  /** The placement's practice communes, to tell interns with the same name apart. */
  practices: string[];
  /** The intern's ranked site wishes and their note, for staff to read. */
  wishes: Wish[];
  note: string | null;
  bedId: number | null;
  siteId?: number | null;
  siteName: string;
  roomLabel: string;
  minutes: (number | null)[];
  estimate: boolean;
  /** The solver's own sentence (English), kept as a fallback and a tooltip. */
  explanation: string;
  /** Stable code and figures, to say it in the reader's language. */
  reasonCode?: string | null;
  details: Record<string, unknown>;
}

/** One intern the matching could not house, and why. */
export interface Unmatched {
  internId: number;
  internName: string;
  practices: string[];
  wishes: Wish[];
  note: string | null;
  reason: string;
  reasonCode?: string | null;
  details: Record<string, unknown>;
  /** The nearest site it could not have, with every reason against it. */
  nearest?: { siteName: string; minutes: number | null; reasons: string[] } | null;
  /** The partner's name, when the reason is about the couple. */
  partnerName?: string | null;
}

/**
 * POST /api/matching/preview → `{runId, result: {assignments, unmatched, estimate, …}, labels}`;
 * the solver names interns and beds by string ids, `labels.interns` gives names.
 */
export const previewSchema = z
  .looseObject({
    runId: z.number(),
    result: z.looseObject({
      assignments: z.array(rawAssignment).default([]),
      unmatched: z.array(rawUnmatched).default([]),
      estimate: z.boolean().nullish(),
      housed: z.number().nullish(),
      optimal: z.boolean().nullish(),
      gap: z.looseObject({ level: z.string(), amount: z.number() }).nullish(),
    }),
    labels: z
      .looseObject({
        interns: z
          .record(z.string(), z.looseObject({ name: z.string(), practices: z.array(z.string()).nullish(), wishes: z.array(z.looseObject({ siteName: z.string(), rank: z.number() })).nullish(), note: z.string().nullish() }))
          .default({}),
      })
      .nullish(),
  })
  .transform((x) => {
    const nameOf = (internId: number, given?: string | null) => given ?? x.labels?.interns[String(internId)]?.name ?? `#${internId}`;
    const wishesOf = (internId: number) => ({
      wishes: (x.labels?.interns[String(internId)]?.wishes ?? []).map((w) => ({ siteName: w.siteName, rank: w.rank })),
      note: x.labels?.interns[String(internId)]?.note ?? null,
    });
    return {
      runId: x.runId,
      estimate: !!x.result.estimate,
      /** False when the search ran out of time: the answer is the best found, `gap` says how far the optimum may be. */
      optimal: x.result.optimal !== false,
      gap: x.result.gap ?? null,
      assignments: x.result.assignments.map((a): ProposedAssignment => {
        const internId = a.internId ?? a.intern ?? 0;
        return {
          internId,
          internName: nameOf(internId, a.internName),
          practices: a.practices ?? x.labels?.interns[String(internId)]?.practices ?? [],
          ...wishesOf(internId),
          bedId: a.bedId ?? a.bed ?? null,
          siteId: a.siteId,
          siteName: a.siteName ?? '—',
          roomLabel: [a.roomLabel, a.bedLabel && a.bedLabel !== 'Lit' ? a.bedLabel : null].filter(Boolean).join(' · '),
          minutes: a.drives ?? (a.minutes != null ? [a.minutes] : []),
          estimate: !!(a.estimate ?? x.result.estimate),
          explanation: a.explanation ?? '',
          reasonCode: a.reasonCode,
          details: a.details ?? {},
        };
      }),
      unmatched: x.result.unmatched.map((u): Unmatched => {
        const internId = u.internId ?? u.intern ?? 0;
        const alt = u.alternatives?.[0];
        const partner = u.details?.partner;
        return {
          internId,
          internName: nameOf(internId, u.internName),
          practices: u.practices ?? x.labels?.interns[String(internId)]?.practices ?? [],
          ...wishesOf(internId),
          reason: u.reason ?? '',
          reasonCode: u.reasonCode,
          details: u.details ?? {},
          nearest: alt ? { siteName: alt.siteName ?? '—', minutes: alt.minutes ?? null, reasons: alt.reasons ?? (alt.why ? [alt.why] : []) } : null,
          partnerName: typeof partner === 'string' || typeof partner === 'number' ? nameOf(Number(partner)) : null,
        };
      }),
    };
  });
export type Preview = z.infer<typeof previewSchema>;
