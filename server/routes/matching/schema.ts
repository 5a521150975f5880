import { z } from 'zod';
import { refineWindow, windowFields } from '../../domain/search/date-window.ts';
import { registerRoute } from '../../openapi/registry.ts';
import { bool, id, idParam, intIn, isoDateString, queryIntIn, queryString, typeError } from '../../schemas/common.ts';
import { idParams } from '../../schemas/params.ts';

/** POST /api/matching/preview body: a semester or from/to (default: the next semester) and the run's drive limit. */
export const previewBody = refineWindow(
  z.object({
    ...windowFields,
    limitMinutes: intIn(1, 180).default(30),
  }),
);
export type PreviewBody = z.infer<typeof previewBody>;

/**
 * POST /api/matching/apply body: the preview to apply, staff overrides (a bed,
 * or null for none; `confirm: true` for a bed beyond the intern's limit, rent
 * ceiling or house rules) and the interns whose resulting assignment is saved locked.
 */
export const applyBody = z.object({
  runId: id,
  overrides: z
    .array(z.object({ internId: id, bedId: id.nullable(), confirm: bool.optional() }, typeError('an object {internId, bedId, confirm?}')), typeError('a list of overrides'))
    .max(5000, 'must list at most 5000 overrides')
    .refine((os) => new Set(os.map((o) => o.internId)).size === os.length, 'names an intern twice')
    .default([]),
  locks: z
    .array(id, typeError('a list of intern ids'))
    .max(5000, 'must list at most 5000 interns')
    .refine((ls) => new Set(ls).size === ls.length, 'names an intern twice')
    .default([]),
  /** Last day the interns may answer the proposals made (default: 14 days from today). */
  answerBy: isoDateString.optional(),
});

/** GET /api/matching/runs/:id/candidates query: whose candidates, an optional search, how many. */
export const candidatesQuery = z.object({
  internId: idParam,
  q: queryString(100).optional(),
  limit: queryIntIn(1, 200).default(30),
});
export type ApplyBody = z.infer<typeof applyBody>;

/** `/api/matching/preview/jobs/:id` params: a job id as POST answered it. */
export const jobParams = z.object({ id: z.uuid('must be a preview job id') });

const previewJob = z.object({
  jobId: z.string(),
  status: z.enum(['running', 'done', 'failed', 'cancelled']),
  phase: z.enum(['queued', 'instance', 'drive-times', 'solving', 'explaining', 'storing']),
  elapsedMs: z.number(),
  search: z
    .object({ method: z.string().optional(), stage: z.number().optional(), stages: z.number().optional(), nodes: z.number(), incumbentHoused: z.number().optional(), gap: z.number().optional() })
    .nullable(),
  runId: z.number().int().nullable(),
  error: z.object({ status: z.number(), id: z.string(), message: z.string(), field: z.string().optional(), details: z.unknown().optional() }).nullable(),
});

/** GET /api/matching/runs query. */
export const listRunsQuery = z.object({ limit: queryIntIn(1, 200).default(50) });

const runSummary = z.object({
  id: z.number().int(),
  kind: z.enum(['preview', 'apply']),
  createdAt: z.string(),
  createdById: z.number().int().nullable(),
  window: z.object({ from: z.string(), to: z.string() }).nullable(),
  limitMinutes: z.number().nullable(),
  previewRunId: z.number().int().nullable(),
  summary: z.record(z.string(), z.unknown()),
});

