/**
 * Price levels through the API. With 2025 = 103,2 against 2024 = 100 every amount is multiplied by
 * 1,032 (= 129/125). The agreement's figures (seeds/tables/2-agreement-2024.json): Vækstministerudvalget
 * for life science (vmk) 3,5 / 2,5 / 2,5 / 2,5; lines summing to 98,9 / 100 / 100 / 100 against a frame of
 * 100 a year. By hand: 3,5 × 1,032 = 3,612; 2,5 × 1,032 = 2,58; 98,9 × 1,032 = 102,0648;
 * 100 × 1,032 = 103,2; headroom 103,2 − 102,0648 = 1,1352.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readSeeds } from "@ramme/server/seed/seedFiles.ts";
import { seedDatabase } from "@ramme/server/seed/seedDatabase.ts";
import { gql, type VariablesOf } from "../support/documents.ts";
import { db, graphql, globalId, query } from "../support/graphql.ts";
import { fingerprint, fork, mutate } from "../support/scenarios.ts";

/** `value` as the member of its union named `typename`; any other member fails the test, naming it. */
function member<T extends { __typename: string }, N extends T["__typename"]>(value: T, typename: N): Extract<T, { __typename: N }> {
  if (!isMember(value, typename)) throw new Error(`expected ${typename}: ${JSON.stringify(value)}`);
  return value;
}
const isMember = <T extends { __typename: string }, N extends T["__typename"]>(value: T, typename: N): value is Extract<T, { __typename: N }> => value.__typename === typename;

const SET_INDEX = gql(`mutation SetPriceIndex($input: SetPriceIndexInput!) { setPriceIndex(input: $input) { __typename ... on PriceIndex { year label value source isBase updatedBy updatedAt } ... on InvalidInputError { message problems { field code value } } } }`);
const REMOVE_INDEX = gql(`mutation RemovePriceIndex($input: RemovePriceIndexInput!) { removePriceIndex(input: $input) { __typename ... on PriceIndex { year label value source isBase updatedBy updatedAt } ... on InvalidInputError { message problems { field code value } } } }`);
const setIndex = async (input: VariablesOf<typeof SET_INDEX>["input"], actor?: string) => (await query(SET_INDEX, { input }, { actor })).setPriceIndex;
const removeIndex = async (year: number, actor?: string) => (await query(REMOVE_INDEX, { input: { year } }, { actor })).removePriceIndex;

const PRICED = gql(`query Priced($id: ID!, $year: Int!) { scenario(id: $id) { lines { initiative { key } amounts { year amount } total }
  inPriceLevel(year: $year) { __typename
    ... on PricedScenario { priceLevel { label year index source baseLabel baseYear baseIndex baseSource ratio rounding isBase } roundedAmounts lines { initiative { key } amounts { year amount } total }
      yearTotals { year allocated frame headroom overBy fitsFrame } }
    ... on InvalidInputError { message problems { field code value } } } } }`);
const priced = async (key: string, year: number) => {
  const { scenario } = await query(PRICED, { id: globalId("Scenario", key), year });
  if (!scenario) throw new Error(`no scenario ${key}`);
  return scenario;
};

const SOURCE_2025 = "Finansministeriets pris- og lønskøn (eksempel til test)";

beforeAll(async () => {
  expect(await setIndex({ year: 2025, value: "103,2", source: SOURCE_2025 }, "Mette")).toMatchObject({ __typename: "PriceIndex", value: "103.2" });
});

