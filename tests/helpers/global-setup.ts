import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPglite, openDatabase } from '../../server/db/connect.ts';
import { applyMigrations, readMigrations } from '../../server/db/migrations.ts';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Runs once per test run. PGlite's initdb costs seconds and hundreds of MB, so
 * we migrate one in-memory database and dump it; each test file starts its own
 * database from that dump. With TEST_DATABASE_URL, the PostgreSQL schema is
 * created fresh for the run, migrated once, and shared by the test files (each
 * makes its own data).
 */
export default async function setup(project: TestProject) {
  const migrations = readMigrations(path.join(root, 'prisma/migrations'));
  const key = createHash('sha256').update(migrations.map((m) => m.checksum).join()).digest('hex').slice(0, 16);
  const dir = path.join(os.tmpdir(), 'internat-match-tests');
  mkdirSync(dir, { recursive: true });
  const templatePath = path.join(dir, `pglite-template-${key}.tgz`);
  if (!existsSync(templatePath)) {
    const pglite = await createPglite('memory://');
    await applyMigrations(
      { exec: async (s) => void (await pglite.exec(s)), query: async (s, p) => (await pglite.query(s, p)).rows as never[] },
      migrations,
    );
    const dump = await pglite.dumpDataDir('gzip');
    await pglite.close();
    const tmp = `${templatePath}.${process.pid}`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, templatePath);
  }
  project.provide('pgliteTemplate', templatePath);

  const url = process.env.TEST_DATABASE_URL;
  if (url && project.name === 'postgres') {
    // A throwaway database per run, created beside TEST_DATABASE_URL's, so
    // concurrent runs never see each other's data; dropped at teardown.
    const name = `im_test_${process.pid}_${Date.now().toString(36)}`;
    const admin = await openDatabase({ databaseUrl: url });
    await admin.sql.exec(`CREATE DATABASE "${name}"`);
    const runUrl = new URL(url);
    runUrl.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: runUrl.toString() });
    try {
      await applyMigrations(db.sql, migrations);
    } finally {
      await db.close();
    }
    project.provide('postgresUrl', runUrl.toString());
    return async () => {
      await admin.sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await admin.close();
    };
  }
  project.provide('postgresUrl', '');
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresUrl: string;
  }
}
