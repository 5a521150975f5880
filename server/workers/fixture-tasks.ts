import { sharedData } from './shared-data.ts';

// Tasks for worker-pool.test.ts only.

/** A class of error with its own fields, as engine errors have. */
export class FixtureError extends Error {
  constructor(readonly code: number, readonly point: [number, number]) {
    super(`fixture failure ${code}`);
    this.name = 'FixtureError';
  }
}

export function add({ a, b }: { a: number; b: number }): number {
  return a + b;
}

/** Writes into the shared counter array and returns what it read first. */
export function bumpShared({ index }: { index: number }): number {
  const counters = sharedData<{ counters: Int32Array }>('fixture')?.counters;
  if (!counters) throw new Error('no shared fixture data');
  return Atomics.add(counters, index, 1);
}

/** Keeps its thread busy until the main thread sets the shared flag (deterministic "long" task). */
export function spinUntilReleased(): number {
  const flag = sharedData<{ counters: Int32Array }>('fixture')!.counters;
  let spins = 0;
  while (Atomics.load(flag, 0) === 0) spins++;
  return spins;
}

/** Keeps its thread busy until the worker is terminated (an aborted task must free its slot). */
export function spinForever(): never {
  for (;;);
}

export function fail({ code }: { code: number }): never {
  throw new FixtureError(code, [1.5, 47.25]);
}

/** Allocates without bound: the worker's heap limit must stop it, not the server. */
export function exhaustHeap(): number {
  const keep: number[][] = [];
  for (;;) keep.push(new Array(100_000).fill(keep.length));
}
