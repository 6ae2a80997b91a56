/**
 * importScenarioFile: an edited export, a party's own sheet and every kind of bad file, as a
 * preview (dryRun) and applied. Runs on SQLite (api) and PostgreSQL (api-postgres). Every refusal
 * is checked to have stored nothing (the fingerprint of every table a mutation writes).
 */
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ExcelJS } from "@ramme/server/exchange/index.ts";
import { gql, type VariablesOf } from "../support/documents.ts";
import { db, query } from "../support/graphql.ts";
import { asMember } from "../support/unions.ts";
import { fingerprint, fork, mutate } from "../support/scenarios.ts";

const IMPORT_FILE = gql(`
  mutation($input: ImportScenarioFileInput!) { importScenarioFile(input: $input) {
    __typename
    ... on ImportPreview {
      format fileName sheet baseVersion applied canApply
      lines { row initiativeKey title theme status match amounts { year before after } }
      yearTotals { year allocatedBefore allocated frame headroom fitsFrame }
      problems { code severity sheet row column columnLetter message messageDa value }
      suggestions { row initiativeKey title }
      edit { version changed change { comment kind } }
    }
    ... on ImportRefusedError { message problems { code severity sheet row column columnLetter value } }
    ... on InvalidInputError { inputProblems: problems { field code value } }
    ... on VersionConflictError { currentVersion }
  } }
`);

const importFile = async (input: VariablesOf<typeof IMPORT_FILE>["input"]) => (await query(IMPORT_FILE, { input })).importScenarioFile;
/** An import that must answer with a preview (dry run or applied); throws with the answer when it does not. */
const previewOf = async (input: VariablesOf<typeof IMPORT_FILE>["input"]) => asMember(await importFile(input), "ImportPreview");

const EXPORT = gql(`query($id: ID!) { exportScenario(scenarioId: $id, format: XLSX) { __typename ... on ExportFile { base64 fileName } } }`);

async function exportedWorkbook(scenarioKey: string): Promise<ExcelJS.Workbook> {
  const exported = asMember((await query(EXPORT, { id: scenarioKey })).exportScenario, "ExportFile");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(exported.base64, "base64") as unknown as ArrayBuffer);
  return workbook;
}

const base64Of = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");

/** The row of a line by its key in the first sheet. */
function rowOfKey(sheet: ExcelJS.Worksheet, key: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === key) found = row;
  });
  if (!found) throw new Error(`no row with key ${key}`);
  return found;
}

/** The column of a year in the header row of the sheet. */
function columnOfYear(sheet: ExcelJS.Worksheet, year: number): number {
  let column = 0;
  sheet.eachRow((row) => {
    row.eachCell((cell, number) => {
      if (column === 0 && (cell.value === String(year) || cell.value === year)) column = number;
    });
  });
  if (column === 0) throw new Error(`no column for ${year}`);
  return column;
}

/** A workbook of one sheet from rows of values. */
async function sheetOf(rows: unknown[][], name = "Modforslag"): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name);
  for (const row of rows) sheet.addRow(row);
  return base64Of(workbook);
}

const LINES = gql(`query($id: ID!) { scenario(id: $id) { lines { initiative { key title origin } amounts { year amount } } } }`);
const linesOf = async (key: string) => {
  const { scenario } = await query(LINES, { id: Buffer.from(`Scenario:${key}`).toString("base64") });
  if (!scenario) throw new Error(`no scenario ${key}`);
  return scenario.lines;
};

const amountsOf = (lines: Awaited<ReturnType<typeof linesOf>>, key: string) => lines.find((line) => line.initiative.key === key)?.amounts.map((cell) => cell.amount);

