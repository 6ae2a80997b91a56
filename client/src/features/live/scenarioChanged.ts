/** The live stream's subscription: what each change of a scenario delivers (liveChanges.ts decides what it does to the grid). */
import { graphql } from "../../graphql.ts";

export const ScenarioChanged = graphql(`
  subscription ScenarioChanged($id: ID!, $after: Int) {
    scenarioChanged(scenarioId: $id, afterVersion: $after) {
      __typename
      ... on ScenarioChangedEvent {
        version kind actor at comment cellsOnly fitsFrame linesAdded linesRemoved
        cells { initiative { key } year before after }
        totals { year allocated frame headroom overBy fitsFrame }
      }
      ... on InvalidInputError { message problems { field code } }
    }
  }
`);
