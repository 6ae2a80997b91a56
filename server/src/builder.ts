/** The Pothos schema builder and its plugins. Types live in schema/<domain>.ts, not here. */
import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import SimpleObjectsPlugin from "@pothos/plugin-simple-objects";
import type { Oere } from "@ramme/domain";
import { mayAdminister, mayWrite, type Caller } from "./auth/caller.ts";
import { refusal } from "./auth/refusal.ts";
import { db } from "./db.ts";
import type PrismaTypes from "./generated/pothos-types.ts";
import { getDatamodel } from "./generated/pothos-types.ts";

/** What every resolver knows about the request. */
export interface Context {
  /** Who is acting, as recorded in the history: derived from `caller` (auth/caller.ts actorOf). */
  actor: string;
  /** Who is calling (auth/identify.ts). */
  caller: Caller;
  /** The HTTP request, for the session cookie (auth/cookies.ts). */
  request: Request;
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  /** Checked in one place: on the root types below (and live.ts's Subscription), before any resolver runs. */
  AuthScopes: { signedIn: boolean; mayWrite: boolean; person: boolean; admin: boolean };
  DefaultFieldNullability: false;
  Scalars: {
    Decimal: { Input: Oere; Output: Oere };
    DateTime: { Input: Date; Output: Date };
  };
}>({
  // Scope auth first, so no other plugin's wrapper runs before the check; errors before Prisma, as the Pothos docs require.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin, SimpleObjectsPlugin],
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: ({ caller }) => ({
      signedIn: caller.kind !== "anonymous",
      mayWrite: mayWrite(caller),
      person: caller.kind === "local" || caller.kind === "session",
      admin: mayAdminister(caller),
    }),
    unauthorizedError: (_parent, context) => refusal(context.caller),
  },
  defaultFieldNullability: false,
  prisma: {
    client: db,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
  },
  relay: {
    clientMutationId: "omit",
    // `nodes` beside `edges`: most clients only want the objects.
    nodesOnConnection: true,
    cursorType: "String",
    nodeTypeOptions: { description: "An object with a global ID that node(id:) can fetch again." },
    nodeQueryOptions: { description: "Any object by its global ID; null when there is none." },
    nodesQueryOptions: { description: "Several objects by their global IDs, in the order asked." },
    pageInfoTypeOptions: { description: "Where a page of a connection stands." },
  },
  errors: {
    defaultTypes: [],
    // A mutation's result is its payload or one of its typed errors: `SetAllocationResult = ScenarioEdit | InvalidInputError | …`.
    directResult: true,
    defaultUnionOptions: {
      name: ({ fieldName }) => `${upperFirst(fieldName)}Result`,
      description: "The field's payload, or one of the typed errors it can end in (all implement Error).",
    },
  },
});

builder.queryType({ description: "Read the frame, the documents' data and the scenarios.", authScopes: { signedIn: true } });
builder.mutationType({
  authScopes: { mayWrite: true },
  description:
    "Change scenarios. Every mutation returns its payload or a typed error (InvalidInputError, ScenarioLockedError, " +
    "VersionConflictError, FrameExceededError, MergeConflictError); a refused request stores nothing.",
});