describe("importScenarioFile: an edited export", () => {
  it("previews the edited cells against the frame without storing anything, then applies them as one version named after the file", async () => {
    const whatIf = await fork("aftale-2024", "Modforslag");
    const workbook = await exportedWorkbook(whatIf.key);
    const sheet = workbook.worksheets[0]!;
    sheet.getCell(rowOfKey(sheet, "vmk").number, columnOfYear(sheet, 2026)).value = 7.5;
    const content = await base64Of(workbook);

    const before = await fingerprint();
    const preview = await previewOf({ scenarioId: whatIf.key, expectedVersion: 1, format: "XLSX", content, fileName: "modforslag.xlsx", dryRun: true });
    expect(preview).toMatchObject({ __typename: "ImportPreview", applied: false, canApply: true, baseVersion: 1, format: "XLSX", edit: null });
    const changed = preview.lines.filter((line) => line.status !== "UNCHANGED");
    expect(changed).toEqual([
      expect.objectContaining({
        initiativeKey: "vmk",
        status: "CHANGED",
        match: "KEY",
        amounts: [
          { year: 2024, before: "3.5", after: "3.5" },
          { year: 2025, before: "2.5", after: "2.5" },
          { year: 2026, before: "2.5", after: "7.5" },
          { year: 2027, before: "2.5", after: "2.5" },
        ],
      }),
    ]);
    // The agreement allocates 98.9 / 100 / 100 / 100 of a frame of 100 a year: 2026 goes 5 over.
    expect(preview.yearTotals.find((total) => total.year === 2026)).toEqual({ year: 2026, allocatedBefore: "100", allocated: "105", frame: "100", headroom: "-5", fitsFrame: false });
    // The export's total row still says the old sum (exceljs does not recalculate): a warning, not a refusal.
    expect(preview.problems.map((problem) => [problem.code, problem.severity])).toEqual(
      expect.arrayContaining([["TOTAL_MISMATCH", "WARNING"]]),
    );
    expect(preview.problems.every((problem) => problem.severity === "WARNING")).toBe(true);
    expect(await fingerprint()).toBe(before);

    const applied = await previewOf({ scenarioId: whatIf.key, expectedVersion: 1, format: "XLSX", content, fileName: "modforslag.xlsx", comment: "Partiets tal" });
    expect(applied).toMatchObject({ __typename: "ImportPreview", applied: true, edit: { version: 2, changed: true, change: { kind: "IMPORTED", comment: "modforslag.xlsx: Partiets tal" } } });
    expect(amountsOf(await linesOf(whatIf.key), "vmk")).toEqual(["3.5", "2.5", "7.5", "2.5"]);
    expect(await db.scenarioChange.count({ where: { scenarioId: whatIf.key } })).toBe(2);

    // One version, so one undo step: reverting it gives the lines back as they were.
    const undone = await mutate("revertChange", "RevertChangeInput", { scenarioId: whatIf.key, version: 2, expectedVersion: 2 });
    expect(undone).toMatchObject({ __typename: "ScenarioEdit", version: 3 });
    expect(amountsOf(await linesOf(whatIf.key), "vmk")).toEqual(["3.5", "2.5", "2.5", "2.5"]);
  });

  it("a stale expectedVersion is refused as a version conflict, nothing stored", async () => {
    const whatIf = await fork("aftale-2024", "Forældet");
    const content = await base64Of(await exportedWorkbook(whatIf.key));
    const before = await fingerprint();
    expect(await importFile({ scenarioId: whatIf.key, expectedVersion: 7, format: "XLSX", content })).toEqual({ __typename: "VersionConflictError", currentVersion: 1 });
    expect(await fingerprint()).toBe(before);
  });
});

