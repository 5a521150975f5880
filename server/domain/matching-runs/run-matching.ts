import { DEFAULT_ANSWER_DAYS, daysFromToday } from '../assignments/manage-assignments.ts';
import { noticeAssignment } from '../notifications/notices.ts';
import { auditSnapshot, recordAudit } from '../../audit/record-audit.ts';
import type { SessionUser } from '../../auth/session-user.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { DriveTimeProvider } from '../../routing/provider.ts';
import { toDate } from '../calendar/semesters.ts';
import type { DateWindow } from '../search/date-window.ts';
import { scopeOf, visibleRuns, type Scope } from '../departements/visibility.ts';
import { buildMatchingInstance, type BuiltInstance } from './build-instance.ts';
import { changedParts, fingerprint, loadMatchingData } from './load-matching-data.ts';
import { candidateBeds } from './override-candidates.ts';
import { planApply, type ChosenBed, type Override } from './plan-apply.ts';
import type { SolveReport } from './solve-task.ts';
import { readPreview, STORED_RUN_VERSION, type PreviewInput } from './stored-run.ts';

/** The solver's answer as this layer reads it; everything else in it is stored and shown as is. */
export interface SolverOutput {
  assignments: ChosenBed[];
  unmatched: { intern: string }[];
  [key: string]: unknown;
}

/** How one solve is watched: its reports, a signal that stops it, and the test-only delay (see `SolveTaskInput`). */
export interface SolveRun {
  onReport?: (r: SolveReport) => void;
  signal?: AbortSignal;
  testDelayMs?: number;
}

/** Solves an instance (the exact solver of server/matching, injected so tests and the CLI can share this layer). */
export type SolveFn = (instance: BuiltInstance, run?: SolveRun) => SolverOutput | Promise<SolverOutput>;

/** The steps of a preview, in order, as its progress shows them ('queued': waiting for a free worker thread). */
export type PreviewPhase = 'instance' | 'drive-times' | 'queued' | SolveReport['phase'] | 'storing';

export type { PreviewInput } from './stored-run.ts';

const TX = { timeout: 120_000, maxWait: 30_000 };
/** The départements a stored run was limited to (none: national). */
const runScope = (run: { departements: string[] }): Scope => (run.departements.length ? { national: false, codes: run.departements } : { national: true });

/** Serialises applies across app instances (PostgreSQL advisory lock, held until commit). */
const APPLY_LOCK = 0x6d61_7463;

/**
 * Solves the window's matching and stores it as a `preview` run. Writes no
 * assignment; the run's input keeps the instance and a fingerprint of the
 * data it was built from. The result says `estimate: true` when drive times are estimates.
 * `run` (a preview job) follows each step through `onPhase` and `onReport` and
 * may stop it with its signal: a preview aborted before its run is stored stores nothing.
 */
export async function previewMatching(opts: {
  prisma: PrismaClient;
  provider: DriveTimeProvider;
  solve: SolveFn;
  window: DateWindow;
  limitMinutes: number;
  actor: SessionUser | null;
  run?: SolveRun & { onPhase?: (phase: PreviewPhase) => void };
}) {
  const watch = opts.run ?? {};
  // Staff match the placements of their départements; the admin (or a run without actor) all of them.
  const scope: Scope = opts.actor ? scopeOf(opts.actor) : { national: true };
  watch.onPhase?.('instance');
  const data = await loadMatchingData(opts.prisma, opts.window, scope);
  watch.signal?.throwIfAborted();
  const { instance, context } = await buildMatchingInstance({ data, provider: opts.provider, limitMinutes: opts.limitMinutes, onDriveTimes: () => watch.onPhase?.('drive-times') });
  watch.signal?.throwIfAborted();
  // Until a worker thread takes the solve (it then reports 'solving'), the preview waits for one.
  watch.onPhase?.('queued');
  const solved = await opts.solve(instance, { signal: watch.signal, testDelayMs: watch.testDelayMs, onReport: (r) => (watch.onReport ? watch.onReport(r) : watch.onPhase?.(r.phase)) });
  watch.signal?.throwIfAborted();
  watch.onPhase?.('storing');
  const result = { ...solved, version: STORED_RUN_VERSION, estimate: context.estimate, provider: context.provider };
  const input: PreviewInput = { version: STORED_RUN_VERSION, window: opts.window, limitMinutes: opts.limitMinutes, instance, context, fingerprint: fingerprint(data) };
  const run = await opts.prisma.$transaction(async (tx) => {
    const r = await tx.matchingRun.create({
      data: { kind: 'preview', createdById: opts.actor?.id ?? null, departements: scope.national ? [] : scope.codes, input: auditSnapshot(input)!, result: auditSnapshot(result)! },
    });
    await recordAudit(tx, {
      actorId: opts.actor?.id ?? null,
      action: 'preview',
      entity: 'MatchingRun',
      entityId: r.id,
      after: { window: opts.window, limitMinutes: opts.limitMinutes, interns: instance.interns.length, beds: instance.beds.length, estimate: context.estimate },
    });
    return r;
  }, TX);
  return { run, input, result };
}

