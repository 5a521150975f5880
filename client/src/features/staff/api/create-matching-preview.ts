import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { previewSchema } from './matching-schema.ts';

/** POST /api/matching/preview: computes a proposal for a semester without writing any assignment. */
export const createMatchingPreview = (input: { semester: string; limitMinutes?: number }) =>
  api('/matching/preview', { method: 'POST', body: input, schema: previewSchema });

/** Runs a matching preview. */
export function useCreateMatchingPreview() {
  return useMutation({ mutationFn: createMatchingPreview });
}
