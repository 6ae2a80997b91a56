/**
 * XLSX export with exceljs. Amounts are numeric cells, so the spreadsheet can sum and chart them.
 * A scenario's computed cells (line totals, theme subtotals, the total and the headroom) are
 * formulas with the server's exact figures cached as their values, so a viewer that never
 * calculates (a mail preview) shows the server's figures, and an edit in Excel or LibreOffice
 * recalculates. Every text cell goes through neutralizeFormula (safeText.ts).
 */
import ExcelJS from "exceljs";
import { formatDanishAmount, formatMio, type Oere } from "@ramme/domain";
import { amountNumberFormat, spreadsheetNumber } from "./amountText.ts";
import { buildFileName, XLSX_CONTENT_TYPE } from "./fileNames.ts";
import { LABELS } from "./labels.ts";
import { paceEvery } from "../cooperative.ts";
import { pacedWorkbookBytes } from "./pacedXlsx.ts";
import { neutralizeFormula, withoutFormulaStart } from "./safeText.ts";
import { comparisonSheet, scenarioSheet, type Sheet, type SheetCell } from "./sheets.ts";
import type { ExchangeLabels } from "./labels.ts";
import type { ComparisonExport, ExportFile, ScenarioExport, XlsxExportOptions } from "./types.ts";

/**
 * The spreadsheet library the files are written with, for code that reads them back (the tests,
 * a later XLSX import) with the very same version.
 */
export { ExcelJS };

export async function scenarioToXlsx(data: ScenarioExport, options: XlsxExportOptions): Promise<ExportFile> {
  const labels = LABELS[options.language];
  const workbook = newWorkbook();
  const sheetNames = new SheetNames();
  await addSheet(workbook, sheetNames.claim(data.scenarioName, labels.scenario), scenarioSheet(data, labels, { themeRows: true }), options.signal);
  if (data.lines.some((line) => line.sources !== undefined)) await addSheet(workbook, sheetNames.claim(labels.sources, labels.sources), sourcesSheet(data, labels), options.signal);
  return {
    fileName: buildFileName(data.scenarioName, labels.fallbackFileName, "xlsx"),
    contentType: XLSX_CONTENT_TYPE,
    bytes: await workbookBytes(workbook, options.signal),
  };
}

/** A "Sammenligning" sheet first, then one sheet per scenario (the base first) in the scenario layout. */
export async function comparisonToXlsx(data: ComparisonExport, options: XlsxExportOptions): Promise<ExportFile> {
  const labels = LABELS[options.language];
  const workbook = newWorkbook();
  const sheetNames = new SheetNames();
  await addSheet(workbook, sheetNames.claim(labels.comparison, labels.comparison), comparisonSheet(data, labels), options.signal);
  for (const scenario of [data.base, ...data.others]) {
    await addSheet(workbook, sheetNames.claim(scenario.scenarioName, labels.scenario), scenarioSheet(scenario, labels), options.signal);
  }
  return {
    fileName: buildFileName(`${labels.comparisonFilePrefix}-${data.base.scenarioName}`, labels.comparisonFilePrefix, "xlsx"),
    contentType: XLSX_CONTENT_TYPE,
    bytes: await workbookBytes(workbook, options.signal),
  };
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Ramme";
  return workbook;
}

/** The workbook's bytes, taking turns on the event loop while exceljs writes them (pacedXlsx.ts). */
async function workbookBytes(workbook: ExcelJS.Workbook, signal?: AbortSignal): Promise<Uint8Array> {
  const buffer = await pacedWorkbookBytes(workbook, signal);
  // A Node Buffer (exceljs's StreamBuf): copy into a plain Uint8Array.
  return new Uint8Array(buffer);
}

const BOLD: Partial<ExcelJS.Font> = { bold: true };
/** Widths in characters. exceljs leaves a width of exactly 9 (its default) unwritten, so the minimum is above it. */
const MIN_COLUMN_WIDTH = 10;
const MAX_COLUMN_WIDTH = 60;
const COLUMN_MARGIN = 3;

/**
 * Writes the sheet's cells into the workbook, taking turns (cooperative.ts) every 256 rows: a
 * 5,000-line sheet's cells held the event loop for seconds in one go.
 */
