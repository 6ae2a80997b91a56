/**
 * XLSX in: a workbook turned into rows of cells for the one sheet reader (scenarioGrid.ts). Formulas
 * give their cached values (what Excel or LibreOffice last calculated), text and errors stay what
 * they are, so the reader can refuse them where an amount belongs.
 *
 * Before exceljs sees the bytes, the zip container is checked without trusting it: the declared
 * unpacked sizes and the number of entries must stay within limits, and every entry is inflated
 * with a cap at its declared size, so a file that lies about its sizes (a decompression bomb) is
 * refused having cost at most the limit. A password-protected workbook is not a zip at all but an
 * encrypted compound file, and is named as such.
 */
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import type { Grid, GridCell, GridRow } from "./grid.ts";
import { findHeader, Locator, type ImportProblem, type ImportProblemCode } from "./scenarioGrid.ts";

/** The limits a workbook must keep to (docs/api.md states them). */
export const XLSX_LIMITS = {
  /** The file itself. */
  fileBytes: 2_500_000,
  /** All entries unpacked together. */
  unpackedBytes: 60_000_000,
  entries: 1_000,
  /** Rows and columns of the sheet read. */
  rows: 50_000,
  columns: 200,
};

export type WorkbookReading = { ok: true; grid: Grid } | { ok: false; problems: ImportProblem[] };

export async function xlsxToGrid(bytes: Uint8Array, limits = XLSX_LIMITS): Promise<WorkbookReading> {
  const located = new Locator(null);
  const refuse = (code: ImportProblemCode, da: string, en: string): WorkbookReading => ({ ok: false, problems: [located.at(0, null, null, code, "ERROR", { da, en })] });
  if (bytes.byteLength > limits.fileBytes) {
    return refuse("FILE_TOO_LARGE", `filen er større end ${limits.fileBytes} bytes.`, `the file is larger than ${limits.fileBytes} bytes.`);
  }
  if (startsWith(bytes, COMPOUND_FILE)) {
    return containsUtf16(bytes, "EncryptionInfo")
      ? refuse("PASSWORD_PROTECTED", "projektmappen er beskyttet med adgangskode; gem den uden adgangskode og prøv igen.", "the workbook is password-protected; save it without a password and try again.")
      : refuse("NOT_A_WORKBOOK", "filen er i det gamle .xls-format; gem den som .xlsx.", "the file is in the old .xls format; save it as .xlsx.");
  }
  if (!startsWith(bytes, ZIP_LOCAL_HEADER)) return refuse("NOT_A_WORKBOOK", "filen er ikke en Excel-projektmappe (.xlsx).", "the file is not an Excel workbook (.xlsx).");
  const container = checkZip(bytes, limits);
  if (container !== null) return refuse(container.code, container.da, container.en);

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    return refuse("CORRUPT", "projektmappen er beskadiget og kan ikke læses.", "the workbook is damaged and cannot be read.");
  }
  const sheets = workbook.worksheets.filter((sheet) => sheet.state === "visible" || sheet.state === undefined);
  if (sheets.length === 0) return refuse("CORRUPT", "projektmappen har ingen ark.", "the workbook has no sheets.");
  let first: Grid | null = null;
  for (const sheet of sheets) {
    if (sheet.rowCount > limits.rows || sheet.columnCount > limits.columns) {
      const where = new Locator(sheet.name);
      return {
        ok: false,
        problems: [
          where.at(0, null, null, "SHEET_TOO_LARGE", "ERROR", {
            da: `arket har ${sheet.rowCount} rækker og ${sheet.columnCount} kolonner; højst ${limits.rows} og ${limits.columns} læses.`,
            en: `the sheet has ${sheet.rowCount} rows and ${sheet.columnCount} columns; at most ${limits.rows} and ${limits.columns} are read.`,
          }),
        ],
      };
    }
    const grid = sheetGrid(sheet);
    first ??= grid;
    // The first sheet with a header row is the scenario (our export's sources sheet has none).
    if (findHeader(grid.rows) !== null) return { ok: true, grid };
  }
  return { ok: true, grid: first! };
}

