/**
 * The error masking that tells clients "the database is unavailable": fed the errors seen when
 * PostgreSQL was stopped under a running server (tests/faults/postgresOutage.test.ts does that for
 * real), and errors that must stay masked as "Unexpected error." with nothing of the original.
 */
import { maskError } from "@ramme/server/db/unavailable.ts";
import { Prisma } from "@ramme/server/generated/prisma/client.ts";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";

const located = (original: Error) => new GraphQLError(original.message, { path: ["setAllocation"], originalError: original });
const prismaError = (code: string, meta?: Record<string, unknown>) => new Prisma.PrismaClientKnownRequestError("\nInvalid `prisma.scenario.findMany()` invocation:\n…", { code, clientVersion: "6.19.3", meta });

describe("maskError", () => {
  const unavailable: Array<[string, Error]> = [
    ["a refused connection (P1001)", prismaError("P1001", { driverAdapterError: { cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 } } })],
    ["a connection closed by the server (P1017)", prismaError("P1017")],
    ["a query cut off by a shutdown (57P01)", prismaError("P2010", { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "postgres", code: "57P01", message: "terminating connection due to administrator command" } } })],
    ["a server still starting up (57P03)", prismaError("P2010", { driverAdapterError: { cause: { kind: "postgres", code: "57P03" } } })],
    ["node-postgres losing its connection mid-query", new Error("Connection terminated unexpectedly")],
    ["a transaction whose connection died", new Error("Client has encountered a connection error and is not queryable")],
    ["SQLite busy past the timeout", Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" })],
  ];
  it.each(unavailable)("%s → DATABASE_UNAVAILABLE with HTTP 503, keeping the path", (_name, error) => {
    const masked = maskError(located(error), "Unexpected error.") as GraphQLError;
    expect(masked.message).toBe("The database is unavailable; try again shortly.");
    expect(masked.path).toEqual(["setAllocation"]);
    expect(masked.extensions).toEqual({ code: "DATABASE_UNAVAILABLE", http: { status: 503, headers: { "retry-after": "5" } } });
    expect(masked.originalError).toBeUndefined();
  });

  const unexpected: Array<[string, Error]> = [
    ["a unique constraint violation", prismaError("P2002", { driverAdapterError: { cause: { kind: "UniqueConstraintViolation" } } })],
    ["a bug", new TypeError("Cannot read properties of undefined (reading 'year')")],
    ["a syntax error in SQL", prismaError("P2010", { driverAdapterError: { cause: { kind: "postgres", code: "42601", message: 'syntax error at or near "SELEC"' } } })],
  ];
  it.each(unexpected)("%s → \"Unexpected error.\" without the original, stack or SQL", (_name, error) => {
    const masked = maskError(located(error), "Unexpected error.") as GraphQLError;
    expect(masked.message).toBe("Unexpected error.");
    expect(JSON.stringify(masked.toJSON())).not.toMatch(/Invalid|syntax|Cannot read|prisma|at /);
  });
});
