/**
 * A sheet as rows of cells: what every import format is turned into before it is read (csvImport.ts
 * makes one from CSV text, xlsxImport.ts from a workbook's sheet), so one reader (scenarioGrid.ts)
 * finds the header, the years, the lines and the totals, and checks every cell the same way.
 */

/** A formula error a spreadsheet stored in a cell ("#REF!", "#DIV/0!"). */
export interface GridError {
  error: string;
}

/**
 * A cell: text as written (CSV, or a text cell of a workbook), a workbook's number (a formula's
 * cached value included), a formula error, or empty.
 */
export type GridCell = string | number | GridError | null;

export interface GridRow {
  /** 1-based row number as the spreadsheet shows it. */
  row: number;
  cells: readonly GridCell[];
}

export interface Grid {
  /** The worksheet's name; null for a CSV file, which has one sheet without a name. */
  sheet: string | null;
  rows: readonly GridRow[];
}

/** The cell as trimmed text: a number as its shortest decimal text, an error as its code, empty as "". */
export function cellText(cell: GridCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return String(cell);
  if (typeof cell === "object") return cell.error;
  return cell.trim();
}

/** "A", "B", … "Z", "AA": the column letters of a 1-based column number. */
export function columnLetters(columnNumber: number): string {
  let letters = "";
  for (let rest = columnNumber; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}
