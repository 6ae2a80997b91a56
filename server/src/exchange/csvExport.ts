/**
 * CSV export. UTF-8 with a byte order mark (without it Excel reads the file as ANSI and shows
 * "Ã¦" for "æ"), CRLF line ends as Excel writes them, and quoting left to csv-stringify.
 * No "sep=;" hint line: Excel ignores the byte order mark when it sees one.
 */
import { stringify } from "csv-stringify/sync";
import { pace } from "../cooperative.ts";
import { formatAmountText } from "./amountText.ts";
import { buildFileName, CSV_CONTENT_TYPE } from "./fileNames.ts";
import { LABELS } from "./labels.ts";
import { neutralizeFormula } from "./safeText.ts";
import { comparisonSheet, scenarioSheet, type Sheet, type SheetCell } from "./sheets.ts";
import type { ComparisonExport, CsvExportOptions, ExportFile, NumberStyle, ScenarioExport } from "./types.ts";

/** The field delimiter that goes with each number style: ";" where "," is the decimal comma. */
export const CSV_DELIMITER: Record<NumberStyle, string> = { DANISH: ";", API: "," };

export function scenarioToCsv(data: ScenarioExport, options: CsvExportOptions): ExportFile {
  const labels = LABELS[options.language];
  return {
    fileName: buildFileName(data.scenarioName, labels.fallbackFileName, "csv"),
    contentType: CSV_CONTENT_TYPE,
    bytes: sheetToCsvBytes(scenarioSheet(data, labels), options.numberStyle),
  };
}

export function comparisonToCsv(data: ComparisonExport, options: CsvExportOptions): ExportFile {
  const labels = LABELS[options.language];
  return {
    fileName: buildFileName(`${labels.comparisonFilePrefix}-${data.base.scenarioName}`, labels.comparisonFilePrefix, "csv"),
    contentType: CSV_CONTENT_TYPE,
    bytes: sheetToCsvBytes(comparisonSheet(data, labels), options.numberStyle),
  };
}

/**
 * The same file as scenarioToCsv, written in parts of CHUNK_ROWS rows with a turn on the event loop
 * (cooperative.ts) between them: a 5,000-line scenario's file held the loop for about a second in one go.
 */
export async function scenarioToCsvPaced(data: ScenarioExport, options: CsvExportOptions & { signal?: AbortSignal }): Promise<ExportFile> {
  const labels = LABELS[options.language];
  return {
    fileName: buildFileName(data.scenarioName, labels.fallbackFileName, "csv"),
    contentType: CSV_CONTENT_TYPE,
    bytes: await pacedBytes(csvParts(scenarioSheet(data, labels), options.numberStyle), options.signal),
  };
}

/** The same file as comparisonToCsv, written in parts with turns between them (scenarioToCsvPaced). */
export async function comparisonToCsvPaced(data: ComparisonExport, options: CsvExportOptions & { signal?: AbortSignal }): Promise<ExportFile> {
  const labels = LABELS[options.language];
  return {
    fileName: buildFileName(`${labels.comparisonFilePrefix}-${data.base.scenarioName}`, labels.comparisonFilePrefix, "csv"),
    contentType: CSV_CONTENT_TYPE,
    bytes: await pacedBytes(csvParts(comparisonSheet(data, labels), options.numberStyle), options.signal),
  };
}

/** Rows per part of a file written in parts. */
const CHUNK_ROWS = 500;

function sheetToCsvBytes(sheet: Sheet, style: NumberStyle): Uint8Array {
  return joinBytes([...csvParts(sheet, style)]);
}

/**
 * The file's bytes in parts of CHUNK_ROWS rows. Each record ends with the record delimiter and is
 * quoted on its own, so the parts joined are the very bytes of one stringify over all rows; only
 * the first carries the byte order mark.
 */
function* csvParts(sheet: Sheet, style: NumberStyle): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  for (let start = 0; start === 0 || start < sheet.rows.length; start += CHUNK_ROWS) {
    const records = sheet.rows.slice(start, start + CHUNK_ROWS).map((row) => withoutTrailingEmptyCells(row.cells).map((cell) => cellText(cell, style)));
    yield encoder.encode(stringify(records, { delimiter: CSV_DELIMITER[style], record_delimiter: "\r\n", bom: start === 0 }));
  }
}

async function pacedBytes(parts: Iterable<Uint8Array>, signal?: AbortSignal): Promise<Uint8Array> {
  const written: Uint8Array[] = [];
  for (const part of parts) {
    written.push(part);
    await pace(signal);
  }
  return joinBytes(written);
}

function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  return new Uint8Array(Buffer.concat(parts));
}

function cellText(cell: SheetCell, style: NumberStyle): string {
  if (cell === null) return "";
  if (typeof cell === "bigint") return formatAmountText(cell, style);
  if (typeof cell === "object") return formatAmountText(cell.value, style);
  return neutralizeFormula(cell);
}

/** A row ends at its last filled cell, as the layout shows it (no run of ";;;" padding it to the widest row). */
function withoutTrailingEmptyCells(cells: readonly SheetCell[]): readonly SheetCell[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === null) end--;
  return cells.slice(0, end);
}