describe("the price index table", () => {
  it("ships the base year 2024 = 100 with its source, and holds what was entered with who entered it", async () => {
    const { priceIndices } = await query(gql(`query PriceIndices { priceIndices { year label value source isBase updatedBy } frames { priceLevel } }`));
    expect(priceIndices[0]).toEqual({
      year: 2024,
      label: "2024-pl",
      value: "100",
      source: expect.stringContaining("finansloven for 2024 (FL24)"),
      isBase: true,
      updatedBy: "Dokumenterne",
    });
    expect(priceIndices[1]).toEqual({ year: 2025, label: "2025-pl", value: "103.2", source: SOURCE_2025, isBase: false, updatedBy: "Mette" });
  });

  it("a correction and a removal are recorded with who and when; the base year cannot be changed", async () => {
    expect(await setIndex({ year: 2027, value: "108.15", source: "Skøn A" }, "Ole")).toMatchObject({ year: 2027, value: "108.15", updatedBy: "Ole" });
    expect(await setIndex({ year: 2027, value: "108,4", source: "Skøn B" }, "Mette")).toMatchObject({ value: "108.4", source: "Skøn B", updatedBy: "Mette" });
    expect(await removeIndex(2027, "Ole")).toMatchObject({ year: 2027, value: "108.4" });
    const { priceIndices, priceIndexChanges } = await query(gql(`query IndexChanges2027 { priceIndices { year } priceIndexChanges(year: 2027) { year before after source actor at } }`));
    expect(priceIndices.map((row) => row.year)).not.toContain(2027);
    expect(priceIndexChanges.map(({ at: _at, ...change }) => change)).toEqual([
      { year: 2027, before: "108.4", after: null, source: "Skøn B", actor: "Ole" },
      { year: 2027, before: "108.15", after: "108.4", source: "Skøn B", actor: "Mette" },
      { year: 2027, before: null, after: "108.15", source: "Skøn A", actor: "Ole" },
    ]);
  });

  it("seeding a new version of seeds/ keeps the years people entered", async () => {
    expect(await seedDatabase(db, { ...readSeeds(), contentHash: "a new version of seeds/" })).toBe("seeded");
    const { priceIndices } = await query(gql(`query IndexValues { priceIndices { year value updatedBy } }`));
    expect(priceIndices.slice(0, 2)).toEqual([
      { year: 2024, value: "100", updatedBy: "Dokumenterne" },
      { year: 2025, value: "103.2", updatedBy: "Mette" },
    ]);
  });

  it("refuses every wrong field at once and stores nothing", async () => {
    const before = await fingerprint();
    const refused = await setIndex({ year: 2024, value: "0", source: "" });
    expect(refused.__typename).toBe("InvalidInputError");
    expect(member(refused, "InvalidInputError").problems.map((problem) => [problem.field, problem.code]).sort()).toEqual([
      ["input.source", "REQUIRED"],
      ["input.value", "NOT_POSITIVE"],
      ["input.year", "BASE_PRICE_LEVEL"],
    ]);
    expect(await fingerprint()).toBe(before);
  });
});

