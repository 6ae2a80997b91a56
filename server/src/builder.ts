/** The Pothos schema builder and its plugins. Types live in schema/<domain>.ts, not here. */
import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import SimpleObjectsPlugin from "@pothos/plugin-simple-objects";
import type { Oere } from "@ramme/domain";
import { db } from "./db.ts";
import type PrismaTypes from "./generated/pothos-types.ts";
import { getDatamodel } from "./generated/pothos-types.ts";

/** What every resolver knows about the request. */
export interface Context {
  /** Who is acting, as recorded in the history (a display name until sign-in arrives). */
  actor: string;
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    Decimal: { Input: Oere; Output: Oere };
    DateTime: { Input: Date; Output: Date };
  };
}>({
  // Errors before Prisma, as the Pothos docs require.
  plugins: [ErrorsPlugin, PrismaPlugin, RelayPlugin, SimpleObjectsPlugin],
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

builder.queryType({ description: "Read the frame, the documents' data and the scenarios." });
builder.mutationType({
  description:
    "Change scenarios. Every mutation returns its payload or a typed error (InvalidInputError, ScenarioLockedError, " +
    "VersionConflictError, FrameExceededError, MergeConflictError); a refused request stores nothing.",
});
