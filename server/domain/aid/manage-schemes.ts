import { auditChanges, recordAudit } from '../../audit/record-audit.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import { AppError, NotFoundError, ValidationError } from '../../errors.ts';
import type { AidKind } from '../../generated/prisma/enums.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { assertDepartementInScope, scopeOf } from '../departements/visibility.ts';
import type { RateTable } from './rate-table.ts';

type Tx = Prisma.TransactionClient;

/** A scheme's configurable fields as the API takes them (code, département and kind are fixed at creation). */
export interface SchemeInput {
  name?: string;
  amountCents?: number;
  rateTable?: RateTable | null;
  minMonths?: number | null;
  requiresUnderservedZone?: boolean;
  conflictsWithHousingAid?: boolean;
  active?: boolean;
  rules?: string | null;
  description?: string | null;
}

/**
 * Who configures a scheme: the staff of its département (403 for another's), the national admin
 * for a nationwide one (and any).
 */
function assertMayConfigure(actor: SessionUser, departementCode: string | null, field: string): void {
  const scope = scopeOf(actor);
  if (departementCode === null) {
    if (!scope.national) throw new AppError(403, 'forbidden', 'Nationwide aid schemes are configured by the national admin', field);
    return;
  }
  assertDepartementInScope(scope, departementCode, field);
}

/** A per-km scheme needs its rate table; the other kinds have none. */
function checkRates(kind: AidKind, rateTable: RateTable | null | undefined, creating: boolean): void {
  if (kind === 'per_km' && (rateTable === null || (creating && rateTable === undefined))) throw new ValidationError('body.rateTable: is required for a per_km scheme', 'body.rateTable');
  if (kind !== 'per_km' && rateTable) throw new ValidationError('body.rateTable: only a per_km scheme has a rate table', 'body.rateTable');
}

/** Creates an aid scheme of one of the actor's départements (nationwide: admin), audited. */
export async function createScheme({ tx, actor, input }: { tx: Tx; actor: SessionUser; input: SchemeInput & { code: string; name: string; departementCode: string | null; kind: AidKind } }) {
  assertMayConfigure(actor, input.departementCode, 'body.departementCode');
  checkRates(input.kind, input.rateTable, true);
  if (input.departementCode !== null && !(await tx.departement.findUnique({ where: { code: input.departementCode }, select: { code: true } }))) {
    throw new NotFoundError('No such département', 'body.departementCode');
  }
  const { rateTable, ...rest } = input;
  const scheme = await tx.aidScheme.create({ data: { ...rest, amountCents: input.kind === 'per_km' ? 0 : (input.amountCents ?? 0), rateTable: rateTable ?? undefined } });
  await recordAudit(tx, { actorId: actor.id, action: 'create', entity: 'AidScheme', entityId: scheme.id, after: scheme });
  return scheme;
}

/** Changes a scheme's amounts, rate table, conditions or words (staff of its département; nationwide: admin), audited. */
export async function updateScheme({ tx, actor, id, input }: { tx: Tx; actor: SessionUser; id: number; input: SchemeInput }) {
  const before = await tx.aidScheme.findUnique({ where: { id } });
  if (!before) throw new NotFoundError('No such aid scheme', 'params.id');
  assertMayConfigure(actor, before.departementCode, 'params.id');
  checkRates(before.kind, input.rateTable, false);
  const { rateTable, ...rest } = input;
  const after = await tx.aidScheme.update({ where: { id }, data: { ...rest, ...(rateTable !== undefined ? { rateTable: rateTable ?? undefined } : {}) } });
  await recordAudit(tx, { actorId: actor.id, action: 'update', entity: 'AidScheme', entityId: id, ...auditChanges(before, after) });
  return after;
}
