/** Builds the GraphQL server. server.ts only listens; tests call `yoga.fetch` in process. */
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
    // Observation first: it must see requests a hardening plugin ends early (429, 413) too.
    plugins: [observeRequests(), ...hardeningPlugins(config, mode), useResponseCookies(), errorContractPlugin(config.production), eventIdPlugin()],
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
