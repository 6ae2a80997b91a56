/**
 * Reads a scenario back from a CSV file in the scenario layout (see sheets.ts), as a person may have
 * edited it in Excel and saved it: delimiter ";", "," or tab, with or without byte order mark, CRLF
 * or LF, Danish or API numbers. Only the keys and the year cells are read; titles, themes and the
 * computed "I alt" column and rows are not (the server owns those). Every problem is collected, each
 * naming its row and column, so a person can fix the file in one go. Initiative keys are not checked
 * against the database here, and amounts not against the frame's precision: the server does both,
 * as for any edit.
 */
import { parse } from "csv-parse/sync";
import { AMOUNT_CEILING, MAX_MIO_DECIMALS, parseDanishAmount, parseMio, type Oere, type Parsed } from "@ramme/domain";
import { KEY_HEADERS, PRICE_LEVEL_TITLES } from "./labels.ts";
import type { NumberStyle } from "./types.ts";

/** One amount read from the file. */
export interface ImportedCell {
  /** 1-based row in the file, as a spreadsheet numbers it (the line number, unless a quoted cell spans lines). */
  row: number;
  /** The column's header text, e.g. "2025". */
  column: string;
  initiativeId: string;
  year: number;
  /** The cell as written in the file. */
  text: string;
  amount: Oere;
}

export interface ImportedLine {
  initiativeId: string;
  row: number;
  /** One cell per frame year, in the order of `years` given to the parser. */
  cells: ImportedCell[];
}

/**
 * NO_HEADER … EMPTY_KEY as agreed for the API; two more for files that cannot be read as meant:
 * DUPLICATE_YEAR_COLUMN (a year's column appears twice, so it is unclear which holds the amounts) and
 * MALFORMED_CSV (the text is not CSV at all, e.g. a quoted cell that never ends); and OTHER_PRICE_LEVEL
 * (an export shown in another price level: its amounts are not the stored ones, so reading them back
 * would change every figure).
 */
export type ImportProblemCode =
  | "NO_HEADER"
  | "UNKNOWN_YEAR_COLUMN"
  | "MISSING_YEAR_COLUMN"
  | "DUPLICATE_YEAR_COLUMN"
  | "DUPLICATE_LINE"
  | "EMPTY"
  | "NOT_A_NUMBER"
  | "AMBIGUOUS"
  | "TOO_PRECISE"
  | "TOO_LARGE"
  | "NEGATIVE"
  | "EMPTY_KEY"
  | "MALFORMED_CSV"
  | "OTHER_PRICE_LEVEL";

export interface ImportProblem {
  /** 1-based row the problem is in; 0 when it concerns no single row (NO_HEADER). */
  row: number;
  /** Header text of the column the problem is in, or null for a problem with a whole row or file. */
  column: string | null;
  code: ImportProblemCode;
  /** Danish, for people. */
  message: string;
  messageEn: string;
  /** The offending cell's text, when there is one. */
  text?: string;
}

export type ImportResult = { ok: true; lines: ImportedLine[] } | { ok: false; problems: ImportProblem[] };

export interface ImportOptions {
  /** The frame's years: the file must have exactly these year columns. */
  years: readonly number[];
  /**
   * How amounts are written. AUTO: DANISH for a ";" file, API for a "," file; for a tab file
   * (Excel's "Unicode text"), DANISH if any amount contains a ",", since API amounts never do and
   * a Danish Excel writes decimal commas.
   */
  numberStyle: NumberStyle | "AUTO";
}

type Delimiter = ";" | "," | "\t";

interface YearColumn {
  index: number;
  header: string;
  year: number;
}

