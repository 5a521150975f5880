import type { CandidateBed } from '../../domain/matching-runs/override-candidates.ts';
import type { PreviewJob } from '../../domain/matching-runs/preview-jobs.ts';
import { readPreview, readRunSummary, type PreviewInput } from '../../domain/matching-runs/stored-run.ts';

/** A stored matching run in lists: what it covered and its headline figures, not its whole input. */
export function presentRunSummary(run: { id: number; kind: string; createdAt: Date; createdById: number | null; input: unknown; result: unknown }) {
  const { input, summary } = readRunSummary(run);
  return {
    id: run.id,
    kind: run.kind,
    createdAt: run.createdAt.toISOString(),
    createdById: run.createdById,
    window: input.window,
    limitMinutes: input.limitMinutes,
    previewRunId: input.previewRunId,
    // A preview's headline figures, or an apply's counts; each field checked (stored-run.ts), null when malformed.
    summary,
  };
}

/** A preview as the review screen needs it: the solver's result with names of interns, sites, rooms and beds. */
export function presentPreview(runId: number, input: PreviewInput, result: Record<string, unknown> & { assignments: { intern: string; bed: string }[]; unmatched: { intern: string }[] }) {
  const { interns, beds } = input.context;
  return {
    runId,
    window: input.window,
    limitMinutes: input.limitMinutes,
    result: {
      ...result,
      assignments: result.assignments.map((a) => ({ ...a, internName: interns[a.intern]?.name ?? null, practices: interns[a.intern]?.practices ?? [], ...(beds[a.bed] ?? {}) })),
      unmatched: result.unmatched.map((u) => ({ ...u, internName: interns[u.intern]?.name ?? null, practices: interns[u.intern]?.practices ?? [] })),
    },
    labels: { interns: Object.fromEntries(Object.entries(interns).map(([id, i]) => [id, { name: i.name, practices: i.practices, wishes: i.wishes, note: i.note }])), beds },
  };
}

/** The outcome of an apply. */
export function presentApply(out: { run: { id: number }; previewRunId: number; created: { id: number; internId: number; bedId: number; startDate: Date; endDate: Date; driveSeconds: number | null; driveEstimate: boolean; explanation: string | null }[]; kept: number[]; cancelled: number[]; bumped: number[] }) {
  return {
    runId: out.run.id,
    previewRunId: out.previewRunId,
    created: out.created.map((a) => ({
      id: a.id,
      internId: a.internId,
      bedId: a.bedId,
      startDate: a.startDate.toISOString().slice(0, 10),
      endDate: a.endDate.toISOString().slice(0, 10),
      status: 'proposed' as const,
      driveSeconds: a.driveSeconds,
      driveEstimate: a.driveEstimate,
      explanation: a.explanation,
    })),
    kept: out.kept,
    cancelled: out.cancelled,
    bumped: out.bumped,
  };
}

/** One stored run: a preview in full (to resume a review), an apply as its summary. */
export function presentRun(run: { id: number; kind: string; createdAt: Date; createdById: number | null; input: unknown; result: unknown }) {
  if (run.kind !== 'preview') return presentRunSummary(run);
  const { input, result } = readPreview(run);
  const preview = presentPreview(run.id, input, result);
  return { kind: run.kind, createdAt: run.createdAt.toISOString(), createdById: run.createdById, ...preview };
}

/** The override picker's list for one intern: each bed with its drive, rent, flags and who the preview gives it to. */
export function presentCandidates(out: { internId: number; limitMinutes: number; maxRentCents: number | null; estimate: boolean; total: number; candidates: CandidateBed[] }) {
  return {
    internId: out.internId,
    limitMinutes: out.limitMinutes,
    maxRentCents: out.maxRentCents,
    estimate: out.estimate,
    total: out.total,
    candidates: out.candidates.map((c) => ({
      bedId: c.bedId,
      siteId: c.siteId,
      siteName: c.siteName,
      commune: c.commune,
      roomLabel: c.roomLabel,
      bedLabel: c.bedLabel,
      minutes: c.minutes,
      drives: c.drives,
      rentCents: c.rentCents,
      flags: c.flags,
      takenBy: c.takenBy,
    })),
  };
}

/** A preview job as its owner reads it: step, elapsed time, search figures, then its run or error. */
export function presentPreviewJob(job: PreviewJob, elapsedMs: number) {
  return {
    jobId: job.id,
    status: job.status,
    phase: job.phase,
    elapsedMs,
    search: job.search
      ? { method: job.search.method, stage: job.search.stage, stages: job.search.stages, nodes: job.search.nodes, incumbentHoused: job.search.incumbentHoused, gap: job.search.gap }
      : null,
    runId: job.runId ?? null,
    error: job.error ? { status: job.error.status, id: job.error.id, message: job.error.message, field: job.error.field, details: job.error.details } : null,
  };
}
