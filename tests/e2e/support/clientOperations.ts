/**
 * The web client's operations the e2e tests send through the API (support/graphqlHttp.ts,
 * clientOperationOverHttp: by hash, as trusted operations require), as typed documents.
 *
 * Where the client exports its document from a plain module it is re-exported here. The others
 * live in React modules (not to be loaded in Node) or spread masked fragments, so each is restated
 * with the same operation name and only fields the client's document also selects: the server runs
 * the client's document (sent by its name's hash), and these give the answer's type for what the
 * tests read.
 */
import { gql, type ResultOf } from "../../support/documents.ts";
import { ForkScenario, LockScenario } from "../../../client/src/features/scenarios/scenarioActions.ts";
import { FramesQuery } from "../../../client/src/features/frames/framesQuery.ts";
import { ScenarioGridQuery } from "../../../client/src/features/grid/gridQuery.ts";

export { ForkScenario, FramesQuery, LockScenario, ScenarioGridQuery };

/** client/src/features/grid/useCellWrites.ts */
export const SetAllocations = gql(`
  mutation SetAllocations($input: SetAllocationsInput!) {
    setAllocations(input: $input) { __typename ... on ScenarioEdit { version changed } }
  }
`);

/** client/src/features/grid/LineDialogs.tsx */
export const RemoveInitiative = gql(`
  mutation RemoveInitiative($input: RemoveInitiativeInput!) {
    removeInitiative(input: $input) { __typename ... on ScenarioEdit { version } }
  }
`);

/** client/src/features/grid/CellComments.tsx */
export const AddCellComment = gql(`
  mutation AddCellComment($input: AddCommentInput!) {
    addComment(input: $input) { __typename }
  }
`);

/** client/src/features/export/ExportButtons.tsx */
export const ExportScenario = gql(`
  query ExportScenario($id: ID!, $format: FileFormat!, $language: Language, $priceLevel: Int) {
    exportScenario(scenarioId: $id, format: $format, language: $language, priceLevel: $priceLevel) { __typename ... on ExportFile { fileName contentType base64 } }
  }
`);

/** The key of the what-if a ForkScenario answer made; throws with the answer when the fork was refused. */
export function forkedKey(answer: ResultOf<typeof ForkScenario>): string {
  if (answer.forkScenario.__typename !== "ScenarioEdit") throw new Error(`fork refused: ${JSON.stringify(answer)}`);
  return answer.forkScenario.scenario.key;
}

/** The scenario a ScenarioGrid answer holds; throws when there is none. */
export function gridScenario(answer: ResultOf<typeof ScenarioGridQuery>): NonNullable<ResultOf<typeof ScenarioGridQuery>["scenario"]> {
  if (!answer.scenario) throw new Error("the ScenarioGrid answer has no scenario");
  return answer.scenario;
}

/** client/src/features/grid/LineDialogs.tsx */
export const AddInitiative = gql(`
  mutation AddInitiative($input: AddInitiativeInput!) {
    addInitiative(input: $input) { __typename ... on ScenarioEdit { version } }
  }
`);

/** What the tests read of a comparison, from either client operation below. */
const ComparisonForTests = gql(`
  fragment ComparisonForTests on ScenarioComparison @_unmask {
    years
    lines { initiative { key theme { key } } versus { status cells { year difference } } }
    differences { themes { theme { key } year difference } years { year baseAllocated otherAllocated } }
  }
`);

/** client/src/features/compare/CompareView.tsx (its comparison's fields are in a masked fragment, ComparisonFields) */
export const CompareScenarios = gql(
  `
  query CompareScenarios($base: ID!, $others: [ID!]!, $language: Language!, $priceLevel: Int) {
    compareScenarios(baseId: $base, otherIds: $others, priceLevel: $priceLevel) {
      __typename
      ...ComparisonForTests
    }
  }
`,
  [ComparisonForTests],
);

/** client/src/features/grid/useReferenceDiff.ts (its comparison's fields are in a masked fragment, ReferenceDiffFields) */
export const GridReferenceDiff = gql(
  `
  query GridReferenceDiff($reference: ID!, $scenario: ID!, $baseVersion: Int, $priceLevel: Int) {
    compareScenarios(baseId: $reference, otherIds: [$scenario], baseVersion: $baseVersion, priceLevel: $priceLevel) {
      __typename
      ...ComparisonForTests
    }
  }
`,
  [ComparisonForTests],
);

/** client/src/features/scenarios/ScenarioList.tsx */
export const ScenarioList = gql(`
  query ScenarioList($includeArchived: Boolean!, $frameId: ID) {
    scenarios(first: 200, includeArchived: $includeArchived, frameId: $frameId) { nodes { key name } }
  }
`);

/** client/src/features/sharing/ShareDialog.tsx */
export const ShareScenario = gql(`
  mutation ShareScenario($input: ShareScenarioInput!) {
    shareScenario(input: $input) { __typename }
  }
`);
