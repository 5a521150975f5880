import { sharedData } from './shared-data.ts';

// A preloaded task module for worker-pool.test.ts only: loading it takes a while (as building an
// engine does), then counts itself in the shared array.

const started = Date.now();
while (Date.now() - started < 200) {
  /* a slow load */
}
const loaded = sharedData<{ loaded: Int32Array }>('preloadFixture')?.loaded;
if (loaded) Atomics.add(loaded, 0, 1);

/** Present so the module is a task module. */
export function loadedCount(): number {
  return loaded ? Atomics.load(loaded, 0) : -1;
}
