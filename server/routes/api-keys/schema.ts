import { z } from 'zod';
import { registerRoute } from '../../openapi/registry.ts';
import { intIn, requiredText } from '../../schemas/common.ts';
import { idParams } from '../../schemas/params.ts';
import { DEFAULT_QUOTAS } from '../../domain/api-keys/manage-api-keys.ts';

/** Bounds of a key's quotas: at least one request, at most what one key may sensibly be given. */
export const QUOTA_LIMITS = { perMinute: 10_000, perDay: 10_000_000 } as const;

/** POST /api/api-keys body. */
export const createApiKeyBody = z
  .object({
    label: requiredText(120),
    perMinute: intIn(1, QUOTA_LIMITS.perMinute).default(DEFAULT_QUOTAS.perMinute),
    perDay: intIn(1, QUOTA_LIMITS.perDay).default(DEFAULT_QUOTAS.perDay),
  })
  .refine((b) => b.perDay >= b.perMinute, { path: ['perDay'], message: 'must be at least the per-minute quota' });
export type CreateApiKeyBody = z.infer<typeof createApiKeyBody>;

const apiKeyView = z.object({
  id: z.number(),
  label: z.string(),
  prefix: z.string().describe("the key's first 8 characters"),
  owner: z.object({ id: z.number(), name: z.string(), email: z.string() }),
  perMinute: z.number(),
  perDay: z.number(),
  usedToday: z.number().describe('requests counted today (UTC day)'),
  isDemo: z.boolean(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

registerRoute({
  method: 'get',
  path: '/api/api-keys',
  summary: 'API keys of the ORS-compatible API (/ors), with their quotas and usage today; never the keys',
  roles: ['staff', 'admin'],
  responses: { 200: { description: 'The keys', schema: z.object({ apiKeys: z.array(apiKeyView) }) } },
});
registerRoute({
  method: 'post',
  path: '/api/api-keys',
  summary: 'Create an API key for /ors: the answer carries the key itself, shown this once and never again',
  roles: ['staff', 'admin'],
  request: { body: createApiKeyBody },
  responses: { 201: { description: 'Created', schema: z.object({ apiKey: apiKeyView, key: z.string() }) } },
});
registerRoute({
  method: 'delete',
  path: '/api/api-keys/:id',
  summary: 'Revoke an API key (its next request is refused with 403)',
  roles: ['staff', 'admin'],
  request: { params: idParams },
  responses: { 200: { description: 'Revoked', schema: z.object({ apiKey: apiKeyView }) }, 409: 'Already revoked' },
});
