/** The scenario life-cycle mutations, shared by the list and the grid's "fork to edit". */
import { gql } from "urql";

const RESULT = `
  __typename
  ... on ScenarioEdit { version scenario { id key name } }
  ... on Error { message }
`;

export const ForkScenario = gql`
  mutation ForkScenario($input: ForkScenarioInput!) { forkScenario(input: $input) { ${RESULT} } }
`;
export const UpdateScenario = gql`
  mutation UpdateScenario($input: UpdateScenarioInput!) { updateScenario(input: $input) { ${RESULT} } }
`;
export const LockScenario = gql`
  mutation LockScenario($input: ScenarioStatusInput!) { lockScenario(input: $input) { ${RESULT} } }
`;
export const UnlockScenario = gql`
  mutation UnlockScenario($input: ScenarioStatusInput!) { unlockScenario(input: $input) { ${RESULT} } }
`;
export const ArchiveScenario = gql`
  mutation ArchiveScenario($input: ScenarioStatusInput!) { archiveScenario(input: $input) { ${RESULT} } }
`;
export const UnarchiveScenario = gql`
  mutation UnarchiveScenario($input: ScenarioStatusInput!) { unarchiveScenario(input: $input) { ${RESULT} } }
`;

export interface ActionResult {
  __typename: string;
  version?: number;
  scenario?: { id: string; key: string; name: string };
  message?: string;
}
