import { createHash } from 'node:crypto';
import type { SqlRunner } from '../db/migrations.ts';
import { dataVersionsOf, type DataVersions } from './data-versions.ts';

type Db = { sql: Pick<SqlRunner, 'query'> };

/**
 * A cached answer: the JSON body as the bytes sent and its ETag, both made once per version. Kept as
 * bytes: express would otherwise encode a string body into a new buffer at every request (10 KB for
 * the catalogue, 5 MB/s of short-lived buffers at 500 requests/s).
 */
export interface CachedBody {
  body: Buffer;
  etag: string;
}

/**
 * Answers of the catalogue and the drive-time searches, kept in process memory and valid for one
 * version of the data they read. The version lives in the database (`DataVersion` 'catalogue', bumped
 * at commit by a trigger on every table those answers read, whoever writes: a route, an import, a
 * matching apply, another app instance), read by {@link DataVersions} in one small query shared by the
 * requests arriving meanwhile. The version is read *before* the data, so an answer is never older than
 * the version it is filed under. Concurrent misses on one key share one computation. Bounded: the
 * oldest entries go first.
 */
export class ReadCache {
  private version = '';
  private entries = new Map<string, Promise<unknown>>();
  private readonly versions: DataVersions;
  hits = 0;
  misses = 0;

  constructor(
    db: Db,
    private readonly maxEntries = 1000,
  ) {
    this.versions = dataVersionsOf(db);
  }

  /** The current catalogue version (read after this call); a change forgets every entry. */
  async currentVersion(): Promise<string> {
    const v = (await this.versions.current()).get('catalogue') ?? '0';
    if (v !== this.version) {
      this.version = v;
      this.entries.clear();
    }
    return v;
  }

  /** The cached value of `key` at the current version, computed once by `compute` when missing. */
  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const version = await this.currentVersion();
    const found = this.entries.get(key) as Promise<T> | undefined;
    if (found) {
      this.hits++;
      return found;
    }
    this.misses++;
    const pending = compute();
    this.entries.set(key, pending);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    // A failed computation is not kept: the next request tries again.
    pending.catch(() => {
      if (this.entries.get(key) === pending && this.version === version) this.entries.delete(key);
    });
    return pending;
  }

  /** Like `get`, for a JSON answer: the serialized body and a strong ETag, computed once per version. */
  async body(key: string, compute: () => Promise<unknown>): Promise<CachedBody> {
    return this.get(`body:${key}`, async () => {
      const body = Buffer.from(JSON.stringify(await compute()));
      return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    });
  }
}

const caches = new WeakMap<object, ReadCache>();

/** The read cache of a database (one per open database, shared by every router of the app). */
export function readCacheOf(db: Db): ReadCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new ReadCache(db)));
  return cache;
}

/**
 * Sends a cached JSON answer with its ETag; express answers 304 with no body when the request's
 * If-None-Match holds it. `cacheControl` says who may keep it (always revalidated: `no-cache`).
 */
export function sendCached(res: import('express').Response, cached: CachedBody, cacheControl: string): void {
  res.set({ ETag: cached.etag, 'Cache-Control': cacheControl, 'Content-Type': 'application/json; charset=utf-8' }).send(cached.body);
}
