import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.ts';
import { acquirePgliteLock } from './pglite-lock.ts';
import type { SqlRunner } from './migrations.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: the Prisma client plus a raw SQL runner for migrations and health. */
export interface Database {
  kind: DatabaseKind;
  /** Human description for logs, with no password in it. */
  description: string;
  prisma: PrismaClient;
  sql: SqlRunner;
  /**
   * Embedded database only: how many statements (queries, scripts, transactions) anyone has issued on
   * it so far, counted when issued. PGlite runs them one at a time in this process, in the order issued,
   * and its data directory is locked to this process: while the count has not moved since a read was
   * issued, nothing can have changed since that read (the caches' version reads use it).
   */
  statementCount?: () => number;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… selects PostgreSQL; absent selects the embedded PGlite. */
  databaseUrl?: string;
  /** PGlite data directory; `memory://` keeps it in memory. */
  pgliteDir?: string;
  /** Start the embedded database from a dump (tests use a migrated template). */
  loadDataDir?: Blob;
}

// PGlite's defaults plus a smaller buffer pool (saves ~120 MB of RSS).
const PGLITE_START_PARAMS = [
  '--single', '-F', '-O', '-j',
  '-c', 'search_path=public', '-c', 'exit_on_error=false', '-c', 'log_checkpoints=false',
  '-c', 'max_worker_processes=0', '-c', 'max_parallel_workers=0', '-c', 'max_parallel_workers_per_gather=0',
  '-c', 'shared_buffers=16MB',
];

/** Creates a bare PGlite with the extensions our migrations need (btree_gist). */
export async function createPglite(dir: string | undefined, loadDataDir?: Blob): Promise<PGlite> {
  // Pass 'memory://' rather than undefined: PGlite.create(undefined, opts) drops the extensions.
  return PGlite.create(dir ?? 'memory://', {
    extensions: { btree_gist },
    startParams: PGLITE_START_PARAMS,
    loadDataDir,
  });
}

/** Opens the configured database. Nothing is migrated here (see boot). */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.pgliteDir ?? 'data/pglite', opts.loadDataDir);
}

/** How long a new PostgreSQL connection may take before the request fails (503) instead of hanging. */
const CONNECT_TIMEOUT_MS = 5_000;

async function openPostgres(url: string): Promise<Database> {
  // The pool reconnects by itself once PostgreSQL is back; PrismaPg listens to its idle clients' errors.
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle pooled connection cut by the server (PostgreSQL restarted, pg_terminate_backend) is
  // dropped by the pool, which opens a new one on demand; without a listener its 'error' would end
  // the process.
  pool.on('error', () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const session = reconnectingClient(url);
  await session.get();
  const sql: SqlRunner = {
    exec: async (text) => void (await (await session.get()).query(text)),
    query: async (text, params) => (await (await session.get()).query(text, params as unknown[])).rows,
  };
  const safe = new URL(url);
  if (safe.password) safe.password = '***';
  return {
    kind: 'postgres',
    description: `PostgreSQL ${safe.host}${safe.pathname}`,
    prisma,
    sql,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
      await session.end();
    },
  };
}

/**
 * One PostgreSQL session for raw SQL (migrations hold BEGIN…COMMIT on it, so
 * it cannot be a pool). A connection that breaks (PostgreSQL stopped or
 * restarted) is dropped and the next use opens a new one, instead of the
 * `error` event crashing the process and every later query failing.
 */
function reconnectingClient(url: string) {
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  const get = (): Promise<pg.Client> => {
    if (client) return Promise.resolve(client);
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
      c.on('error', () => {
        if (client === c) client = undefined;
        c.end().catch(() => {});
      });
      c.on('end', () => {
        if (client === c) client = undefined;
      });
      await c.connect();
      client = c;
      return c;
    })().finally(() => {
      connecting = undefined;
    });
    return connecting;
  };
  return {
    get,
    end: async () => {
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}

async function openPglite(dir: string, loadDataDir?: Blob): Promise<Database> {
  const inMemory = dir === 'memory://';
  let release = () => {};
  if (!inMemory) {
    mkdirSync(path.resolve(dir), { recursive: true });
    release = acquirePgliteLock(dir);
  }
  let db: PGlite;
  try {
    db = await createPglite(dir, loadDataDir);
  } catch (err) {
    release();
    throw err;
  }
  const statementCount = countStatements(db);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
  const sql: SqlRunner = {
    exec: async (text) => void (await db.exec(text)),
    query: async (text, params) => (await db.query(text, params as unknown[])).rows as never[],
  };
  return {
    kind: 'pglite',
    description: inMemory ? 'embedded PGlite (in memory)' : `embedded PGlite ${path.resolve(dir)}`,
    prisma,
    sql,
    statementCount,
    close: async () => {
      try {
        await prisma.$disconnect();
        await db.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * Counts the statements issued on a PGlite, at the moment they are issued, by wrapping its public entry
 * points on this instance: `query` (and `sql`, which calls it), `exec`, `transaction` (every statement of a
 * transaction runs inside its call, COMMIT included), `describeQuery`, `listen`/`unlisten`. Prisma's PGlite
 * adapter, the migrations and the raw SQL runner use only these; nothing here calls the wire-protocol
 * methods (`execProtocol*`) directly, which are left alone so that a statement counts once.
 */
function countStatements(db: PGlite): () => number {
  let issued = 0;
  const target = db as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ['query', 'exec', 'transaction', 'describeQuery', 'listen', 'unlisten'] as const) {
    const original = target[name].bind(db);
    target[name] = (...args: unknown[]) => {
      issued++;
      return original(...args);
    };
  }
  return () => issued;
}
