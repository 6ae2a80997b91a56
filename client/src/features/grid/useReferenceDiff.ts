/**
 * The grid's difference to its reference, from the server's comparison (`compareScenarios` with the
 * reference as the base; at the fork, the parent at the what-if's `forkedFromVersion`). It follows
 * live changes to either side: a new version of the scenario shown asks again, and so does every
 * change to the reference, which this hook watches on its own live stream (not needed at the fork:
 * the parent's past does not change).
 */
import { useCallback, useEffect, useMemo, useRef } from "react";
import { useQuery } from "urql";
import { graphql, readFragment } from "../../graphql.ts";
import { InputProblemsFragment } from "../../app/problemText.ts";
import { failureMessage } from "../../app/failures.ts";
import type { Locale } from "../../i18n/messages.ts";
import { hrefOf, useRoute, type GridReference } from "../../app/route.ts";
import { useScenarioLive } from "../live/useScenarioLive.ts";
import { buildReferenceDiff, ReferenceDiffFields, type ReferenceDiff } from "./referenceDiff.ts";

const GridReferenceDiffQuery = graphql(
  `
  query GridReferenceDiff($reference: ID!, $scenario: ID!, $baseVersion: Int, $priceLevel: Int) {
    compareScenarios(baseId: $reference, otherIds: [$scenario], baseVersion: $baseVersion, priceLevel: $priceLevel) {
      __typename
      ...InputProblems
      ... on ScenarioComparison { ...ReferenceDiffFields }
    }
  }
`,
  [ReferenceDiffFields, InputProblemsFragment],
);

export interface ReferenceDiffState {
  diff: ReferenceDiff | null;
  /** The comparison is for another version of either side than the one shown: it is on its way. */
  pending: boolean;
  failure: ((locale: Locale) => string) | null;
}

/**
 * `reference`: the scenario to compare with (null: off). `forkedFromVersion`: the version of the
 * reference to compare with when `reference.at` is "fork" (the caller passes it only when the
 * reference is the scenario's parent). `version`: the version of the scenario the grid shows.
 */
export function useReferenceDiff(scenarioKey: string, reference: GridReference | null, forkedFromVersion: number | null, version: number, priceLevel: number | null): ReferenceDiffState {
  const baseVersion = reference?.at === "fork" ? forkedFromVersion : null;
  const [{ data, error, fetching }, refetch] = useQuery({
    query: GridReferenceDiffQuery,
    variables: { reference: reference?.key ?? "", scenario: scenarioKey, baseVersion, priceLevel },
    pause: reference === null,
    requestPolicy: "network-only",
  });
  const answer = reference ? data?.compareScenarios : undefined;
  const comparison = answer?.__typename === "ScenarioComparison" ? answer : null;
  const diff = useMemo(() => (comparison ? buildReferenceDiff(readFragment(ReferenceDiffFields, comparison)) : null), [comparison]);

  // The scenario shown moved on (an edit here, or anyone's live change): ask again.
  const askedAt = useRef(version);
  useEffect(() => {
    if (reference === null || askedAt.current === version) return;
    askedAt.current = version;
    refetch({ requestPolicy: "network-only" });
  }, [version, reference, refetch]);

  // The reference moved on: ask again (its past, at the fork, never moves).
  const referenceVersion = useRef(0);
  if (diff) referenceVersion.current = Math.max(referenceVersion.current, diff.referenceVersion);
  const watchReference = reference !== null && baseVersion === null && diff !== null && reference.key !== scenarioKey;
  useScenarioLive(reference?.key ?? "", watchReference, {
    heldVersion: () => referenceVersion.current,
    onChange: (change) => {
      if (change.version <= referenceVersion.current) return;
      referenceVersion.current = change.version;
      refetch({ requestPolicy: "network-only" });
    },
    onRefused: () => refetch({ requestPolicy: "network-only" }),
  });

  const failure = !reference ? null : error || answer?.__typename === "InvalidInputError" ? failureMessage(answer, error) : null;
  const pending = reference !== null && (fetching || !diff || diff.scenarioVersion !== version || (baseVersion === null && diff.referenceVersion < referenceVersion.current));
  return { diff: failure ? null : diff, pending, failure };
}

/** The reference the URL names for this scenario's grid, and a way to change it (replacing the URL, so the back button leaves the grid rather than stepping through toggles). */
export function useGridReference(scenarioKey: string): [GridReference | null, (next: GridReference | null) => void] {
  const route = useRoute();
  const reference = route.view === "scenario" && route.key === scenarioKey ? route.reference ?? null : null;
  const stable = useMemo(() => reference, [reference?.key, reference?.at]);
  const setReference = useCallback(
    (next: GridReference | null) => {
      window.history.replaceState(window.history.state, "", hrefOf(next ? { view: "scenario", key: scenarioKey, reference: next } : { view: "scenario", key: scenarioKey }));
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    },
    [scenarioKey],
  );
  return [stable, setReference];
}
