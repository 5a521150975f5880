import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';
import { API_KEYS_KEY, apiKeySchema } from './get-api-keys.ts';

/** POST /api/api-keys answer: the key itself is in `key`, this once. */
export const createdApiKeySchema = z.object({ apiKey: apiKeySchema, key: z.string() });

/** Creates a key; the answer carries the raw key, to show once. */
export const createApiKey = (input: { label: string; perMinute: number; perDay: number }) =>
  api('/api-keys', { method: 'POST', body: input, schema: createdApiKeySchema, silent: true });

/** Creates a key and refreshes the list. Errors are shown by the form, next to its fields. */
export function useCreateApiKey() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createApiKey, onSuccess: () => qc.invalidateQueries({ queryKey: API_KEYS_KEY }) });
}
