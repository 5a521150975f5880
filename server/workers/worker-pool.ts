import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { BroadcastChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { BusyError } from '../errors.ts';
import type { ReadyNotice, TaskEnvelope, TaskOutcome } from './worker-main.ts';

/**
 * A named function in a task module, run on a worker thread. The module is any ES module whose
 * export `name` is `(input) => output | Promise<output>`; input and output cross the thread boundary
 * by structured clone (typed arrays over a SharedArrayBuffer are shared, not copied).
 */
export interface TaskRef<I, O> {
  readonly module: string;
  readonly name: string;
  /** Phantom field carrying the types; never set. */
  readonly types?: (input: I) => O;
}

/** Declares a task: `defineTask<In, Out>(new URL('./my-tasks.ts', import.meta.url), 'solve')`. */
export function defineTask<I, O>(moduleUrl: URL | string, name: string): TaskRef<I, O> {
  return { module: String(moduleUrl), name };
}

/** Options of {@link WorkerPool}. */
export interface WorkerPoolOptions {
  /** Worker threads kept warm (default: one less than the cores, at least one). */
  threads?: number;
  /** Tasks waiting for a thread before `run` refuses with {@link BusyError} (default 32). */
  maxQueue?: number;
  /** Old-generation heap of each worker, MB: a runaway task kills its worker, not the server. */
  maxHeapMb?: number;
  /**
   * Data every worker can read through `sharedData(key)` (worker-context.ts). Pass typed arrays over
   * SharedArrayBuffers (see `toShared`) for large read-only data: workers see the same memory.
   */
  shared?: Record<string, unknown>;
  /** Task modules each worker imports as soon as it starts (to build its state before the first task). */
  preload?: (URL | string)[];
}

/** Counters for logs and health. */
export interface WorkerPoolStats {
  threads: number;
  queued: number;
  completed: number;
  /** Tasks stopped by their abort signal (a running one's worker was terminated). */
  aborted: number;
  /** Share of time the threads were busy since start, 0–1. */
  utilization: number;
}

/** An error thrown by a task on its worker, carried back with its name and own properties. */
export class WorkerTaskError extends Error {
  constructor(
    readonly remoteName: string,
    message: string,
    readonly props: Record<string, unknown>,
    readonly remoteStack?: string,
  ) {
    super(message);
    this.name = 'WorkerTaskError';
  }
}

/** A task stopped by its abort signal before it finished (see {@link WorkerPool.run}). */
export class TaskAbortedError extends Error {
  constructor(readonly task: string) {
    super(`task ${task} was aborted`);
    this.name = 'TaskAbortedError';
  }
}

/** The default number of threads: leave one core to the request thread. */
export function defaultThreadCount(): number {
  return Math.max(1, Math.min(8, os.availableParallelism() - 1));
}

const ENTRY = fileURLToPath(new URL('./worker-entry.mjs', import.meta.url));

/**
 * One pool of worker threads for CPU-heavy work (drive-time engine, matching solver), so the
 * request thread keeps answering health checks, sign-in and the catalogue while they run. Tasks
 * are named functions of task modules ({@link defineTask}); the pool is generic and knows none.
 * Work that cannot start because every thread is busy and the queue is full is refused at once
 * with {@link BusyError} (503) rather than queued without bound.
 */
export class WorkerPool {
  private readonly piscina: Piscina<TaskEnvelope, TaskOutcome>;
  readonly threads: number;
  private aborted = 0;
  private readonly started: Promise<void>;
  private readonly readyChannel: BroadcastChannel;

  constructor(options: WorkerPoolOptions = {}) {
    this.threads = options.threads ?? defaultThreadCount();
    // Each worker says on this channel when it has loaded its task modules (or failed to).
    const readyChannel = `internat-match:workers-ready:${randomUUID()}`;
    this.readyChannel = new BroadcastChannel(readyChannel);
    this.readyChannel.unref();
    const readyThreads = new Set<number>();
    this.started = new Promise<void>((resolve, reject) => {
      this.readyChannel.onmessage = (event) => {
        const notice = (event as { data: ReadyNotice }).data;
        if (notice.error) {
          this.readyChannel.close();
          reject(new Error(`a worker thread could not start: ${notice.error}`));
          return;
        }
        readyThreads.add(notice.threadId);
        if (readyThreads.size >= this.threads) {
          this.readyChannel.close();
          resolve();
        }
      };
    });
    // Nobody may be waiting for it (scripts, tests): a failure also surfaces on the first task.
    this.started.catch(() => {});
    this.piscina = new Piscina<TaskEnvelope, TaskOutcome>({
      filename: ENTRY,
      minThreads: this.threads,
      maxThreads: this.threads,
      maxQueue: options.maxQueue ?? 32,
      idleTimeout: Infinity,
      // Workers wait for tasks asynchronously, so task modules may use timers and promises freely.
      atomics: 'disabled',
      resourceLimits: options.maxHeapMb ? { maxOldGenerationSizeMb: options.maxHeapMb } : undefined,
      workerData: { shared: options.shared ?? {}, preload: (options.preload ?? []).map(String), readyChannel },
    });
    // A worker that dies (out of memory) is replaced by piscina; its task's promise rejects.
    this.piscina.on('error', () => {});
  }

  /**
   * Runs one task on a worker. Rejects with {@link BusyError} when the queue is full, with the
   * task's own error (as {@link WorkerTaskError}) when it throws, or with the worker's error when
   * the worker dies (out of memory). `signal` aborts it: a waiting task leaves the queue, a
   * running one has its worker terminated (a fresh worker replaces it, so the slot is free
   * again) and `run` rejects with {@link TaskAbortedError}. `transferList` moves objects named
   * in the input (a `MessagePort` for progress reports, say) instead of copying them.
   */
  async run<I, O>(task: TaskRef<I, O>, input: I, options: { signal?: AbortSignal; transferList?: Transferable[] } = {}): Promise<O> {
    let outcome: TaskOutcome;
    try {
      outcome = await this.piscina.run({ module: task.module, name: task.name, input }, { signal: options.signal, transferList: options.transferList as never });
    } catch (err) {
      if ((err as Error)?.message === 'Task queue is at limit') {
        throw new BusyError('Every worker thread is busy and the queue is full; try again shortly', 1);
      }
      if (options.signal?.aborted) {
        this.aborted++;
        throw new TaskAbortedError(task.name);
      }
      throw err;
    }
    if (!outcome.ok) throw new WorkerTaskError(outcome.error.name, outcome.error.message, outcome.error.props, outcome.error.stack);
    return outcome.value as O;
  }

  get stats(): WorkerPoolStats {
    return {
      threads: this.threads,
      queued: this.piscina.queueSize,
      completed: this.piscina.completed,
      aborted: this.aborted,
      utilization: this.piscina.utilization,
    };
  }

  /**
   * Resolves once every thread has started and loaded its preloaded task modules (the drive-time
   * engine over the shared graph); rejects if one could not. Piscina starts its threads in the
   * background: without waiting for this, a server answers its first requests while its workers still
   * compile and load, competing for the same cores (on two cores, the first seconds of traffic).
   */
  ready(): Promise<void> {
    return this.started;
  }

  /** Waits for running tasks, then stops the threads. */
  async close(): Promise<void> {
    this.readyChannel.close();
    await this.piscina.close();
  }
}
