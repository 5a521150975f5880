import type { SqlRunner } from '../db/migrations.ts';
import { dataVersionsOf, type DataVersions } from '../cache/data-versions.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { findSession, sessionIdOf, type LoadedSession } from './sessions.ts';

type Db = { sql: Pick<SqlRunner, 'query'>; prisma: Pick<PrismaClient, 'session'> };

/**
 * Live sessions kept in process memory, keyed by the token's hash, valid for one 'auth' version of
 * the data (`DataVersion`, bumped at commit by triggers on sessions, accounts, managed sites,
 * départements and intern links: prisma/migrations/*_auth_version). The version is read *before* the
 * session, in the small query the read cache shares, so a session ended or narrowed by any instance
 * (sign-out, password reset, role change, deactivation) is refused or narrowed from the very next
 * request: nothing here relies on a time to live. A session past its expiry is read again (and
 * deleted). Unknown tokens are never cached; bounded, the oldest entries go first.
 */
export class SessionCache {
  private version = '';
  private entries = new Map<string, LoadedSession>();
  private readonly versions: DataVersions;
  hits = 0;
  misses = 0;

  constructor(
    private readonly db: Db,
    private readonly maxEntries = 10_000,
  ) {
    this.versions = dataVersionsOf(db);
  }

  /** The live session of a cookie token, as of a version read issued after this call. */
  async find(token: string, now = new Date()): Promise<LoadedSession | null> {
    const id = sessionIdOf(token);
    const version = (await this.versions.current()).get('auth') ?? '0';
    if (version !== this.version) {
      this.version = version;
      this.entries.clear();
    }
    const hit = this.entries.get(id);
    if (hit && hit.expiresAt.getTime() > now.getTime()) {
      this.hits++;
      return hit;
    }
    this.misses++;
    const found = await findSession(this.db, token, now);
    // Filed only under the version read before it; a newer version seen meanwhile forgets it anyway.
    if (found && this.version === version) {
      this.entries.delete(id);
      this.entries.set(id, found);
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    } else if (!found) this.entries.delete(id);
    return found;
  }
}

const caches = new WeakMap<object, SessionCache>();

/** The session cache of a database (one per open database, shared by the API and the ORS gateway). */
export function sessionCacheOf(db: Db): SessionCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new SessionCache(db)));
  return cache;
}
