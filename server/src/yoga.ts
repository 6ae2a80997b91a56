/** Builds the GraphQL server. server.ts only listens; tests call `yoga.fetch` in process. */
import { useGraphQlJit } from "@envelop/graphql-jit";
import { getOperationAST, getVariableValues, type DocumentNode, type ExecutionArgs } from "graphql";
import { createYoga } from "graphql-yoga";
import { authModeFromEnv, type AuthMode } from "./auth/config.ts";
import { contextFor } from "./auth/context.ts";
import { useResponseCookies } from "./auth/cookies.ts";
import type { Context } from "./auth/context.ts";
import { maskError } from "./db/unavailable.ts";
import { errorContractPlugin } from "./errorCodes.ts";
import { eventIdPlugin } from "./live/eventIds.ts";
import { publishCommittedChanges } from "./live/publishCommits.ts";
import { hardeningConfigFrom, hardeningPlugins, type HardeningConfig } from "./hardening.ts";
import { log } from "./observability/log.ts";
import { observeRequests } from "./observability/requests.ts";
import { corsFor } from "./origins.ts";
import { schema } from "./schema/index.ts";

export { LOCAL_ACTOR } from "./auth/identify.ts";

export interface YogaServerOptions {
  /** Default: RAMME_AUTH (auth/config.ts), "local" when unset. */
  auth?: AuthMode;
  /** Default: from the environment (hardening.ts). */
  hardening?: HardeningConfig;
}

/**
 * Which operations run compiled (graphql-jit): queries whose variables are valid. A compiled query
 * completes its fields without graphql-tools' per-field machinery, which was most of the CPU (and the
 * garbage) of a 5,000-line grid or comparison. Subscriptions and mutations stay with yoga's executor
 * (a subscription's errors and events are shaped there), and so do queries with invalid variables,
 * whose errors graphql-jit reports without the code and the 400 status (errorContract tests).
 */
const documentRuns = new WeakMap<DocumentNode, number>();

function compiledQuery(args: ExecutionArgs): boolean {
  // Compiling costs more than running a document once (a test suite of one-off documents ran ~2x
  // slower): a document is compiled the second time it runs. Yoga's parse cache hands the same
  // DocumentNode to every request with the same text, as the client's persisted operations are.
  const runs = (documentRuns.get(args.document) ?? 0) + 1;
  documentRuns.set(args.document, runs);
  if (runs < 2) return false;
  const operation = getOperationAST(args.document, args.operationName);
  if (operation?.operation !== "query") return false;
  const coerced = getVariableValues(args.schema, operation.variableDefinitions ?? [], (args.variableValues ?? {}) as Record<string, unknown>, { maxErrors: 1 });
  return coerced.errors === undefined;
}

/**
 * A Ramme yoga: the hardening from the environment (hardening.ts) and the sign-in mode (auth/config.ts)
 * unless given; tests build production-mode or accounts-mode ones. The server's is `yoga`.
 */
export function createRammeYoga(options: YogaServerOptions = {}) {
  // Startup: committed changes go out to live viewers (the engine only calls its after-commit hooks).
  publishCommittedChanges();
  const config = options.hardening ?? hardeningConfigFrom(process.env);
  const mode = options.auth ?? authModeFromEnv();
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    context: ({ request }) => contextFor(request, mode),
    // graphql-jit first, so that the execution budget (hardening.ts) wraps the compiled query, not the other way round. Observation next: it must see requests a hardening plugin ends early (429, 413) too.
    plugins: [useGraphQlJit({}, { enableIf: compiledQuery }), observeRequests(), ...hardeningPlugins(config, mode), useResponseCookies(), errorContractPlugin(config.production), eventIdPlugin()],
    // Yoga's own messages (an unexpected error's original, before masking) go to the JSON log.
    logging: log,
    // Unexpected errors (bugs) reach clients as "Unexpected error." with no stack or SQL; a database that cannot be reached as DATABASE_UNAVAILABLE.
    maskedErrors: { maskError },
    // Same-origin unless RAMME_CORS_ORIGINS names the page's origin (origins.ts); never a reflected origin.
    cors: corsFor(config.origins),
    // GraphiQL needs introspection: where that is off, so is GraphiQL. Never in accounts mode: its page
    // loads scripts from a public CDN, which must not run on the origin that holds the session cookie.
    graphiql: config.introspection && mode === "local" ? { title: "Ramme GraphQL API" } : false,
    landingPage: false,
    // Refused with 413 before parsing, from Content-Length or while the body streams in.
    maxRequestBodySize: config.maxBodyBytes,
    batching: config.batchLimit > 0 ? { limit: config.batchLimit } : false,
  });
}

/** The environment's yoga, in process (tests, benchmarks); server.ts builds its own for the address it listens on. */
export const yoga = createRammeYoga();
