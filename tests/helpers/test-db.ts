import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../server/db/connect.ts';
import { applyMigrations, readMigrations } from '../../server/db/migrations.ts';

/** Which database this test project runs on. */
export const testDbKind: 'pglite' | 'postgres' = process.env.TEST_DB_KIND === 'postgres' ? 'postgres' : 'pglite';

/**
 * A migrated database for one test file: a fresh in-memory PGlite from the
 * template, or the run's PostgreSQL database (created beside TEST_DATABASE_URL).
 */
export async function openTestDatabase(): Promise<Database> {
  if (testDbKind === 'postgres') {
    return openDatabase({ databaseUrl: inject('postgresUrl') });
  }
  const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
  return openDatabase({ pgliteDir: 'memory://', loadDataDir: blob });
}

let counter = 0;
/** A string unique within this run and process, for slugs and emails. */
export function unique(prefix = 'x'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

/**
 * A migrated database of its own, for suites that count rows or need an empty start: a fresh
 * in-memory PGlite, or on PostgreSQL a throwaway database created beside the run's, migrated, and
 * dropped by `close()`. `connect()` opens another connection to the same database (PostgreSQL only:
 * PGlite is one connection by design), for tests of concurrent writers.
 */
export async function openIsolatedDatabase(): Promise<Database & { connect(): Promise<Database> }> {
  if (testDbKind === 'pglite') {
    const db = await openTestDatabase();
    return { ...db, connect: async () => { throw new Error('PGlite has a single connection'); } };
  }
  const runUrl = inject('postgresUrl');
  const admin = await openDatabase({ databaseUrl: runUrl });
  const name = `im_iso_${process.pid}_${Date.now().toString(36)}_${++counter}`;
  await admin.sql.exec(`CREATE DATABASE "${name}"`);
  const url = new URL(runUrl);
  url.pathname = `/${name}`;
  const opened: Database[] = [];
  const connect = async () => {
    const db = await openDatabase({ databaseUrl: url.toString() });
    opened.push(db);
    return db;
  };
  const db = await connect();
  await applyMigrations(db.sql, readMigrations(path.resolve(import.meta.dirname, '../../prisma/migrations')));
  return {
    ...db,
    connect,
    close: async () => {
      for (const d of opened) await d.close();
      await admin.sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.close();
    },
  };
}
