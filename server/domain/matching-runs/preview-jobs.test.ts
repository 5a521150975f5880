import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../errors.ts';
import { PreviewJobs, type JobWatch } from './preview-jobs.ts';

/** A job's work held open by the test: it reports what the test says and ends when told to. */
function heldWork() {
  let watch: JobWatch | undefined;
  let finish: (runId: number) => void = () => {};
  let ready: () => void = () => {};
  const started = new Promise<void>((resolve) => (ready = resolve));
  const work = (w: JobWatch) => {
    watch = w;
    ready();
    return new Promise<number>((resolve) => (finish = resolve));
  };
  return { work, started, watch: () => watch!, finish: (id: number) => finish(id) };
}

describe('PreviewJobs', () => {
  it('shows a job step by step, with the search figures and elapsed time, then its run', async () => {
    let now = 1_000;
    const jobs = new PreviewJobs({ now: () => now });
    const h = heldWork();
    const job = jobs.start(7, h.work);
    expect(job).toMatchObject({ status: 'running', phase: 'queued', ownerId: 7 });
    await h.started;
    h.watch().onPhase('drive-times');
    expect(jobs.get(job.id, 7).phase).toBe('drive-times');
    h.watch().onReport({ phase: 'solving', search: { method: 'mip', stage: 1, stages: 3, nodes: 12, incumbentHoused: 40, gap: 0.25 } });
    now += 1_500;
    expect(jobs.get(job.id, 7)).toMatchObject({ phase: 'solving', search: { nodes: 12, incumbentHoused: 40, gap: 0.25 } });
    expect(jobs.elapsedMs(job)).toBe(1_500);
    h.watch().onReport({ phase: 'explaining' });
    expect(jobs.get(job.id, 7).phase).toBe('explaining');
    h.finish(42);
    await jobs.settled(job.id);
    now += 5_000;
    expect(jobs.get(job.id, 7)).toMatchObject({ status: 'done', runId: 42 });
    // Elapsed time stops when the job ends.
    expect(jobs.elapsedMs(job)).toBe(1_500);
  });

  it('cancels every running job of everyone when the server stops, and leaves finished ones', async () => {
    const jobs = new PreviewJobs();
    const a = heldWork();
    const b = heldWork();
    const first = jobs.start(7, a.work);
    const second = jobs.start(8, b.work);
    const done = jobs.start(9, async () => 45);
    await Promise.all([a.started, b.started, jobs.settled(done.id)]);
    expect(jobs.cancelAll()).toBe(2);
    expect(a.watch().signal.aborted && b.watch().signal.aborted).toBe(true);
    expect(jobs.get(first.id, 7).status).toBe('cancelled');
    expect(jobs.get(second.id, 8).status).toBe('cancelled');
    expect(jobs.get(done.id, 9)).toMatchObject({ status: 'done', runId: 45 });
    expect(jobs.cancelAll()).toBe(0);
  });

  it('cancels a running job: its signal aborts, and whatever the work does after leaves it cancelled', async () => {
    const jobs = new PreviewJobs();
    const h = heldWork();
    const job = jobs.start(7, h.work);
    await h.started;
    expect(h.watch().signal.aborted).toBe(false);
    expect(jobs.cancel(job.id, 7).status).toBe('cancelled');
    expect(h.watch().signal.aborted).toBe(true);
    h.watch().onPhase('storing');
    h.finish(43);
    await jobs.settled(job.id);
    expect(jobs.get(job.id, 7)).toMatchObject({ status: 'cancelled', phase: 'queued' });
    expect(jobs.get(job.id, 7).runId).toBeUndefined();
    // A finished job is left as it is.
    const done = jobs.start(7, async () => 44);
    await jobs.settled(done.id);
    expect(jobs.cancel(done.id, 7)).toMatchObject({ status: 'done', runId: 44 });
  });

  it('is its starter\'s alone: anyone else reads and cancels a 404, as for an unknown job', async () => {
    const jobs = new PreviewJobs();
    const h = heldWork();
    const job = jobs.start(7, h.work);
    await h.started;
    for (const attempt of [() => jobs.get(job.id, 8), () => jobs.cancel(job.id, 8), () => jobs.get('00000000-0000-4000-8000-000000000000', 7)]) {
      expect(attempt).toThrow(expect.objectContaining({ status: 404, id: 'not_found' }));
    }
    expect(h.watch().signal.aborted).toBe(false);
    h.finish(1);
  });

  it('refuses a third running job of one person (429), not another person\'s first', async () => {
    const jobs = new PreviewJobs({ maxRunningPerOwner: 2 });
    const a = heldWork();
    const b = heldWork();
    const first = jobs.start(7, a.work);
    jobs.start(7, b.work);
    expect(() => jobs.start(7, async () => 1)).toThrow(expect.objectContaining({ status: 429, id: 'too_many_previews' }));
    const other = jobs.start(8, async () => 2);
    await jobs.settled(other.id);
    expect(jobs.get(other.id, 8).status).toBe('done');
    // Once one ends, the person may start again.
    await a.started;
    a.finish(3);
    await jobs.settled(first.id);
    expect(jobs.start(7, async () => 4).status).toBe('running');
  });

  it('keeps the API error of a failed job, hides an unexpected one behind a 500 and tells the server log', async () => {
    const unexpected: unknown[] = [];
    const jobs = new PreviewJobs({ onUnexpected: (e) => unexpected.push(e) });
    const refused = jobs.start(7, async () => {
      throw new ConflictError('The data cannot be matched as it stands: chain', { field: 'interns[0].partner' });
    });
    const broken = jobs.start(7, async () => {
      throw new Error('secret internals');
    });
    await jobs.settled(refused.id);
    await jobs.settled(broken.id);
    expect(jobs.get(refused.id, 7)).toMatchObject({ status: 'failed', error: { status: 409, id: 'conflict', details: { field: 'interns[0].partner' } } });
    expect(jobs.get(broken.id, 7)).toMatchObject({ status: 'failed', error: { status: 500, id: 'internal', message: 'Internal error' } });
    expect(unexpected).toHaveLength(1);
  });

  it('forgets finished jobs after a while, never running ones', async () => {
    let now = 0;
    const jobs = new PreviewJobs({ keepMs: 60_000, now: () => now });
    const h = heldWork();
    const running = jobs.start(7, h.work);
    const done = jobs.start(7, async () => 5);
    await jobs.settled(done.id);
    now += 60_001;
    expect(() => jobs.get(done.id, 7)).toThrow(expect.objectContaining({ status: 404 }));
    expect(jobs.get(running.id, 7).status).toBe('running');
    await h.started;
    h.finish(6);
  });
});