export function parseScenarioCsv(text: string, options: ImportOptions): ImportResult {
  const content = text.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(content);
  if (delimiter === null) return { ok: false, problems: [noHeaderProblem()] };

  let records: string[][];
  try {
    records = parse(content, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (error) {
    return { ok: false, problems: [malformedProblem(error)] };
  }

  const headerIndex = records.findIndex((record) => isKeyHeader(record[0]));
  const header = records[headerIndex];
  if (header === undefined) return { ok: false, problems: [noHeaderProblem()] };
  const headerRow = headerIndex + 1;
  const priceLevelIndex = records.slice(0, headerIndex).findIndex((record) => PRICE_LEVEL_TITLES.includes(record[0]?.trim() ?? ""));
  if (priceLevelIndex >= 0) return { ok: false, problems: [otherPriceLevelProblem(priceLevelIndex + 1, records[priceLevelIndex]![1]?.trim() ?? "")] };
  const keyColumn = header[0]?.trim() ?? "";

  const problems: ImportProblem[] = [];
  const yearColumns = readYearColumns(header, headerRow, options.years, problems);
  const lineRecords = records.slice(headerIndex + 1).map((cells, offset) => ({ row: headerRow + 1 + offset, cells }));
  const style = resolveNumberStyle(options.numberStyle, delimiter, lineRecords, yearColumns);

  const lines: ImportedLine[] = [];
  const rowOfKey = new Map<string, number>();
  let pastLines = false;
  for (const { row, cells } of lineRecords) {
    if (cells.every((cell) => cell.trim() === "")) {
      pastLines = true;
      continue;
    }
    const initiativeId = keyFromCell(cells[0] ?? "");
    if (initiativeId === "") {
      // Below the first blank row, keyless rows are the computed total, frame and headroom rows.
      if (!pastLines) problems.push(problem(row, keyColumn, "EMPTY_KEY"));
      continue;
    }
    const firstRow = rowOfKey.get(initiativeId);
    if (firstRow !== undefined) problems.push(problem(row, keyColumn, "DUPLICATE_LINE", { text: initiativeId, firstRow }));
    else rowOfKey.set(initiativeId, row);

    const importedCells: ImportedCell[] = [];
    for (const column of yearColumns) {
      const cellText = cells[column.index] ?? "";
      const parsed = parseAmount(cellText, style);
      if (parsed.ok) {
        importedCells.push({ row, column: column.header, initiativeId, year: column.year, text: cellText, amount: parsed.value });
      } else {
        problems.push(problem(row, column.header, parsed.code, { text: cellText }));
      }
    }
    // Cells in the order of the frame's years, whatever the file's column order.
    importedCells.sort((left, right) => options.years.indexOf(left.year) - options.years.indexOf(right.year));
    if (firstRow === undefined) lines.push({ initiativeId, row, cells: importedCells });
  }

  return problems.length > 0 ? { ok: false, problems } : { ok: true, lines };
}

/** The delimiter is the character right after the first cell of the header row ("Nøgle;…", "\"Key\",…"). */
function detectDelimiter(content: string): Delimiter | null {
  for (const physicalLine of content.split(/\r\n|\n|\r/)) {
    const match = /^ *"? *([^";,\t]*?) *"? *([;,\t])/.exec(physicalLine);
    if (match && isKeyHeader(match[1])) return match[2] as Delimiter;
  }
  return null;
}

function isKeyHeader(cell: string | undefined): boolean {
  const text = cell?.normalize("NFC").trim().toLowerCase();
  return text !== undefined && KEY_HEADERS.some((header) => header.toLowerCase() === text);
}

/**
 * Finds the year columns (headers of four digits). Other headers (theme, initiative, "I alt", a
 * comment column someone added) are not read.
 */
function readYearColumns(header: readonly string[], headerRow: number, years: readonly number[], problems: ImportProblem[]): YearColumn[] {
  const columns: YearColumn[] = [];
  header.forEach((cell, index) => {
    const text = cell.trim();
    if (index === 0 || !/^\d{4}$/.test(text)) return;
    const year = Number(text);
    if (!years.includes(year)) problems.push(problem(headerRow, text, "UNKNOWN_YEAR_COLUMN", { years }));
    else if (columns.some((column) => column.year === year)) problems.push(problem(headerRow, text, "DUPLICATE_YEAR_COLUMN"));
    else columns.push({ index, header: text, year });
  });
  for (const year of years) {
    if (!columns.some((column) => column.year === year)) problems.push(problem(headerRow, String(year), "MISSING_YEAR_COLUMN"));
  }
  return columns;
}

function resolveNumberStyle(
  requested: NumberStyle | "AUTO",
  delimiter: Delimiter,
  lineRecords: ReadonlyArray<{ cells: readonly string[] }>,
  yearColumns: readonly YearColumn[],
): NumberStyle {
  if (requested !== "AUTO") return requested;
  if (delimiter === ";") return "DANISH";
  if (delimiter === ",") return "API";
  const anyDecimalComma = lineRecords.some(({ cells }) => yearColumns.some((column) => cells[column.index]?.includes(",")));
  return anyDecimalComma ? "DANISH" : "API";
}

/** The key cell, trimmed, without the apostrophe the export puts before text that looks like a formula. */
function keyFromCell(cell: string): string {
  const key = cell.trim();
  return /^'[=+\-@]/.test(key) ? key.slice(1) : key;
}

const LONE_DASH = /^[-\u2013\u2014\u2212]$/;

type AmountCheck = { ok: true; value: Oere } | { ok: false; code: "EMPTY" | "NOT_A_NUMBER" | "AMBIGUOUS" | "TOO_PRECISE" | "TOO_LARGE" | "NEGATIVE" };

function parseAmount(text: string, style: NumberStyle): AmountCheck {
  let parsed: Parsed<Oere>;
  if (style === "DANISH") parsed = parseDanishAmount(text);
  else parsed = LONE_DASH.test(text.trim()) ? { ok: true, value: 0n } : parseMio(text);
  if (!parsed.ok) return { ok: false, code: parsed.error.code };
  if (parsed.value < 0n) return { ok: false, code: "NEGATIVE" };
  if (parsed.value > AMOUNT_CEILING) return { ok: false, code: "TOO_LARGE" };
  return parsed;
}

interface ProblemDetails {
  text?: string;
  firstRow?: number;
  years?: readonly number[];
}

