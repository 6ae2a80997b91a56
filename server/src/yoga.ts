/** Builds the GraphQL server. server.ts only listens; tests call `yoga.fetch` in process. */
import { createYoga } from "graphql-yoga";
import type { Context } from "./builder.ts";
import { maskError } from "./db/unavailable.ts";
import { hardeningConfigFrom, hardeningPlugins, type HardeningConfig } from "./hardening.ts";
import { schema } from "./schema/index.ts";

/** Until sign-in (issue 5) names the user, the history records the name the client gives, or this. */
export const LOCAL_ACTOR = "Lokal bruger";
const ACTOR_HEADER = "x-ramme-user";

function actorOf(request: Request): string {
  const given = request.headers.get(ACTOR_HEADER)?.trim() ?? "";
  // Header values arrive as Latin-1; clients send the name URI-encoded so "Søren" survives.
  let name = given;
  try {
    name = decodeURIComponent(given);
  } catch {
    name = given;
  }
  return name === "" ? LOCAL_ACTOR : name.slice(0, 100);
}

/** A Ramme yoga with the given hardening (tests build production-mode ones); the server's is `yoga`. */
export function createRammeYoga(config: HardeningConfig) {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    context: ({ request }) => ({ actor: actorOf(request) }),
    // Unexpected errors (bugs) reach clients as "Unexpected error." with no stack or SQL; a database that cannot be reached as DATABASE_UNAVAILABLE.
    maskedErrors: { maskError },
    // GraphiQL needs introspection: where that is off, so is GraphiQL.
    graphiql: config.introspection ? { title: "Ramme GraphQL API" } : false,
    landingPage: false,
    plugins: hardeningPlugins(config),
    // Refused with 413 before parsing, from Content-Length or while the body streams in.
    maxRequestBodySize: config.maxBodyBytes,
    batching: config.batchLimit > 0 ? { limit: config.batchLimit } : false,
  });
}

export const hardening = hardeningConfigFrom(process.env);
export const yoga = createRammeYoga(hardening);
