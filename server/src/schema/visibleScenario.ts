/**
 * The scenario an error or event is about, as an object the caller may follow, beside its deprecated
 * bare key (docs/api.md "Deprecation policy"): null when the caller may not (or no longer) see it, so
 * an error never reveals another organisation's scenario.
 */
import { visibleScenariosWhere } from "../auth/access.ts";
import type { builder } from "../builder.ts";
import { db } from "../db.ts";

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

export function visibleScenarioFields<Parent extends { scenarioId: string }>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>, description: string) {
  return {
    scenario: t.prismaField({
      type: "Scenario",
      nullable: true,
      description,
      resolve: (query, parent, _args, context) => db.scenario.findFirst({ ...query, where: { id: parent.scenarioId, ...visibleScenariosWhere(context.caller) } }),
    }),
    scenarioKey: t.string({
      description: "The scenario's key.",
      deprecationReason: "Use scenario { key }. Kept until 2027-06-30 (docs/api.md, Deprecation policy).",
      resolve: (parent) => parent.scenarioId,
    }),
  };
}