/** Problems tied to a row and a column; NO_HEADER and MALFORMED_CSV concern the whole file and are built apart. */
type CellProblemCode = Exclude<ImportProblemCode, "NO_HEADER" | "MALFORMED_CSV" | "OTHER_PRICE_LEVEL">;

function problem(row: number, column: string, code: CellProblemCode, details: ProblemDetails = {}): ImportProblem {
  const { message, messageEn } = describe(code, column, details);
  const where = { da: `Række ${row}, kolonne ${column}`, en: `Row ${row}, column ${column}` };
  const found: ImportProblem = {
    row,
    column,
    code,
    message: `${where.da}: ${message}`,
    messageEn: `${where.en}: ${messageEn}`,
  };
  if (details.text !== undefined) found.text = details.text;
  return found;
}

function describe(code: CellProblemCode, column: string, details: ProblemDetails): { message: string; messageEn: string } {
  const quoted = JSON.stringify(details.text ?? "");
  switch (code) {
    case "UNKNOWN_YEAR_COLUMN": {
      const years = (details.years ?? []).join(", ");
      return {
        message: `${column} er ikke et af rammens år (${years}).`,
        messageEn: `${column} is not one of the frame's years (${years}).`,
      };
    }
    case "MISSING_YEAR_COLUMN":
      return { message: `kolonnen for ${column} mangler.`, messageEn: `the column for ${column} is missing.` };
    case "DUPLICATE_YEAR_COLUMN":
      return {
        message: `året ${column} har mere end én kolonne.`,
        messageEn: `the year ${column} has more than one column.`,
      };
    case "DUPLICATE_LINE":
      return {
        message: `nøglen ${quoted} står allerede i række ${details.firstRow}.`,
        messageEn: `the key ${quoted} is already in row ${details.firstRow}.`,
      };
    case "EMPTY_KEY":
      return {
        message: "rækken har indhold, men ingen nøgle.",
        messageEn: "the row has content but no key.",
      };
    case "EMPTY":
      return { message: "cellen er tom (skriv 0 eller - for nul).", messageEn: "the cell is empty (write 0 or - for zero)." };
    case "NOT_A_NUMBER":
      return { message: `${quoted} er ikke et beløb i mio. kr.`, messageEn: `${quoted} is not an amount in mio. kr.` };
    case "AMBIGUOUS":
      return {
        message: `${quoted} kan læses som tusinder eller som decimaler; skriv 2000 eller 2.000,0 for to tusind, 2,0 for to.`,
        messageEn: `${quoted} reads as thousands or as decimals; write 2000 or 2.000,0 for two thousand, 2,0 for two.`,
      };
    case "TOO_PRECISE":
      return {
        message: `${quoted} har flere end ${MAX_MIO_DECIMALS} decimaler (1 øre er 0,00000001 mio. kr.).`,
        messageEn: `${quoted} has more than ${MAX_MIO_DECIMALS} decimals (1 øre is 0.00000001 mio. kr.).`,
      };
    case "TOO_LARGE":
      return {
        message: `${quoted} er større end noget beløb kan være (højst 1.000.000 mio. kr.).`,
        messageEn: `${quoted} is larger than any amount can be (at most 1,000,000 mio. kr.).`,
      };
    case "NEGATIVE":
      return { message: `${quoted} er negativt; et beløb er 0 eller mere.`, messageEn: `${quoted} is negative; an amount is 0 or more.` };

  }
}

function noHeaderProblem(): ImportProblem {
  return {
    row: 0,
    column: null,
    code: "NO_HEADER",
    message: 'Filen har ingen overskriftsrække: ingen række begynder med "Nøgle" (eller "Key") efterfulgt af ";", "," eller tabulator.',
    messageEn: 'The file has no header row: no row starts with "Key" (or "Nøgle") followed by ";", "," or a tab.',
  };
}

function otherPriceLevelProblem(row: number, label: string): ImportProblem {
  return {
    row,
    column: null,
    code: "OTHER_PRICE_LEVEL",
    text: label,
    message: `Række ${row}: filen er vist i ${label}, ikke i rammens eget prisniveau; indlæs en fil eksporteret i rammens prisniveau.`,
    messageEn: `Row ${row}: the file is shown in ${label}, not in the frame's own price level; import a file exported in the frame's price level.`,
  };
}

/** csv-parse refuses only what no spreadsheet writes, e.g. a quoted cell that never ends; it tells the line it got to. */
function malformedProblem(error: unknown): ImportProblem {
  const line = typeof error === "object" && error !== null && "lines" in error && typeof error.lines === "number" ? error.lines : 0;
  const detail = error instanceof Error ? error.message : String(error);
  return {
    row: line,
    column: null,
    code: "MALFORMED_CSV",
    message: `Filen kan ikke læses som CSV (omkring række ${line}); tjek at hvert anførselstegn (") har sin partner.`,
    messageEn: `The file cannot be read as CSV (around row ${line}): ${detail}`,
  };
}
