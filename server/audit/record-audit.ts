import type { Prisma } from '../generated/prisma/client.ts';

/** What one write changed. `before`/`after` are plain snapshots (rows or the fields that changed). */
export interface AuditEntry {
  /** The user who made the change; null for the system (seed, import job). */
  actorId: number | null;
  /** A verb such as `create`, `update`, `delete`, `cancel`, `reset-password`, `apply`. */
  action: string;
  /** The model or concept changed, e.g. `Site`, `Assignment`, `MatchingRun`. */
  entity: string;
  entityId?: string | number | null;
  /** The site concerned, so staff can read a site's history. */
  siteId?: number | null;
  /** The intern concerned, so staff can read an intern's history. */
  internId?: number | null;
  before?: unknown;
  after?: unknown;
}

const SECRET_KEYS = new Set(['passwordHash', 'password', 'csrfToken', 'token']);

/** Turns a snapshot into JSON (dates → ISO strings) and drops secrets. */
export function auditSnapshot(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (k, v) => (SECRET_KEYS.has(k) ? undefined : v))) as Prisma.InputJsonValue;
}

/**
 * Records one write in the audit log. Call it with the transaction client of
 * the write itself, so the change and its record commit (or vanish) together.
 */
export async function recordAudit(tx: Pick<Prisma.TransactionClient, 'auditEvent'>, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      siteId: entry.siteId ?? null,
      internId: entry.internId ?? null,
      before: auditSnapshot(entry.before),
      after: auditSnapshot(entry.after),
    },
  });
}

/**
 * Only the fields that changed between two snapshots, as `{before, after}`,
 * ready to spread into recordAudit. `updatedAt` is ignored.
 */
export function auditChanges<T extends object>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) {
    if (k === 'updatedAt') continue;
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}
