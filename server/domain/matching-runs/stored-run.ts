import { z } from 'zod';
import { ConflictError } from '../../errors.ts';
import { bedSchema, existingSchema, instanceSchema, internSchema } from '../../matching/instance-schema.ts';
import type { BuiltInstance, InstanceContext } from './build-instance.ts';
import type { MatchingFingerprint } from './load-matching-data.ts';

/**
 * Version of what a preview run stores (`MatchingRun.input` and `.result`).
 * Bump it when their shape changes: a run stored by another version is refused
 * on apply with a message asking for a new preview, never misread.
 */
export const STORED_RUN_VERSION = 3;

const window = z.object({ from: z.string(), to: z.string() });

const builtInstanceSchema = instanceSchema.extend({
  limitMinutes: z.number(),
  interns: z.array(internSchema.extend({ label: z.string(), practices: z.array(z.string()) })),
  beds: z.array(bedSchema.extend({ roomId: z.string() })),
  sites: z.record(z.string(), z.object({ name: z.string() })),
  existing: z.array(existingSchema),
  estimate: z.boolean(),
});

const contextSchema = z.object({
  window,
  estimate: z.boolean(),
  provider: z.string().nullable(),
  driveSeconds: z.record(z.string(), z.record(z.string(), z.array(z.number()))),
  interns: z.record(
    z.string(),
    z.object({ name: z.string(), placementId: z.number(), practices: z.array(z.string()), wishes: z.array(z.object({ siteId: z.number(), siteName: z.string(), rank: z.number() })), note: z.string().nullable() }),
  ),
  beds: z.record(z.string(), z.object({ siteId: z.number(), siteName: z.string(), commune: z.string(), roomLabel: z.string(), bedLabel: z.string() })),
});

/** `MatchingRun.input` of a preview. */
export const previewInputSchema = z.object({
  version: z.literal(STORED_RUN_VERSION),
  window,
  limitMinutes: z.number(),
  instance: builtInstanceSchema,
  context: contextSchema,
  fingerprint: z.object({ placements: z.string(), beds: z.string(), availability: z.string(), assignments: z.string() }),
});

/** `MatchingRun.result` of a preview: the solver's answer (its other fields are kept as they are). */
export const previewResultSchema = z.looseObject({
  version: z.literal(STORED_RUN_VERSION),
  assignments: z.array(z.looseObject({ intern: z.string(), bed: z.string(), explanation: z.string().optional() })),
  unmatched: z.array(z.looseObject({ intern: z.string() })),
});

/** What a preview run stores as its input: enough to apply it later and to prove nothing changed. */
export interface PreviewInput {
  version: typeof STORED_RUN_VERSION;
  window: { from: string; to: string };
  limitMinutes: number;
  instance: BuiltInstance;
  context: InstanceContext;
  fingerprint: MatchingFingerprint;
}

/** A stored preview's result as this layer reads it. */
export type StoredResult = z.infer<typeof previewResultSchema>;

/**
 * Reads a stored preview back, checked against its schema and version. A run
 * stored by an older version (or damaged) is a 409 asking for a new preview.
 */
export function readPreview(run: { id: number; input: unknown; result: unknown }): { input: PreviewInput; result: StoredResult } {
  const input = previewInputSchema.safeParse(run.input);
  const result = previewResultSchema.safeParse(run.result);
  if (!input.success || !result.success) {
    const issue = (input.error ?? result.error)!.issues[0];
    throw new ConflictError(`Matching run ${run.id} was stored by another version of the app or is damaged (${issue.path.join('.')}: ${issue.message}): run a new preview`, { changed: ['version'] });
  }
  return { input: input.data as PreviewInput, result: result.data };
}

/** A field of a run summary: its value when it has the expected shape, else null (older runs, applies). */
const orNull = <T extends z.ZodType>(t: T) => t.nullable().catch(null);

/** What a run list reads of any stored run's input, preview or apply, of any version. */
const summaryInputSchema = z.object({
  window: orNull(window),
  limitMinutes: orNull(z.number()),
  previewRunId: orNull(z.number()),
  instance: orNull(z.object({ interns: z.array(z.unknown()), beds: z.array(z.unknown()) })),
});
/** The headline figures of a preview's stored result. */
const previewSummarySchema = z.object({
  housed: orNull(z.number()),
  unmatched: orNull(z.array(z.unknown())),
  totalMinutes: orNull(z.number()),
  estimate: orNull(z.boolean()),
});
/** The counts an apply stores as its result. */
const applySummarySchema = z.object({
  created: orNull(z.number()),
  kept: orNull(z.number()),
  cancelled: orNull(z.number()),
  bumped: orNull(z.union([z.number(), z.array(z.number())])),
});

/** Parses stored JSON with a schema whose every field falls back to null (a non-object reads as `{}`). */
const lenient = <T extends z.ZodType>(schema: T, value: unknown): z.infer<T> =>
  schema.parse(value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {});

/**
 * The fields a list of runs shows, read through schemas rather than casts:
 * each is its stored value when well-formed, else null, so a list never
 * fails on an old or damaged run (opening that run says so: `readPreview`).
 */
export function readRunSummary(run: { kind: string; input: unknown; result: unknown }) {
  const input = lenient(summaryInputSchema, run.input);
  if (run.kind === 'preview') {
    const r = lenient(previewSummarySchema, run.result);
    return {
      input,
      summary: {
        interns: input.instance?.interns.length ?? null,
        beds: input.instance?.beds.length ?? null,
        housed: r.housed,
        unmatched: r.unmatched?.length ?? null,
        totalMinutes: r.totalMinutes,
        estimate: r.estimate,
      },
    };
  }
  return { input, summary: lenient(applySummarySchema, run.result) };
}
