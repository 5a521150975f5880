import { defineConfig } from 'vitest/config';

// Unit and integration tests live next to the behaviour they pin (server/**, seed/**)
// and in tests/ for cross-cutting suites. Integration tests run on the embedded
// database (PGlite) and, when TEST_DATABASE_URL is set, again on that PostgreSQL.
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'seed/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'tests/e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
