/**
 * A scenario's cells and frame in another price level, from the server (the conversion is the
 * server's: exact, and the same figures the exports write). Asked again whenever the scenario's
 * version changes, so a priced view follows everyone's edits.
 */
import { useEffect, useMemo } from "react";
import { useQuery } from "urql";
import { type FragmentOf, graphql } from "../../graphql.ts";
import type { Oere } from "@ramme/domain";
import { fromApi } from "../../app/amounts.ts";
import { scenarioGlobalId } from "../../app/ids.ts";
import { PriceLevelBannerFields } from "./PriceLevelSelect.tsx";

const PricedScenarioQuery = graphql(
  `
  query PricedScenario($id: ID!, $year: Int!) {
    scenario(id: $id) {
      id
      inPriceLevel(year: $year) {
        __typename
        ... on PricedScenario { priceLevel { ...PriceLevelBannerFields } lines { initiative { key } amounts { year amount } } totals { year frame } }
        ... on InvalidInputError { message }
      }
    }
  }
`,
  [PriceLevelBannerFields],
);

export interface PricedScenario {
  /** Per line and year, in the chosen level; null while loading, when failed, or when no level is chosen. */
  cells: Map<string, Map<number, Oere>> | null;
  frame: Map<number, Oere> | null;
  level: FragmentOf<typeof PriceLevelBannerFields> | null;
  failure: string | null;
  loading: boolean;
}

export function usePricedScenario(scenarioKey: string, year: number | null, version: number): PricedScenario {
  const [{ data, error, fetching }, refetch] = useQuery({
    query: PricedScenarioQuery,
    variables: { id: scenarioGlobalId(scenarioKey), year: year ?? 0 },
    pause: year === null,
  });
  useEffect(() => {
    if (year !== null) refetch({ requestPolicy: "network-only" });
  }, [version, year, refetch]);
  const answer = year === null ? undefined : data?.scenario?.inPriceLevel;
  return useMemo(() => {
    if (answer?.__typename !== "PricedScenario") {
      return { cells: null, frame: null, level: null, failure: answer?.__typename === "InvalidInputError" ? answer.message : (error?.message ?? null), loading: year !== null && fetching };
    }
    return {
      cells: new Map(answer.lines.map((line) => [line.initiative.key, new Map(line.amounts.map((cell) => [cell.year, fromApi(cell.amount)]))])),
      frame: new Map(answer.totals.map((total) => [total.year, fromApi(total.frame)])),
      level: answer.priceLevel,
      failure: null,
      loading: false,
    };
  }, [answer, error, fetching, year]);
}
