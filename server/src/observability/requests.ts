/**
 * What every GraphQL request leaves behind: one log line (request id, operation name, caller kind,
 * HTTP status, outcome, duration, error codes; never variables, documents or credentials) and the
 * request metrics (metrics.ts). The request id is the caller's X-Request-Id when a proxy sends a
 * plausible one, else a new UUID, and is sent back as X-Request-Id on the answer.
 */
import { randomUUID } from "node:crypto";
import { getOperationAST, Kind, type DocumentNode, type ExecutionArgs } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Context } from "../auth/context.ts";
import { log } from "./log.ts";
import { graphqlDuration, graphqlErrors, graphqlRequests, liveStreams, rateLimitRefusals } from "./metrics.ts";

interface Observed {
  id: string;
  started: number;
  operation?: string;
  caller?: string;
  errorCodes: string[];
}

const observed = new WeakMap<Request, Observed>();
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Operation names become label values: the first few hundred distinct ones are kept, any further
 * ones count as "other", so a client inventing names cannot grow the metrics without bound.
 */
const MAX_OPERATION_NAMES = 300;
const operationNames = new Set<string>();
function operationLabel(name: string | undefined): string {
  if (!name) return "anonymous";
  if (operationNames.has(name)) return name;
  if (operationNames.size >= MAX_OPERATION_NAMES) return "other";
  operationNames.add(name);
  return name;
}

/** The caller is known once the context is built, just before execution. */
function noteCaller(args: ExecutionArgs) {
  const context = args.contextValue as Partial<Context>;
  const record = context.request && observed.get(context.request);
  if (record) record.caller = context.caller?.kind;
}

const isDocument = (value: unknown): value is DocumentNode => typeof value === "object" && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT;
const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> => typeof value === "object" && value !== null && Symbol.asyncIterator in value;

/** The yoga plugin; first in the list, so it sees requests that a later plugin refuses (rate limit, size). */
export function observeRequests(): Plugin {
  return {
    onRequest({ request }) {
      const given = request.headers.get("x-request-id");
      observed.set(request, { id: given && REQUEST_ID.test(given) ? given : randomUUID(), started: performance.now(), errorCodes: [] });
    },
    // The operation's name from the parsed document, so an operation refused by validation or a
    // limit is counted under its name too.
    onParse({ context }) {
      return ({ result }) => {
        const record = observed.get(context.request);
        if (record && isDocument(result)) record.operation = getOperationAST(result, context.params?.operationName)?.name?.value;
      };
    },
    onExecute({ args }) {
      noteCaller(args);
    },
    onSubscribe({ args }) {
      noteCaller(args);
      return {
        onSubscribeResult({ result }) {
          if (!isAsyncIterable(result)) return;
          liveStreams.inc();
          return { onEnd: () => void liveStreams.dec() };
        },
      };
    },
    onResultProcess({ request, result }) {
      const record = observed.get(request);
      if (!record || isAsyncIterable(result)) return;
      for (const single of Array.isArray(result) ? result : [result]) {
        for (const error of single.errors ?? []) record.errorCodes.push(String(error.extensions?.code ?? "UNCODED"));
      }
    },
    onResponse({ request, response }) {
      const record = observed.get(request);
      if (!record) return;
      response.headers.set("x-request-id", record.id);
      const durationMs = performance.now() - record.started;
      const status = response.status;
      if (status === 429) {
        rateLimitRefusals.inc();
        record.errorCodes.push("RATE_LIMITED");
      }
      const outcome = status === 429 ? "rate_limited" : record.errorCodes.length > 0 || status >= 400 ? "error" : "ok";
      const operation = operationLabel(record.operation);
      graphqlRequests.inc({ operation, outcome });
      graphqlDuration.observe({ operation, outcome }, durationMs / 1000);
      for (const code of record.errorCodes) graphqlErrors.inc({ code });
      const fields = {
        reqId: record.id,
        method: request.method,
        operation: record.operation ?? null,
        caller: record.caller ?? null,
        status,
        outcome,
        durationMs: Math.round(durationMs * 10) / 10,
        ...(record.errorCodes.length > 0 ? { errors: record.errorCodes } : {}),
      };
      if (status >= 500 || record.errorCodes.includes("INTERNAL_SERVER_ERROR")) log.warn(fields, "graphql request");
      else log.info(fields, "graphql request");
    },
  };
}
