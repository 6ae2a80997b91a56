/**
 * The grid's query, in a module of its own so the app's entry can send it before the grid's code
 * (AG Grid) has loaded: the data and the code then arrive at the same time.
 */
import { graphql } from "../../graphql.ts";
import { ScenarioOwnership } from "../sharing/ownership.ts";

export const ScenarioGridQuery = graphql(
  `
  query ScenarioGrid($id: ID!) {
    scenario(id: $id) {
      id key name description locked archived mustFit version
      ...ScenarioOwnership
      parent { key name }
      forkedFromVersion
      frame { key name hasDocuments priceLevel precisionDecimals years { year amount } }
      lines {
        initiative { key title isReserve origin theme { key } sources { section paragraph initiativeNumber sourceDocument { title published } } }
        amounts { year amount }
      }
      comments { text author year initiative { key } }
      yearTotals {
        year allocated
        statedTotalCheck { stated difference explained unexplained status footnotes { marker } }
      }
    }
    themes { key title position }
  }
`,
  [ScenarioOwnership],
);
