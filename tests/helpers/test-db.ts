import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../server/db/connect.ts';

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
