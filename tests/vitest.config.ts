import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The in-process server's request log (one JSON line a request) would drown the test report;
    // warnings and errors still show. Server processes log at info (support/serverProcess.ts).
    env: { RAMME_LOG_LEVEL: "warn" },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["domain/**/*.test.ts", "bench/**/*.test.ts", "seeds/**/*.test.ts", "exchange/**/*.test.ts", "client/**/*.test.ts", "schema/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "api",
          include: ["api/**/*.test.ts"],
          globalSetup: ["support/globalSetup.ts"],
          // Each file gets its own copy of a migrated, seeded SQLite file (see support/globalSetup.ts).
          setupFiles: ["support/databasePerFile.ts"],
          pool: "forks",
        },
      },
      {
        extends: true,
        test: {
          // The same API suite on PostgreSQL (a database per test file from a seeded template): `test:postgres`.
          name: "api-postgres",
          include: ["api/**/*.test.ts"],
          globalSetup: ["support/globalSetupPostgres.ts"],
          setupFiles: ["support/databasePerFilePostgres.ts"],
          pool: "forks",
        },
      },
      {
        extends: true,
        test: {
          // Real server processes under faults and load (`test:faults`, run by .ci/run, not by
          // `npm test`): concurrent writers, several instances, crashes, databases stopped and
          // started, hostile operations generated from the schema (faults/hostileOperations.test.ts).
          // Needs the local PostgreSQL (RAMME_TEST_POSTGRES_URL) for its templates.
          name: "faults",
          include: ["faults/**/*.test.ts"],
          globalSetup: ["support/globalSetup.ts", "support/globalSetupPostgres.ts"],
          pool: "forks",
          // One file at a time: each runs several servers and loads the machine on its own; in
          // parallel they only slow each other down (no faster on two cores, and the soak less intense).
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // The round trip through LibreOffice (`test:libreoffice`, run by .ci/run, which installs
          // libreoffice-calc-nogui if soffice is missing): export, recalculate, edit, import.
          name: "libreoffice",
          include: ["libreoffice/**/*.test.ts"],
          globalSetup: ["support/globalSetup.ts"],
          setupFiles: ["support/databasePerFile.ts"],
          pool: "forks",
          testTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          // Real Chromium against the real server: once per run, check Chromium, build the client if
          // stale and migrate a template database; each file then starts its own server on a copy.
          globalSetup: ["e2e/support/globalSetup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
