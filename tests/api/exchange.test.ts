import { describe, expect, it } from "vitest";
import { ExcelJS, oereFromSpreadsheetNumber } from "@ramme/server/exchange/index.ts";
import { formatMio } from "@ramme/domain";
import { gql, type VariablesOf } from "../support/documents.ts";
import { query } from "../support/graphql.ts";
import { asMember } from "../support/unions.ts";
import { fingerprint, fork, mutate, setAllocation } from "../support/scenarios.ts";

const EXPORT = gql(`query($id: ID!, $format: FileFormat!, $style: NumberStyle, $language: Language) {
  exportScenario(scenarioId: $id, format: $format, numberStyle: $style, language: $language) {
    __typename ... on ExportFile { fileName contentType base64 byteLength } ... on InvalidInputError { problems { field code } } } }`);
const IMPORT_CSV = gql(`mutation($input: ImportScenarioCsvInput!) { importScenarioCsv(input: $input) {
  __typename ... on ScenarioEdit { version cells { initiativeKey year before after } } ... on InvalidInputError { problems { field code value } } } }`);
const importCsv = async (input: VariablesOf<typeof IMPORT_CSV>["input"]) => (await query(IMPORT_CSV, { input })).importScenarioCsv;

const SCENARIO_LINES = gql(`query($id: ID!) { scenario(id: $id) { lines { initiative { key } amounts { year amount } } } }`);
const scenarioLines = async (key: string) => {
  const { scenario } = await query(SCENARIO_LINES, { id: Buffer.from(`Scenario:${key}`).toString("base64") });
  if (!scenario) throw new Error(`no scenario ${key}`);
  return scenario.lines;
};
type Line = Awaited<ReturnType<typeof scenarioLines>>[number];

describe("export and import", () => {
  it("a scenario exported to CSV (Danish numbers) and imported into another what-if makes the two equal", async () => {
    const source = await fork("aftale-2024", "Eksport");
    await setAllocation({ scenarioId: source.key, initiativeId: "vmk", year: 2026, amount: "1234.5", expectedVersion: 1 });
    await mutate("removeInitiative", "RemoveInitiativeInput", { scenarioId: source.key, initiativeId: "byspildevand", expectedVersion: 2 });
    const answer = (await query(EXPORT, { id: source.key, format: "CSV" })).exportScenario;
    expect(answer).toMatchObject({ __typename: "ExportFile", contentType: expect.stringContaining("text/csv") });
    const exported = asMember(answer, "ExportFile");
    expect(exported.fileName).toBe("eksport.csv");
    const text = Buffer.from(exported.base64, "base64").toString("utf8");
    expect(text.startsWith("\uFEFFScenarie;Eksport")).toBe(true);
    expect(text).toContain("vmk;Styrket forskning og bedre brug af sundhedsdata;");
    expect(text).toContain(";1.234,5;");

    const target = await fork("regeringens-udspil-2024", "Import");
    const imported = await importCsv({ scenarioId: target.key, expectedVersion: 1, content: text, comment: "Fra regneark" });
    expect(imported).toMatchObject({ __typename: "ScenarioEdit", version: 2 });
    const sorted = (lines: Line[]) => [...lines].sort((a, b) => a.initiative.key.localeCompare(b.initiative.key));
    expect(sorted(await scenarioLines(target.key))).toEqual(sorted(await scenarioLines(source.key)));
  });

  it("an XLSX export holds the amounts as numbers that read back to the exact amounts, with totals, frame and headroom rows as formulas", async () => {
    const exported = asMember((await query(EXPORT, { id: "aftale-2024", format: "XLSX", language: "EN" })).exportScenario, "ExportFile");
    expect(exported.fileName).toBe("aftale-om-strategi-for-life-science-21-november-2024.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.base64, "base64") as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Aftale om strategi for life sci", "Sources"]);
    const sheet = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    // A formula cell as its cached result (exceljs reads a cached 0 back as no result).
    const shown = (value: unknown) => (value !== null && typeof value === "object" && "formula" in value ? ((value as { result?: unknown }).result ?? 0) : value);
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(shown)));
    const header = ["Version", "Exported by", "Time"].map((label) => rows.find((row) => row[0] === label)?.[1]);
    expect(header).toEqual(["1", "Lokal bruger", expect.stringMatching(/^\d{4}-\d\d-\d\dT/)]);
    const vmk = rows.find((row) => row[0] === "vmk")!;
    const asText = (value: unknown) => (typeof value === "number" ? formatMio((oereFromSpreadsheetNumber(value) as { ok: true; value: bigint }).value) : value);
    expect(vmk.slice(3).map(asText)).toEqual(["3.5", "2.5", "2.5", "2.5", "11"]);
    const label = (name: string) => rows.find((row) => row[1] === undefined && row[2] === name)!.slice(3).map(asText);
    // The agreement's lines: 98.9, 100, 100, 100 against a frame of 100 a year.
    expect(label("Total")).toEqual(["98.9", "100", "100", "100", "398.9"]);
    expect(label("Frame")).toEqual(["100", "100", "100", "100", "400"]);
    expect(label("Headroom")).toEqual(["1.1", "0", "0", "0", "1.1"]);
  });

  it("a comparison exports with both scenarios side by side", async () => {
    const result = await query(gql(`{ exportComparison(baseId: "regeringens-udspil-2024", otherIds: ["aftale-2024"], format: CSV, numberStyle: API, language: EN) { __typename ... on ExportFile { fileName base64 } } }`));
    const exported = asMember(result.exportComparison, "ExportFile");
    const text = Buffer.from(exported.base64, "base64").toString("utf8");
    expect(exported.fileName).toBe("comparison-regeringens-udspil-november-2024.csv");
    const reserve = text.split("\r\n").find((line) => line.startsWith("reserve,"))!;
    expect(reserve).toContain("7.6,6.1,7.3,6.8");
    expect(reserve).toContain("Removed");
  });

  it("refuses a file with bad cells and unknown keys, naming row and column, and stores nothing", async () => {
    const target = await fork("aftale-2024", "Import");
    const before = await fingerprint();
    const content = ["Nøgle;Tema;Initiativ;2024;2025;2026;2027;I alt", "vmk;T;VMK;3,5;abc;2,5;2,5;", "findes-ikke;T;X;1;1;1;1;", "atmp;T;ATMP;0,05;1;1;1;"].join("\r\n");
    const result = await importCsv({ scenarioId: target.key, expectedVersion: 1, content });
    expect(result.__typename).toBe("InvalidInputError");
    // Every problem at once: the file's own and those found against the database and the frame.
    expect(asMember(result, "InvalidInputError").problems).toEqual([
      { field: "input.content (row 2, column 2025)", code: "NOT_A_NUMBER", value: "abc" },
      { field: "input.content (row 3)", code: "UNKNOWN_INITIATIVE", value: "findes-ikke" },
      { field: "input.content (row 4, column 2024)", code: "TOO_PRECISE", value: "0,05" },
    ]);
    const noHeader = await importCsv({ scenarioId: target.key, expectedVersion: 1, content: "bare tekst" });
    expect(asMember(noHeader, "InvalidInputError").problems).toEqual([expect.objectContaining({ field: "input.content", code: "BAD_FILE" })]);
    expect(await fingerprint()).toBe(before);
  });
});
