/**
 * CSV export. UTF-8 with a byte order mark (without it Excel reads the file as ANSI and shows
 * "Ã¦" for "æ"), CRLF line ends as Excel writes them, and quoting left to csv-stringify.
 * No "sep=;" hint line: Excel ignores the byte order mark when it sees one.
 */
import { stringify } from "csv-stringify/sync";
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

function sheetToCsvBytes(sheet: Sheet, style: NumberStyle): Uint8Array {
  const records = sheet.rows.map((row) => withoutTrailingEmptyCells(row.cells).map((cell) => cellText(cell, style)));
  const text = stringify(records, { delimiter: CSV_DELIMITER[style], record_delimiter: "\r\n", bom: true });
  return new TextEncoder().encode(text);
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
