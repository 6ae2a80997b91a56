/**
 * "Every problem in an input is listed (unknown IDs too), each at its exact field path, once": a
 * request with a malformed value and an unknown ID is answered with both at once, not the malformed
 * one first and the unknown one only on the next try. Nothing is stored.
 */
import { describe, expect, it } from "vitest";
import { globalId, query } from "../support/graphql.ts";
import { fingerprint, fork } from "../support/scenarios.ts";

const PROBLEMS = `__typename ... on InvalidInputError { problems { field code } }`;
const NOT_A_SCENARIO = globalId("Initiative", "vmk");

async function storesNothing<T>(work: () => Promise<T>): Promise<T> {
  const before = await fingerprint();
  const result = await work();
  expect(await fingerprint()).toBe(before);
  return result;
}

describe("malformed and unknown IDs in one answer", () => {
  it("compareScenarios", async () => {
    const { compareScenarios } = await query(`query($base: ID!, $others: [ID!]!) { compareScenarios(baseId: $base, otherIds: $others) { ${PROBLEMS} } }`, {
      base: "aftale-2024",
      others: [NOT_A_SCENARIO, "findes-ikke", "regeringens-udspil-2024"],
    });
    expect(compareScenarios.problems).toEqual([
      { field: "otherIds[0]", code: "MALFORMED_ID" },
      { field: "otherIds[1]", code: "UNKNOWN_SCENARIO" },
    ]);
  });

  it("recommendationCoverage: malformed, unknown and repeated, each once", async () => {
    const { recommendationCoverage } = await query(`query($ids: [ID!]!) { recommendationCoverage(scenarioIds: $ids) { ${PROBLEMS} } }`, {
      ids: ["findes-ikke", NOT_A_SCENARIO, "aftale-2024", "findes-ikke"],
    });
    expect(recommendationCoverage.problems).toEqual([
      { field: "scenarioIds[1]", code: "MALFORMED_ID" },
      { field: "scenarioIds[3]", code: "SAME_SCENARIO" },
      { field: "scenarioIds[0]", code: "UNKNOWN_SCENARIO" },
    ]);
  });

  it("mergeScenario and mergePreview: a malformed resolution beside an unknown scenario", async () => {
    const whatIf = await fork("aftale-2024", "Flet");
    const input = { sourceId: "findes-ikke", targetId: whatIf.key, expectedTargetVersion: 1, comment: "Flet", resolutions: [{ initiativeId: globalId("Scenario", "aftale-2024"), year: 2025, take: "SOURCE" }, { initiativeId: "vmk", year: 2025, take: "SOURCE" }, { initiativeId: "vmk", year: 2025, take: "TARGET" }] };
    const { mergeScenario } = await storesNothing(() => query(`mutation($input: MergeScenarioInput!) { mergeScenario(input: $input) { ${PROBLEMS} } }`, { input }));
    expect(mergeScenario.problems).toEqual([
      { field: "input.sourceId", code: "UNKNOWN_SCENARIO" },
      { field: "input.resolutions[0].initiativeId", code: "MALFORMED_ID" },
      { field: "input.resolutions[2]", code: "DUPLICATE_CELL" },
    ]);
    const { mergePreview } = await query(`query($source: ID!, $target: ID!) { mergePreview(sourceId: $source, targetId: $target) { ${PROBLEMS} } }`, { source: whatIf.key, target: "findes-ikke" });
    expect(mergePreview.problems).toEqual([{ field: "targetId", code: "UNKNOWN_SCENARIO" }]);
  });
});

