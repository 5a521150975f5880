import { recordAudit } from '../../audit/record-audit.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { scopeOf, visibleUsers } from '../departements/visibility.ts';
import { dayWindow } from './count-use.ts';
import { generateApiKey, hashApiKey, keyPrefix } from './key-token.ts';

type Tx = Prisma.TransactionClient;

/** Quotas of a new key when staff give none: those of openrouteservice's free plan for its matrix. */
export const DEFAULT_QUOTAS = { perMinute: 40, perDay: 500 } as const;

/** What staff give to create a key. */
export interface NewApiKey {
  label: string;
  perMinute: number;
  perDay: number;
}

/** A key as stored, with its owner, for presenters (never the hash). */
export type ApiKeyRow = Prisma.ApiKeyGetPayload<{ include: { owner: { select: { id: true; name: true; email: true } } } }>;

const withOwner = { owner: { select: { id: true, name: true, email: true } } } as const;

/** The fields of a key the audit trail keeps (never the key nor its hash). */
function auditView(k: { id: number; label: string; prefix: string; ownerId: number; perMinute: number; perDay: number; revokedAt: Date | null }) {
  return { id: k.id, label: k.label, prefix: k.prefix, ownerId: k.ownerId, perMinute: k.perMinute, perDay: k.perDay, revokedAt: k.revokedAt };
}

/**
 * Stores a key whose value the caller chose (the demo seed's `demo-ors-key`) or generated. Only its
 * sha-256 and first characters are written. Not audited by itself: see {@link createApiKey}.
 */
export async function insertApiKey(tx: Tx, input: NewApiKey & { key: string; ownerId: number; isDemo?: boolean }): Promise<ApiKeyRow> {
  return tx.apiKey.create({
    data: {
      label: input.label,
      keyHash: hashApiKey(input.key),
      prefix: keyPrefix(input.key),
      ownerId: input.ownerId,
      perMinute: input.perMinute,
      perDay: input.perDay,
      isDemo: input.isDemo ?? false,
    },
    include: withOwner,
  });
}

/** Creates a key owned by the staff member who asks, audited; returns the raw key, to be shown once. */
export async function createApiKey({ tx, actor, input }: { tx: Tx; actor: SessionUser; input: NewApiKey }): Promise<{ apiKey: ApiKeyRow; key: string }> {
  const key = generateApiKey();
  const apiKey = await insertApiKey(tx, { ...input, key, ownerId: actor.id });
  await recordAudit(tx, { actorId: actor.id, action: 'create', entity: 'ApiKey', entityId: apiKey.id, after: auditView(apiKey) });
  return { apiKey, key };
}

/**
 * The keys a staff member may list and revoke: those owned by the staff of their départements
 * (visibleUsers), themselves included; the national admin every key.
 */
export function visibleApiKeys(user: SessionUser): Prisma.ApiKeyWhereInput {
  return scopeOf(user).national ? {} : { owner: visibleUsers(user) };
}

/** The keys `user` may see, newest first, live ones before revoked ones. */
export async function listApiKeys(tx: Pick<Tx, 'apiKey'>, user: SessionUser): Promise<ApiKeyRow[]> {
  return tx.apiKey.findMany({ where: visibleApiKeys(user), orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }, { id: 'desc' }], include: withOwner });
}

/** Revokes a key for good (its next request is refused with 403), audited. A key is revoked once; another département's key answers 404. */
export async function revokeApiKey({ tx, actor, id, now = new Date() }: { tx: Tx; actor: SessionUser; id: number; now?: Date }): Promise<ApiKeyRow> {
  const before = await tx.apiKey.findFirst({ where: { AND: [{ id }, visibleApiKeys(actor)] } });
  if (!before) throw new NotFoundError('No such API key', 'params.id');
  if (before.revokedAt) throw new ConflictError('This API key is already revoked');
  const apiKey = await tx.apiKey.update({ where: { id }, data: { revokedAt: now }, include: withOwner });
  await recordAudit(tx, { actorId: actor.id, action: 'revoke', entity: 'ApiKey', entityId: id, before: auditView(before), after: auditView(apiKey) });
  return apiKey;
}

/** Requests counted today (UTC day) for a key: its day counter when it counts today, else none. */
export function usedToday(k: Pick<ApiKeyRow, 'dayStart' | 'dayCount'>, now = new Date()): number {
  return k.dayStart && k.dayStart.getTime() >= dayWindow(now).getTime() ? k.dayCount : 0;
}
