/**
 * Whose a scenario is, as the caller should be told: a what-if another organisation shared with
 * theirs (by whom, to read or to edit), one of their own that is shared (with how many), or nothing
 * to say (a baseline, an unshared what-if of their own, or local mode). Pure, unit-tested.
 */
import { graphql, type ResultOf } from "../../graphql.ts";

/** The fields of a Scenario the note is made from: the list and the grid spread them. */
export const ScenarioOwnership = graphql(`
  fragment ScenarioOwnership on Scenario @_unmask {
    kind access
    owner { key name }
    sharedWith { organisation { key name } access }
  }
`);

export type OwnershipFields = ResultOf<typeof ScenarioOwnership>;
export type ScenarioAccess = OwnershipFields["access"];
export type ShareAccess = OwnershipFields["sharedWith"][number]["access"];

export type OwnershipNote =
  | { kind: "none" }
  | { kind: "sharedWithUs"; ownerName: string; access: ShareAccess }
  | { kind: "sharedByUs"; organisations: string[] };

/** `myOrganisationKey`: the signed-in user's organisation; null in local mode, where sharing means nothing. */
export function ownershipNote(scenario: OwnershipFields, myOrganisationKey: string | null): OwnershipNote {
  if (myOrganisationKey === null || scenario.kind === "BASELINE" || scenario.owner === null) return { kind: "none" };
  if (scenario.owner.key !== myOrganisationKey) {
    // What the share grants our organisation; a viewer's own access is capped at READ whatever it says.
    const share = scenario.sharedWith.find((entry) => entry.organisation.key === myOrganisationKey);
    return { kind: "sharedWithUs", ownerName: scenario.owner.name, access: share?.access ?? (scenario.access === "EDIT" ? "EDIT" : "READ") };
  }
  if (scenario.sharedWith.length === 0) return { kind: "none" };
  return { kind: "sharedByUs", organisations: scenario.sharedWith.map((entry) => entry.organisation.name) };
}

/** Whether the caller may change the scenario's amounts and lines (baselines are refused by the engine whatever this says). */
export const mayEdit = (access: ScenarioAccess) => access === "OWNER" || access === "EDIT";
