import { Router } from 'express';
import { currentUser, requireRole } from '../../auth/middleware.ts';
import type { AppContext } from '../../context.ts';
import { applyMatching, overrideCandidates, previewMatching } from '../../domain/matching-runs/run-matching.ts';
import { PreviewJobs } from '../../domain/matching-runs/preview-jobs.ts';
import { solveInThread, solveOnWorkers } from '../../domain/matching-runs/solver.ts';
import { resolveWindow } from '../../domain/search/date-window.ts';
import { NotFoundError } from '../../errors.ts';
import { visibleRuns } from '../../domain/departements/visibility.ts';
import { parse } from '../../middleware/validate.ts';
import { idParams } from '../../schemas/params.ts';
import { presentApply, presentCandidates, presentPreview, presentPreviewJob, presentRun, presentRunSummary } from './presenter.ts';
import { applyBody, candidatesQuery, jobParams, listRunsQuery, previewBody } from './schema.ts';

/**
 * Matching runs for department staff: preview (solve, store, write no
 * assignment) answered at once or started as a job to follow and cancel,
 * apply, list.
 */
export function createMatchingRouter(ctx: AppContext): Router {
  const router = Router();
  const staff = requireRole('staff', 'admin');
  // Solve and explain on the worker pool when there is one: the request thread keeps answering. A
  // cancelled job's solve is aborted: on the pool its worker is terminated; in-thread (no pool) between steps.
  const solve = ctx.workers ? solveOnWorkers(ctx.workers) : solveInThread();
  const jobs = new PreviewJobs({ onUnexpected: (err) => ctx.logger.error({ err }, 'matching preview job failed') });
  ctx.stopping?.addEventListener('abort', () => {
    const n = jobs.cancelAll();
    if (n > 0) ctx.logger.info({ cancelled: n }, 'server stopping: running matching previews cancelled');
  }, { once: true });

  router.post('/matching/preview', staff, async (req, res) => {
    const body = parse(previewBody, req.body, 'body');
    const { run, input, result } = await previewMatching({
      prisma: ctx.db.prisma,
      provider: ctx.driveTimes.provider,
      solve,
      window: resolveWindow(body),
      limitMinutes: body.limitMinutes,
      actor: currentUser(req),
    });
    res.status(201).json(presentPreview(run.id, input, result));
  });

  router.post('/matching/preview/jobs', staff, (req, res) => {
    const body = parse(previewBody, req.body, 'body');
    const actor = currentUser(req);
    const job = jobs.start(actor.id, async (watch) => {
      const { run } = await previewMatching({
        prisma: ctx.db.prisma,
        provider: ctx.driveTimes.provider,
        solve,
        window: resolveWindow(body),
        limitMinutes: body.limitMinutes,
        actor,
        // The test-only delay is read per job, so a test may set it on the config for one job.
        run: { ...watch, testDelayMs: ctx.config.matching.previewTestDelayMs },
      });
      return run.id;
    });
    res.status(202).json(presentPreviewJob(job, jobs.elapsedMs(job)));
  });

  router.get('/matching/preview/jobs/:id', staff, (req, res) => {
    const { id } = parse(jobParams, req.params, 'params');
    const job = jobs.get(id, currentUser(req).id);
    res.json(presentPreviewJob(job, jobs.elapsedMs(job)));
  });

  router.delete('/matching/preview/jobs/:id', staff, (req, res) => {
    const { id } = parse(jobParams, req.params, 'params');
    const job = jobs.cancel(id, currentUser(req).id);
    res.json(presentPreviewJob(job, jobs.elapsedMs(job)));
  });

  router.post('/matching/apply', staff, async (req, res) => {
    const body = parse(applyBody, req.body, 'body');
    const out = await applyMatching({ prisma: ctx.db.prisma, runId: body.runId, overrides: body.overrides, locks: body.locks, answerBy: body.answerBy, actor: currentUser(req), appUrl: ctx.config.mail.appUrl });
    ctx.jobs?.kick();
    res.json(presentApply(out));
  });

  router.get('/matching/runs', staff, async (req, res) => {
    const q = parse(listRunsQuery, req.query, 'query');
    const runs = await ctx.db.prisma.matchingRun.findMany({ where: visibleRuns(currentUser(req)), orderBy: { id: 'desc' }, take: q.limit });
    res.json({ runs: runs.map(presentRunSummary) });
  });

  router.get('/matching/runs/:id/candidates', staff, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const q = parse(candidatesQuery, req.query, 'query');
    const out = await overrideCandidates({ prisma: ctx.db.prisma, runId: id, internId: q.internId, q: q.q, limit: q.limit, actor: currentUser(req) });
    res.json(presentCandidates(out));
  });

  router.get('/matching/runs/:id', staff, async (req, res) => {
    const { id } = parse(idParams, req.params, 'params');
    const run = await ctx.db.prisma.matchingRun.findFirst({ where: { AND: [{ id }, visibleRuns(currentUser(req))] } });
    if (!run) throw new NotFoundError('No such matching run', 'params.id');
    res.json(presentRun(run));
  });

  return router;
}
