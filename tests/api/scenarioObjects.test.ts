/**
 * Every field that names a scenario gives the Scenario itself (`scenario`), not only its key; the
 * bare `scenarioKey` beside it keeps answering, deprecated (docs/api.md, Deprecation policy).
 */
import { yoga } from "@ramme/server/yoga.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { gql } from "../support/documents.ts";
import { query } from "../support/graphql.ts";
import { asMember } from "../support/unions.ts";
import { fork, mutate, setAllocation, setAllocations } from "../support/scenarios.ts";
import { subscribe, type Subscription } from "../support/sse.ts";

const ERROR_FIELDS = `__typename ... on Error {
  ... on ScenarioLockedError { scenarioKey scenario { key name version } }
  ... on VersionConflictError { scenarioKey scenario { key name version } }
  ... on FrameExceededError { scenarioKey scenario { key name version } } }`;
// The mutation is named at run time, so its answer is untyped: the tests compare it whole.
const edit = async (name: string, inputType: string, input: Record<string, unknown>) =>
  ((await query(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${ERROR_FIELDS} } }`, { input })) as Record<string, unknown>)[name];

let whatIf: { key: string; version: number };
beforeEach(async () => {
  whatIf = await fork("aftale-2024", "Objekter");
});
const open: Subscription[] = [];
afterEach(() => open.splice(0).forEach((subscription) => subscription.close()));

describe("the errors name the scenario they are about as a Scenario", () => {
  it("VersionConflictError", async () => {
    await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2025, amount: "3", expectedVersion: 1 });
    const conflict = await edit("setAllocation", "SetAllocationInput", { scenarioId: whatIf.key, initiativeId: "vmk", year: 2026, amount: "3", expectedVersion: 1 });
    expect(conflict).toEqual({ __typename: "VersionConflictError", scenarioKey: whatIf.key, scenario: { key: whatIf.key, name: "Objekter", version: 2 } });
  });

  it("ScenarioLockedError", async () => {
    expect(await mutate("lockScenario", "ScenarioStatusInput", { scenarioId: whatIf.key, expectedVersion: 1 })).toMatchObject({ __typename: "ScenarioEdit" });
    const locked = await edit("setAllocation", "SetAllocationInput", { scenarioId: whatIf.key, initiativeId: "vmk", year: 2026, amount: "3", expectedVersion: 2 });
    expect(locked).toEqual({ __typename: "ScenarioLockedError", scenarioKey: whatIf.key, scenario: { key: whatIf.key, name: "Objekter", version: 2 } });
  });

  it("FrameExceededError", async () => {
    expect(await mutate("updateScenario", "UpdateScenarioInput", { scenarioId: whatIf.key, mustFit: true, expectedVersion: 1 })).toMatchObject({ __typename: "ScenarioEdit" });
    const over = await edit("setAllocations", "SetAllocationsInput", { scenarioId: whatIf.key, expectedVersion: 2, cells: [{ initiativeId: "vmk", year: 2024, amount: "9" }] });
    expect(over).toEqual({ __typename: "FrameExceededError", scenarioKey: whatIf.key, scenario: { key: whatIf.key, name: "Objekter", version: 2 } });
  });
});

describe("reports name their scenarios as Scenarios", () => {
  it("a comparison's LineVersus", async () => {
    await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2025, amount: "3", expectedVersion: 1 });
    const { compareScenarios } = await query(
      gql(`query($base: ID!, $others: [ID!]!) { compareScenarios(baseId: $base, otherIds: $others) { __typename ... on ScenarioComparison { lines { versus { scenarioKey scenario { key name } } } } } }`),
      { base: "aftale-2024", others: [whatIf.key, "regeringens-udspil-2024"] },
    );
    const versus = asMember(compareScenarios, "ScenarioComparison").lines.flatMap((line) => line.versus);
    expect(versus.length).toBeGreaterThan(0);
    for (const entry of versus) expect(entry.scenario.key).toBe(entry.scenarioKey);
    expect(new Set(versus.map((entry) => entry.scenario.name)).size).toBe(2);
  });

  it("changesSince's report", async () => {
    const { changesSince } = await query(gql(`query($id: ID!) { changesSince(scenarioId: $id, version: 1) { ... on ChangesSinceReport { scenarioKey scenario { key name } } } }`), { id: whatIf.key });
    expect(changesSince).toEqual({ scenarioKey: whatIf.key, scenario: { key: whatIf.key, name: "Objekter" } });
  });

  it("the live event", async () => {
    const subscription = await subscribe(
      async (url, init) => yoga.fetch(url, init),
      "http://ramme.test/graphql",
      gql(`subscription($id: ID!) { scenarioChanged(scenarioId: $id) { ... on ScenarioChangedEvent { scenarioKey scenario { key name version } } } }`),
      { id: whatIf.key },
    );
    open.push(subscription);
    await setAllocations({ scenarioId: whatIf.key, expectedVersion: 1, cells: [{ initiativeId: "vmk", year: 2025, amount: "3" }] });
    expect((await subscription.next()).data?.scenarioChanged).toEqual({ scenarioKey: whatIf.key, scenario: { key: whatIf.key, name: "Objekter", version: 2 } });
  });
});

it("every bare scenarioKey beside a scenario is deprecated, with the date it is kept until", async () => {
  const types = ["ChangesSinceReport", "LineVersus", "ScenarioChangedEvent", "FrameExceededError", "ScenarioLockedError", "VersionConflictError"];
  for (const name of types) {
    // Introspection, which gql.tada does not type: the document stays text and its answer is described here.
    const { __type } = (await query(`query($name: String!) { __type(name: $name) { fields(includeDeprecated: true) { name isDeprecated deprecationReason type { kind name ofType { name } } } } }`, { name })) as {
      __type: { fields: Array<{ name: string; isDeprecated: boolean; deprecationReason: string | null; type: { name: string | null; ofType: { name: string } | null } }> };
    };
    const fields = __type.fields;
    expect(fields.find((field) => field.name === "scenarioKey"), name).toMatchObject({ isDeprecated: true, deprecationReason: expect.stringContaining("Kept until 2027-06-30") });
    const scenario = fields.find((field) => field.name === "scenario");
    expect(scenario?.type.name ?? scenario?.type.ofType?.name, name).toBe("Scenario");
  }
});
