/** The lineage tree's query, read by the tree and by the "changed since" panel beside it. */
import { graphql, type ResultOf } from "../../graphql.ts";
import { InputProblemsFragment } from "../../app/problemText.ts";

export const LineageQuery = graphql(`
  query Lineage($rootId: ID, $language: Language!) {
    scenarioLineage(rootId: $rootId, language: $language) {
      __typename
      ... on ScenarioLineage {
        nodes {
          key name kind parentKey parentName depth createdBy createdAt forkedFromVersion version archived fitsFrame yearsOverFrame summary
          lastChange { version actor at }
        }
      }
      ...InputProblems ... on Error { message }
    }
  }
`, [InputProblemsFragment]);

/** The frame's scenarios (archived too): the tree shows only the forks within the frame the planner is in. */
export const FrameScenarioKeysQuery = graphql(`
  query FrameScenarioKeys($frameId: ID) {
    scenarios(first: 500, frameId: $frameId, includeArchived: true) { nodes { key } }
  }
`);

/** A scenario in the fork tree, as the tree and the panel's scenario choice show it. */
export type LineageNode = Extract<ResultOf<typeof LineageQuery>["scenarioLineage"], { __typename: "ScenarioLineage" }>["nodes"][number];
