import type { SqlRunner } from '../db/migrations.ts';

type Db = { sql: Pick<SqlRunner, 'query'>; statementCount?: () => number };

/** Every named version of the data ('catalogue', 'auth'), as summed from the `DataVersion` shards. */
export type Versions = ReadonlyMap<string, string>;

/**
 * Reads the versions the in-process caches are valid for (the read cache: 'catalogue'; the session
 * cache: 'auth'). They live in the database, bumped at commit by triggers whoever writes, so every
 * instance sees a write at the next request. One small raw query (no Prisma) reads them all, and the
 * requests arriving while it is in flight share the *next* read (issued after they arrived, so it sees
 * every write committed before them): under load, about one query per batch instead of one per request.
 *
 * On the embedded database (one process, statements run one at a time in the order issued: see
 * `Database.statementCount`), a read stays valid for as long as no other statement has been issued since
 * it was: then nothing can have been written since, and a request served from memory reads nothing.
 */
export class DataVersions {
  /** Queries issued so far (tests and benchmarks read it). */
  reads = 0;
  private inFlight?: Promise<Versions>;
  private inFlightMark?: number;
  private next?: Promise<Versions>;
  /** The last successful read and the statement count just after it was issued (embedded database). */
  private settled?: { versions: Promise<Versions>; mark: number };

  constructor(private readonly db: Db) {}

  /** The versions as of a read issued after this call (or, embedded, after the last statement issued). */
  current(): Promise<Versions> {
    if (this.db.statementCount) {
      const issued = this.db.statementCount();
      if (this.settled?.mark === issued) return this.settled.versions;
      if (this.inFlight && this.inFlightMark === issued) return this.inFlight;
    }
    if (!this.inFlight) return this.issue();
    this.next ??= this.inFlight.catch(() => undefined).then(() => {
      this.next = undefined;
      return this.issue();
    });
    return this.next;
  }

  private issue(): Promise<Versions> {
    this.reads++;
    // The query is issued synchronously here, so the count read just after includes it.
    const pending = this.db.sql
      .query<{ name: string; v: string | null }>(`SELECT "name", sum("version")::text AS v FROM "DataVersion" GROUP BY "name"`)
      .then((rows): Versions => new Map(rows.map((r) => [r.name, String(r.v ?? '0')])));
    const mark = this.db.statementCount?.();
    this.inFlight = pending;
    this.inFlightMark = mark;
    const done = () => {
      if (this.inFlight === pending) this.inFlight = undefined;
    };
    // Registered before any caller's await, so it runs first: a caller arriving after sees no read in flight.
    pending.then(() => {
      done();
      if (mark !== undefined) this.settled = { versions: pending, mark };
    }, done);
    return pending;
  }
}

const readers = new WeakMap<object, DataVersions>();

/** The version reader of a database (one per open database, shared by its caches). */
export function dataVersionsOf(db: Db): DataVersions {
  let reader = readers.get(db);
  if (!reader) readers.set(db, (reader = new DataVersions(db)));
  return reader;
}