registerRoute({
  method: 'post',
  path: '/api/matching/preview',
  summary: 'Solve the matching for a window and store it as a preview (writes no assignment)',
  description: 'Drive times come from the drive-time provider; `result.estimate` is true when they are straight-line estimates. Confirmed and locked assignments are kept; proposals are hints for stability.',
  roles: ['staff', 'admin'],
  tags: ['matching'],
  request: { body: previewBody },
  responses: { 201: { description: '`{runId, window, limitMinutes, result}`; result has assignments (with explanation), unmatched (with reason and alternatives), housed, totalMinutes, occupancy, estimate', schema: z.object({ runId: z.number().int(), result: z.any() }) } },
});
registerRoute({
  method: 'post',
  path: '/api/matching/apply',
  summary: 'Apply a preview, with overrides, in one transaction',
  description: 'Refuses with 409 and writes nothing if placements, beds, availability or assignments changed since the preview. Replaces non-locked proposals, creates proposed assignments, audits the apply with its inputs.',
  roles: ['staff', 'admin'],
  tags: ['matching'],
  request: { body: applyBody },
  responses: {
    200: { description: 'What was written', schema: z.object({ runId: z.number().int(), previewRunId: z.number().int(), created: z.array(z.any()), kept: z.array(z.number()), cancelled: z.array(z.number()), bumped: z.array(z.number()) }) },
    404: 'Unknown preview',
    409: 'Something changed since the preview (`details.changed`)',
  },
});
registerRoute({
  method: 'get',
  path: '/api/matching/runs/:id',
  summary: 'One matching run: a preview as the review screen shows it, or an apply\'s summary',
  roles: ['staff', 'admin'],
  tags: ['matching'],
  request: { params: idParams },
  responses: { 200: { description: 'Preview: `{runId, window, limitMinutes, result, labels, kind}`; apply: the run summary', schema: z.any() }, 404: 'Unknown run' },
});
registerRoute({
  method: 'get',
  path: '/api/matching/runs/:id/candidates',
  summary: 'Beds staff may give one intern of a preview instead of its proposal, nearest first',
  description: 'Only beds apply accepts for that intern: in the run, free for the whole stay, reachable, not held by someone else. Each has its drive minutes, rent, `flags` (`over-limit`, `over-rent`, `rules`: allowed with `confirm: true`) and `takenBy` (who the preview gives it to). `q` searches site, commune, room and bed.',
  roles: ['staff', 'admin'],
  tags: ['matching'],
  request: { params: idParams, query: candidatesQuery },
  responses: { 200: { description: '`{internId, limitMinutes, maxRentCents, total, candidates}`', schema: z.any() }, 404: 'Unknown preview or intern not in it' },
});
registerRoute({
  method: 'get',
  path: '/api/matching/runs',
  summary: 'Recent matching previews and applies, newest first',
  roles: ['staff', 'admin'],
  tags: ['matching'],
  request: { query: listRunsQuery },
  responses: { 200: { description: 'Runs', schema: z.object({ runs: z.array(runSummary) }) } },
});
registerRoute({
  method: 'post',
  path: '/api/matching/preview/jobs',
  summary: 'Start a matching preview as a job: answers its id at once',
  description:
    'Same body and same stored preview as POST /api/matching/preview, solved on a worker thread. Poll GET …/jobs/:id for its step and elapsed time; when `status` is `done`, read the preview at GET /api/matching/runs/{runId}. A staff member may run 2 jobs at once (429 `too_many_previews` past that). Jobs live in the server process and are forgotten 10 minutes after they finish.',
  roles: ['staff', 'admin'],
  tags: ['matching'],
  request: { body: previewBody },
  responses: { 202: { description: 'The job, running', schema: previewJob }, 429: 'Too many preview jobs running for this user' },
});
registerRoute({
  method: 'get',
  path: '/api/matching/preview/jobs/:id',
  summary: 'A preview job: its step, elapsed time, the exact search\'s figures, and its run or error when finished',
  description:
    '`phase`: instance (loading the data), drive-times, queued (waiting for a free worker thread), solving (`search`: method, MIP stage, nodes, interns housed by the best answer so far, relative gap), explaining, storing. `error` is the API error the synchronous preview would have answered (409, 422…). Only the staff member who started it can read it: anyone else gets 404.',
  roles: ['staff', 'admin'],
  tags: ['matching'],
  request: { params: jobParams },
  responses: { 200: { description: 'The job', schema: previewJob }, 404: 'Unknown job, forgotten, or someone else\'s' },
});
registerRoute({
  method: 'delete',
  path: '/api/matching/preview/jobs/:id',
  summary: 'Cancel a preview job: its solve is stopped (the worker task aborted) and nothing is stored',
  description: 'A job already finished is left as it is. Only the staff member who started it can cancel it: anyone else gets 404.',
  roles: ['staff', 'admin'],
  tags: ['matching'],
  request: { params: jobParams },
  responses: { 200: { description: 'The job, `status: cancelled`', schema: previewJob }, 404: 'Unknown job, forgotten, or someone else\'s' },
});
