import type { DriveTimeCacheStore } from './provider.ts';

/**
 * The slice of the Prisma client this store uses, typed structurally so the routing code does not
 * depend on the generated client (model `DriveTimeCache { key, provider, value Json, createdAt }`).
 */
export interface DriveTimeCachePrisma {
  driveTimeCache: {
    findUnique(args: { where: { key: string } }): Promise<{ value: unknown } | null>;
    upsert(args: {
      where: { key: string };
      create: { key: string; provider: string; value: never };
      update: { provider: string; value: never };
    }): Promise<unknown>;
  };
}

/** ORS answers kept in the database, so the daily quota survives restarts. */
export class PrismaCacheStore implements DriveTimeCacheStore {
  constructor(private prisma: DriveTimeCachePrisma) {}

  /** The stored value, or `undefined`. */
  async get(key: string): Promise<unknown | undefined> {
    const row = await this.prisma.driveTimeCache.findUnique({ where: { key } });
    return row?.value ?? undefined;
  }

  /** Stores (or replaces) a value. */
  async set(key: string, provider: string, value: unknown): Promise<void> {
    const json = value as never;
    await this.prisma.driveTimeCache.upsert({ where: { key }, create: { key, provider, value: json }, update: { provider, value: json } });
  }
}
