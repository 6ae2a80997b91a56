/** Runs before each API test file's imports on PostgreSQL: a fresh database copied from the seeded template. */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { databaseUrl, postgresServerUrl } from "./globalSetupPostgres.ts";

const name = `${inject("postgresRun")}_${randomUUID().slice(0, 8)}`;
const client = new pg.Client({ connectionString: postgresServerUrl });
await client.connect();
await client.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("postgresTemplate")}"`);
await client.end();
process.env.DATABASE_URL = databaseUrl(name);
