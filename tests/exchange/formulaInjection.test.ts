/**
 * Formula injection: every text cell of every export (CSV and XLSX, scenario and comparison, the
 * header block, the sources sheet, sheet names) is written so that no spreadsheet runs it, whatever
 * the scenario's names, titles, themes, keys and sources say. The only formulas are our own sums.
 */
import { describe, expect, test } from "vitest";
import {
  buildComparison,
  comparisonToCsv,
  comparisonToXlsx,
  csvToGrid,
  ExcelJS,
  parseScenarioCsv,
  scenarioToCsv,
  scenarioToXlsx,
  type ScenarioExport,
} from "@ramme/server/exchange/index.ts";
import { AGREEMENT, csvText } from "./fixtures.ts";

const HOSTILE = ['=HYPERLINK("http://x","klik")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=cmd|' /C calc'!A0"];

const hostile = (index: number) => HOSTILE[index % HOSTILE.length]!;

const RISKY: ScenarioExport = {
  ...AGREEMENT,
  scenarioName: hostile(0),
  frameName: hostile(1),
  unit: hostile(2),
  priceLevel: { label: hostile(3), note: hostile(4) },
  stamp: { version: 3, exportedBy: hostile(5), exportedAt: hostile(6) },
  lines: AGREEMENT.lines.map((line, index) => ({
    ...line,
    key: hostile(index + 1),
    theme: hostile(index + 2),
    title: hostile(index + 3),
    sources: [{ document: hostile(index + 4), section: hostile(index + 5), initiativeNumber: hostile(index + 6), quote: hostile(index) }],
  })),
};
const OTHER: ScenarioExport = { ...RISKY, scenarioName: hostile(6), scenarioKey: "other" };

/** Starts like a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** The formulas the export writes: sums of ranges or lists of cells, and a difference of two cells. */
const OUR_FORMULA = /^(SUM\([A-Z]+\d+(:[A-Z]+\d+|(,[A-Z]+\d+)*)\)|[A-Z]+\d+-[A-Z]+\d+|0)$/;

async function checkWorkbook(bytes: Uint8Array): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  let texts = 0;
  for (const sheet of workbook.worksheets) {
    expect(sheet.name, "sheet name").not.toMatch(FORMULA_START);
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value;
        if (typeof value === "string") {
          texts++;
          expect(value, `${sheet.name}!${cell.address}`).not.toMatch(FORMULA_START);
        } else if (value !== null && typeof value === "object" && "formula" in value) {
          expect(value.formula, `${sheet.name}!${cell.address}`).toMatch(OUR_FORMULA);
        } else if (value !== null && typeof value === "object") {
          throw new Error(`${sheet.name}!${cell.address} holds ${JSON.stringify(value)}`);
        }
      }),
    );
  }
  return texts;
}

/** Every field of the CSV as a spreadsheet splits it (the importer's own CSV reading). */
function checkCsv(bytes: Uint8Array): number {
  const read = csvToGrid(csvText(bytes));
  if (!read.ok) throw new Error(read.problems[0]!.messageEn);
  let texts = 0;
  for (const field of read.grid.rows.flatMap((row) => row.cells)) {
    if (typeof field !== "string" || field === "") continue;
    texts++;
    // A negative amount is the one thing that may start with "-": it is a number.
    if (/^-[\d.,]+$/.test(field)) continue;
    expect(field).not.toMatch(FORMULA_START);
  }
  return texts;
}

describe("no export can carry a formula of someone else's making", () => {
  test("XLSX scenario: every text cell of the scenario sheet, the header block and the sources sheet", async () => {
    const file = await scenarioToXlsx(RISKY, { language: "da" });
    expect(await checkWorkbook(file.bytes)).toBeGreaterThan(20);
  });

  test("XLSX comparison: the comparison sheet and every scenario sheet", async () => {
    const file = await comparisonToXlsx(buildComparison(RISKY, [OTHER]), { language: "en" });
    expect(await checkWorkbook(file.bytes)).toBeGreaterThan(20);
  });

  test("CSV scenario and comparison, both number styles", () => {
    for (const numberStyle of ["DANISH", "API"] as const) {
      expect(checkCsv(scenarioToCsv(RISKY, { language: "da", numberStyle }).bytes)).toBeGreaterThan(10);
      expect(checkCsv(comparisonToCsv(buildComparison(RISKY, [OTHER]), { language: "da", numberStyle }).bytes)).toBeGreaterThan(10);
    }
  });

  test("the texts come back as written: an export imports with its hostile keys intact", () => {
    const reading = parseScenarioCsv(csvText(scenarioToCsv({ ...RISKY, priceLevel: undefined }, { language: "da", numberStyle: "DANISH" }).bytes), { years: AGREEMENT.years, numberStyle: "AUTO" });
    expect(reading.lines.map((line) => [line.key, line.title, line.theme])).toEqual(RISKY.lines.map((line) => [line.key, line.title, line.theme]));
  });
});
