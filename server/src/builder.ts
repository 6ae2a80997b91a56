/** The Pothos schema builder and its plugins. Types live in schema/<domain>.ts, not here. */
import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import SimpleObjectsPlugin from "@pothos/plugin-simple-objects";
import TextInputPlugin from "./textInputPlugin.ts";
import type { Oere } from "@ramme/domain";
import type { ScenarioArgument, ScenarioGuard, ScenarioOwnership } from "./auth/access.ts";
import { mayAdminister, mayWrite, type Caller } from "./auth/caller.ts";
import type { Context } from "./auth/context.ts";
import { refusal, scenarioRefusal } from "./auth/refusal.ts";
import { db } from "./db.ts";
import type PrismaTypes from "./generated/pothos-types.ts";
import { getDatamodel } from "./generated/pothos-types.ts";


const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  /**
   * Checked in one place, before any resolver runs: who may call at all on the root types below (and
   * live.ts's Subscription); which scenarios on every field that names one (`readScenarios`,
   * `editScenarios`, `ownScenarios` with the arguments' IDs) and on every Scenario object a field
   * returns (`seeScenario`). The rule itself is auth/access.ts.
   */
  AuthScopes: {
    signedIn: boolean;
    mayWrite: boolean;
    person: boolean;
    seeScenario: ScenarioOwnership | string;
    readScenarios: readonly ScenarioArgument[];
    editScenarios: readonly ScenarioArgument[];
    ownScenarios: readonly ScenarioArgument[];
    seeInitiative: string;
    admin: boolean;
  };
  DefaultFieldNullability: false;
  Scalars: {
    Decimal: { Input: Oere; Output: Oere };
    DateTime: { Input: Date; Output: Date };
  };
}>({
  // Errors before scope auth, so a scenario the caller may not see is answered with the same typed
  // InvalidInputError as one that does not exist (the Pothos docs allow this order when the error
  // types hold nothing secret); errors before Prisma, as the Pothos docs require. Every string the
  // client sent is checked (textInputPlugin.ts) inside errors, so its refusal is typed, and before
  // scope auth, which reads the IDs it names from the database.
  plugins: [ErrorsPlugin, TextInputPlugin, ScopeAuthPlugin, PrismaPlugin, RelayPlugin, SimpleObjectsPlugin],
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: ({ caller, guard }) => ({
      signedIn: caller.kind !== "anonymous",
      mayWrite: mayWrite(caller),
      person: caller.kind === "local" || caller.kind === "session",
      seeScenario: (scenario) => guard.sees(scenario),
      readScenarios: (scenarios) => guard.allow(scenarios, "READ"),
      editScenarios: (scenarios) => guard.allow(scenarios, "EDIT"),
      ownScenarios: (scenarios) => guard.allow(scenarios, "OWNER"),
      seeInitiative: (key) => guard.seesInitiative(key),
      admin: mayAdminister(caller),
    }),
    unauthorizedError: (_parent, context, _info, result) => scenarioRefusal(context.guard, result.failure) ?? refusal(context.caller),
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
    nodesOnConnection: { description: "The page's items, without cursors." },
    cursorType: "String",
    nodeTypeOptions: { description: "An object with a global ID that node(id:) can fetch again." },
    // schema/node.ts defines node and nodes: a malformed ID gets a coded error, and one entry's null, not the whole list's.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    pageInfoTypeOptions: { description: "Where a page of a connection stands." },
    // Every connection's page arguments are bounded and checked in one place: schema/paging.ts.
    firstArgOptions: { description: "The first n items after `after` (0 to 500). Not with `last`." },
    afterArgOptions: { description: "The cursor of the item the page starts after (an edge's cursor, or pageInfo.endCursor)." },
    lastArgOptions: { description: "The last n items before `before` (0 to 500). Not with `first`." },
    beforeArgOptions: { description: "The cursor of the item the page ends before (an edge's cursor, or pageInfo.startCursor)." },
    edgesFieldOptions: { description: "The page's items, each with its cursor." },
    pageInfoFieldOptions: { description: "Whether there are more pages, and the cursors to fetch them." },
    cursorFieldOptions: { description: "Where this item stands, for after/before." },
    nodeFieldOptions: { description: "The item." },
    hasNextPageFieldOptions: { description: "True when items follow this page." },
    hasPreviousPageFieldOptions: { description: "True when items precede this page." },
    startCursorFieldOptions: { description: "The first item's cursor; null on an empty page." },
    endCursorFieldOptions: { description: "The last item's cursor; null on an empty page." },
    idFieldOptions: { description: "The object's global ID: opaque, stable, for node(id:) and for every ID argument." },
  },
  errors: {
    defaultTypes: [],
    // Refusals of the text input layer (textInputPlugin.ts), thrown before the argument mappers, become typed results too.
    unsafelyHandleInputErrors: true,
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
