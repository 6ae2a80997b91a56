/**
 * The XLSX files, read back with exceljs as a spreadsheet would read them: cell values, number
 * formats, bold totals, frozen header, sheets. Amounts are read back the way the export promises:
 * the numeric cell's shortest decimal text (String(value)) parsed exactly with parseMio.
 */
import { describe, expect, test } from "vitest";
import { mio, parseMio, type Oere } from "@ramme/domain";
import {
  buildComparison,
  comparisonToXlsx,
  ExcelJS,
  oereFromSpreadsheetNumber,
  scenarioToXlsx,
  spreadsheetNumber,
} from "@ramme/server/exchange/index.ts";
import { AGREEMENT, ALTERNATIVE_A, ALTERNATIVE_B, AWKWARD, AWKWARD_TITLE } from "./fixtures.ts";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${JSON.stringify(name)}; sheets: ${workbook.worksheets.map((ws) => ws.name).join(", ")}`);
  return found;
}

/**
 * A cell's value as a viewer shows it: a formula's cached result. (exceljs reads a cached 0 back as
 * no result, though the file has it: <v>0</v>.)
 */
function shown(cell: ExcelJS.Cell): unknown {
  const value = cell.value;
  if (value !== null && typeof value === "object" && "formula" in value) return value.result ?? 0;
  return value ?? null;
}

/** A row's values from column 1 as shown, with empty cells as null (exceljs's row.values starts at index 1). */
function rowValues(worksheet: ExcelJS.Worksheet, rowNumber: number, columnCount: number): unknown[] {
  return Array.from({ length: columnCount }, (_, index) => shown(worksheet.getCell(rowNumber, index + 1)));
}

/** The formula of a cell, or null. */
const formulaOf = (worksheet: ExcelJS.Worksheet, address: string) => worksheet.getCell(address).formula ?? null;

/** The exact amount in a numeric cell (a formula's cached result), via its shortest decimal text. */
function amountIn(worksheet: ExcelJS.Worksheet, address: string): Oere {
  const value = shown(worksheet.getCell(address));
  if (typeof value !== "number") throw new Error(`${address} holds ${JSON.stringify(value)}, not a number`);
  const parsed = parseMio(String(value));
  if (!parsed.ok) throw new Error(`${address}: ${String(value)} is not canonical (${parsed.error.code})`);
  return parsed.value;
}

describe("scenarioToXlsx", () => {
  test("the scenario sheet: theme headings and subtotals around their lines, totals, frame and headroom, Danish labels", async () => {
    const file = await scenarioToXlsx(AGREEMENT, { language: "da" });
    expect(file.fileName).toBe("aftale-2024.xlsx");
    expect(file.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = await load(file.bytes);
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual(["Aftale 2024"]);
    const ws = sheet(workbook, "Aftale 2024");

    expect(rowValues(ws, 1, 3)).toEqual(["Scenarie", "Aftale 2024", null]);
    expect(rowValues(ws, 2, 3)).toEqual(["Ramme", "Life science", "Mio. kr. (2024-pl)"]);
    expect(rowValues(ws, 3, 8)).toEqual([null, null, null, null, null, null, null, null]);
    expect(rowValues(ws, 4, 8)).toEqual(["Nøgle", "Tema", "Initiativ", "2024", "2025", "2026", "2027", "I alt"]);
    expect(rowValues(ws, 5, 8)).toEqual([null, "Styrket forskning", null, null, null, null, null, null]);
    expect(rowValues(ws, 6, 8)).toEqual(["vmk", "Styrket forskning", AWKWARD_TITLE, 3.5, 2.5, 2.5, 2.5, 11]);
    expect(rowValues(ws, 7, 8)).toEqual([null, "Styrket forskning", "I alt", 3.5, 2.5, 2.5, 2.5, 11]);
    expect(rowValues(ws, 8, 8)).toEqual([null, "Klinisk", null, null, null, null, null, null]);
    expect(rowValues(ws, 9, 8)).toEqual(["kli", "Klinisk", "Kliniske forsøg, nationalt", 6.6, 8, 1234.5, 0, 1249.1]);
    expect(rowValues(ws, 10, 8)).toEqual([null, "Klinisk", "I alt", 6.6, 8, 1234.5, 0, 1249.1]);
    expect(rowValues(ws, 11, 8)).toEqual([null, null, null, null, null, null, null, null]);
    expect(rowValues(ws, 12, 8)).toEqual([null, null, "I alt", 10.1, 10.5, 1237, 2.5, 1260.1]);
    expect(rowValues(ws, 13, 8)).toEqual([null, null, "Ramme", 10, 20, 1300, 10, 1340]);
    expect(rowValues(ws, 14, 8)).toEqual([null, null, "Råderum", -0.1, 9.5, 63, 7.5, 79.9]);
    expect(ws.rowCount).toBe(14);
  });

  test("computed cells are formulas with the exact figures cached; the lines and the frame are numbers", async () => {
    const ws = (await load((await scenarioToXlsx(AGREEMENT, { language: "da" })).bytes)).worksheets[0]!;
    expect(formulaOf(ws, "H6")).toBe("SUM(D6:G6)");
    expect(formulaOf(ws, "D7")).toBe("SUM(D6:D6)");
    expect(formulaOf(ws, "F10")).toBe("SUM(F9:F9)");
    expect(formulaOf(ws, "D12")).toBe("SUM(D7,D10)");
    expect(formulaOf(ws, "H12")).toBe("SUM(D12:G12)");
    expect(formulaOf(ws, "E14")).toBe("E13-E12");
    expect(formulaOf(ws, "H14")).toBe("SUM(D14:G14)");
    for (const address of ["D6", "G9", "D13", "G13"]) {
      expect(formulaOf(ws, address), address).toBeNull();
      expect(ws.getCell(address).type, address).toBe(ExcelJS.ValueType.Number);
    }
  });

  test("a header block when the data is stamped: version, who, when", async () => {
    const stamped = { ...AGREEMENT, stamp: { version: 7, exportedBy: "anna@ramme.dk", exportedAt: "2026-12-07T12:00:00.000Z" } };
    const ws = (await load((await scenarioToXlsx(stamped, { language: "da" })).bytes)).worksheets[0]!;
    expect([3, 4, 5].map((row) => rowValues(ws, row, 2))).toEqual([
      ["Version", "7"],
      ["Udtrukket af", "anna@ramme.dk"],
      ["Tidspunkt", "2026-12-07T12:00:00.000Z"],
    ]);
    expect(rowValues(ws, 7, 1)).toEqual(["Nøgle"]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 7 });
  });

  test("a sources sheet lists every source of every line", async () => {
    const sourced = {
      ...AGREEMENT,
      lines: [
        { ...AGREEMENT.lines[0]!, sources: [{ document: "Aftale om life science", section: "Kapitel 2", paragraph: 12, quote: "=kort citat" }] },
        { ...AGREEMENT.lines[1]!, sources: [] },
      ],
    };
    const workbook = await load((await scenarioToXlsx(sourced, { language: "da" })).bytes);
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual(["Aftale 2024", "Kilder"]);
    const ws = sheet(workbook, "Kilder");
    expect(rowValues(ws, 1, 8)).toEqual(["Nøgle", "Initiativ", "Dokument", "Afsnit", "§", "Initiativnr.", "Anbefaling", "Citat"]);
    expect(rowValues(ws, 2, 8)).toEqual(["vmk", AWKWARD_TITLE, "Aftale om life science", "Kapitel 2", "12", null, null, "'=kort citat"]);
    expect(ws.rowCount).toBe(2);
  });

  test("English labels", async () => {
    const ws = (await load((await scenarioToXlsx(AGREEMENT, { language: "en" })).bytes)).worksheets[0]!;
    expect(rowValues(ws, 1, 1)).toEqual(["Scenario"]);
    expect(rowValues(ws, 4, 8)).toEqual(["Key", "Theme", "Initiative", "2024", "2025", "2026", "2027", "Total"]);
    expect(rowValues(ws, 7, 3)).toEqual([null, "Styrket forskning", "Total"]);
    expect(rowValues(ws, 12, 3)).toEqual([null, null, "Total"]);
    expect(rowValues(ws, 13, 3)).toEqual([null, null, "Frame"]);
    expect(rowValues(ws, 14, 3)).toEqual([null, null, "Headroom"]);
  });

  test("amounts have the number format #,##0.0; header, theme, subtotal and total/frame/headroom rows are bold, lines are not", async () => {
    const ws = (await load((await scenarioToXlsx(AGREEMENT, { language: "da" })).bytes)).worksheets[0]!;
    for (const address of ["D6", "G9", "H9", "D7", "D12", "H14"]) expect(ws.getCell(address).numFmt, address).toBe("#,##0.0");
    for (const address of ["A4", "D4", "H4", "B5", "C7", "D7", "C12", "D12", "H12", "C13", "G13", "C14", "D14", "H14"]) {
      expect(ws.getCell(address).font?.bold, address).toBe(true);
    }
    for (const address of ["A6", "C6", "D6", "H9"]) expect(ws.getCell(address).font?.bold ?? false, address).toBe(false);
  });

  test("the header row is frozen and columns have widths", async () => {
    const ws = (await load((await scenarioToXlsx(AGREEMENT, { language: "da" })).bytes)).worksheets[0]!;
    // The header row and the key, theme and title columns stay in view.
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 4 });
    // Longest text plus 3 characters of margin, at least 10, at most 60.
    // Title: 'Oprette en fjerde; "stor" satsning' is 34 characters.
    expect(ws.getColumn(3).width).toBe(37);
    // "Styrket forskning" is 17 characters.
    expect(ws.getColumn(2).width).toBe(20);
    // "1.234,5" and "1.300,0" are 7 characters: the minimum applies.
    expect(ws.getColumn(6).width).toBe(10);
    const awkward = (await load((await scenarioToXlsx(AWKWARD, { language: "da" })).bytes)).worksheets[0]!;
    // "2.999.982,64999999" is 18 characters.
    expect(awkward.getColumn(8).width).toBe(21);
    const long = { ...AGREEMENT, lines: [{ key: "l", theme: "x".repeat(80), title: "y", amounts: [] }] };
    expect((await load((await scenarioToXlsx(long, { language: "da" })).bytes)).worksheets[0]!.getColumn(2).width).toBe(60);
  });

  test("awkward amounts read back exactly via String(value) → parseMio", async () => {
    const ws = (await load((await scenarioToXlsx(AWKWARD, { language: "da" })).bytes)).worksheets[0]!;
    expect(ws.name).toBe("Skæve beløb");
    const expected: Record<string, string> = {
      D6: "0.1",
      E6: "0.3",
      F6: "16.8",
      G6: "999999.9",
      H6: "1000017.1",
      D7: "0.05",
      F7: "0.2",
      G7: "0",
      H7: "0.25000001",
      D10: "0.15",
      E10: "0.30000001",
      F10: "17",
      G10: "999999.9",
      H10: "1000017.35000001",
      D11: "1000000",
      H11: "4000000",
      D12: "999999.85",
      E12: "999999.69999999",
      F12: "999983",
      G12: "0.1",
      H12: "2999982.64999999",
    };
    for (const [address, amount] of Object.entries(expected)) expect(amountIn(ws, address), address).toBe(mio(amount));
    // 1 øre: JavaScript prints 0.00000001 as "1e-8", which oereFromSpreadsheetNumber expands.
    expect(ws.getCell("E7").value).toBe(0.00000001);
    expect(oereFromSpreadsheetNumber(ws.getCell("E7").value as number)).toEqual({ ok: true, value: 1n });
  });

  test("amounts with more than one decimal get a format showing them all", async () => {
    const ws = (await load((await scenarioToXlsx(AWKWARD, { language: "da" })).bytes)).worksheets[0]!;
    expect(ws.getCell("D6").numFmt).toBe("#,##0.0");
    expect(ws.getCell("D7").numFmt).toBe("#,##0.0#");
    expect(ws.getCell("E7").numFmt).toBe("#,##0.0#######");
    expect(ws.getCell("H7").numFmt).toBe("#,##0.0#######");
    expect(ws.getCell("D12").numFmt).toBe("#,##0.0#");
  });

  test("an amount no double holds exactly is written as its exact text, not a rounded number", async () => {
    const huge = {
      ...AGREEMENT,
      frame: [],
      lines: [{ key: "h", theme: "T", title: "H", amounts: [{ year: 2024, amount: mio("98765432.98765432") }] }],
    };
    const ws = (await load((await scenarioToXlsx(huge, { language: "da" })).bytes)).worksheets[0]!;
    expect(ws.getCell("D6").value).toBe("98765432.98765432");
    expect(ws.getCell("H6").value).toBe("98765432.98765432");
    // With no frame, the headroom (row 11: theme heading, line, subtotal, blank, total, frame above it) is minus the allocation.
    expect(ws.getCell("D11").value).toBe("-98765432.98765432");
    expect(ws.getCell("E6").value).toBe(0);
  });

  test("sheet names are made valid for Excel", async () => {
    const named = async (scenarioName: string) =>
      (await load((await scenarioToXlsx({ ...AGREEMENT, scenarioName }, { language: "da" })).bytes)).worksheets[0]!.name;
    expect(await named("Plan [udkast]: A/B?")).toBe("Plan udkast A B");
    expect(await named("Et meget langt scenarienavn der bliver ved og ved")).toBe("Et meget langt scenarienavn der");
    expect(await named("''")).toBe("Scenarie");
  });
});

describe("spreadsheetNumber", () => {
  test("is the amount's exact decimal as a number", () => {
    expect(spreadsheetNumber(mio("16.8"))).toBe(16.8);
    expect(spreadsheetNumber(mio("-0.1"))).toBe(-0.1);
    expect(spreadsheetNumber(1n)).toBe(1e-8);
  });

  test("is null when no double prints back as the amount (16 significant digits)", () => {
    // The double nearest to 98765432.98765432 prints as 98765432.98765431.
    expect(spreadsheetNumber(mio("98765432.98765432"))).toBeNull();
  });
});

describe("comparisonToXlsx", () => {
  const comparison = buildComparison(AGREEMENT, [ALTERNATIVE_A, ALTERNATIVE_B]);

  test("a Sammenligning sheet first, then one sheet per scenario", async () => {
    const file = await comparisonToXlsx(comparison, { language: "da" });
    expect(file.fileName).toBe("sammenligning-aftale-2024.xlsx");
    const workbook = await load(file.bytes);
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([
      "Sammenligning",
      "Aftale 2024",
      "Alternativ A",
      "Alternativ B",
    ]);
  });

  test("the comparison sheet has the same rows as the CSV, amounts as numbers", async () => {
    const ws = sheet(await load((await comparisonToXlsx(comparison, { language: "da" })).bytes), "Sammenligning");
    expect(rowValues(ws, 1, 2)).toEqual(["Sammenligning", null]);
    expect(rowValues(ws, 3, 2)).toEqual(["Basis", "Aftale 2024"]);
    expect(rowValues(ws, 4, 3)).toEqual(["Sammenlignet med", "Alternativ A", "Alternativ B"]);
    expect(ws.getCell("D6").value).toBe("Aftale 2024");
    expect(ws.getCell("I6").value).toBe("Alternativ A");
    expect(ws.getCell("T6").value).toBe("Alternativ B");
    expect(rowValues(ws, 7, 19)).toEqual([
      "Nøgle", "Tema", "Initiativ", "2024", "2025", "2026", "2027", "I alt",
      "2024", "Forskel 2024", "2025", "Forskel 2025", "2026", "Forskel 2026", "2027", "Forskel 2027",
      "I alt", "Forskel i alt", "Status",
    ]);
    expect(rowValues(ws, 9, 19)).toEqual([
      "kli", "Klinisk", "Kliniske forsøg, nationalt", 6.6, 8, 1234.5, 0, 1249.1,
      null, -6.6, null, -8, null, -1234.5, null, 0, null, -1249.1, "Fjernet",
    ]);
    expect(rowValues(ws, 10, 19)).toEqual([
      "ny", "Ny", "Nyt initiativ", null, null, null, null, null,
      1, 1, 1, 1, 1, 1, 1, 1, 4, 4, "Tilføjet",
    ]);
    expect(ws.getCell("AD8").value).toBe("Uændret");
    expect(rowValues(ws, 14, 19)).toEqual([
      null, null, "Råderum", -0.1, 9.5, 63, 7.5, 79.9,
      5.5, 5.6, 16, 6.5, 1296.5, 1233.5, 6.5, -1, 1324.5, 1244.6, null,
    ]);
    expect(amountIn(ws, "R12")).toBe(mio("-1244.6"));
  });

  test("scenario names span their column block; header and totals bold; header rows and key columns frozen", async () => {
    const ws = sheet(await load((await comparisonToXlsx(comparison, { language: "da" })).bytes), "Sammenligning");
    // Base block D:H (2024–2027 and I alt), Alternativ A block I:S (4 × 2 + 3 columns).
    expect(ws.getCell("H6").isMerged).toBe(true);
    expect(ws.getCell("H6").master.address).toBe("D6");
    expect(ws.getCell("S6").master.address).toBe("I6");
    expect(ws.getCell("T6").master.address).toBe("T6");
    expect(ws.getCell("AD6").master.address).toBe("T6");
    for (const address of ["D6", "A7", "S7", "C12", "R12", "C14"]) expect(ws.getCell(address).font?.bold, address).toBe(true);
    expect(ws.getCell("J8").font?.bold ?? false).toBe(false);
    expect(ws.getCell("J8").numFmt).toBe("#,##0.0");
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 7 });
  });

  test("each scenario sheet is that scenario in the scenario layout", async () => {
    const ws = sheet(await load((await comparisonToXlsx(comparison, { language: "da" })).bytes), "Alternativ A");
    expect(rowValues(ws, 1, 2)).toEqual(["Scenarie", "Alternativ A"]);
    expect(rowValues(ws, 5, 8)).toEqual(["vmk", "Styrket forskning", AWKWARD_TITLE, 3.5, 3, 2.5, 2.5, 11.5]);
    expect(rowValues(ws, 6, 8)).toEqual(["ny", "Ny", "Nyt initiativ", 1, 1, 1, 1, 4]);
    expect(rowValues(ws, 8, 8)).toEqual([null, null, "I alt", 4.5, 4, 3.5, 3.5, 15.5]);
    expect(rowValues(ws, 10, 8)).toEqual([null, null, "Råderum", 5.5, 16, 1296.5, 6.5, 1324.5]);
  });

  test("English: a Comparison sheet and English statuses, file name comparison-…", async () => {
    const file = await comparisonToXlsx(comparison, { language: "en" });
    expect(file.fileName).toBe("comparison-aftale-2024.xlsx");
    const workbook = await load(file.bytes);
    expect(workbook.worksheets[0]?.name).toBe("Comparison");
    const ws = sheet(workbook, "Comparison");
    expect(ws.getCell("S8").value).toBe("Changed");
    expect(ws.getCell("S9").value).toBe("Removed");
    expect(ws.getCell("S10").value).toBe("Added");
    expect(ws.getCell("AD10").value).toBe("Unchanged");
  });

  test("two scenarios with the same name get distinct sheet names", async () => {
    const twin = { ...ALTERNATIVE_A, scenarioName: "Aftale 2024", scenarioKey: "tvilling" };
    const workbook = await load((await comparisonToXlsx(buildComparison(AGREEMENT, [twin]), { language: "da" })).bytes);
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual(["Sammenligning", "Aftale 2024", "Aftale 2024 (2)"]);
  });
});
