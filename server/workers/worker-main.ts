import { threadId, BroadcastChannel } from 'node:worker_threads';
import { workerData } from 'piscina';

/** What the pool sends to a worker: which export of which module, and its input. */
export interface TaskEnvelope {
  module: string;
  name: string;
  input: unknown;
}

/** A task's error, made cloneable: its class name, message and own properties. */
export interface SerializedError {
  name: string;
  message: string;
  props: Record<string, unknown>;
  stack?: string;
}

/** What a worker announces on the pool's ready channel once its task modules are loaded. */
export interface ReadyNotice {
  threadId: number;
  /** Why it could not load them. */
  error?: string;
}

/** What a worker sends back: the value, or the error the task threw. */
export type TaskOutcome = { ok: true; value: unknown } | { ok: false; error: SerializedError };

const modules = new Map<string, Promise<Record<string, unknown>>>();

function load(specifier: string): Promise<Record<string, unknown>> {
  let m = modules.get(specifier);
  if (!m) {
    m = import(specifier) as Promise<Record<string, unknown>>;
    modules.set(specifier, m);
  }
  return m;
}

function serialize(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err), props: {} };
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(err)) {
    try {
      structuredClone(v);
      props[k] = v;
    } catch {
      /* not cloneable: left out */
    }
  }
  return { name: err.name, message: err.message, props, stack: err.stack };
}

/** Runs one task on this worker thread; a thrown error becomes an outcome, never a dead worker. */
export async function runTask({ module, name, input }: TaskEnvelope): Promise<TaskOutcome> {
  const mod = await load(module);
  const fn = mod[name];
  if (typeof fn !== 'function') return { ok: false, error: { name: 'TypeError', message: `${module} has no task ${name}`, props: {} } };
  try {
    return { ok: true, value: await fn(input) };
  } catch (err) {
    return { ok: false, error: serialize(err) };
  }
}

// Task modules listed for preloading build their state (an engine over the shared graph) now,
// before the first request waits for it; then the pool hears that this thread is ready.
const { preload = [], readyChannel } = (workerData as { preload?: string[]; readyChannel?: string } | undefined) ?? {};
function announce(notice: ReadyNotice): void {
  if (!readyChannel) return;
  const channel = new BroadcastChannel(readyChannel);
  channel.postMessage(notice);
  channel.close();
}
try {
  for (const specifier of preload) await load(specifier);
} catch (err) {
  announce({ threadId, error: (err as Error)?.message ?? String(err) });
  throw err;
}
announce({ threadId });
