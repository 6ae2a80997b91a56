import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { PrismaClient as PostgresPrismaClient } from "../generated/prisma-pg/client.ts";
import { log } from "../observability/log.ts";
import { ensureDatabaseDirectory, providerOf, resolveDatabaseUrl } from "./databaseUrl.ts";

export type Database = PrismaClient<"query">;

/** How long a statement waits for another process's lock on the SQLite file before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * A Prisma client on the database DATABASE_URL names: a SQLite file (the embedded default), or
 * PostgreSQL. The two generated clients come from one schema (scripts/prisma-schemas.mjs) and
 * have the same models, so the rest of the server sees one type.
 */
export function createDatabase(url = process.env.DATABASE_URL): Database {
  const resolved = resolveDatabaseUrl(url);
  if (providerOf(resolved) === "postgresql") {
    // Without a limit, connecting to a host that does not answer waits for the OS's TCP timeout.
    // The pool is made here, not by the adapter, so /metrics can report its use (postgresPool).
    const pool = new pg.Pool({ connectionString: resolved, connectionTimeoutMillis: 5_000 });
    const client = new PostgresPrismaClient({
      adapter: new PrismaPg(pool, {
        // A pooled connection that dies (PostgreSQL restarted) is dropped by the pool and replaced on
        // the next query; the adapter handles the pool's "error" event, which would otherwise end the
        // process. Said once per outage, not once per connection.
        onPoolError: reportLostConnection,
        onConnectionError: reportLostConnection,
        // $disconnect ends the pool, as it ends one the adapter made itself.
        disposeExternalPool: true,
      }),
      log: [{ emit: "event", level: "query" }],
    }) as unknown as Database;
    pools.set(client, pool);
    return client;
  }
  ensureDatabaseDirectory(resolved);
  return new PrismaClient({
    // `timeout` is SQLite's busy timeout: another process holding the file's lock (a backup tool,
    // the sqlite3 shell) makes a statement wait up to this long instead of failing with SQLITE_BUSY.
    adapter: new PrismaBetterSQLite3({ url: resolved, timeout: SQLITE_BUSY_TIMEOUT_MS }),
    log: [{ emit: "event", level: "query" }],
  });
}

const pools = new WeakMap<Database, pg.Pool>();

/** The connection pool of a PostgreSQL client (its total, idle and waiting counts); none on SQLite. */
export const postgresPool = (client: Database): pg.Pool | undefined => pools.get(client);

let lastLostConnectionReport = 0;
function reportLostConnection(error: Error) {
  const now = Date.now();
  if (now - lastLostConnectionReport < 10_000) return;
  lastLostConnectionReport = now;
  log.error(`PostgreSQL connection lost (${error.message}); requests get DATABASE_UNAVAILABLE until it is back.`);
}

export function isPostgres(url = process.env.DATABASE_URL): boolean {
  return providerOf(resolveDatabaseUrl(url)) === "postgresql";
}

const SYNCHRONOUS_LEVELS = ["FULL", "NORMAL", "EXTRA"] as const;
export type SqliteSynchronous = (typeof SYNCHRONOUS_LEVELS)[number];

/**
 * RAMME_SQLITE_SYNCHRONOUS, default FULL: an acknowledged edit survives a power loss or OS crash,
 * not only a crash of the process (docs/architecture.md, "Durability"). NORMAL is faster and still
 * loses nothing when only the process dies.
 */
export function sqliteSynchronous(value = process.env.RAMME_SQLITE_SYNCHRONOUS): SqliteSynchronous {
  const level = (value?.trim() || "FULL").toUpperCase();
  if (!(SYNCHRONOUS_LEVELS as readonly string[]).includes(level)) {
    throw new Error(`RAMME_SQLITE_SYNCHRONOUS must be one of ${SYNCHRONOUS_LEVELS.join(", ")}, got ${JSON.stringify(value)}`);
  }
  return level as SqliteSynchronous;
}

/**
 * WAL lets readers go on while a write commits, and a crash of the process keeps every committed
 * transaction; the synchronous level decides whether a commit also waits for the disk (FULL).
 */
export async function configureSqlite(db: Database): Promise<void> {
  if (isPostgres()) return;
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$executeRawUnsafe(`PRAGMA synchronous = ${sqliteSynchronous()}`);
  await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
}
