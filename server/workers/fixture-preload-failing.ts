// A preloaded task module for worker-pool.test.ts only: it cannot load (as an engine over a broken graph).
throw new Error('fixture preload failure');