describe("a scenario in another price level", () => {
  it("the agreement in 2025-pl: each line converted, totals summed from the converted lines, the frame and headroom converted", async () => {
    const view = member((await priced("aftale-2024", 2025)).inPriceLevel, "PricedScenario");
    expect(view.priceLevel).toEqual({
      label: "2025-pl",
      year: 2025,
      index: "103.2",
      source: SOURCE_2025,
      baseLabel: "2024-pl",
      baseYear: 2024,
      baseIndex: "100",
      baseSource: expect.stringContaining("FL24"),
      ratio: "129/125",
      rounding: "HALF_AWAY_FROM_ZERO",
      isBase: false,
    });
    const vmk = view.lines.find((line) => line.initiative.key === "vmk")!;
    expect(vmk.amounts).toEqual([
      { year: 2024, amount: "3.612" },
      { year: 2025, amount: "2.58" },
      { year: 2026, amount: "2.58" },
      { year: 2027, amount: "2.58" },
    ]);
    // 3,612 + 3 × 2,58 = 11,352 = 11 × 1,032.
    expect(vmk.total).toBe("11.352");
    expect(view.yearTotals).toEqual([
      { year: 2024, allocated: "102.0648", frame: "103.2", headroom: "1.1352", overBy: "0", fitsFrame: true },
      { year: 2025, allocated: "103.2", frame: "103.2", headroom: "0", overBy: "0", fitsFrame: true },
      { year: 2026, allocated: "103.2", frame: "103.2", headroom: "0", overBy: "0", fitsFrame: true },
      { year: 2027, allocated: "103.2", frame: "103.2", headroom: "0", overBy: "0", fitsFrame: true },
    ]);
    // One-decimal amounts times 129/125 are whole øre: nothing needed rounding.
    expect(view.roundedAmounts).toBe(0);
  });

  it("the base level again gives exactly the stored amounts, and viewing stores nothing", async () => {
    const before = await fingerprint();
    await priced("aftale-2024", 2025);
    const scenario = await priced("aftale-2024", 2024);
    const base = member(scenario.inPriceLevel, "PricedScenario");
    expect(base.priceLevel).toMatchObject({ label: "2024-pl", ratio: "1/1", isBase: true });
    expect(base.lines).toEqual(scenario.lines);
    expect(await fingerprint()).toBe(before);
  });

  it("an edit made after viewing another level is in the base level, and shows converted from it", async () => {
    const whatIf = await fork("aftale-2024", "Prisniveau");
    await priced(whatIf.key, 2025);
    const edit = await mutate("setAllocation", "SetAllocationInput", { scenarioId: whatIf.key, initiativeId: "vmk", year: 2025, amount: "3", expectedVersion: whatIf.version });
    expect(edit.__typename).toBe("ScenarioEdit");
    const { lines, inPriceLevel: answer } = await priced(whatIf.key, 2025);
    const inPriceLevel = member(answer, "PricedScenario");
    expect(lines.find((line) => line.initiative.key === "vmk")!.amounts[1]).toEqual({ year: 2025, amount: "3" });
    // 3 × 1,032 = 3,096; 2025's lines now sum to 100,5 in 2024-pl, × 1,032 = 103,716: 0,516 over 103,2.
    expect(inPriceLevel.lines.find((line) => line.initiative.key === "vmk")!.amounts[1]).toEqual({ year: 2025, amount: "3.096" });
    expect(inPriceLevel.yearTotals[1]).toEqual({ year: 2025, allocated: "103.716", frame: "103.2", headroom: "-0.516", overBy: "0.516", fitsFrame: false });
  });

  it("gives its totals as YearTotals too: converted figures, the documents' notes, the printed totals only in the base level", async () => {
    const TOTALS = gql(`query PricedTotals($id: ID!, $year: Int!) { scenario(id: $id) { yearTotals { year statedTotal outsideFrame { description } }
      inPriceLevel(year: $year) { __typename ... on PricedScenario { yearTotals { year allocated frame headroom overBy fitsFrame }
        totals { __typename year allocated frame headroom overBy fitsFrame statedTotal outsideFrame { description } } } } } }`);
    const other = (await query(TOTALS, { id: "aftale-2024", year: 2025 })).scenario!;
    const otherPriced = member(other.inPriceLevel, "PricedScenario");
    expect(otherPriced.totals.map(({ year, allocated, frame, headroom, overBy, fitsFrame }) => ({ year, allocated, frame, headroom, overBy, fitsFrame }))).toEqual(
      otherPriced.yearTotals,
    );
    expect(otherPriced.totals.every((total) => total.__typename === "YearTotal" && total.statedTotal === null)).toBe(true);
    expect(otherPriced.totals.map((total) => total.outsideFrame)).toEqual(other.yearTotals.map((total) => total.outsideFrame));
    const base = (await query(TOTALS, { id: "aftale-2024", year: 2024 })).scenario!;
    expect(member(base.inPriceLevel, "PricedScenario").totals.map(({ year, statedTotal, outsideFrame }) => ({ year, statedTotal, outsideFrame }))).toEqual(base.yearTotals);
    expect(base.yearTotals.some((total) => total.statedTotal !== null)).toBe(true);
  });

  it("a year without an index is refused, saying to enter the index first", async () => {
    const { inPriceLevel: answer } = await priced("aftale-2024", 2026);
    expect(answer.__typename).toBe("InvalidInputError");
    const inPriceLevel = member(answer, "InvalidInputError");
    expect(inPriceLevel.problems).toEqual([{ field: "year", code: "NO_PRICE_INDEX", value: "2026" }]);
    expect(inPriceLevel.message).toContain("enter the index first");
    const outside = await priced("aftale-2024", 1066);
    expect(member(outside.inPriceLevel, "InvalidInputError").problems).toEqual([{ field: "year", code: "YEAR_OUT_OF_RANGE", value: "1066" }]);
  });
});

