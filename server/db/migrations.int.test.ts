import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appliedMigrations, applyMigrations, MigrationError, readMigrations } from './migrations.ts';
import { openTestDatabase } from '../../tests/helpers/test-db.ts';
import type { Database } from './connect.ts';

const dir = path.resolve(import.meta.dirname, '../../prisma/migrations');

describe('migrations', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('records every migration in _prisma_migrations with the sha256 checksum, as prisma migrate deploy does', async () => {
    const files = readMigrations(dir);
    expect(files.length).toBeGreaterThan(0);
    expect(await appliedMigrations(db.sql)).toEqual(files.map((f) => f.name));
    const rows = await db.sql.query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      'SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
    expect(rows.every((r) => r.applied_steps_count === 1)).toBe(true);
  });

  it('applies nothing the second time', async () => {
    expect(await applyMigrations(db.sql, readMigrations(dir))).toEqual([]);
  });

  it('rolls a failing migration back entirely and leaves it unrecorded', async () => {
    const bad = {
      name: '99999999999999_broken_test',
      sql: 'CREATE TABLE "ShouldNotExist" (id int); SELECT * FROM "no_such_table";',
      checksum: 'x'.repeat(64),
    };
    await expect(applyMigrations(db.sql, [bad])).rejects.toBeInstanceOf(MigrationError);
    await expect(applyMigrations(db.sql, [bad])).rejects.toThrow(/99999999999999_broken_test failed and was rolled back/);
    const t = await db.sql.query<{ t: string | null }>(`SELECT to_regclass('"ShouldNotExist"')::text AS t`);
    expect(t[0].t).toBeNull();
    expect(await appliedMigrations(db.sql)).not.toContain(bad.name);
  });
});
