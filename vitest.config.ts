import { configDefaults, defineConfig } from 'vitest/config';

// Unit and integration tests live next to the behaviour they pin. Everything runs
// on the embedded database (PGlite). When TEST_DATABASE_URL is set, the
// integration suite (*.int.test.ts) runs a second time against that PostgreSQL, with the suites
// of PostgreSQL-only behaviour (*.pg.test.ts).
const all = ['server/**/*.test.ts', 'seed/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}'];
const integration = ['server/**/*.int.test.ts', 'seed/**/*.int.test.ts', 'scripts/**/*.int.test.ts', 'tests/**/*.int.test.ts'];
// PostgreSQL-only behaviour (several connections, a database behind its migrations): *.pg.test.ts.
const postgresOnly = ['server/**/*.pg.test.ts', 'seed/**/*.pg.test.ts', 'scripts/**/*.pg.test.ts', 'tests/**/*.pg.test.ts'];
const common = {
  testTimeout: 30_000,
  hookTimeout: 120_000,
  globalSetup: ['tests/helpers/global-setup.ts'],
};

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { test: { ...common, name: 'pglite', include: all, exclude: [...configDefaults.exclude, ...postgresOnly], env: { TEST_DB_KIND: 'pglite' } } },
      // Browser journeys (playwright-core + Debian's chromium) against the real server.
      { test: { ...common, name: 'e2e', include: ['tests/e2e/**/*.e2e.ts'], testTimeout: 120_000, fileParallelism: false } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ test: { ...common, name: 'postgres', include: [...integration, ...postgresOnly], env: { TEST_DB_KIND: 'postgres' } } }]
        : []),
    ],
  },
});
