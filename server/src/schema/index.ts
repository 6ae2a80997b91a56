/** Imports every domain's types, queries and mutations, and builds the schema. */
import { builder } from "../builder.ts";
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
import "./live.ts";
import "./coverage.ts";
import "./consistency.ts";
import "./priceLevels.ts";
import "./lineage.ts";
import "./accounts.ts";
import "./sharing.ts";
import "./accountsAdmin.ts";

export const schema = builder.toSchema({ sortSchema: false });
