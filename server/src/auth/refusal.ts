/**
 * What a refused request hears from @pothos/plugin-scope-auth (builder.ts): a GraphQL error with a
 * code a client can act on and the HTTP status to match. The check runs before any resolver, so
 * nothing of a refused request is read or stored.
 */
// Built by yoga's own helper, so yoga's masking knows it for a deliberate GraphQLError wherever
// "graphql" resolves to another copy of the module (vitest loads graphql's ESM build for our source).
import { createGraphQLError } from "graphql-yoga";
import type { Caller } from "./caller.ts";

export const UNAUTHENTICATED = "UNAUTHENTICATED";
export const FORBIDDEN = "FORBIDDEN";

export function refusal(caller: Caller): Error {
  if (caller.kind === "anonymous") {
    return createGraphQLError("Sign in (signIn) or send an API token (Authorization: Bearer ramme_…) first.", { extensions: { code: UNAUTHENTICATED, http: { status: 401 } } });
  }
  const why =
    caller.kind === "token" && caller.token.scope === "READ"
      ? "This API token is read-only (scope READ); changing data needs a READ_WRITE token."
      : caller.kind === "token"
        ? "An API token may not do this; sign in as a person."
        : "Your role (viewer) may read but not change data.";
  return createGraphQLError(why, { extensions: { code: FORBIDDEN, http: { status: 403 } } });
}
