/**
 * "The database is unavailable" as an answer a client can act on. While PostgreSQL is down or
 * restarting (or a SQLite file stays locked by another process past the busy timeout), every query
 * and mutation fails; the client should be told so plainly and try again, not see "Unexpected error."
 * as for a bug. Nothing is stored by a request that fails this way: its transaction never commits.
 */
import { GraphQLError } from "graphql";
import { createGraphQLError, maskError as maskErrorByDefault, type MaskError } from "graphql-yoga";

export const DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";
const MESSAGE = "The database is unavailable; try again shortly.";
/** 503 Service Unavailable, with a hint when to retry. */
const HTTP = { status: 503, headers: { "retry-after": "5" } };

/** Prisma's codes for "cannot reach / lost / timed out on the database server" and a full pool. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
/** The driver adapters' kinds for the same (adapter-pg; better-sqlite3 reports SQLITE_BUSY as SocketTimeout). */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** Node's socket errors, and SQLite's "busy", "locked" and "cannot open". */
const ERROR_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_CANTOPEN"]);
/**
 * PostgreSQL's SQLSTATEs: class 08 (connection exception), 57P01-57P03 (terminated by an
 * administrator, crash shutdown, starting up or shutting down), 53300 (too many connections).
 */
const POSTGRES_STATE = /^(08...|57P0[123]|53300)$/;
/** What node-postgres throws, without a code, when its connection dies under a query or a transaction. */
const PG_MESSAGES = [/^Connection terminated/, /^Client has encountered a connection error and is not queryable/, /^timeout exceeded when trying to connect/];

/**
 * Whether `error` or anything it wraps matches `test`. GraphQL wraps the resolver's error in
 * `originalError`, Error in `cause`, and Prisma keeps the driver adapter's in `meta.driverAdapterError`.
 */
export function someCause(error: unknown, test: (candidate: Record<string, unknown>) => boolean): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const candidate = current as Record<string, unknown>;
    if (test(candidate)) return true;
    pending.push(candidate.originalError, candidate.cause, (candidate.meta as Record<string, unknown> | undefined)?.driverAdapterError);
  }
  return false;
}

/** Whether `error`, or anything it wraps, says the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return someCause(error, ({ code, kind, message }) => {
    if (typeof code === "string" && (PRISMA_CODES.has(code) || ERROR_CODES.has(code) || POSTGRES_STATE.test(code))) return true;
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    return typeof message === "string" && PG_MESSAGES.some((pattern) => pattern.test(message));
  });
}

/**
 * graphql-yoga's `maskedErrors.maskError`: a database that cannot be reached becomes a clear
 * DATABASE_UNAVAILABLE error (HTTP 503); everything else is masked as yoga does by default, never
 * with the original error (no stack, no SQL), whatever NODE_ENV says.
 */
export const maskError: MaskError = (error, message) => {
  if (!isDatabaseUnavailable(error)) return withoutInternals(maskErrorByDefault(error, message, false));
  const located = error instanceof GraphQLError ? error : null;
  return new GraphQLError(MESSAGE, {
    nodes: located?.nodes,
    source: located?.source,
    positions: located?.positions,
    path: located?.path,
    extensions: { code: DATABASE_UNAVAILABLE, http: HTTP },
  });
};

/**
 * yoga puts the JSON parser's own message (with a copy of the body) into `extensions.originalError`
 * of "POST body sent invalid JSON.": the client gets the message and the code, not the internals.
 */
function withoutInternals(error: Error): Error {
  // Duck-typed: yoga's GraphQLError may come from another copy of the graphql module than ours.
  const located = error as Partial<GraphQLError>;
  if (typeof located.extensions !== "object" || located.extensions === null || located.extensions.originalError === undefined) return error;
  const { originalError: _internals, http, ...rest } = located.extensions as { originalError?: unknown; http?: { status?: number } };
  // Still 400 for every Accept, as before (yoga answers a "spec" error 200 under application/json once the internals are gone).
  const extensions = http?.status ? { ...rest, http: { status: http.status } } : rest;
  return createGraphQLError(error.message, { nodes: located.nodes, source: located.source, positions: located.positions, path: located.path, extensions });
}
