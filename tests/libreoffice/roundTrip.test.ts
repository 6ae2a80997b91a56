/**
 * The round trip through a real spreadsheet program: LibreOffice (Debian's, headless) recalculates
 * an exported workbook and its formula totals equal the server's; cells edited in the workbook and
 * saved by LibreOffice import as exactly the edited numbers. Run by .ci/run (`test:libreoffice`),
 * which installs libreoffice-calc-nogui when soffice is missing; here, without soffice, the tests
 * are skipped with a message saying so.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatMio } from "@ramme/domain";
import { ExcelJS, oereFromSpreadsheetNumber } from "@ramme/server/exchange/index.ts";
import { gql, type VariablesOf } from "../support/documents.ts";
import { query } from "../support/graphql.ts";
import { fork } from "../support/scenarios.ts";

const SOFFICE = process.env.SOFFICE_PATH ?? "/usr/bin/soffice";
const available = existsSync(SOFFICE);
if (!available) console.warn(`LibreOffice round trip SKIPPED: ${SOFFICE} is missing (apt-get install -y libreoffice-calc-nogui; .ci/run does).`);

const work = mkdtempSync(path.join(tmpdir(), "ramme-lo-"));
/** A profile of our own that recalculates every formula of an .xlsx on load (the default keeps the cached values). */
const profile = path.join(work, "profile");
mkdirSync(path.join(profile, "user"), { recursive: true });
writeFileSync(
  path.join(profile, "user", "registrymodifications.xcu"),
  `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
);

/** Opens the file in LibreOffice and saves it in `format` (its filter string), returning the bytes. */
function libreOffice(bytes: Uint8Array, name: string, format: string, extension: string): Buffer {
  const dir = mkdtempSync(path.join(work, "run-"));
  const input = path.join(dir, `${name}.xlsx`);
  writeFileSync(input, bytes);
  const out = path.join(dir, "out");
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", format, "--outdir", out, input], { stdio: "pipe", timeout: 120_000 });
  return readFileSync(path.join(out, `${name}.${extension}`));
}

const recalculated = (bytes: Uint8Array, name: string) => libreOffice(bytes, name, "xlsx:Calc MS Excel 2007 XML", "xlsx");

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/**
 * A cell as exact decimal text, to the øre (8 decimals of mio. kr.): a spreadsheet calculates in
 * binary floats, so LibreOffice's 100 - 98.9 is 1.09999999999999, which is 1.1 to the øre.
 */
function exact(value: ExcelJS.CellValue): string | null {
  const number = value !== null && typeof value === "object" && ("formula" in value || "sharedFormula" in value) ? (value.result ?? 0) : value;
  if (typeof number !== "number") throw new Error(`not a number: ${JSON.stringify(value)}`);
  const parsed = oereFromSpreadsheetNumber(Number(number.toFixed(8)));
  return parsed.ok ? formatMio(parsed.value) : null;
}

/** The summary row with `label` in the title column and nothing in the theme column: its per-year cells. */
function summary(sheet: ExcelJS.Worksheet, label: string, years: readonly number[]): string[] {
  let found: string[] | null = null;
  sheet.eachRow((row) => {
    if (row.getCell(3).value === label && !row.getCell(2).value) found = years.map((_, index) => exact(row.getCell(4 + index).value) ?? "?");
  });
  if (!found) throw new Error(`no ${label} row`);
  return found;
}

const YearTotals = gql(`query($id: ID!) { scenario(id: $id) { yearTotals { year allocated frame headroom } } }`);
const yearTotals = async (key: string) => {
  const { scenario } = await query(YearTotals, { id: Buffer.from(`Scenario:${key}`).toString("base64") });
  if (!scenario) throw new Error(`no scenario ${key}`);
  return scenario.yearTotals;
};

const ExportXlsx = gql(`query($id: ID!) { exportScenario(scenarioId: $id, format: XLSX) { __typename ... on ExportFile { base64 } } }`);
const exportXlsx = async (key: string) => {
  const { exportScenario } = await query(ExportXlsx, { id: key });
  if (exportScenario.__typename !== "ExportFile") throw new Error(`export refused: ${JSON.stringify(exportScenario)}`);
  return Buffer.from(exportScenario.base64, "base64");
};

const ImportFile = gql(`
  mutation($input: ImportScenarioFileInput!) { importScenarioFile(input: $input) { __typename
    ... on ImportPreview { canApply applied lines { initiativeKey status amounts { year before after } } problems { code severity row column } edit { version } }
    ... on ImportRefusedError { problems { code row column } } } }
`);
/** The import's preview (or what it applied); throws with the answer when the file was refused. */
const importFile = async (input: VariablesOf<typeof ImportFile>["input"]) => {
  const answer = (await query(ImportFile, { input })).importScenarioFile;
  if (answer.__typename !== "ImportPreview") throw new Error(`import refused: ${JSON.stringify(answer)}`);
  return answer;
};

/** Sets every formula's cached result to 0, so only a recalculation can give the right totals. */
function zeroCachedResults(workbook: ExcelJS.Workbook): number {
  let formulas = 0;
  workbook.worksheets[0]!.eachRow((row) =>
    row.eachCell((cell) => {
      const value = cell.value;
      if (value !== null && typeof value === "object" && "formula" in value && typeof value.formula === "string") {
        cell.value = { formula: value.formula, result: 0, date1904: false } as ExcelJS.CellFormulaValue;
        formulas++;
      }
    }),
  );
  return formulas;
}

describe.skipIf(!available)("round trip through LibreOffice", () => {
  it("LibreOffice recalculates the exported workbook's formulas to the server's totals, frame and headroom", async () => {
    const whatIf = await fork("aftale-2024", "Genberegnet");
    const workbook = await load(await exportXlsx(whatIf.key));
    expect(zeroCachedResults(workbook)).toBeGreaterThan(20);
    const saved = recalculated(new Uint8Array(await workbook.xlsx.writeBuffer()), "genberegnet");
    const sheet = (await load(saved)).worksheets[0]!;
    const server = await yearTotals(whatIf.key);
    const years = server.map((total) => total.year);
    expect(summary(sheet, "I alt", years)).toEqual(server.map((total) => total.allocated));
    expect(summary(sheet, "Ramme", years)).toEqual(server.map((total) => total.frame));
    expect(summary(sheet, "Råderum", years)).toEqual(server.map((total) => total.headroom));
  }, 180_000);

  it("cells edited in the workbook and saved by LibreOffice import as exactly the edited numbers; its totals then equal the server's", async () => {
    const whatIf = await fork("aftale-2024", "Redigeret");
    const workbook = await load(recalculated(await exportXlsx(whatIf.key), "eksport"));
    const sheet = workbook.worksheets[0]!;
    const years = (await yearTotals(whatIf.key)).map((total) => total.year);
    const columnOf = (year: number) => 4 + years.indexOf(year);
    const rowOf = (key: string) => {
      let found = 0;
      sheet.eachRow((row, number) => {
        if (row.getCell(1).value === key) found = number;
      });
      return found;
    };
    sheet.getCell(rowOf("vmk"), columnOf(2026)).value = 7.5;
    sheet.getCell(rowOf("trial-nation"), columnOf(2024)).value = 0.3;
    sheet.getCell(rowOf("trial-nation"), columnOf(2027)).value = null;
    // Saved by LibreOffice as a person's save would be: recalculated, so the file's totals agree with its lines.
    const edited = recalculated(new Uint8Array(await workbook.xlsx.writeBuffer()), "redigeret");
    const content = edited.toString("base64");

    const preview = await importFile({ scenarioId: whatIf.key, expectedVersion: 1, format: "XLSX", content, dryRun: true });
    expect(preview.problems).toEqual([]);
    const changed = preview.lines.filter((line) => line.status !== "UNCHANGED");
    expect(changed.map((line) => line.initiativeKey)).toEqual(["vmk", "trial-nation"]);
    const after = (key: string) => changed.find((line) => line.initiativeKey === key)!.amounts.map((cell) => cell.after);
    expect(after("vmk")).toEqual(["3.5", "2.5", "7.5", "2.5"]);
    expect(after("trial-nation")).toEqual(["0.3", "4.7", "4.7", "0"]);

    const applied = await importFile({ scenarioId: whatIf.key, expectedVersion: 1, format: "XLSX", content, fileName: "redigeret.xlsx" });
    expect(applied).toMatchObject({ applied: true, edit: { version: 2 } });
    const server = await yearTotals(whatIf.key);
    const savedSheet = (await load(edited)).worksheets[0]!;
    expect(summary(savedSheet, "I alt", years)).toEqual(server.map((total) => total.allocated));
    expect(summary(savedSheet, "Råderum", years)).toEqual(server.map((total) => total.headroom));
  }, 180_000);

  it("the workbook saved as CSV by LibreOffice imports back with no change", async () => {
    const whatIf = await fork("aftale-2024", "Som CSV");
    // ";" between cells, UTF-8, raw values (not as formatted).
    const csv = libreOffice(await exportXlsx(whatIf.key), "som-csv", "csv:Text - txt - csv (StarCalc):59,34,76,1,,1033,false,false,false", "csv");
    const preview = await importFile({ scenarioId: whatIf.key, expectedVersion: 1, format: "CSV", content: csv.toString("utf8"), numberStyle: "API", dryRun: true });
    expect(preview.problems).toEqual([]);
    expect(preview.lines.every((line) => line.status === "UNCHANGED")).toBe(true);
  }, 180_000);
});
