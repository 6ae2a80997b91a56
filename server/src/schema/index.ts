/** Imports every domain's types, queries and mutations, and builds the schema. */
import type { GraphQLObjectType } from "graphql";
import { builder } from "../builder.ts";
import { paceListFields } from "../executionBudget.ts";
import "./scalars.ts";
import "./node.ts";
import "./source.ts";
import "./enums.ts";
import "./frame.ts";
import "./theme.ts";
import "./initiative.ts";
import "./recommendation.ts";
import "./scenario.ts";
import "./errors.ts";
import "./history.ts";
import "./scenarioMutations.ts";
import "./compare.ts";
import "./planning.ts";
import "./exchange.ts";
import "./fileImport.ts";
import "./live.ts";
import "./coverage.ts";
import "./consistency.ts";
import "./priceLevels.ts";
import "./lineage.ts";
import "./accounts.ts";
import "./sharing.ts";
import "./accountsAdmin.ts";
import "./frameMutations.ts";

const built = builder.toSchema({ sortSchema: false });

// Pothos' Prisma plugin adds every connection's totalCount without a way to describe it; the schema
// promises a description on every field (tests/api/readApi.test.ts), so it is given here.
for (const type of Object.values(built.getTypeMap())) {
  const totalCount = type.name.endsWith("Connection") && "getFields" in type ? (type as GraphQLObjectType).getFields().totalCount : undefined;
  if (totalCount && !totalCount.description) totalCount.description = "How many items the whole list holds (that you may see), not only this page.";
}

// Long lists are completed taking turns on the event loop, and counted against the response cap as they are resolved.
export const schema = paceListFields(built);