function sheetGrid(sheet: ExcelJS.Worksheet): Grid {
  const rows: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: GridCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      cells[columnNumber - 1] = gridCell(cell.value);
    });
    for (let index = 0; index < cells.length; index++) cells[index] ??= null;
    rows.push({ row: rowNumber, cells });
  });
  return { sheet: sheet.name, rows };
}

/** exceljs's value of a cell as a grid cell: a formula as its cached result. */
function gridCell(value: ExcelJS.CellValue): GridCell {
  if (value === null || value === undefined) return null;
  // A number as the spreadsheet shows it: at most 15 significant digits, as Excel and LibreOffice
  // display and compare them (a formula's 100 - 98.9 is stored as 1.0999999999999943 and means 1.1).
  if (typeof value === "number") return Number.isFinite(value) ? Number(value.toPrecision(15)) : value;
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return String(value).toUpperCase();
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("error" in value) return { error: String(value.error) };
  if ("formula" in value || "sharedFormula" in value) {
    // exceljs reads a cached 0 (<v>0</v>) back as no result; Excel and LibreOffice always cache one.
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined || result === null ? 0 : gridCell(result as ExcelJS.CellValue);
  }
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("text" in value) return String(value.text);
  return null;
}

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(text, "utf16le"));
}

interface ContainerProblem {
  code: ImportProblemCode;
  da: string;
  en: string;
}

/**
 * Walks the zip's central directory: entry count, declared unpacked sizes, encryption; then inflates
 * each entry capped at its declared size, so the declared sizes are the true ones. Null when fine.
 */
function checkZip(bytes: Uint8Array, limits: typeof XLSX_LIMITS): ContainerProblem | null {
  const corrupt: ContainerProblem = { code: "CORRUPT", da: "projektmappen er beskadiget og kan ikke læses.", en: "the workbook is damaged and cannot be read." };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let offset = bytes.byteLength - 22; offset >= Math.max(0, bytes.byteLength - 22 - 0xffff); offset--) {
    if (view.getUint32(offset, true) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end < 0) return corrupt;
  const entries = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (entries === 0xffff || directoryOffset === 0xffffffff) return corrupt; // ZIP64: no workbook within our size needs it.
  if (entries > limits.entries) {
    return { code: "UNPACKED_TOO_LARGE", da: `projektmappen har ${entries} dele; højst ${limits.entries} læses.`, en: `the workbook has ${entries} parts; at most ${limits.entries} are read.` };
  }
  let unpacked = 0;
  let offset = directoryOffset;
  const parts: Array<{ method: number; compressed: number; size: number; local: number }> = [];
  for (let index = 0; index < entries; index++) {
    if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== 0x02014b50) return corrupt;
    const flags = view.getUint16(offset + 8, true);
    if ((flags & 1) !== 0) return { code: "PASSWORD_PROTECTED", da: "projektmappen er krypteret.", en: "the workbook is encrypted." };
    const part = { method: view.getUint16(offset + 10, true), compressed: view.getUint32(offset + 20, true), size: view.getUint32(offset + 24, true), local: view.getUint32(offset + 42, true) };
    unpacked += part.size;
    parts.push(part);
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  const tooLarge: ContainerProblem = {
    code: "UNPACKED_TOO_LARGE",
    da: `projektmappen fylder mere end ${limits.unpackedBytes} bytes udpakket.`,
    en: `the workbook unpacks to more than ${limits.unpackedBytes} bytes.`,
  };
  if (unpacked > limits.unpackedBytes) return tooLarge;
  for (const part of parts) {
    if (part.local + 30 > bytes.byteLength || view.getUint32(part.local, true) !== 0x04034b50) return corrupt;
    const start = part.local + 30 + view.getUint16(part.local + 26, true) + view.getUint16(part.local + 28, true);
    const data = bytes.subarray(start, start + part.compressed);
    if (data.byteLength !== part.compressed) return corrupt;
    if (part.method === 0) {
      if (part.compressed !== part.size) return corrupt;
      continue;
    }
    if (part.method !== 8) return corrupt;
    try {
      // One byte more than declared: an entry that inflates past its declared size is refused there.
      const inflated = inflateRawSync(data, { maxOutputLength: part.size + 1 });
      if (inflated.byteLength !== part.size) return tooLarge;
    } catch (error) {
      return error instanceof RangeError ? tooLarge : corrupt;
    }
  }
  return null;
}
