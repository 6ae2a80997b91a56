/** Builds the GraphQL server. server.ts only listens; tests call `yoga.fetch` in process. */
import { createYoga } from "graphql-yoga";
import { authModeFromEnv, type AuthMode } from "./auth/config.ts";
import { contextFor } from "./auth/context.ts";
import { useResponseCookies } from "./auth/cookies.ts";
import type { Context } from "./builder.ts";
import { maskError } from "./db/unavailable.ts";
import { schema } from "./schema/index.ts";

export { LOCAL_ACTOR } from "./auth/identify.ts";

export interface YogaServerOptions {
  /** Default: RAMME_AUTH (auth/config.ts), "local" when unset. */
  auth?: AuthMode;
}

export function createYogaServer(options: YogaServerOptions = {}) {
  const mode = options.auth ?? authModeFromEnv();
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    context: ({ request }) => contextFor(request, mode),
    plugins: [useResponseCookies()],
    // Unexpected errors (bugs) reach clients as "Unexpected error." with no stack or SQL; a database that cannot be reached as DATABASE_UNAVAILABLE.
    maskedErrors: { maskError },
    graphiql: { title: "Ramme GraphQL API" },
    landingPage: false,
  });
}

export const yoga = createYogaServer();