describe("frames: a malformed amount beside an unknown frame or a taken name", () => {
  it("createFrame: a bad amount and a name another frame has", async () => {
    const { frames } = await query(`{ frames { name } }`);
    const { createFrame } = await storesNothing(() =>
      query(`mutation($input: CreateFrameInput!) { createFrame(input: $input) { ${PROBLEMS} } }`, {
        input: { name: frames[0].name, years: [{ year: 2030, amount: "12,x" }, { year: 2031, amount: "1" }], notation: "DANISH" },
      }),
    );
    expect(createFrame.problems).toEqual([
      { field: "input.years[0].amount", code: "NOT_A_NUMBER" },
      { field: "input.name", code: "NAME_TAKEN" },
    ]);
  });

  it("updateFrame: a blank name beside an unknown frame", async () => {
    const { updateFrame } = await storesNothing(() => query(`mutation($input: UpdateFrameInput!) { updateFrame(input: $input) { ${PROBLEMS} } }`, { input: { frameId: "findes-ikke", name: " " } }));
    expect(updateFrame.problems).toEqual([
      { field: "input.name", code: "REQUIRED" },
      { field: "input.frameId", code: "UNKNOWN_FRAME" },
    ]);
  });

  it("importBaseline: a blank name and file name beside an unknown frame", async () => {
    const { importBaseline } = await storesNothing(() =>
      query(`mutation($input: ImportBaselineInput!) { importBaseline(input: $input) { ${PROBLEMS} } }`, {
        input: { frameId: "findes-ikke", name: "", fileName: "", format: "CSV", content: "x" },
      }),
    );
    expect(importBaseline.problems).toEqual([
      { field: "input.name", code: "REQUIRED" },
      { field: "input.fileName", code: "REQUIRED" },
      { field: "input.frameId", code: "UNKNOWN_FRAME" },
    ]);
  });
});

describe("a scenario's mutations: a malformed value beside an unknown scenario", () => {
  const refusal = async (name: string, inputType: string, input: Record<string, unknown>) =>
    (await storesNothing(() => query(`mutation($input: ${inputType}!) { ${name}(input: $input) { __typename ... on Error { ... on InvalidInputError { problems { field code } } } } }`, { input })))[name];

  it("setAllocation: a malformed amount and an unknown scenario", async () => {
    const result = await refusal("setAllocation", "SetAllocationInput", { scenarioId: "findes-ikke", initiativeId: "vmk", year: 2025, amount: "3,x", expectedVersion: 1 });
    expect(result.problems).toEqual([
      { field: "input.amount", code: "NOT_A_NUMBER" },
      { field: "input.scenarioId", code: "UNKNOWN_SCENARIO" },
    ]);
  });

  it("setAllocations: a malformed amount in a cell and an unknown scenario", async () => {
    const result = await refusal("setAllocations", "SetAllocationsInput", { scenarioId: "findes-ikke", expectedVersion: 1, cells: [{ initiativeId: "vmk", year: 2025, amount: "1" }, { initiativeId: "vmk", year: 2026, amount: "-" }] });
    expect(result.problems).toEqual([
      { field: "input.cells[1].amount", code: "NOT_A_NUMBER" },
      { field: "input.scenarioId", code: "UNKNOWN_SCENARIO" },
    ]);
  });

  it("forkScenario, updateScenario, lockScenario and addComment", async () => {
    expect((await refusal("forkScenario", "ForkScenarioInput", { sourceId: "findes-ikke", name: " " })).problems).toEqual([
      { field: "input.name", code: "REQUIRED" },
      { field: "input.sourceId", code: "UNKNOWN_SCENARIO" },
    ]);
    expect((await refusal("updateScenario", "UpdateScenarioInput", { scenarioId: "findes-ikke", name: " ", expectedVersion: 1 })).problems).toEqual([
      { field: "input.name", code: "REQUIRED" },
      { field: "input.scenarioId", code: "UNKNOWN_SCENARIO" },
    ]);
    expect((await refusal("lockScenario", "ScenarioStatusInput", { scenarioId: "findes-ikke", expectedVersion: 0 })).problems).toEqual([
      { field: "input.expectedVersion", code: "NOT_POSITIVE" },
      { field: "input.scenarioId", code: "UNKNOWN_SCENARIO" },
    ]);
    const comment = await storesNothing(() =>
      query(`mutation($input: AddCommentInput!) { addComment(input: $input) { __typename ... on InvalidInputError { problems { field code } } } }`, { input: { scenarioId: "findes-ikke", text: " " } }),
    );
    expect(comment.addComment.problems).toEqual([
      { field: "input.text", code: "REQUIRED" },
      { field: "input.scenarioId", code: "UNKNOWN_SCENARIO" },
    ]);
  });
});
