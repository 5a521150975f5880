import { api } from '../../../lib/api-client.ts';
import { previewJobSchema } from './preview-job-schema.ts';

/** GET /api/matching/preview/jobs/:id: the job's step and elapsed time, then its run or error. Silent: the board says what failed. */
export const getPreviewJob = (jobId: string) => api(`/matching/preview/jobs/${encodeURIComponent(jobId)}`, { schema: previewJobSchema, silent: true });
