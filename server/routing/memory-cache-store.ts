import type { DriveTimeCacheStore } from './provider.ts';

/** In-process cache for tests and for deployments without a database; lost on restart. */
export class MemoryCacheStore implements DriveTimeCacheStore {
  private map = new Map<string, { provider: string; value: unknown }>();

  /** The stored value, or `undefined`. */
  async get(key: string): Promise<unknown | undefined> {
    return this.map.get(key)?.value;
  }

  /** Stores (or replaces) a value. */
  async set(key: string, provider: string, value: unknown): Promise<void> {
    this.map.set(key, { provider, value });
  }

  /** Number of entries, for tests. */
  get size(): number {
    return this.map.size;
  }
}
