/**
 * What a refused request hears from @pothos/plugin-scope-auth (builder.ts): a GraphQL error with a
 * code a client can act on and the HTTP status to match. The check runs before any resolver, so
 * nothing of a refused request is read or stored.
 */
// Built by yoga's own helper, so yoga's masking knows it for a deliberate GraphQLError wherever
// "graphql" resolves to another copy of the module (vitest loads graphql's ESM build for our source).
import { createGraphQLError } from "graphql-yoga";
import type { Context } from "../builder.ts";
import { mayWrite, type Caller } from "./caller.ts";

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

/**
 * The refusal of an admin-only operation (builder.ts's `admin` scope): nobody and read-only callers
 * hear what refusal() tells them; an editor, or a token of one, that it needs an administrator.
 */
export function adminRefusal(caller: Caller): Error {
  if (caller.kind === "anonymous" || !mayWrite(caller)) return refusal(caller);
  return createGraphQLError("Only an administrator may do this.", { extensions: { code: FORBIDDEN, http: { status: 403 } } });
}

/** createOrganisation by an admin of a party: organisations are the secretariat's to create. */
export function secretariatOnly(): Error {
  return createGraphQLError("Only an administrator of the secretariat may create organisations.", { extensions: { code: FORBIDDEN, http: { status: 403 } } });
}

/** What every admin-only field shares: the `admin` scope (builder.ts), and adminRefusal when it fails. */
export const ADMIN_ONLY = {
  authScopes: { admin: true },
  unauthorizedError: (_parent: unknown, _args: unknown, context: Context) => adminRefusal(context.caller),
} as const;
