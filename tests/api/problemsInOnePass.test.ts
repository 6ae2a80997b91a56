/**
 * "Every problem in an input is listed (unknown IDs too), each at its exact field path, once": a
 * request with a malformed value and an unknown ID is answered with both at once, not the malformed
 * one first and the unknown one only on the next try. Nothing is stored.
 */
import { describe, expect, it } from "vitest";
import { gql } from "../support/documents.ts";
import { globalId, query } from "../support/graphql.ts";
import { fingerprint, fork } from "../support/scenarios.ts";

const NOT_A_SCENARIO = globalId("Initiative", "vmk");

async function storesNothing<T>(work: () => Promise<T>): Promise<T> {
  const before = await fingerprint();
  const result = await work();
  expect(await fingerprint()).toBe(before);
  return result;
}

/** The problems of a refusal; any other answer fails the test, naming it. */
function problemsOf(result: { __typename: string; problems?: Array<{ field: string; code: string }> }) {
  if (!result.problems) throw new Error(`expected invalid input: ${JSON.stringify(result)}`);
  return result.problems;
}

describe("malformed and unknown IDs in one answer", () => {
  it("compareScenarios", async () => {
    const { compareScenarios } = await query(gql(`query CompareProblems($base: ID!, $others: [ID!]!) { compareScenarios(baseId: $base, otherIds: $others) { __typename ... on InvalidInputError { problems { field code } } } }`), {
      base: "aftale-2024",
      others: [NOT_A_SCENARIO, "findes-ikke", "regeringens-udspil-2024"],
    });
    expect(problemsOf(compareScenarios)).toEqual([
      { field: "otherIds[0]", code: "MALFORMED_ID" },
      { field: "otherIds[1]", code: "UNKNOWN_SCENARIO" },
    ]);
  });

  it("recommendationCoverage: malformed, unknown and repeated, each once", async () => {
    const { recommendationCoverage } = await query(gql(`query CoverageProblems($ids: [ID!]!) { recommendationCoverage(scenarioIds: $ids) { __typename ... on InvalidInputError { problems { field code } } } }`), {
      ids: ["findes-ikke", NOT_A_SCENARIO, "aftale-2024", "findes-ikke"],
    });
    expect(problemsOf(recommendationCoverage)).toEqual([
      { field: "scenarioIds[1]", code: "MALFORMED_ID" },
      { field: "scenarioIds[3]", code: "SAME_SCENARIO" },
      { field: "scenarioIds[0]", code: "UNKNOWN_SCENARIO" },
    ]);
  });

  it("mergeScenario and mergePreview: a malformed resolution beside an unknown scenario", async () => {
    const whatIf = await fork("aftale-2024", "Flet");
    const input = { sourceId: "findes-ikke", targetId: whatIf.key, expectedTargetVersion: 1, comment: "Flet", resolutions: [{ initiativeId: globalId("Scenario", "aftale-2024"), year: 2025, take: "SOURCE" as const }, { initiativeId: "vmk", year: 2025, take: "SOURCE" as const }, { initiativeId: "vmk", year: 2025, take: "TARGET" as const }] };
    const { mergeScenario } = await storesNothing(() => query(gql(`mutation MergeProblems($input: MergeScenarioInput!) { mergeScenario(input: $input) { __typename ... on InvalidInputError { problems { field code } } } }`), { input }));
    expect(problemsOf(mergeScenario)).toEqual([
      { field: "input.sourceId", code: "UNKNOWN_SCENARIO" },
      { field: "input.resolutions[0].initiativeId", code: "MALFORMED_ID" },
      { field: "input.resolutions[2]", code: "DUPLICATE_CELL" },
    ]);
    const { mergePreview } = await query(gql(`query MergePreviewProblems($source: ID!, $target: ID!) { mergePreview(sourceId: $source, targetId: $target) { __typename ... on InvalidInputError { problems { field code } } } }`), { source: whatIf.key, target: "findes-ikke" });
    expect(problemsOf(mergePreview)).toEqual([{ field: "targetId", code: "UNKNOWN_SCENARIO" }]);
  });
});

