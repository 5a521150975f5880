import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

/** One key as staff see it: never the key itself (only its first characters). */
export const apiKeySchema = z.looseObject({
  id: z.number(),
  label: z.string(),
  prefix: z.string(),
  owner: z.looseObject({ id: z.number(), name: z.string(), email: z.string() }),
  perMinute: z.number(),
  perDay: z.number(),
  usedToday: z.number(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

/** GET /api/api-keys: every key of the ORS-compatible API. */
export const apiKeysSchema = z.object({ apiKeys: z.array(apiKeySchema) }).transform((x) => x.apiKeys);

/** The query key of the list, refreshed after a create or a revoke. */
export const API_KEYS_KEY = ['api-keys'] as const;

/** Fetches the keys. */
export const getApiKeys = () => api('/api-keys', { schema: apiKeysSchema, silent: true });

/** The keys, with their quotas and usage today. */
export function useApiKeys() {
  return useQuery({ queryKey: API_KEYS_KEY, queryFn: getApiKeys, retry: false });
}
