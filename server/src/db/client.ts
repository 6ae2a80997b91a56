import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.ts";
import { ensureDatabaseDirectory, resolveDatabaseUrl } from "./databaseUrl.ts";

export type Database = PrismaClient<"query">;

/** A Prisma client on the SQLite file named by `url` (DATABASE_URL by default). */
export function createDatabase(url = process.env.DATABASE_URL): Database {
  const resolved = resolveDatabaseUrl(url);
  ensureDatabaseDirectory(resolved);
  return new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: resolved, timeout: 5_000 }),
    log: [{ emit: "event", level: "query" }],
  });
}

/**
 * WAL lets readers go on while a write commits, and survives a crash with every committed
 * transaction intact; synchronous=NORMAL is the durable setting for WAL (a commit can be lost
 * only on power loss, never corrupt the file).
 */
export async function configureSqlite(db: Database): Promise<void> {
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
}
