import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusyError } from '../errors.ts';
import { toShared, sharedBytes } from './shared-data.ts';
import { defineTask, TaskAbortedError, WorkerPool, WorkerTaskError } from './worker-pool.ts';

const fixtures = new URL('./fixture-tasks.ts', import.meta.url);
const add = defineTask<{ a: number; b: number }, number>(fixtures, 'add');
const bump = defineTask<{ index: number }, number>(fixtures, 'bumpShared');
const spin = defineTask<void, number>(fixtures, 'spinUntilReleased');
const fail = defineTask<{ code: number }, never>(fixtures, 'fail');
const exhaust = defineTask<void, number>(fixtures, 'exhaustHeap');
const forever = defineTask<void, never>(fixtures, 'spinForever');

describe('WorkerPool', () => {
  const fixture = toShared({ counters: new Int32Array(4) });
  let pool: WorkerPool;
  beforeAll(() => {
    pool = new WorkerPool({ threads: 1, maxQueue: 1, maxHeapMb: 48, shared: { fixture } });
  });
  afterAll(() => pool.close());

  it('runs a named export of a TypeScript module on a worker thread', async () => {
    expect(await pool.run(add, { a: 2, b: 40 })).toBe(42);
  });

  it('shares SharedArrayBuffer data with workers instead of copying it', async () => {
    expect(fixture.counters.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(sharedBytes(fixture)).toBe(16);
    await pool.run(bump, { index: 2 });
    await pool.run(bump, { index: 2 });
    // The worker's writes are visible here: same memory.
    expect(Atomics.load(fixture.counters, 2)).toBe(2);
  });

  it('carries a task error back with its class name and fields', async () => {
    const err = await pool.run(fail, { code: 7 }).catch((e) => e);
    expect(err).toBeInstanceOf(WorkerTaskError);
    expect(err.remoteName).toBe('FixtureError');
    expect(err.message).toBe('fixture failure 7');
    expect(err.props).toMatchObject({ code: 7, point: [1.5, 47.25] });
  });

  it('keeps the request thread free while a task runs, and refuses work past the queue with BusyError', async () => {
    Atomics.store(fixture.counters, 0, 0);
    const long = pool.run(spin, undefined);
    const queued = pool.run(add, { a: 1, b: 1 });
    // The only thread spins and the queue (1) is full: the next task is refused at once.
    await expect(pool.run(add, { a: 0, b: 0 })).rejects.toBeInstanceOf(BusyError);
    // This thread still runs timers while the worker spins.
    const ticked = await new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 5));
    expect(ticked).toBe(true);
    let settled = false;
    void long.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    Atomics.store(fixture.counters, 0, 1);
    expect(await long).toBeGreaterThan(0);
    expect(await queued).toBe(2);
  });

  it('survives a task that exhausts its worker heap: the task fails, the pool goes on', async () => {
    const err = await pool.run(exhaust, undefined).catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(String(err.code ?? err.message)).toMatch(/OUT_OF_MEMORY|memory/i);
    expect(await pool.run(add, { a: 20, b: 22 })).toBe(42);
  });

  it('aborts a running task by terminating its worker: the slot is free again for the next task', async () => {
    const abort = new AbortController();
    const before = pool.stats.aborted;
    const running = pool.run(forever, undefined, { signal: abort.signal });
    const outcome = running.catch((e) => e);
    // The only thread now spins forever: the next task waits in the queue behind it.
    const next = pool.run(add, { a: 40, b: 2 });
    abort.abort();
    expect(await outcome).toBeInstanceOf(TaskAbortedError);
    expect(pool.stats.aborted).toBe(before + 1);
    // Without the termination this would never answer (the test would time out).
    expect(await next).toBe(42);
    // An already-aborted signal never starts the task.
    await expect(pool.run(add, { a: 1, b: 1 }, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(TaskAbortedError);
  });
});

describe('WorkerPool.ready', () => {
  it('resolves once every thread has loaded its preloaded task modules', async () => {
    const preloadFixture = toShared({ loaded: new Int32Array(1) });
    const pool = new WorkerPool({ threads: 2, shared: { preloadFixture }, preload: [new URL('./fixture-preload.ts', import.meta.url)] });
    try {
      await pool.ready();
      expect(Atomics.load(preloadFixture.loaded, 0)).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('rejects, naming the error, when a thread cannot load them', async () => {
    const pool = new WorkerPool({ threads: 1, preload: [new URL('./fixture-preload-failing.ts', import.meta.url)] });
    try {
      await expect(pool.ready()).rejects.toThrow(/could not start: fixture preload failure/);
    } finally {
      await pool.close().catch(() => {});
    }
  });
});