describe("importScenarioFile: a party's own sheet", () => {
  it("years in any order, lines by exact title, '-' and empty as 0, an unknown title as a new proposal line under its theme", async () => {
    const whatIf = await fork("aftale-2024", "Partiets ark");
    const vmk = await db.initiative.findUniqueOrThrow({ where: { id: "vmk" }, select: { title: true } });
    const theme = await db.theme.findFirstOrThrow({ orderBy: { position: "asc" }, select: { title: true } });
    const content = await sheetOf([
      ["Partiets modforslag"],
      [],
      ["Tema", "Initiativ", 2027, 2025, 2024, "2026"],
      ["", vmk.title.toUpperCase(), 1, "-", 3.5, null],
      [theme.title, "Helt nyt initiativ om biobanker", 2, 2, "1,5", 0],
    ]);
    const preview = await previewOf({ scenarioId: whatIf.key, expectedVersion: 1, format: "XLSX", content, fileName: "parti.xlsx", dryRun: true });
    expect(preview.problems).toEqual([]);
    expect(preview.sheet).toBe("Modforslag");
    const byRow = (row: number) => preview.lines.find((line) => line.row === row);
    expect(byRow(4)).toMatchObject({ initiativeKey: "vmk", match: "TITLE", status: "CHANGED" });
    expect(byRow(4)!.amounts.map((cell) => cell.after)).toEqual(["3.5", "0", "0", "1"]);
    expect(byRow(5)).toMatchObject({ initiativeKey: null, match: "NEW", status: "NEW", theme: theme.title, title: "Helt nyt initiativ om biobanker" });
    expect(byRow(5)!.amounts.map((cell) => cell.after)).toEqual(["1.5", "2", "0", "2"]);
    // Every other line of the agreement is not in the sheet: removed.
    expect(preview.lines.filter((line) => line.status === "REMOVED").length).toBeGreaterThan(5);

    const applied = await previewOf({ scenarioId: whatIf.key, expectedVersion: 1, format: "XLSX", content, fileName: "parti.xlsx" });
    expect(applied).toMatchObject({ applied: true, edit: { version: 2, change: { comment: "parti.xlsx" } } });
    const lines = await linesOf(whatIf.key);
    expect(lines.map((line) => [line.initiative.title, line.initiative.origin, line.amounts.map((cell) => cell.amount)])).toEqual([
      [vmk.title, "DOCUMENT", ["3.5", "0", "0", "1"]],
      ["Helt nyt initiativ om biobanker", "PROPOSAL", ["1.5", "2", "0", "2"]],
    ]);
  });

  it("a close title is offered, not applied; confirmed with lineChoices it is", async () => {
    const whatIf = await fork("aftale-2024", "Tæt på");
    const content = await sheetOf([["Initiativ", 2024, 2025, 2026, 2027], ["Videreudvikle Trial Nations", 1, 1, 1, 1]]);
    const preview = await previewOf({ scenarioId: whatIf.key, expectedVersion: 1, format: "XLSX", content, dryRun: true });
    expect(preview.canApply).toBe(false);
    expect(preview.suggestions).toEqual([{ row: 2, initiativeKey: "trial-nation", title: "Videreudvikle Trial Nation" }]);
    expect(preview.problems).toEqual([expect.objectContaining({ code: "UNCONFIRMED_MATCH", severity: "ERROR", sheet: "Modforslag", row: 2 })]);

    const before = await fingerprint();
    const refused = await importFile({ scenarioId: whatIf.key, expectedVersion: 1, format: "XLSX", content });
    expect(refused.__typename).toBe("ImportRefusedError");
    expect(await fingerprint()).toBe(before);

    const confirmed = await previewOf({ scenarioId: whatIf.key, expectedVersion: 1, format: "XLSX", content, lineChoices: [{ row: 2, initiativeId: "trial-nation" }] });
    expect(confirmed.applied).toBe(true);
    expect(confirmed.lines[0]).toMatchObject({ row: 2, initiativeKey: "trial-nation", match: "CHOSEN", status: "CHANGED" });
  });

  it("CSV goes through the same pipeline: a preview with located problems, the same refusal", async () => {
    const whatIf = await fork("aftale-2024", "CSV");
    const content = "Nøgle;Initiativ;2024;2025;2026;2027\r\nvmk;;1;2.000;1;1\r\n";
    const preview = await previewOf({ scenarioId: whatIf.key, expectedVersion: 1, format: "CSV", content, dryRun: true });
    expect(preview.problems).toEqual([expect.objectContaining({ code: "AMBIGUOUS", severity: "ERROR", sheet: null, row: 2, column: "2025", columnLetter: "D", value: "2.000" })]);
    const base64 = await previewOf({ scenarioId: whatIf.key, expectedVersion: 1, format: "CSV", content: Buffer.from(content.replace("2.000", "2")).toString("base64"), base64: true, fileName: "tal.csv" });
    expect(base64).toMatchObject({ applied: true, edit: { change: { comment: "tal.csv" } } });
    expect(amountsOf(await linesOf(whatIf.key), "vmk")).toEqual(["1", "2", "1", "1"]);
  });
});

