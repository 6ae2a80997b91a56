import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { PrismaClient as PostgresPrismaClient } from "../generated/prisma-pg/client.ts";
import { ensureDatabaseDirectory, providerOf, resolveDatabaseUrl } from "./databaseUrl.ts";

export type Database = PrismaClient<"query">;

/**
 * A Prisma client on the database DATABASE_URL names: a SQLite file (the embedded default), or
 * PostgreSQL. The two generated clients come from one schema (scripts/prisma-schemas.mjs) and
 * have the same models, so the rest of the server sees one type.
 */
export function createDatabase(url = process.env.DATABASE_URL): Database {
  const resolved = resolveDatabaseUrl(url);
  if (providerOf(resolved) === "postgresql") {
    const client = new PostgresPrismaClient({
      adapter: new PrismaPg({ connectionString: resolved }),
      log: [{ emit: "event", level: "query" }],
    });
    return client as unknown as Database;
  }
  ensureDatabaseDirectory(resolved);
  return new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: resolved, timeout: 5_000 }),
    log: [{ emit: "event", level: "query" }],
  });
}

export function isPostgres(url = process.env.DATABASE_URL): boolean {
  return providerOf(resolveDatabaseUrl(url)) === "postgresql";
}

/**
 * WAL lets readers go on while a write commits, and survives a crash with every committed
 * transaction intact; synchronous=NORMAL is the durable setting for WAL (a commit can be lost
 * only on power loss, never corrupt the file).
 */
export async function configureSqlite(db: Database): Promise<void> {
  if (isPostgres()) return;
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
}
