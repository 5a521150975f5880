import { afterAll, describe, expect, it } from 'vitest';
import { buildIntern, buildPlacement, buildPractice, buildRoom, buildSite, clientAs } from '../../../tests/helpers/factories.ts';
import { useTestApp, type TestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import type { Database } from '../../db/connect.ts';
import { WorkerPool } from '../../workers/worker-pool.ts';

/** Windows of their own: a preview depends on everything in its window. */
const windows = ['2071', '2072', '2073', '2074'].map((y) => ({ from: `${y}-05-01`, to: `${y}-10-31` }));

describe('matching preview jobs', () => {
  // One worker thread: a cancelled solve that kept its thread would block every later job.
  const pool = new WorkerPool({ threads: 1, maxQueue: 4 });
  afterAll(() => pool.close());
  let db: Database;
  let app: TestApp;
  let staff: TestClient;
  let staffId: number;

  useTestApp(
    async (t) => {
      ({ db, app } = t);
      const s = await clientAs(app, db.prisma, 'staff');
      staff = s.client;
      staffId = s.user.id;
    },
    { workers: pool },
  );

  /** Two near beds and one far bed for three interns placed for the window's semester. */
  async function scenario(w: { from: string; to: string }, lng: number) {
    const near = await buildSite(db.prisma, { name: 'Proche', lng, lat: 46.1 });
    await buildRoom(db.prisma, { siteId: near.id, beds: 2, availability: [w] });
    const far = await buildSite(db.prisma, { name: 'Loin', lng, lat: 46.36 });
    await buildRoom(db.prisma, { siteId: far.id, beds: 1, availability: [w] });
    const practice = await buildPractice(db.prisma, { lng, lat: 46.0 });
    for (let k = 0; k < 3; k++) {
      const i = await buildIntern(db.prisma);
      await buildPlacement(db.prisma, { internId: i.id, practiceId: practice.id, startDate: w.from, endDate: w.to });
    }
  }
  /** Reads the job again and again until `done` holds (the test's timeout bounds the wait). */
  async function until(client: TestClient, jobId: string, done: (job: any) => boolean) {
    for (;;) {
      const res = await client.get(`/api/matching/preview/jobs/${jobId}`);
      expect(res.status).toBe(200);
      if (done(res.body)) return res.body;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  const runsOf = (userId: number) => db.prisma.matchingRun.count({ where: { createdById: userId, kind: 'preview' } });

  it('starts a preview as a job, answers its id at once, then shows its stored preview', async () => {
    const w = windows[0];
    await scenario(w, 5.1);
    const res = await staff.post('/api/matching/preview/jobs', { from: w.from, to: w.to, limitMinutes: 30 });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ jobId: expect.any(String), status: 'running', runId: null, error: null });
    const job = await until(staff, res.body.jobId, (j) => j.status !== 'running');
    expect(job).toMatchObject({ status: 'done', phase: 'storing', runId: expect.any(Number), error: null });
    expect(job.elapsedMs).toBeGreaterThanOrEqual(0);
    // The same preview as the synchronous route stores, read where the board reads it.
    const run = await staff.get(`/api/matching/runs/${job.runId}`);
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ kind: 'preview', window: w, result: { housed: 2 } });
    expect(run.body.result.unmatched).toHaveLength(1);
  });

  it('shows the solve step while the worker solves; cancelling aborts the worker task, stores nothing, and a new preview still works', async () => {
    const w = windows[1];
    await scenario(w, 5.2);
    const before = await runsOf(staffId);
    const aborted = pool.stats.aborted;
    // Test hook: each job's solve now waits ten minutes on its worker thread before solving.
    app.ctx.config.matching.previewTestDelayMs = 600_000;
    let jobId: string;
    try {
      jobId = (await staff.post('/api/matching/preview/jobs', { from: w.from, to: w.to })).body.jobId;
      // Reported from inside the worker, over the task's message port.
      const solving = await until(staff, jobId, (j) => j.phase === 'solving');
      expect(solving.status).toBe('running');
    } finally {
      app.ctx.config.matching.previewTestDelayMs = 0;
    }
    const cancelled = await staff.delete(`/api/matching/preview/jobs/${jobId}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', phase: 'solving', runId: null });
    // The worker task was aborted (its thread terminated), not left to run its ten minutes.
    while (pool.stats.aborted === aborted) await new Promise((r) => setTimeout(r, 20));
    expect(pool.stats.aborted).toBe(aborted + 1);
    expect((await staff.get(`/api/matching/preview/jobs/${jobId}`)).body.status).toBe('cancelled');
    // On the only worker thread, a new preview runs to the end: the slot was freed.
    const again = (await staff.post('/api/matching/preview/jobs', { from: w.from, to: w.to })).body;
    const done = await until(staff, again.jobId, (j) => j.status !== 'running');
    expect(done).toMatchObject({ status: 'done', runId: expect.any(Number) });
    // Only the new preview was stored.
    expect(await runsOf(staffId)).toBe(before + 1);
  });

  it('refuses someone else\'s job (404, like an unknown one), and a third running job of one person (429)', async () => {
    const w = windows[2];
    await scenario(w, 5.3);
    const other = (await clientAs(app, db.prisma, 'staff')).client;
    const admin = (await clientAs(app, db.prisma, 'admin')).client;
    app.ctx.config.matching.previewTestDelayMs = 600_000;
    const ids: string[] = [];
    try {
      for (let k = 0; k < 2; k++) {
        const res = await staff.post('/api/matching/preview/jobs', { from: w.from, to: w.to });
        expect(res.status).toBe(202);
        ids.push(res.body.jobId);
      }
      const third = await staff.post('/api/matching/preview/jobs', { from: w.from, to: w.to });
      expect(third.status).toBe(429);
      expect(third.body.error.id).toBe('too_many_previews');
    } finally {
      app.ctx.config.matching.previewTestDelayMs = 0;
    }
    for (const client of [other, admin]) {
      expect((await client.get(`/api/matching/preview/jobs/${ids[0]}`)).status).toBe(404);
      expect((await client.delete(`/api/matching/preview/jobs/${ids[0]}`)).status).toBe(404);
    }
    expect((await staff.get('/api/matching/preview/jobs/not-a-job')).status).toBe(400);
    // Their refusals changed nothing: the owner's jobs still run, until the owner cancels them
    // (the second one waits in the pool's queue behind the first: cancelling takes it out).
    for (const id of ids) expect((await staff.get(`/api/matching/preview/jobs/${id}`)).body.status).toBe('running');
    // The first holds the only worker thread; the second waits for it, and says so.
    await until(staff, ids[0], (j) => j.phase === 'solving');
    await until(staff, ids[1], (j) => j.phase === 'queued' && j.elapsedMs > 0);
    for (const id of ids) expect((await staff.delete(`/api/matching/preview/jobs/${id}`)).body.status).toBe('cancelled');
    const res = await staff.post('/api/matching/preview/jobs', { from: w.from, to: w.to });
    expect(res.status).toBe(202);
    expect(await until(staff, res.body.jobId, (j) => j.status !== 'running')).toMatchObject({ status: 'done' });
  });
});

describe('matching preview jobs when the server stops', () => {
  const pool = new WorkerPool({ threads: 1, maxQueue: 4 });
  const stopping = new AbortController();
  let db: Database;
  let app: TestApp;
  let staff: TestClient;

  useTestApp(
    async (t) => {
      ({ db, app } = t);
      staff = (await clientAs(app, db.prisma, 'staff')).client;
    },
    { workers: pool, stopping: stopping.signal },
  );

  it('cancels a running preview, so closing the worker pool does not wait for its solve', async () => {
    const w = { from: '2075-05-01', to: '2075-10-31' };
    const practice = await buildPractice(db.prisma, { lng: 5.5, lat: 46.0 });
    const site = await buildSite(db.prisma, { lng: 5.5, lat: 46.1 });
    await buildRoom(db.prisma, { siteId: site.id, beds: 1, availability: [w] });
    const intern = await buildIntern(db.prisma);
    await buildPlacement(db.prisma, { internId: intern.id, practiceId: practice.id, startDate: w.from, endDate: w.to });
    // Test hook: the solve waits ten minutes on its worker thread (longer than this test may take).
    app.ctx.config.matching.previewTestDelayMs = 600_000;
    const jobId = (await staff.post('/api/matching/preview/jobs', { from: w.from, to: w.to })).body.jobId;
    for (;;) {
      const job = (await staff.get(`/api/matching/preview/jobs/${jobId}`)).body;
      if (job.phase === 'solving') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    stopping.abort();
    expect((await staff.get(`/api/matching/preview/jobs/${jobId}`)).body).toMatchObject({ status: 'cancelled', runId: null });
    // Without the cancel, close() would wait for the ten-minute solve and the test would time out.
    await pool.close();
    expect(pool.stats.aborted).toBe(1);
  });
});
