/**
 * Applies prisma/migrations/postgresql in order to the PostgreSQL database DATABASE_URL names.
 *
 * `prisma migrate deploy` cannot do it here: with the js engine and @prisma/adapter-pg, the schema
 * engine fails reading PostgreSQL's `name` columns ("Column type 'name' could not be deserialized",
 * prisma/orm#27403). This runner does what deploy does for committed migrations — each one in a
 * transaction, once, recorded in Prisma's own `_prisma_migrations` table with Prisma's checksum —
 * so `prisma migrate deploy` can take over unchanged once the bug is fixed.
 */
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { repoRoot, resolveDatabaseUrl } from "./databaseUrl.ts";

const migrationsDirectory = path.join(repoRoot, "prisma", "migrations", "postgresql");

export async function migratePostgres(url = resolveDatabaseUrl(process.env.DATABASE_URL), log: (line: string) => void = console.log): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    // One migrator at a time, even with several instances starting together.
    await client.query("SELECT pg_advisory_lock(7275696)");
    const applied = new Set((await client.query(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)).rows.map((row) => row.migration_name as string));
    const names = readdirSync(migrationsDirectory, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    const done: string[] = [];
    for (const name of names) {
      if (applied.has(name)) continue;
      const sql = readFileSync(path.join(migrationsDirectory, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${name} failed and was rolled back: ${(error as Error).message}`);
      }
      log(`Applied migration ${name}`);
      done.push(name);
    }
    await client.query("SELECT pg_advisory_unlock(7275696)");
    return done;
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const done = await migratePostgres();
  console.log(done.length === 0 ? "PostgreSQL: all migrations already applied." : `PostgreSQL: applied ${done.length} migration(s).`);
}
