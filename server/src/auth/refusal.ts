/**
 * What a refused request hears from @pothos/plugin-scope-auth (builder.ts): a GraphQL error with a
 * code a client can act on and the HTTP status to match. The check runs before any resolver, so
 * nothing of a refused request is read or stored.
 */
// Built by yoga's own helper, so yoga's masking knows it for a deliberate GraphQLError wherever
// "graphql" resolves to another copy of the module (vitest loads graphql's ESM build for our source).
import type { AuthFailure } from "@pothos/plugin-scope-auth";
import { createGraphQLError } from "graphql-yoga";
import { InvalidInputError } from "../engine/errors.ts";
import type { ScenarioGuard, ScenarioRefusal } from "./access.ts";
import type { Context } from "./context.ts";
import { mayWrite, type Caller } from "./caller.ts";

export const UNAUTHENTICATED = "UNAUTHENTICATED";
export const FORBIDDEN = "FORBIDDEN";
/** 401 names the schemes that would do (RFC 9110): an API token as a bearer token, or a session from signIn. */
export const UNAUTHENTICATED_HTTP = { status: 401, headers: { "www-authenticate": 'Bearer realm="ramme"' } };

export function refusal(caller: Caller): Error {
  if (caller.kind === "anonymous") {
    return createGraphQLError("Sign in (signIn) or send an API token (Authorization: Bearer ramme_…) first.", { extensions: { code: UNAUTHENTICATED, http: UNAUTHENTICATED_HTTP } });
  }
  const why =
    caller.kind === "token" && caller.token.scope === "READ"
      ? "This API token is read-only (scope READ); changing data needs a READ_WRITE token."
      : caller.kind === "token"
        ? "An API token may not do this; sign in as a person."
        : "Your role (viewer) may read but not change data.";
  return createGraphQLError(why, { extensions: { code: FORBIDDEN, http: { status: 403 } } });
}

const SCENARIO_SCOPES = new Set(["readScenarios", "editScenarios", "ownScenarios", "seeScenario", "seeInitiative"]);

/** The scenario check that failed, if one did (it may sit inside an $all or $any). */
function scenarioFailure(failure: AuthFailure): { scope: string; parameter: unknown } | null {
  if (failure.kind === "AuthScope") return SCENARIO_SCOPES.has(failure.scope) ? failure : null;
  if (failure.kind === "AllAuthScopes" || failure.kind === "AnyAuthScopes") {
    for (const inner of failure.failures) {
      const found = scenarioFailure(inner);
      if (found) return found;
    }
  }
  return null;
}

/**
 * What a caller hears when a scenario check fails (auth/access.ts):
 * - a scenario it may not see: exactly what a scenario that does not exist gets, UNKNOWN_SCENARIO
 *   on the argument, so another organisation's drafts cannot be probed by ID;
 * - one it sees but may not change (shared READ), or may change but not share or archive (shared
 *   EDIT): 403 FORBIDDEN, saying why;
 * - a Scenario object a field was about to return though the caller may not see it (a list that
 *   did not filter): FORBIDDEN, and nothing of it is sent.
 * Null when no scenario check failed.
 */
export function scenarioRefusal(guard: ScenarioGuard, failure: AuthFailure): Error | null {
  const found = scenarioFailure(failure);
  if (!found) return null;
  const refused = typeof found.parameter === "object" && found.parameter !== null ? guard.refusalOf(found.parameter) : undefined;
  if (!refused) return createGraphQLError("This is not visible to you.", { extensions: { code: FORBIDDEN, http: { status: 403 } } });
  if (refused.access === "NONE") return unknownScenario(refused);
  return createGraphQLError(whyNot(refused), { extensions: { code: FORBIDDEN, http: { status: 403 } } });
}

const unknownScenario = (refused: ScenarioRefusal) => InvalidInputError.of(refused.field, "UNKNOWN_SCENARIO", `there is no scenario ${JSON.stringify(refused.id)}.`, refused.id);

function whyNot(refused: ScenarioRefusal): string {
  if (refused.access === "READ") return `The scenario ${JSON.stringify(refused.id)} is shared with your organisation to read; changing it needs edit access from its organisation.`;
  return `Only the organisation that owns the scenario ${JSON.stringify(refused.id)} may share it, take a share back or archive it.`;
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

/** createFrame, updateFrame, archiveFrame, importBaseline by someone other than an admin of a secretariat. */
export function frameAdminOnly(): Error {
  return createGraphQLError("Only an administrator of a secretariat may create, change or archive frames and import their baselines.", { extensions: { code: FORBIDDEN, http: { status: 403 } } });
}
