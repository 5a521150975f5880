import { api } from '../../../lib/api-client.ts';
import { previewSchema } from './matching-schema.ts';

/** GET /api/matching/runs/:id for a preview: the stored proposal as the board shows it. */
export const getMatchingPreviewRun = (runId: number) => api(`/matching/runs/${runId}`, { schema: previewSchema });