describe("comparisons and exports in another price level", () => {
  it("compares the proposal with the agreement in 2025-pl", async () => {
    const { compareScenarios: answer } = await query(gql(`query CompareIn2025 { compareScenarios(baseId: "regeringens-udspil-2024", otherIds: ["aftale-2024"], priceLevel: 2025) {
      __typename ... on ScenarioComparison { priceLevel { label ratio source } lines { initiativeKey baseTotal versus { status cells { year base other difference } } }
        differences { years { year frame baseAllocated otherAllocated } } } } }`));
    const compareScenarios = member(answer, "ScenarioComparison");
    expect(compareScenarios.priceLevel).toEqual({ label: "2025-pl", ratio: "129/125", source: SOURCE_2025 });
    // The proposal's reserve, 7,6 / 6,1 / 7,3 / 6,8, is gone in the agreement: × 1,032 = 7,8432 / 6,2952 / 7,5336 / 7,0176.
    const reserve = compareScenarios.lines.find((line) => line.initiativeKey === "reserve")!;
    expect(reserve.versus[0]!.status).toBe("REMOVED");
    expect(reserve.versus[0]!.cells.map((cell) => [cell.base, cell.difference])).toEqual([
      ["7.8432", "-7.8432"],
      ["6.2952", "-6.2952"],
      ["7.5336", "-7.5336"],
      ["7.0176", "-7.0176"],
    ]);
    // 7,6 + 6,1 + 7,3 + 6,8 = 27,8; × 1,032 = 28,6896.
    expect(reserve.baseTotal).toBe("28.6896");
    // The proposal's 2024 lines sum to 99,1 (× 1,032 = 102,2712), the agreement's to 98,9 (102,0648).
    expect(compareScenarios.differences[0]!.years[0]).toEqual({ year: 2024, frame: "103.2", baseAllocated: "102.2712", otherAllocated: "102.0648" });
    const plain = await query(gql(`query CompareInBase { compareScenarios(baseId: "regeringens-udspil-2024", otherIds: ["aftale-2024"]) { __typename ... on ScenarioComparison { priceLevel { label isBase } } } }`));
    expect(member(plain.compareScenarios, "ScenarioComparison").priceLevel).toEqual({ label: "2024-pl", isBase: true });
  });

  it("exports the agreement in 2025-pl: the file says so, adds up, and cannot be imported as stored amounts", async () => {
    const exportScenario = member((await query(gql(`query ExportIn2025 { exportScenario(scenarioId: "aftale-2024", format: CSV, priceLevel: 2025) {
      __typename ... on ExportFile { fileName base64 priceLevel { label } } } }`))).exportScenario, "ExportFile");
    expect(exportScenario.fileName).toBe("aftale-om-strategi-for-life-science-21-november-2024-2025-pl.csv");
    expect(exportScenario.priceLevel!.label).toBe("2025-pl");
    const text = Buffer.from(exportScenario.base64, "base64").toString("utf8");
    const rows = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(rows[1]).toBe("Ramme;Reserve til life science-strategien (FL24);Mio. kr. (2025-pl)");
    expect(rows[2]).toMatch(/^Prisniveau;2025-pl;"Omregnet fra 2024-pl: beløb × 103,2 \/ 100 \(= 129\/125\), hver celle afrundet til hele øre/);
    expect(rows[2]).toContain(SOURCE_2025);
    expect(rows.find((row) => row.startsWith("vmk;"))).toMatch(/;3,612;2,58;2,58;2,58;11,352$/);
    // 398,9 × 1,032 = 411,6648; frame 4 × 103,2 = 412,8; headroom 1,1352.
    expect(rows).toContain(";;I alt;102,0648;103,2;103,2;103,2;411,6648");
    expect(rows).toContain(";;Ramme;103,2;103,2;103,2;103,2;412,8");
    expect(rows).toContain(";;Råderum;1,1352;0,0;0,0;0,0;1,1352");

    const whatIf = await fork("aftale-2024", "Import i andet prisniveau");
    const before = await fingerprint();
    const imported = (await query(gql(`mutation ImportConverted($input: ImportScenarioCsvInput!) { importScenarioCsv(input: $input) { __typename ... on InvalidInputError { problems { field code } } } }`), {
      input: { scenarioId: whatIf.key, expectedVersion: whatIf.version, content: text },
    })).importScenarioCsv;
    expect(imported).toEqual({ __typename: "InvalidInputError", problems: [{ field: "input.content (row 3)", code: "BAD_FILE" }] });
    expect(await fingerprint()).toBe(before);
  });

  it("exports a comparison in 2025-pl, and refuses a level without an index", async () => {
    const { exportComparison: answer } = await query(gql(`query ExportComparisonIn2025 { exportComparison(baseId: "regeringens-udspil-2024", otherIds: ["aftale-2024"], format: CSV, numberStyle: API, language: EN, priceLevel: 2025) {
      __typename ... on ExportFile { fileName base64 } } }`));
    const exportComparison = member(answer, "ExportFile");
    expect(exportComparison.fileName).toBe("comparison-regeringens-udspil-november-2024-2025-pl.csv");
    const text = Buffer.from(exportComparison.base64, "base64").toString("utf8");
    expect(text).toContain(`\r\nPrice level,2025-pl,"Converted from 2024-pl: amount × 103.2 / 100 (= 129/125)`);
    expect(text.split("\r\n").find((line) => line.startsWith("reserve,"))).toContain("7.8432,6.2952,7.5336,7.0176,28.6896");

    const missing = await graphql(gql(`query ExportWithoutIndex { exportScenario(scenarioId: "aftale-2024", format: XLSX, priceLevel: 2026) { __typename ... on InvalidInputError { message problems { field code } } } }`));
    expect(missing.data?.exportScenario).toMatchObject({ __typename: "InvalidInputError", problems: [{ field: "priceLevel", code: "NO_PRICE_INDEX" }] });
    const compared = await query(gql(`query CompareWithoutIndex { compareScenarios(baseId: "aftale-2024", otherIds: ["regeringens-udspil-2024"], priceLevel: 2026) { __typename ... on InvalidInputError { problems { field code } } } }`));
    expect(compared.compareScenarios).toEqual({ __typename: "InvalidInputError", problems: [{ field: "priceLevel", code: "NO_PRICE_INDEX" }] });
  });
});