/**
 * Applies a preview in one transaction: re-loads the data and refuses (409,
 * nothing written) if its fingerprint differs from the preview's; otherwise
 * cancels superseded non-locked proposals, keeps the ones the result repeats,
 * creates the new proposals with their drive time and explanation, and audits
 * the apply with its inputs and every assignment it touched. The transaction is
 * serializable, so a change committed while it runs also ends in a 409.
 */
export async function applyMatching(opts: { prisma: PrismaClient; runId: number; overrides: Override[]; locks: number[]; actor: SessionUser | null; appUrl: string; answerBy?: string }) {
  try {
    return await applyInTransaction(opts);
  } catch (e) {
    if (isSerializationFailure(e)) throw new ConflictError('Another change was made while applying: run a new preview', { changed: ['concurrent'] });
    throw e;
  }
}

/** PostgreSQL refused a serializable transaction (SQLSTATE 40001, Prisma P2034): someone wrote meanwhile. */
function isSerializationFailure(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 5) return false;
  const o = e as Record<string, unknown>;
  if (o.code === 'P2034' || o.code === '40001' || o.originalCode === '40001') return true;
  return ['cause', 'meta', 'driverAdapterError'].some((k) => isSerializationFailure(o[k], depth + 1));
}

async function applyInTransaction(opts: { prisma: PrismaClient; runId: number; overrides: Override[]; locks: number[]; actor: SessionUser | null; appUrl: string; answerBy?: string }) {
  const actorId = opts.actor?.id ?? null;
  return opts.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(${APPLY_LOCK}::bigint)::text AS locked`;
    const visible = opts.actor ? visibleRuns(opts.actor) : {};
    const preview = await tx.matchingRun.findFirst({ where: { AND: [{ id: opts.runId }, visible] } });
    if (!preview || preview.kind !== 'preview') throw new NotFoundError('No such matching preview', 'body.runId');
    const { input, result } = readPreview(preview);
    const data = await loadMatchingData(tx, input.window, runScope(preview));
    const changed = changedParts(input.fingerprint, fingerprint(data));
    if (changed.length) {
      throw new ConflictError(`The ${changed.join(', ')} changed since this preview: run a new preview`, { changed });
    }
    const inRun = new Set(input.instance.interns.map((i) => Number(i.id)));
    const current = data.assignments
      .filter((a) => inRun.has(a.internId))
      .map((a) => ({ ...a, startDate: a.startDate.toISOString().slice(0, 10), endDate: a.endDate.toISOString().slice(0, 10) }));
    const plan = planApply({ instance: input.instance, context: input.context, chosen: result.assignments, overrides: opts.overrides, locks: opts.locks, current });

    const run = await tx.matchingRun.create({
      data: {
        kind: 'apply',
        createdById: actorId,
        departements: preview.departements,
        input: auditSnapshot({ previewRunId: preview.id, overrides: opts.overrides, locks: opts.locks, window: input.window, limitMinutes: input.limitMinutes, fingerprint: input.fingerprint })!,
        result: auditSnapshot({ created: plan.create.length, kept: plan.refresh.length, cancelled: plan.cancel.length, bumped: plan.bumped })!,
      },
    });
    const answerBy = opts.answerBy ?? daysFromToday(DEFAULT_ANSWER_DAYS);
    const siteOf = (bedId: number) => input.context.beds[String(bedId)]?.siteId ?? null;
    const audits: Prisma.AuditEventCreateManyInput[] = [];
    if (plan.cancel.length) {
      const cancelled = await tx.assignment.findMany({ where: { id: { in: plan.cancel } } });
      await tx.assignment.updateMany({ where: { id: { in: plan.cancel } }, data: { status: 'cancelled', cancelReason: 'staff' } });
      for (const a of cancelled) {
        audits.push({ actorId, action: 'cancel', entity: 'Assignment', entityId: String(a.id), siteId: siteOf(a.bedId), internId: a.internId, before: auditSnapshot({ status: a.status, matchingRunId: a.matchingRunId }), after: auditSnapshot({ status: 'cancelled', matchingRunId: run.id }) });
      }
    }
    for (const r of plan.refresh) {
      const a = await tx.assignment.update({ where: { id: r.id }, data: { matchingRunId: run.id, driveSeconds: r.driveSeconds, driveEstimate: input.context.estimate, explanation: r.explanation, ...(r.locked ? { locked: true } : {}) } });
      audits.push({ actorId, action: 'update', entity: 'Assignment', entityId: String(a.id), siteId: siteOf(a.bedId), internId: a.internId, after: auditSnapshot({ matchingRunId: run.id, kept: true, ...(r.locked ? { locked: true } : {}) }) });
    }
    const created = plan.create.length
      ? await tx.assignment.createManyAndReturn({
          data: plan.create.map((c) => ({
            internId: c.internId,
            bedId: c.bedId,
            startDate: toDate(c.startDate),
            endDate: toDate(c.endDate),
            status: 'proposed' as const,
            locked: c.locked,
            answerBy: toDate(answerBy),
            driveSeconds: c.driveSeconds,
            driveEstimate: input.context.estimate,
            explanation: c.explanation,
            matchingRunId: run.id,
            createdById: actorId,
          })),
        })
      : [];
    for (const a of created) {
      audits.push({ actorId, action: 'create', entity: 'Assignment', entityId: String(a.id), siteId: siteOf(a.bedId), internId: a.internId, after: auditSnapshot(a) });
    }
    if (audits.length) await tx.auditEvent.createMany({ data: audits });
    // The interns are told, in this same transaction: proposals made, proposals withdrawn by the new run.
    for (const id of plan.cancel) await noticeAssignment({ tx, appUrl: opts.appUrl, assignmentId: id, notice: { kind: 'cancellation', reason: 'staff' } });
    for (const a of created) await noticeAssignment({ tx, appUrl: opts.appUrl, assignmentId: a.id, notice: { kind: 'proposal' } });
    await recordAudit(tx, {
      actorId,
      action: 'apply',
      entity: 'MatchingRun',
      entityId: run.id,
      after: { previewRunId: preview.id, window: input.window, limitMinutes: input.limitMinutes, overrides: opts.overrides, locks: opts.locks, fingerprint: input.fingerprint, created: created.length, kept: plan.refresh.length, cancelled: plan.cancel.length, bumped: plan.bumped },
    });
    return { run, previewRunId: preview.id, created, kept: plan.refresh.map((r) => r.id), cancelled: plan.cancel, bumped: plan.bumped };
  }, { ...TX, isolationLevel: 'Serializable' });
}

/**
 * The beds staff may give one intern of a stored preview instead of its
 * proposal (see `candidateBeds`), with the intern's limit and rent ceiling.
 */
export async function overrideCandidates(opts: { prisma: PrismaClient; runId: number; internId: number; q?: string; limit: number; actor: SessionUser }) {
  const run = await opts.prisma.matchingRun.findFirst({ where: { AND: [{ id: opts.runId }, visibleRuns(opts.actor)] } });
  if (!run || run.kind !== 'preview') throw new NotFoundError('No such matching preview', 'params.id');
  const { input, result } = readPreview(run);
  const intern = input.instance.interns.find((i) => i.id === String(opts.internId));
  if (!intern) throw new NotFoundError('This intern is not part of this matching run', 'query.internId');
  const found = candidateBeds({ instance: input.instance, context: input.context, chosen: result.assignments, internId: opts.internId, q: opts.q, limit: opts.limit });
  return { internId: opts.internId, limitMinutes: intern.limitMinutes ?? input.instance.limitMinutes, maxRentCents: intern.maxRentCents ?? null, estimate: input.context.estimate, ...found };
}
