import { mio } from "@ramme/domain";
import { describe, expect, it } from "vitest";
import { gql, type VariablesOf } from "../support/documents.ts";
import { query } from "../support/graphql.ts";
import { cell, fingerprint, fork, mutate, setAllocation, setAllocations } from "../support/scenarios.ts";
import { asMember, firstEntries } from "../support/unions.ts";

const MERGE = gql(`mutation Merge($input: MergeScenarioInput!) { mergeScenario(input: $input) { __typename
  ... on ScenarioEdit { version cells { initiativeKey year before after } }
  ... on MergeConflictError { conflicts { initiativeKey year base source target } }
  ... on InvalidInputError { problems { field code } }
  ... on ScenarioLockedError { reason }
  ... on VersionConflictError { currentVersion }
  ... on FrameExceededError { years { year } } } }`);
type MergeInput = VariablesOf<typeof MERGE>["input"];
type MergeResolution = NonNullable<MergeInput["resolutions"]>[number];
const merge = async (input: MergeInput) => (await query(MERGE, { input })).mergeScenario;

describe("mergeScenario", () => {
  it("applies what a what-if changed since its fork onto another scenario that changed other cells", async () => {
    const source = await fork("aftale-2024", "Kilde");
    const target = await fork("aftale-2024", "Mål");
    await setAllocation({ scenarioId: source.key, initiativeId: "vmk", year: 2025, amount: "3", expectedVersion: 1 });
    const added = asMember(await mutate("addInitiative", "AddInitiativeInput", { scenarioId: source.key, expectedVersion: 2, title: "Nyt", themeId: "innovation", amounts: [{ year: 2024, amount: "0.4" }] }), "ScenarioEdit");
    const [addedCell] = firstEntries(added.cells, 1);
    const newKey = addedCell.initiativeKey;
    await mutate("removeInitiative", "RemoveInitiativeInput", { scenarioId: source.key, initiativeId: "eu-formandskab", expectedVersion: 3 });
    await setAllocation({ scenarioId: target.key, initiativeId: "atmp", year: 2026, amount: "6", expectedVersion: 1 });

    const { mergePreview: preview } = await query(gql(`query PreviewMerge($s: ID!, $t: ID!) { mergePreview(sourceId: $s, targetId: $t) { __typename ... on MergePreview { targetVersion cells { initiativeKey } conflicts { year } } } }`), { s: source.key, t: target.key });
    if (preview.__typename !== "MergePreview") throw new Error(`expected a preview: ${JSON.stringify(preview)}`);
    expect(preview.targetVersion).toBe(2);
    expect(preview.conflicts).toEqual([]);

    const result = await merge({ sourceId: source.key, targetId: target.key, expectedTargetVersion: 2, comment: "Kildens forslag" });
    expect(result).toMatchObject({ __typename: "ScenarioEdit", version: 3 });
    if (result.__typename !== "ScenarioEdit") throw new Error(`expected an edit: ${JSON.stringify(result)}`);
    expect(result.cells).toHaveLength(preview.cells.length);
    expect(await cell(target.key, "vmk", 2025)).toBe(mio("3"));
    expect(await cell(target.key, "atmp", 2026)).toBe(mio("6"));
    expect(await cell(target.key, newKey, 2024)).toBe(mio("0.4"));
    expect(await cell(target.key, "eu-formandskab", 2024)).toBeNull();
  });

  it("reports conflicts where both changed the same cell differently and applies nothing, until a side is picked per cell", async () => {
    const source = await fork("aftale-2024", "Kilde");
    const target = await fork("aftale-2024", "Mål");
    await setAllocations({ scenarioId: source.key, expectedVersion: 1, cells: [{ initiativeId: "vmk", year: 2025, amount: "3" }, { initiativeId: "atmp", year: 2024, amount: "7" }] });
    await setAllocations({ scenarioId: target.key, expectedVersion: 1, cells: [{ initiativeId: "vmk", year: 2025, amount: "4" }, { initiativeId: "atmp", year: 2024, amount: "7" }] });
    const before = await fingerprint();
    const refused = await merge({ sourceId: source.key, targetId: target.key, expectedTargetVersion: 2 });
    // atmp 2024: both made the same change — no conflict. vmk 2025: 2.5 → 3 in the source, → 4 in the target.
    expect(refused).toEqual({ __typename: "MergeConflictError", conflicts: [{ initiativeKey: "vmk", year: 2025, base: "2.5", source: "3", target: "4" }] });
    expect(await fingerprint()).toBe(before);

    const keepTarget = await merge({ sourceId: source.key, targetId: target.key, expectedTargetVersion: 2, resolutions: [{ initiativeId: "vmk", year: 2025, take: "TARGET" }] });
    expect(keepTarget).toMatchObject({ __typename: "ScenarioEdit", version: 2, cells: [] });
    const takeSource = await merge({ sourceId: source.key, targetId: target.key, expectedTargetVersion: 2, resolutions: [{ initiativeId: "vmk", year: 2025, take: "SOURCE" }] });
    expect(takeSource).toMatchObject({ __typename: "ScenarioEdit", version: 3, cells: [{ initiativeKey: "vmk", year: 2025, before: "4", after: "3" }] });
  });

  it("settles a conflict with an amount typed for it (take VALUE), in either notation, and previews the totals it gives", async () => {
    const source = await fork("aftale-2024", "Kilde");
    const target = await fork("aftale-2024", "Mål");
    await setAllocations({ scenarioId: source.key, expectedVersion: 1, cells: [{ initiativeId: "vmk", year: 2025, amount: "3" }, { initiativeId: "atmp", year: 2024, amount: "7" }] });
    await setAllocations({ scenarioId: target.key, expectedVersion: 1, cells: [{ initiativeId: "vmk", year: 2025, amount: "4" }, { initiativeId: "atmp", year: 2024, amount: "8" }] });
    const resolutions: MergeResolution[] = [
      { initiativeId: "vmk", year: 2025, take: "VALUE", amount: "3,5", notation: "DANISH" },
      { initiativeId: "atmp", year: 2024, take: "VALUE", amount: "7.5" },
    ];
    const { mergePreview: preview } = await query(
      gql(`query PreviewResolved($s: ID!, $t: ID!, $r: [MergeResolutionInput!]) { mergePreview(sourceId: $s, targetId: $t, resolutions: $r) {
        __typename ... on MergePreview { targetVersion cells { initiativeKey year before after } conflicts { year } resolved { initiativeKey year } yearTotals { year allocated headroom } } } }`),
      { s: source.key, t: target.key, r: resolutions },
    );
    if (preview.__typename !== "MergePreview") throw new Error(`expected a preview: ${JSON.stringify(preview)}`);
    expect(preview.conflicts).toEqual([]);
    expect(preview.cells).toHaveLength(2);
    expect(preview.cells).toEqual(
      expect.arrayContaining([
        { initiativeKey: "atmp", year: 2024, before: "8", after: "7.5" },
        { initiativeKey: "vmk", year: 2025, before: "4", after: "3.5" },
      ]),
    );
    const totals = await query(gql(`query TargetTotals($id: ID!) { scenario(id: $id) { yearTotals { year allocated } } }`), { id: target.key });
    const now = new Map<number, bigint>(totals.scenario!.yearTotals.map((total) => [total.year, mio(total.allocated)]));
    const after = new Map<number, bigint>(preview.yearTotals.map((total) => [total.year, mio(total.allocated)]));
    expect(after.get(2024)).toBe(now.get(2024)! - mio("0.5"));
    expect(after.get(2025)).toBe(now.get(2025)! - mio("0.5"));
    expect(after.get(2026)).toBe(now.get(2026));

    const merged = await merge({ sourceId: source.key, targetId: target.key, expectedTargetVersion: 2, resolutions });
    expect(merged).toMatchObject({ __typename: "ScenarioEdit", version: 3 });
    expect(await cell(target.key, "vmk", 2025)).toBe(mio("3.5"));
    expect(await cell(target.key, "atmp", 2024)).toBe(mio("7.5"));
  });

  it("refuses a typed amount that no edit could set, and a must-fit target it would take over the frame, storing nothing", async () => {
    const source = await fork("aftale-2024", "Kilde");
    const target = await fork("aftale-2024", "Mål");
    await setAllocation({ scenarioId: source.key, initiativeId: "vmk", year: 2024, amount: "3", expectedVersion: 1 });
    await setAllocation({ scenarioId: target.key, initiativeId: "vmk", year: 2024, amount: "4", expectedVersion: 1 });
    await mutate("updateScenario", "UpdateScenarioInput", { scenarioId: target.key, mustFit: true, expectedVersion: 2 });
    const before = await fingerprint();
    const tryValue = (resolution: Omit<MergeResolution, "initiativeId" | "year">) =>
      merge({ sourceId: source.key, targetId: target.key, expectedTargetVersion: 3, resolutions: [{ initiativeId: "vmk", year: 2024, ...resolution }] });

    expect(await tryValue({ take: "VALUE", amount: "3.45" })).toEqual({ __typename: "InvalidInputError", problems: [{ field: "input.resolutions[0].amount", code: "TOO_PRECISE" }] });
    expect(await tryValue({ take: "VALUE", amount: "-1" })).toEqual({ __typename: "InvalidInputError", problems: [{ field: "input.resolutions[0].amount", code: "NEGATIVE" }] });
    expect(await tryValue({ take: "VALUE", amount: "3,45", notation: "DANISH" })).toEqual({ __typename: "InvalidInputError", problems: [{ field: "input.resolutions[0].amount", code: "TOO_PRECISE" }] });
    expect(await tryValue({ take: "VALUE", amount: "tre" })).toEqual({ __typename: "InvalidInputError", problems: [{ field: "input.resolutions[0].amount", code: "NOT_A_NUMBER" }] });
    expect(await tryValue({ take: "VALUE" })).toEqual({ __typename: "InvalidInputError", problems: [{ field: "input.resolutions[0].amount", code: "REQUIRED" }] });
    expect(await tryValue({ take: "SOURCE", amount: "3" })).toEqual({ __typename: "InvalidInputError", problems: [{ field: "input.resolutions[0].amount", code: "CONFLICTING_FIELDS" }] });
    // 2024 holds 98.9 of 100 in the agreement; the target's 4 for vmk (3.5 at the fork) makes 99.4, and 5 would make 100.4.
    expect(await tryValue({ take: "VALUE", amount: "5" })).toEqual({ __typename: "FrameExceededError", years: [{ year: 2024 }] });
    expect(await fingerprint()).toBe(before);
    expect(await cell(target.key, "vmk", 2024)).toBe(mio("4"));

    expect(await tryValue({ take: "VALUE", amount: "4,5", notation: "DANISH" })).toMatchObject({ __typename: "ScenarioEdit", version: 4 });
    expect(await cell(target.key, "vmk", 2024)).toBe(mio("4.5"));
  });

  it("refuses a baseline as source (it has no parent), a scenario into itself, and a locked target", async () => {
    const whatIf = await fork("aftale-2024", "X");
    const before = await fingerprint();
    expect(await merge({ sourceId: "aftale-2024", targetId: whatIf.key, expectedTargetVersion: 1 })).toEqual({ __typename: "InvalidInputError", problems: [{ field: "input.sourceId", code: "NO_PARENT" }] });
    expect(await merge({ sourceId: whatIf.key, targetId: whatIf.key, expectedTargetVersion: 1 })).toEqual({ __typename: "InvalidInputError", problems: [{ field: "input.targetId", code: "SAME_SCENARIO" }] });
    expect(await merge({ sourceId: whatIf.key, targetId: "aftale-2024", expectedTargetVersion: 1 })).toEqual({ __typename: "ScenarioLockedError", reason: "BASELINE" });
    expect(await fingerprint()).toBe(before);
  });
});