describe("frames: a malformed amount beside an unknown frame or a taken name", () => {
  it("createFrame: a bad amount and a name another frame has", async () => {
    const { frames } = await query(gql(`query FrameNames { frames { name } }`));
    const { createFrame } = await storesNothing(() =>
      query(gql(`mutation CreateFrameProblems($input: CreateFrameInput!) { createFrame(input: $input) { __typename ... on InvalidInputError { problems { field code } } } }`), {
        input: { name: frames[0]!.name, years: [{ year: 2030, amount: "12,x" }, { year: 2031, amount: "1" }], notation: "DANISH" },
      }),
    );
    expect(problemsOf(createFrame)).toEqual([
      { field: "input.years[0].amount", code: "NOT_A_NUMBER" },
      { field: "input.name", code: "NAME_TAKEN" },
    ]);
  });

  it("updateFrame: a blank name beside an unknown frame", async () => {
    const { updateFrame } = await storesNothing(() => query(gql(`mutation UpdateFrameProblems($input: UpdateFrameInput!) { updateFrame(input: $input) { __typename ... on InvalidInputError { problems { field code } } } }`), { input: { frameId: "findes-ikke", name: " " } }));
    expect(problemsOf(updateFrame)).toEqual([
      { field: "input.name", code: "REQUIRED" },
      { field: "input.frameId", code: "UNKNOWN_FRAME" },
    ]);
  });

  it("importBaseline: a blank name and file name beside an unknown frame", async () => {
    const { importBaseline } = await storesNothing(() =>
      query(gql(`mutation ImportBaselineProblems($input: ImportBaselineInput!) { importBaseline(input: $input) { __typename ... on InvalidInputError { problems { field code } } } }`), {
        input: { frameId: "findes-ikke", name: "", fileName: "", format: "CSV", content: "x" },
      }),
    );
    expect(problemsOf(importBaseline)).toEqual([
      { field: "input.name", code: "REQUIRED" },
      { field: "input.fileName", code: "REQUIRED" },
      { field: "input.frameId", code: "UNKNOWN_FRAME" },
    ]);
  });
});

describe("a scenario's mutations: a malformed value beside an unknown scenario", () => {
  // Each result union's errors spread inside `... on Error`, as support/scenarios.ts does.
  const SET_ALLOCATION = gql(`mutation SetAllocationProblems($input: SetAllocationInput!) { setAllocation(input: $input) { __typename ... on Error { ... on InvalidInputError { problems { field code } } } } }`);
  const SET_ALLOCATIONS = gql(`mutation SetAllocationsProblems($input: SetAllocationsInput!) { setAllocations(input: $input) { __typename ... on Error { ... on InvalidInputError { problems { field code } } } } }`);
  const FORK = gql(`mutation ForkProblems($input: ForkScenarioInput!) { forkScenario(input: $input) { __typename ... on Error { ... on InvalidInputError { problems { field code } } } } }`);
  const UPDATE = gql(`mutation UpdateScenarioProblems($input: UpdateScenarioInput!) { updateScenario(input: $input) { __typename ... on Error { ... on InvalidInputError { problems { field code } } } } }`);
  const LOCK = gql(`mutation LockProblems($input: ScenarioStatusInput!) { lockScenario(input: $input) { __typename ... on Error { ... on InvalidInputError { problems { field code } } } } }`);

  it("setAllocation: a malformed amount and an unknown scenario", async () => {
    const { setAllocation: result } = await storesNothing(() => query(SET_ALLOCATION, { input: { scenarioId: "findes-ikke", initiativeId: "vmk", year: 2025, amount: "3,x", expectedVersion: 1 } }));
    expect(problemsOf(result)).toEqual([
      { field: "input.amount", code: "NOT_A_NUMBER" },
      { field: "input.scenarioId", code: "UNKNOWN_SCENARIO" },
    ]);
  });

  it("setAllocations: a malformed amount in a cell and an unknown scenario", async () => {
    const { setAllocations: result } = await storesNothing(() =>
      query(SET_ALLOCATIONS, { input: { scenarioId: "findes-ikke", expectedVersion: 1, cells: [{ initiativeId: "vmk", year: 2025, amount: "1" }, { initiativeId: "vmk", year: 2026, amount: "-" }] } }),
    );
    expect(problemsOf(result)).toEqual([
      { field: "input.cells[1].amount", code: "NOT_A_NUMBER" },
      { field: "input.scenarioId", code: "UNKNOWN_SCENARIO" },
    ]);
  });

  it("forkScenario, updateScenario, lockScenario and addComment", async () => {
    expect(problemsOf((await storesNothing(() => query(FORK, { input: { sourceId: "findes-ikke", name: " " } }))).forkScenario)).toEqual([
      { field: "input.name", code: "REQUIRED" },
      { field: "input.sourceId", code: "UNKNOWN_SCENARIO" },
    ]);
    expect(problemsOf((await storesNothing(() => query(UPDATE, { input: { scenarioId: "findes-ikke", name: " ", expectedVersion: 1 } }))).updateScenario)).toEqual([
      { field: "input.name", code: "REQUIRED" },
      { field: "input.scenarioId", code: "UNKNOWN_SCENARIO" },
    ]);
    expect(problemsOf((await storesNothing(() => query(LOCK, { input: { scenarioId: "findes-ikke", expectedVersion: 0 } }))).lockScenario)).toEqual([
      { field: "input.expectedVersion", code: "NOT_POSITIVE" },
      { field: "input.scenarioId", code: "UNKNOWN_SCENARIO" },
    ]);
    const comment = await storesNothing(() =>
      query(gql(`mutation AddCommentProblems($input: AddCommentInput!) { addComment(input: $input) { __typename ... on InvalidInputError { problems { field code } } } }`), { input: { scenarioId: "findes-ikke", text: " " } }),
    );
    expect(problemsOf(comment.addComment)).toEqual([
      { field: "input.text", code: "REQUIRED" },
      { field: "input.scenarioId", code: "UNKNOWN_SCENARIO" },
    ]);
  });
});
