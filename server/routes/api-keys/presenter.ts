import { usedToday, type ApiKeyRow } from '../../domain/api-keys/manage-api-keys.ts';

/** A key as staff see it: label, prefix, owner, quotas, usage today; never the key nor its hash. */
export function presentApiKey(k: ApiKeyRow, now = new Date()) {
  return {
    id: k.id,
    label: k.label,
    prefix: k.prefix,
    owner: { id: k.owner.id, name: k.owner.name, email: k.owner.email },
    perMinute: k.perMinute,
    perDay: k.perDay,
    usedToday: usedToday(k, now),
    isDemo: k.isDemo,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}