const BALANCE = gql(`query Balance($id: ID!, $strategy: BalanceStrategyInput!) { balanceScenario(scenarioId: $id, strategy: $strategy) {
  __typename
  ... on BalanceProposal { basedOnVersion cells { initiativeKey year before after } yearTotals { year allocated headroom fitsFrame } unresolved { year overBy } }
  ... on InvalidInputError { problems { field code } } } }`);

describe("balanceScenario", () => {
  it("proposes pro-rata cuts that bring an over-frame year exactly to the frame, without saving them", async () => {
    const whatIf = await fork("aftale-2024", "For meget");
    await setAllocation({ scenarioId: whatIf.key, initiativeId: "vmk", year: 2025, amount: "5.5", expectedVersion: 1 });
    const before = await fingerprint();
    const { balanceScenario: proposal } = await query(BALANCE, { id: whatIf.key, strategy: { reduceProRata: { initiativeIds: ["sundhedsdiplomater", "bilateralt-myndighedssamarbejde"] } } });
    // 2025 is 3.0 over. Cut 20.0 : 16.8 of 3.0 → 1.630… and 1.369…; in tenths 1.6 + 1.4 (largest remainder) = 3.0.
    expect(proposal).toEqual({
      __typename: "BalanceProposal",
      basedOnVersion: 2,
      cells: [
        { initiativeKey: "bilateralt-myndighedssamarbejde", year: 2025, before: "16.8", after: "15.4" },
        { initiativeKey: "sundhedsdiplomater", year: 2025, before: "20", after: "18.4" },
      ],
      yearTotals: [
        { year: 2024, allocated: "98.9", headroom: "1.1", fitsFrame: true },
        { year: 2025, allocated: "100", headroom: "0", fitsFrame: true },
        { year: 2026, allocated: "100", headroom: "0", fitsFrame: true },
        { year: 2027, allocated: "100", headroom: "0", fitsFrame: true },
      ],
      unresolved: [],
    });
    expect(await fingerprint()).toBe(before);
  });

  it("lets a reserve line take up the difference, and says which years it cannot fix", async () => {
    const whatIf = await fork("regeringens-udspil-2024", "Med reserve");
    await setAllocation({ scenarioId: whatIf.key, initiativeId: "atmp", year: 2026, amount: "20", expectedVersion: 1 });
    const { balanceScenario: proposal } = await query(BALANCE, { id: whatIf.key, strategy: { reserve: { initiativeId: "reserve" } } });
    // The proposal's lines total 99.1 in 2024 (0.9 spare goes to the reserve: 7.6 → 8.5) and 100 in 2025 and 2027.
    // 2026: atmp +13 against a reserve of 7.3 → the reserve goes to 0 and the year stays 5.7 over.
    if (proposal.__typename !== "BalanceProposal") throw new Error(`expected a proposal: ${JSON.stringify(proposal)}`);
    expect(proposal.cells).toEqual([
      { initiativeKey: "reserve", year: 2024, before: "7.6", after: "8.5" },
      { initiativeKey: "reserve", year: 2026, before: "7.3", after: "0" },
    ]);
    expect(proposal.unresolved).toEqual([{ year: 2026, overBy: "5.7" }]);
    const notALine = await query(BALANCE, { id: "aftale-2024", strategy: { reserve: { initiativeId: "reserve" } } });
    if (notALine.balanceScenario.__typename !== "InvalidInputError") throw new Error(`expected invalid input: ${JSON.stringify(notALine.balanceScenario)}`);
    expect(notALine.balanceScenario.problems).toEqual([{ field: "strategy.reserve.initiativeId", code: "NOT_IN_SCENARIO" }]);
  });
});
