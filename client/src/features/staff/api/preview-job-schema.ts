import { z } from 'zod';

/** A matching preview job as `/api/matching/preview/jobs[/:id]` answers it: its step, elapsed time, and its run or error. */
export const previewJobSchema = z.looseObject({
  jobId: z.string(),
  status: z.enum(['running', 'done', 'failed', 'cancelled']),
  phase: z.string(),
  elapsedMs: z.number(),
  search: z
    .looseObject({
      method: z.string().nullish(),
      stage: z.number().nullish(),
      stages: z.number().nullish(),
      nodes: z.number(),
      incumbentHoused: z.number().nullish(),
      gap: z.number().nullish(),
    })
    .nullable(),
  runId: z.number().nullable(),
  error: z.looseObject({ status: z.number(), id: z.string(), message: z.string(), field: z.string().nullish(), details: z.unknown() }).nullable(),
});
export type PreviewJob = z.infer<typeof previewJobSchema>;
