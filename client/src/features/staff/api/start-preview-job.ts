import { api } from '../../../lib/api-client.ts';
import { previewJobSchema } from './preview-job-schema.ts';

/** POST /api/matching/preview/jobs: starts a matching preview on the server and answers its job at once. */
export const startPreviewJob = (input: { semester: string; limitMinutes?: number }) =>
  api('/matching/preview/jobs', { method: 'POST', body: input, schema: previewJobSchema });
