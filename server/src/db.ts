/**
 * The process's database connections. Resolvers import them from here; they are never put on the
 * GraphQL context.
 *
 * SQLite allows one writer at a time, and the better-sqlite3 adapter runs every query of a client on
 * one connection, so a read on the client that holds an open transaction would see its uncommitted
 * rows. Ramme therefore keeps two clients on the same file:
 * - `db` reads (and is what Pothos loads relations with); in WAL mode it sees only committed data;
 * - a write client that only ever runs transactions, one at a time, queued in process by
 *   `writeTransaction`. No two writers ever contend for the file, so no request sees "database is
 *   busy", and Prisma's transaction wait limit is never reached however many writers queue up.
 * That holds because one server process serves a SQLite file; several instances need PostgreSQL,
 * where writes run side by side and lock the scenario they change (see retryingConflicts).
 * Another process may still read the file (a backup) or lock it for a moment, which a write waits for.
 */
import { configureSqlite, createDatabase, isPostgres, postgresPool, type Database } from "./db/client.ts";
import { someCause } from "./db/unavailable.ts";
import type { Prisma } from "./generated/prisma/client.ts";
import { log } from "./observability/log.ts";

export const db = createDatabase();
const writeClient = createDatabase();

export type Transaction = Prisma.TransactionClient;

let configured: Promise<void> | null = null;
let queue: Promise<unknown> = Promise.resolve();
/** Write transactions asked for and not yet finished: queued behind others on SQLite, or running. */
let pendingWrites = 0;
/** What to do once a transaction has committed (e.g. tell live viewers), per open transaction. */
const commitHooks = new WeakMap<Transaction, (() => void)[]>();

/** Sets the connection pragmas (WAL, durability, foreign keys) on both clients, once. */
export function configureDatabase(): Promise<void> {
  configured ??= Promise.all([configureSqlite(writeClient), configureSqlite(db)]).then(() => undefined);
  return configured;
}

const onSqlite = !isPostgres();

/**
 * Takes the SQLite file's write lock as the transaction's first statement, as BEGIN IMMEDIATE
 * would (the adapter only sends BEGIN). Another process may hold the lock for a moment (the sqlite3
 * shell, a checkpoint); a transaction that has already read cannot wait for it and fails at once
 * with SQLITE_BUSY, while one that writes first waits up to the busy timeout. Matches no row.
 */
function takeFileWriteLock(tx: Transaction) {
  return tx.$executeRawUnsafe(`UPDATE "Scenario" SET "id" = "id" WHERE 0`);
}

/**
 * Runs `work` in one transaction on the write connection: on SQLite after every write queued before
 * it has finished; on PostgreSQL at once. A throw inside `work` rolls the whole transaction back:
 * nothing is half-stored.
 */
export function writeTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  const run = async () => {
    await configureDatabase();
    // On SQLite the queue serialises; the generous limits only guard against a stuck transaction.
    const hooks: (() => void)[] = [];
    const result = await writeClient.$transaction(
      async (tx) => {
        if (onSqlite) await takeFileWriteLock(tx);
        commitHooks.set(tx, hooks);
        return work(tx);
      },
      { maxWait: 60_000, timeout: 60_000 },
    );
    for (const hook of hooks) {
      // The transaction has committed: a failing hook must not turn the client's answer into an error.
      try {
        hook();
      } catch (error) {
        log.error({ err: error }, "An after-commit step failed.");
      }
    }
    return result;
  };
  pendingWrites += 1;
  const done = () => {
    pendingWrites -= 1;
  };
  if (!onSqlite) return retryingConflicts(run).finally(done);
  const result = queue.then(run, run).finally(done);
  queue = result.catch(() => undefined);
  return result;
}

/** What /metrics reports of the database: the write queue's depth and, on PostgreSQL, each pool's use. */
export function databaseUse(): { pendingWrites: number; pools: { client: string; total: number; idle: number; waiting: number }[] } {
  const pools = Object.entries({ read: db, write: writeClient }).flatMap(([client, database]) => {
    const pool = postgresPool(database);
    return pool ? [{ client, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }] : [];
  });
  return { pendingWrites, pools };
}

/**
 * PostgreSQL runs writes side by side (up to the pool's connections): writers of one scenario take
 * turns on its row lock (engine/scenarioAccess.ts), writers of different scenarios do not wait for
 * each other. Should PostgreSQL still abort one (a deadlock, a serialization failure), the whole
 * transaction is run again, a few times, before the error reaches the client.
 */
async function retryingConflicts<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isWriteConflict(error)) throw error;
    }
  }
}

/** Prisma's "write conflict or deadlock", and PostgreSQL's serialization failure and deadlock. */
const WRITE_CONFLICT_CODES = new Set(["P2034", "40001", "40P01"]);

/** Whether PostgreSQL aborted the transaction for a conflict with another one, however wrapped. */
function isWriteConflict(error: unknown): boolean {
  return someCause(
    error,
    ({ code, kind, meta }) => WRITE_CONFLICT_CODES.has(code as string) || WRITE_CONFLICT_CODES.has((meta as Record<string, unknown> | undefined)?.code as string) || kind === "TransactionWriteConflict",
  );
}

/**
 * Runs `hook` after the transaction `tx` commits, and never if it rolls back: what happened is told
 * to others only once it is certain. Only for transactions opened by writeTransaction.
 */
export function afterCommit(tx: Transaction, hook: () => void): void {
  const hooks = commitHooks.get(tx);
  if (!hooks) throw new Error("afterCommit needs a transaction opened by writeTransaction");
  hooks.push(hook);
}

/** Calls `listener` with every statement either client sends (Prisma's query log), for tests and profiling. */
export function onQuery(listener: (event: Prisma.QueryEvent) => void): void {
  db.$on("query", listener);
  writeClient.$on("query", listener);
}

/** Closes both connections (graceful shutdown, end of tests). */
export async function disconnectDatabase(): Promise<void> {
  await Promise.all([db.$disconnect(), writeClient.$disconnect()]);
}

export type { Database };