/** A zip of the given entries; `declared` overrides an entry's stated unpacked size (to lie about it). */
function zipOf(entries: Array<{ name: string; data: Buffer; declared?: number; flags?: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const compressed = deflateRawSync(entry.data);
    const name = Buffer.from(entry.name);
    const size = entry.declared ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.flags ?? 0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.flags ?? 0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe("importScenarioFile refuses, located, and stores nothing", () => {
  const cases: Array<{ name: string; content: () => Promise<string>; format?: "XLSX" | "CSV"; expected: Record<string, unknown> }> = [
    { name: "a file that is not a workbook", content: async () => Buffer.from("Dette er ikke et regneark").toString("base64"), expected: { code: "NOT_A_WORKBOOK", row: 0 } },
    {
      name: "a password-protected workbook (an encrypted compound file)",
      content: async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500), Buffer.from("EncryptionInfo", "utf16le"), Buffer.alloc(500)]).toString("base64"),
      expected: { code: "PASSWORD_PROTECTED", row: 0 },
    },
    { name: "a corrupt workbook (cut short)", content: async () => Buffer.from(await sheetOf([["Initiativ", 2024]]), "base64").subarray(0, 900).toString("base64"), expected: { code: "CORRUPT", row: 0 } },
    {
      name: "a zip whose XML is not a workbook",
      content: async () => zipOf([{ name: "[Content_Types].xml", data: Buffer.from("<not-xml") }]).toString("base64"),
      expected: { code: "CORRUPT", row: 0 },
    },
    { name: "a sheet without recognisable years", content: () => sheetOf([["Initiativ", "Beløb"], ["Videreudvikle Trial Nation", 1]]), expected: { code: "NO_HEADER", sheet: "Modforslag", row: 0 } },
    { name: "text in an amount cell", content: () => sheetOf([["Nøgle", 2024, 2025, 2026, 2027], ["vmk", 1, "mange", 1, 1]]), expected: { code: "NOT_A_NUMBER", sheet: "Modforslag", row: 2, column: "2025", columnLetter: "C", value: "mange" } },
    {
      name: "#REF! in an amount cell",
      content: () => sheetOf([["Nøgle", 2024, 2025, 2026, 2027], ["vmk", 1, { formula: "#REF!+1", result: { error: "#REF!" } }, 1, 1]]),
      expected: { code: "FORMULA_ERROR", row: 2, column: "2025", value: "#REF!" },
    },
    { name: "more decimals than the frame allows", content: () => sheetOf([["Nøgle", 2024, 2025, 2026, 2027], ["vmk", 1, 0.05, 1, 1]]), expected: { code: "TOO_PRECISE", row: 2, column: "2025", columnLetter: "C" } },
    { name: "a year outside the frame", content: () => sheetOf([["Nøgle", 2024, 2025, 2026, 2027, 2031], ["vmk", 1, 1, 1, 1, 1]]), expected: { code: "UNKNOWN_YEAR_COLUMN", row: 1, column: "2031", columnLetter: "F" } },
    { name: "the same initiative twice", content: () => sheetOf([["Nøgle", 2024, 2025, 2026, 2027], ["vmk", 1, 1, 1, 1], ["vmk", 2, 2, 2, 2]]), expected: { code: "DUPLICATE_LINE", row: 3, column: "Nøgle" } },
    {
      name: "the same initiative by key and by title",
      content: async () => {
        const vmk = await db.initiative.findUniqueOrThrow({ where: { id: "vmk" }, select: { title: true } });
        return sheetOf([["Nøgle", "Initiativ", 2024, 2025, 2026, 2027], ["vmk", "", 1, 1, 1, 1], ["", vmk.title, 2, 2, 2, 2]]);
      },
      expected: { code: "DUPLICATE_LINE", row: 3 },
    },
    { name: "an unknown key", content: () => sheetOf([["Nøgle", 2024, 2025, 2026, 2027], ["findes-ikke", 1, 1, 1, 1]]), expected: { code: "UNKNOWN_INITIATIVE", row: 2, value: "findes-ikke" } },
    {
      name: "a new proposal without a known theme",
      content: () => sheetOf([["Tema", "Initiativ", 2024, 2025, 2026, 2027], ["Intet tema", "Et helt nyt forslag", 1, 1, 1, 1]]),
      expected: { code: "UNKNOWN_THEME", row: 2, value: "Intet tema" },
    },
    { name: "a workbook over the stated size", content: async () => Buffer.alloc(2_600_000, 1).toString("base64"), expected: { code: "FILE_TOO_LARGE", row: 0 } },
    {
      name: "a decompression bomb declaring its size (100 MB of zeros in a small file)",
      content: async () => zipOf([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(100_000_000) }]).toString("base64"),
      expected: { code: "UNPACKED_TOO_LARGE", row: 0 },
    },
    {
      name: "a decompression bomb lying about its size",
      content: async () => zipOf([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(20_000_000), declared: 1_000 }]).toString("base64"),
      expected: { code: "UNPACKED_TOO_LARGE", row: 0 },
    },
    { name: "an encrypted zip entry", content: async () => zipOf([{ name: "a.xml", data: Buffer.from("x"), flags: 1 }]).toString("base64"), expected: { code: "PASSWORD_PROTECTED", row: 0 } },
    { name: "a CSV with an ambiguous amount", format: "CSV", content: async () => "Nøgle;2024;2025;2026;2027\nvmk;2.000;1;1;1\n", expected: { code: "AMBIGUOUS", row: 2, column: "2024" } },
  ];

  for (const { name, content, format = "XLSX", expected } of cases) {
    it(name, async () => {
      const whatIf = await fork("aftale-2024", "Afvist");
      const file = await content();
      const before = await fingerprint();
      const refused = await importFile({ scenarioId: whatIf.key, expectedVersion: 1, format, content: file, fileName: "fil" });
      expect(refused.__typename, JSON.stringify(refused)).toBe("ImportRefusedError");
      expect(asMember(refused, "ImportRefusedError").problems).toContainEqual(expect.objectContaining({ severity: "ERROR", ...expected }));
      const preview = await previewOf({ scenarioId: whatIf.key, expectedVersion: 1, format, content: file, dryRun: true });
      expect(preview).toMatchObject({ __typename: "ImportPreview", canApply: false, applied: false });
      expect(preview.problems).toContainEqual(expect.objectContaining(expected));
      expect(await fingerprint()).toBe(before);
    });
  }
});
