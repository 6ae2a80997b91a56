/** The scenario life-cycle mutations, shared by the list and the grid's "fork to edit". */
import { graphql } from "../../graphql.ts";
import { InputProblemsFragment } from "../../app/problemText.ts";

/** What every life-cycle mutation answers: the scenario as changed, or why not. */
const ScenarioActionResult = graphql(`
  fragment ScenarioActionResult on ScenarioEdit @_unmask { version scenario { id key name } }
`);

export const ForkScenario = graphql(
  `
  mutation ForkScenario($input: ForkScenarioInput!) { forkScenario(input: $input) { __typename ...ScenarioActionResult ...InputProblems ... on Error { message } } }
`,
  [ScenarioActionResult, InputProblemsFragment],
);
export const UpdateScenario = graphql(
  `
  mutation UpdateScenario($input: UpdateScenarioInput!) { updateScenario(input: $input) { __typename ...ScenarioActionResult ...InputProblems ... on Error { message } } }
`,
  [ScenarioActionResult, InputProblemsFragment],
);
export const LockScenario = graphql(
  `
  mutation LockScenario($input: ScenarioStatusInput!) { lockScenario(input: $input) { __typename ...ScenarioActionResult ...InputProblems ... on Error { message } } }
`,
  [ScenarioActionResult, InputProblemsFragment],
);
export const UnlockScenario = graphql(
  `
  mutation UnlockScenario($input: ScenarioStatusInput!) { unlockScenario(input: $input) { __typename ...ScenarioActionResult ...InputProblems ... on Error { message } } }
`,
  [ScenarioActionResult, InputProblemsFragment],
);
export const ArchiveScenario = graphql(
  `
  mutation ArchiveScenario($input: ScenarioStatusInput!) { archiveScenario(input: $input) { __typename ...ScenarioActionResult ...InputProblems ... on Error { message } } }
`,
  [ScenarioActionResult, InputProblemsFragment],
);
export const UnarchiveScenario = graphql(
  `
  mutation UnarchiveScenario($input: ScenarioStatusInput!) { unarchiveScenario(input: $input) { __typename ...ScenarioActionResult ...InputProblems ... on Error { message } } }
`,
  [ScenarioActionResult, InputProblemsFragment],
);
