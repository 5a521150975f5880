import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The smallest SQL surface the migration runner needs, so the same code drives
 * PGlite (embedded) and node-postgres (production) without Prisma's Rust engine.
 */
export interface SqlRunner {
  /** Runs one or more statements with no parameters. */
  exec(sql: string): Promise<void>;
  /** Runs one parameterised query and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** A migration folder from `prisma/migrations/`. */
export interface MigrationFileInfo {
  name: string;
  sql: string;
  checksum: string;
}

/** Error raised when a migration fails; the database is left as it was before it. */
export class MigrationError extends Error {
  constructor(
    public readonly migration: string,
    public readonly cause: unknown,
  ) {
    super(`Migration ${migration} failed and was rolled back: ${(cause as Error)?.message ?? cause}`);
    this.name = 'MigrationError';
  }
}

/** Reads the migration history in order (folder names start with a timestamp). */
export function readMigrations(dir: string): MigrationFileInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

// Laid out exactly as Prisma's own table so `prisma migrate deploy` can take over.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Names of the migrations recorded as applied, in order. */
export async function appliedMigrations(db: SqlRunner): Promise<string[]> {
  const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  if (!exists[0]?.t) return [];
  const rows = await db.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.migration_name);
}

/**
 * Applies every pending migration, each in its own transaction: a failing one
 * is rolled back entirely and stops the run with a MigrationError. On PostgreSQL
 * an advisory lock serialises several app instances migrating at once.
 */
export async function applyMigrations(
  db: SqlRunner,
  migrations: MigrationFileInfo[],
  log: (msg: string) => void = () => {},
): Promise<string[]> {
  await db.exec(CREATE_TABLE);
  const applied: string[] = [];
  for (const m of migrations) {
    await db.exec('BEGIN');
    try {
      await db.query('SELECT pg_advisory_xact_lock(72707301)');
      const done = await db.query<{ checksum: string }>(
        `SELECT checksum FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        [m.name],
      );
      if (done.length > 0) {
        await db.exec('COMMIT');
        if (done[0].checksum !== m.checksum) log(`warning: migration ${m.name} was modified after it was applied`);
        continue;
      }
      await db.exec(m.sql);
      await db.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, now(), $3, now(), 1)`,
        [randomUUID(), m.checksum, m.name],
      );
      await db.exec('COMMIT');
      applied.push(m.name);
      log(`applied migration ${m.name}`);
    } catch (err) {
      await db.exec('ROLLBACK').catch(() => {});
      throw new MigrationError(m.name, err);
    }
  }
  return applied;
}
