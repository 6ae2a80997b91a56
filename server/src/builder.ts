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

export const builder = new SchemaBuilder<{
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
    cursorType: "String",
    nodeTypeOptions: { description: "An object with a global ID that node(id:) can fetch again." },
    nodeQueryOptions: { description: "Any object by its global ID; null when there is none." },
    nodesQueryOptions: { description: "Several objects by their global IDs, in the order asked." },
    pageInfoTypeOptions: { description: "Where a page of a connection stands." },
  },
  errors: { defaultTypes: [] },
});

builder.queryType({ description: "Read the frame, the documents' data and the scenarios." });
