import { api } from '../../../lib/api-client.ts';
import { previewJobSchema } from './preview-job-schema.ts';

/** DELETE /api/matching/preview/jobs/:id: stops the job's solve on the server; nothing is stored. */
export const cancelPreviewJob = (jobId: string) => api(`/matching/preview/jobs/${encodeURIComponent(jobId)}`, { method: 'DELETE', schema: previewJobSchema });
