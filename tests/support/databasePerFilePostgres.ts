/** Runs before each API test file's imports on PostgreSQL: a fresh database copied from the seeded template. */
import { inject } from "vitest";
import { databaseFromTemplate } from "./globalSetupPostgres.ts";

process.env.DATABASE_URL = await databaseFromTemplate(inject("postgresRun"), inject("postgresTemplate"));