async function addSheet(workbook: ExcelJS.Workbook, name: string, sheet: Sheet, signal?: AbortSignal): Promise<void> {
  const headerRowNumber = sheet.rows.findIndex((row) => row.kind === "header") + 1;
  const worksheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: sheet.frozenColumns, ySplit: headerRowNumber }],
  });
  const amountColumns = new Set<number>();
  sheet.rows.forEach((row) =>
    row.cells.forEach((cell, column) => {
      if (cell !== null && typeof cell !== "string") amountColumns.add(column);
    }),
  );

  for (const [rowIndex, row] of sheet.rows.entries()) {
    await paceEvery(rowIndex, signal);
    const bold = row.kind !== "title" && row.kind !== "line" && row.kind !== "blank";
    row.cells.forEach((value, columnIndex) => {
      if (value === null) return;
      const cell = worksheet.getCell(rowIndex + 1, columnIndex + 1);
      if (typeof value === "string") cell.value = neutralizeFormula(value);
      else writeAmount(cell, value);
      if (bold) cell.font = BOLD;
      if (row.kind === "header" && amountColumns.has(columnIndex)) cell.alignment = { horizontal: "right" };
    });
    if (row.kind === "group") mergeGroupCells(worksheet, rowIndex + 1, row.cells, sheet.columnCount);
  }

  const widths = await columnWidths(sheet, signal);
  widths.forEach((width, columnIndex) => {
    worksheet.getColumn(columnIndex + 1).width = width;
  });
}

/**
 * An amount as a number cell, or a formula with the amount as its cached result. In the rare case
 * no double holds it exactly (a sum beyond 15 significant digits), it is written as its exact text
 * instead of a rounded number (a computed cell then too, as text rather than a formula).
 */
function writeAmount(cell: ExcelJS.Cell, amountCell: Exclude<SheetCell, string | null>): void {
  const amount = typeof amountCell === "bigint" ? amountCell : amountCell.value;
  const value = spreadsheetNumber(amount);
  if (value === null) {
    cell.value = formatMio(amount);
    cell.alignment = { horizontal: "right" };
    return;
  }
  cell.value = typeof amountCell === "bigint" ? value : { formula: amountCell.formula, result: value, date1904: false };
  cell.numFmt = amountNumberFormat(amount);
}

/** Every line's sources, one row per source: the document, where in it, and the quote. */
function sourcesSheet(data: ScenarioExport, labels: ExchangeLabels): Sheet {
  const header = [labels.key, labels.initiative, labels.document, labels.section, labels.paragraph, labels.initiativeNumber, labels.recommendation, labels.quote];
  const rows: Sheet["rows"][number][] = [{ kind: "header", cells: header }];
  for (const line of data.lines) {
    for (const source of line.sources ?? []) {
      rows.push({
        kind: "line",
        cells: [
          line.key,
          line.title,
          source.document,
          source.section,
          source.paragraph === undefined ? null : String(source.paragraph),
          source.initiativeNumber ?? null,
          source.recommendation === undefined ? null : String(source.recommendation),
          source.quote ?? null,
        ],
      });
    }
  }
  return { rows, columnCount: header.length, frozenColumns: 2 };
}

/** Each scenario name in the group row spans its block of columns (up to the next name). */
function mergeGroupCells(worksheet: ExcelJS.Worksheet, rowNumber: number, cells: readonly SheetCell[], columnCount: number): void {
  const starts = cells.flatMap((cell, column) => (cell === null ? [] : [column]));
  starts.forEach((start, index) => {
    const end = (starts[index + 1] ?? columnCount) - 1;
    if (end > start) worksheet.mergeCells(rowNumber, start + 1, rowNumber, end + 1);
    worksheet.getCell(rowNumber, start + 1).alignment = { horizontal: "center" };
  });
}

/**
 * Each column wide enough for its longest header or figure (title and group rows do not count),
 * within bounds: one pass over the rows, taking turns every 256.
 */
async function columnWidths(sheet: Sheet, signal?: AbortSignal): Promise<number[]> {
  const longest = Array.from({ length: sheet.columnCount }, () => 0);
  for (const [rowIndex, row] of sheet.rows.entries()) {
    await paceEvery(rowIndex, signal);
    if (row.kind === "title" || row.kind === "group") continue;
    for (let columnIndex = 0; columnIndex < sheet.columnCount; columnIndex++) {
      const cell = row.cells[columnIndex];
      if (cell === null || cell === undefined) continue;
      const text = typeof cell === "string" ? cell : formatDanishAmount(typeof cell === "bigint" ? cell : cell.value, { minDecimals: 1 });
      longest[columnIndex] = Math.max(longest[columnIndex]!, text.length);
    }
  }
  return longest.map((length) => Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, length + COLUMN_MARGIN)));
}

/**
 * Hands out valid, distinct worksheet names: Excel allows at most 31 characters, none of
 * `[ ] : * ? / \`, no apostrophe at either end, not "History", and no two names equal ignoring case.
 */
class SheetNames {
  private readonly taken = new Set<string>();

  claim(wanted: string, fallback: string): string {
    const cleaned = withoutFormulaStart(wanted.replace(/[[\]:*?/\\]/g, " ").replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "").trim());
    let base = (cleaned === "" ? fallback : cleaned).slice(0, 31).trim();
    if (base.toLowerCase() === "history") base = `${base} 1`;
    let name = base;
    for (let copy = 2; this.taken.has(name.toLowerCase()); copy++) {
      const suffix = ` (${copy})`;
      name = `${base.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
    }
    this.taken.add(name.toLowerCase());
    return name;
  }
}
