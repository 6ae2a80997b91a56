/**
 * The API suite on PostgreSQL: one migrated, seeded template database per run (the committed
 * PostgreSQL migrations and the real seed loader); each test file then gets its own database
 * created from it. RAMME_TEST_POSTGRES_URL names the server (default: the local one, trust auth).
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateAndSeed } from "./serverProcess.ts";

export const postgresServerUrl = process.env.RAMME_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function databaseUrl(name: string): string {
  const url = new URL(postgresServerUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresServerUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database copied from the run's seeded template (names from inject("postgresRun"/"postgresTemplate")); returns its URL. */
export async function databaseFromTemplate(run: string, template: string): Promise<string> {
  const name = `${run}_${randomUUID().slice(0, 8)}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return databaseUrl(name);
}

export default async function setup(project: TestProject) {
  const run = `ramme_test_${process.pid}_${Date.now().toString(36)}`;
  const template = `${run}_template`;
  await admin((client) => client.query(`CREATE DATABASE "${template}"`));
  migrateAndSeed(databaseUrl(template));
  project.provide("postgresTemplate", template);
  project.provide("postgresRun", run);
  return async () => {
    await admin(async (client) => {
      const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${run}%`]);
      for (const row of rows) await client.query(`DROP DATABASE IF EXISTS "${row.datname as string}" WITH (FORCE)`);
    });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplate: string;
    postgresRun: string;
  }
}
