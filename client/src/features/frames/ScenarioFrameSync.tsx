/**
 * A link to a scenario may not name its frame (one made before frames, or typed by hand): with more
 * than one frame, the scenario's own frame is looked up and put into the URL (replacing the entry),
 * so the switcher, the top bar and every link from the page are in the scenario's frame.
 */
import { useEffect } from "react";
import { useQuery } from "urql";
import { graphql } from "../../graphql.ts";
import { frameParamOf, useFrame } from "./FrameContext.tsx";

const ScenarioFrameQuery = graphql(`
  query ScenarioFrame($id: ID!) {
    scenario(id: $id) { id frame { id key } }
  }
`);

export function ScenarioFrameSync({ scenarioKey }: { scenarioKey: string }) {
  const state = useFrame();
  const [{ data }] = useQuery({ query: ScenarioFrameQuery, variables: { id: scenarioKey }, pause: !state.multiple });
  const frameKey = data?.scenario?.frame.key;
  useEffect(() => {
    if (!state.multiple || frameKey === undefined || frameKey === state.frameKey) return;
    const wanted = frameParamOf(state, frameKey);
    const hash = window.location.hash.replace(/^#\/f\/[^/?]+/, "#");
    window.location.replace(wanted === null ? hash : hash.replace(/^#/, `#/f/${encodeURIComponent(wanted)}`));
  }, [frameKey, state]);
  // Nothing to show: it only keeps the URL's frame the scenario's.
  return null;
}
