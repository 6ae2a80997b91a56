/**
 * Reads a scenario from a sheet's rows of cells, whatever file they came from (CSV or a workbook's
 * sheet, see grid.ts): finds the header row (a key or initiative column beside year columns, in
 * any order), reads every line's amounts, recognises the computed rows our export writes (theme
 * subtotals, total, frame, headroom) and checks them instead of taking them as lines. Every problem
 * is collected, each located at its sheet, row and column, so a person can fix the file in one go.
 * Initiatives are not looked up here, and amounts are not checked against the frame's precision:
 * the server does both (engine/fileImport.ts).
 */
import { AMOUNT_CEILING, formatDanishAmount, formatMio, MAX_MIO_DECIMALS, parseDanishAmount, parseMio, sumOere, type Oere, type Parsed } from "@ramme/domain";
import { oereFromSpreadsheetNumber } from "./amountText.ts";
import { cellText, columnLetters, type Grid, type GridCell, type GridRow } from "./grid.ts";
import { FRAME_ROW_TITLES, HEADROOM_ROW_TITLES, INITIATIVE_HEADERS, KEY_HEADERS, PRICE_LEVEL_TITLES, THEME_HEADERS, TOTAL_ROW_TITLES } from "./labels.ts";
import { restoreNeutralized } from "./safeText.ts";
import type { NumberStyle } from "./types.ts";

/** One amount read from the file. */
export interface ImportedCell {
  /** 1-based row in the sheet, as a spreadsheet numbers it. */
  row: number;
  /** The column's header text, e.g. "2025". */
  column: string;
  /** 1-based column number (A is 1). */
  columnNumber: number;
  year: number;
  /** The cell as written in the file. */
  text: string;
  amount: Oere;
}

/** A row that is a line: an initiative by its key, or by its title when the row has no key. */
export interface ImportedLine {
  row: number;
  /** The key column's text, or null when the sheet has no key column or the cell is empty. */
  key: string | null;
  title: string | null;
  /** The theme column's text, or else the theme heading the row stands under; null when neither. */
  theme: string | null;
  /** One cell per frame year, in the order of `years` given to the reader. */
  cells: ImportedCell[];
}

/**
 * Every problem an import can report, with what it means. The sheet reader finds the file's own
 * problems; the file readers (CSV, XLSX) the container's; the server those that need the database
 * (engine/fileImport.ts). ERROR refuses the import; WARNING is shown in a preview and does not (a
 * subtotal that no longer adds up, for instance, after an edit in a program that does not recalculate).
 */
export const IMPORT_PROBLEM_CODES = {
  FILE_TOO_LARGE: "The file is larger than an import takes.",
  NOT_A_WORKBOOK: "The file is not an .xlsx workbook (or is the old .xls format).",
  PASSWORD_PROTECTED: "The workbook is encrypted with a password.",
  CORRUPT: "The workbook is damaged: its zip container or its XML cannot be read.",
  UNPACKED_TOO_LARGE: "The workbook unpacks to more bytes or parts than allowed (a decompression-bomb guard).",
  SHEET_TOO_LARGE: "The sheet has more rows or columns than an import reads.",
  MALFORMED_CSV: "The text cannot be read as CSV (e.g. a quoted cell that never ends).",
  NO_HEADER: "No row has a key or initiative column together with year columns.",
  OTHER_PRICE_LEVEL: "The file was exported in another price level than the frame's.",
  UNKNOWN_YEAR_COLUMN: "A year column is not one of the frame's years.",
  MISSING_YEAR_COLUMN: "A frame year has no column.",
  DUPLICATE_YEAR_COLUMN: "A year has more than one column.",
  DUPLICATE_LINE: "The same initiative is in more than one row.",
  EMPTY_KEY: "A row has amounts but neither key nor initiative title.",
  NOT_A_NUMBER: "An amount cell holds text that is not a number.",
  FORMULA_ERROR: "An amount cell holds a spreadsheet error such as #REF!.",
  AMBIGUOUS: 'An amount could be read two ways ("2.000": two thousand or two).',
  TOO_PRECISE: "An amount has more decimals than the frame allows.",
  TOO_LARGE: "An amount is above the ceiling for any allocation.",
  NEGATIVE: "An amount is negative.",
  UNKNOWN_INITIATIVE: "The row's key names no initiative the caller may see.",
  UNCONFIRMED_MATCH: "No initiative has the row's title, but one has a close title: confirm it (or take the row as a new proposal) with lineChoices.",
  UNKNOWN_THEME: "A new proposal line needs a theme, and the row's theme names none.",
  TOTAL_MISMATCH: "A subtotal, total or headroom row does not add up to the file's lines (warning; the lines are imported).",
  FRAME_DIFFERS: "The file's frame row differs from the frame (warning; the frame is not imported).",
  NO_YEARS: "A baseline's table has no year columns.",
  YEARS_NOT_CONSECUTIVE: "A baseline's year columns are not one consecutive range (2025, 2026, … without gaps).",
  DUPLICATE_TITLE: "Two lines under the same theme of a baseline's table have the same title.",
  MISSING_AMOUNT: "A year of a new frame has no amount (the frame row, or the frame given with the import, lacks it).",
  NOT_POSITIVE: "A frame amount is zero or negative.",
  NAME_TAKEN: "A new frame's name is used by another frame already.",
  FRAME_ARCHIVED: "The frame the baseline is for is archived.",
} as const;

export type ImportProblemCode = keyof typeof IMPORT_PROBLEM_CODES;

export type ImportSeverity = "ERROR" | "WARNING";

export interface ImportProblem {
  /** The worksheet, or null for a CSV file. */
  sheet: string | null;
  /** 1-based row the problem is in; 0 when it concerns no single row (NO_HEADER). */
  row: number;
  /** Header text of the column the problem is in, or null for a problem with a whole row or file. */
  column: string | null;
  /** 1-based column number, or null with `column`. */
  columnNumber: number | null;
  code: ImportProblemCode;
  severity: ImportSeverity;
  /** Danish, for people. */
  message: string;
  messageEn: string;
  /** The offending cell's text, when there is one. */
  text?: string;
}

/** A computed row of the file: what it says per year, for checking, never imported. */
export interface SummaryRow {
  kind: "SUBTOTAL" | "TOTAL" | "FRAME" | "HEADROOM";
  row: number;
  amounts: Map<number, { amount: Oere; columnNumber: number; column: string }>;
}

export interface SheetReading {
  lines: ImportedLine[];
  /** The file's frame row per year, when it has one (the server compares it with the frame). */
  frame: SummaryRow | null;
  problems: ImportProblem[];
  /** The file's total row ("I alt" outside any theme), when it has one: a baseline stores it as printed. */
  total?: SummaryRow | null;
  /** With `headings`: rows of text without amounts below the lines (a table's footnotes), in order. */
  notes?: Array<{ row: number; text: string }>;
}

export interface ReadOptions {
  /** The frame's years: the sheet must have exactly these year columns (in any order). */
  years: readonly number[];
  /** How amounts written as text are read (a workbook's number cells are numbers either way). */
  numberStyle: NumberStyle;
  /**
   * A printed table's layout (a baseline's workbook): a row with only a title and no amounts is a
   * theme heading while the lines last, and a note below them (after a blank row or the total);
   * lines are one per title within a theme, not within the sheet.
   */
  headings?: boolean;
}

interface YearColumn {
  index: number;
  header: string;
  year: number;
}

interface Header {
  index: number;
  key: number | null;
  title: number | null;
  theme: number | null;
}

const HEADER_TEXTS = { key: KEY_HEADERS, title: INITIATIVE_HEADERS, theme: THEME_HEADERS };

/** Whether a row is the header: a key or initiative column and at least one year. */
export function findHeader(rows: readonly GridRow[]): Header | null {
  for (const [index, row] of rows.entries()) {
    const columnOf = (names: readonly string[]) => {
      const found = row.cells.findIndex((cell) => typeof cell === "string" && names.some((name) => name.toLowerCase() === cell.normalize("NFC").trim().toLowerCase()));
      return found < 0 ? null : found;
    };
    const key = columnOf(HEADER_TEXTS.key);
    const title = columnOf(HEADER_TEXTS.title);
    if ((key !== null || title !== null) && row.cells.some((cell) => yearOf(cell) !== null)) return { index, key, title, theme: columnOf(HEADER_TEXTS.theme) };
  }
  return null;
}

/** A header cell's year: four digits as text, or a whole number between 1900 and 2999. */
export function yearOf(cell: GridCell | undefined): number | null {
  const text = typeof cell === "number" ? (Number.isInteger(cell) ? String(cell) : "") : typeof cell === "string" ? cell.trim() : "";
  return /^(19|2\d)\d{2}$/.test(text) ? Number(text) : null;
}

export function readScenarioGrid(grid: Grid, options: ReadOptions): SheetReading {
  const located = new Locator(grid.sheet);
  const header = findHeader(grid.rows);
  if (header === null) return { lines: [], frame: null, problems: [located.noHeader()] };
  const headerRow = grid.rows[header.index]!;
  for (const row of grid.rows.slice(0, header.index)) {
    if (PRICE_LEVEL_TITLES.includes(cellText(row.cells[0]))) return { lines: [], frame: null, problems: [located.otherPriceLevel(row.row, cellText(row.cells[1]))] };
  }

  const problems: ImportProblem[] = [];
  const yearColumns = readYearColumns(headerRow, options.years, located, problems);
  const keyHeader = header.key === null ? "" : cellText(headerRow.cells[header.key]);
  const labelColumn = header.title ?? header.key!;

  const lines: ImportedLine[] = [];
  const summaries: Array<SummaryRow & { group: ImportedLine[] }> = [];
  const rowOfLine = new Map<string, number>();
  let group: ImportedLine[] = [];
  let headingTheme: string | null = null;
  let pastLines = false;
  const notes: Array<{ row: number; text: string }> = [];
  for (const { row, cells } of grid.rows.slice(header.index + 1)) {
    if (cells.every((cell) => cellText(cell) === "")) {
      pastLines = true;
      continue;
    }
    // Text the export protected with an apostrophe is read without it.
    const key = header.key === null ? "" : restoreNeutralized(cellText(cells[header.key]));
    const title = header.title === null ? "" : restoreNeutralized(cellText(cells[header.title]));
    const theme = header.theme === null ? "" : restoreNeutralized(cellText(cells[header.theme]));
    const amountCells = yearColumns.map((column) => cells[column.index] ?? null);
    if (key === "") {
      const summary = summaryKind(cellText(cells[labelColumn]), theme);
      if (summary !== null) {
        summaries.push({ kind: summary, row, amounts: readSummaryAmounts(cells, yearColumns, options.numberStyle), group });
        if (summary === "SUBTOTAL") group = [];
        if (summary === "TOTAL") pastLines = true;
        continue;
      }
      if (options.headings && amountCells.every((cell) => cellText(cell) === "")) {
        const text = restoreNeutralized(cells.map((cell) => cellText(cell)).find((cellValue) => cellValue !== "") ?? "");
        if (pastLines) notes.push({ row, text });
        else if (title !== "" || theme !== "") {
          headingTheme = theme !== "" ? theme : title;
          group = [];
        }
        continue;
      }
      if (amountCells.every((cell) => cellText(cell) === "")) {
        // Without key or amounts: a theme heading (the lines below belong to it until its subtotal), or a note.
        if (title === "" && theme !== "") {
          headingTheme = theme;
          group = [];
        }
        continue;
      }
      if (title === "") {
        // Below the first blank row, rows without key or title are notes and computed rows of other tools.
        if (!pastLines) problems.push(located.cell(row, keyHeader || cellText(headerRow.cells[labelColumn]), (header.key ?? labelColumn) + 1, "EMPTY_KEY"));
        continue;
      }
    }
    const identity = key !== "" ? `key:${key}` : options.headings ? `title:${(theme === "" ? headingTheme : theme)?.toLowerCase() ?? ""}\u0000${title.toLowerCase()}` : `title:${title.toLowerCase()}`;
    const firstRow = rowOfLine.get(identity);
    if (firstRow !== undefined) {
      const column = key !== "" ? header.key! : labelColumn;
      problems.push(located.cell(row, cellText(headerRow.cells[column]), column + 1, options.headings ? "DUPLICATE_TITLE" : "DUPLICATE_LINE", { text: key || title, firstRow }));
    } else rowOfLine.set(identity, row);

    const importedCells: ImportedCell[] = [];
    for (const column of yearColumns) {
      const cell = cells[column.index] ?? null;
      const text = cellText(cell);
      const parsed = readAmount(cell, options.numberStyle);
      if (parsed.ok) importedCells.push({ row, column: column.header, columnNumber: column.index + 1, year: column.year, text, amount: parsed.value });
      else problems.push(located.cell(row, column.header, column.index + 1, parsed.code, { text }));
    }
    // Cells in the order of the frame's years, whatever the file's column order.
    importedCells.sort((left, right) => options.years.indexOf(left.year) - options.years.indexOf(right.year));
    if (firstRow === undefined) {
      const line: ImportedLine = { row, key: key === "" ? null : key, title: title === "" ? null : title, theme: theme === "" ? headingTheme : theme, cells: importedCells };
      lines.push(line);
      group.push(line);
    }
  }

  const frame = summaries.find((summary) => summary.kind === "FRAME") ?? null;
  for (const summary of summaries) checkSummary(summary, lines, frame, located, problems);
  const total = summaries.find((summary) => summary.kind === "TOTAL") ?? null;
  return options.headings ? { lines, frame, problems, total, notes } : { lines, frame, problems };
}

/** What a keyless row is by its label: "I alt" under a theme is its subtotal, alone the total; "Ramme", "Råderum". */
function summaryKind(label: string, theme: string): SummaryRow["kind"] | null {
  const text = label.toLowerCase();
  const matches = (titles: readonly string[]) => titles.some((title) => title.toLowerCase() === text);
  if (matches(TOTAL_ROW_TITLES)) return theme === "" ? "TOTAL" : "SUBTOTAL";
  if (matches(FRAME_ROW_TITLES)) return "FRAME";
  if (matches(HEADROOM_ROW_TITLES)) return "HEADROOM";
  return null;
}

function readSummaryAmounts(cells: readonly GridCell[], yearColumns: readonly YearColumn[], style: NumberStyle): SummaryRow["amounts"] {
  const amounts: SummaryRow["amounts"] = new Map();
  for (const column of yearColumns) {
    // A computed row is a spreadsheet's float arithmetic (100 - 98.9 is 1.09999999999999): checked to the øre.
    const cell = cells[column.index] ?? null;
    const parsed = readAmount(typeof cell === "number" ? Number(cell.toFixed(8)) : cell, style, true);
    if (parsed.ok) amounts.set(column.year, { amount: parsed.value, columnNumber: column.index + 1, column: column.header });
  }
  return amounts;
}

/**
 * A computed row that no longer says what the lines add up to: a warning, since the lines are what
 * is imported (a program that does not recalculate leaves a formula's old value behind).
 */
function checkSummary(summary: SummaryRow & { group: ImportedLine[] }, lines: readonly ImportedLine[], frame: SummaryRow | null, located: Locator, problems: ImportProblem[]): void {
  const sumOf = (of: readonly ImportedLine[], year: number) => sumOere(of.map((line) => line.cells.find((cell) => cell.year === year)?.amount ?? 0n));
  for (const [year, stated] of summary.amounts) {
    let expected: Oere | null;
    if (summary.kind === "SUBTOTAL") expected = sumOf(summary.group, year);
    else if (summary.kind === "TOTAL") expected = sumOf(lines, year);
    else if (summary.kind === "HEADROOM") {
      const frameAmount = frame?.amounts.get(year)?.amount;
      expected = frameAmount === undefined ? null : frameAmount - sumOf(lines, year);
    } else expected = null;
    if (expected !== null && expected !== stated.amount) {
      problems.push(located.cell(summary.row, stated.column, stated.columnNumber, "TOTAL_MISMATCH", { text: formatMio(stated.amount), stated: stated.amount, expected }));
    }
  }
}

/** An amount in a message: Danish notation in the Danish text, the API's in the English one. */
const inWords = (amount: Oere) => ({ da: formatDanishAmount(amount, { minDecimals: 1, grouping: true }), en: formatMio(amount) });

/**
 * Finds the year columns. Other headers (theme, initiative, "I alt", a comment column someone
 * added) are not read.
 */
function readYearColumns(header: GridRow, years: readonly number[], located: Locator, problems: ImportProblem[]): YearColumn[] {
  const columns: YearColumn[] = [];
  header.cells.forEach((cell, index) => {
    const year = yearOf(cell);
    if (year === null) return;
    const text = String(year);
    if (!years.includes(year)) problems.push(located.cell(header.row, text, index + 1, "UNKNOWN_YEAR_COLUMN", { years }));
    else if (columns.some((column) => column.year === year)) problems.push(located.cell(header.row, text, index + 1, "DUPLICATE_YEAR_COLUMN"));
    else columns.push({ index, header: text, year });
  });
  for (const year of years) {
    if (!columns.some((column) => column.year === year)) problems.push(located.cell(header.row, String(year), null, "MISSING_YEAR_COLUMN"));
  }
  return columns;
}


const LONE_DASH = /^[-\u2013\u2014\u2212]$/;

type AmountCode = "NOT_A_NUMBER" | "FORMULA_ERROR" | "AMBIGUOUS" | "TOO_PRECISE" | "TOO_LARGE" | "NEGATIVE";
type AmountCheck = { ok: true; value: Oere } | { ok: false; code: AmountCode };

/**
 * A cell as an amount: empty and "-" are 0; a workbook's number exactly as its shortest decimal
 * text; text by the number style (the Danish parser refuses an ambiguous "2.000"); a formula
 * error is refused. A computed row may be negative (the headroom when over the frame).
 */
function readAmount(cell: GridCell, style: NumberStyle, signed = false): AmountCheck {
  let parsed: Parsed<Oere>;
  if (cell === null) return { ok: true, value: 0n };
  if (typeof cell === "object") return { ok: false, code: "FORMULA_ERROR" };
  if (typeof cell === "number") parsed = Number.isFinite(cell) ? oereFromSpreadsheetNumber(cell) : { ok: false, error: { code: "NOT_A_NUMBER", input: String(cell) } };
  else {
    const text = cell.trim();
    if (text === "" || LONE_DASH.test(text)) return { ok: true, value: 0n };
    parsed = style === "DANISH" ? parseDanishAmount(text) : parseMio(text);
  }
  if (!parsed.ok) return { ok: false, code: parsed.error.code === "EMPTY" ? "NOT_A_NUMBER" : parsed.error.code };
  if (parsed.value < 0n && !signed) return { ok: false, code: "NEGATIVE" };
  if (parsed.value > AMOUNT_CEILING) return { ok: false, code: "TOO_LARGE" };
  return parsed;
}

interface ProblemDetails {
  text?: string;
  firstRow?: number;
  years?: readonly number[];
  stated?: Oere;
  expected?: Oere;
}

type CellProblemCode =
  | "UNKNOWN_YEAR_COLUMN"
  | "MISSING_YEAR_COLUMN"
  | "DUPLICATE_YEAR_COLUMN"
  | "DUPLICATE_LINE"
  | "DUPLICATE_TITLE"
  | "EMPTY_KEY"
  | AmountCode
  | "TOTAL_MISMATCH";

/** Builds problems located in one sheet, with their place in words: "Ark X, række 7, kolonne 2025 (D)". */
export class Locator {
  constructor(private readonly sheet: string | null) {}

  /** A problem at a row and column, with messages in both languages. */
  at(row: number, column: string | null, columnNumber: number | null, code: ImportProblemCode, severity: ImportSeverity, text: { da: string; en: string }, value?: string): ImportProblem {
    const letter = columnNumber === null ? "" : ` (${columnLetters(columnNumber)})`;
    const sheet = { da: this.sheet === null ? "" : `Ark ${this.sheet}, `, en: this.sheet === null ? "" : `Sheet ${this.sheet}, ` };
    const where =
      row === 0
        ? { da: sheet.da.replace(/, $/, ": "), en: sheet.en.replace(/, $/, ": ") }
        : column === null
          ? { da: `${sheet.da}række ${row}: `, en: `${sheet.en}row ${row}: ` }
          : { da: `${sheet.da}række ${row}, kolonne ${column}${letter}: `, en: `${sheet.en}row ${row}, column ${column}${letter}: ` };
    const found: ImportProblem = {
      sheet: this.sheet,
      row,
      column,
      columnNumber,
      code,
      severity,
      message: capitalise(`${where.da}${text.da}`),
      messageEn: capitalise(`${where.en}${text.en}`),
    };
    if (value !== undefined) found.text = value;
    return found;
  }

  cell(row: number, column: string, columnNumber: number | null, code: CellProblemCode, details: ProblemDetails = {}): ImportProblem {
    return this.at(row, column, columnNumber, code, code === "TOTAL_MISMATCH" ? "WARNING" : "ERROR", describe(code, column, details), details.text);
  }

  noHeader(): ImportProblem {
    return this.at(0, null, null, "NO_HEADER", "ERROR", {
      da: 'ingen række har en kolonne "Nøgle" eller "Initiativ" sammen med kolonner for årene (f.eks. 2025).',
      en: 'no row has a "Key" or "Initiative" column together with columns for the years (e.g. 2025).',
    });
  }

  otherPriceLevel(row: number, label: string): ImportProblem {
    return this.at(row, null, null, "OTHER_PRICE_LEVEL", "ERROR", {
      da: `filen er vist i ${label}, ikke i rammens eget prisniveau; indlæs en fil eksporteret i rammens prisniveau.`,
      en: `the file is shown in ${label}, not in the frame's own price level; import a file exported in the frame's price level.`,
    }, label);
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function describe(code: CellProblemCode, column: string, details: ProblemDetails): { da: string; en: string } {
  const quoted = JSON.stringify(details.text ?? "");
  switch (code) {
    case "UNKNOWN_YEAR_COLUMN": {
      const years = (details.years ?? []).join(", ");
      return { da: `${column} er ikke et af rammens år (${years}).`, en: `${column} is not one of the frame's years (${years}).` };
    }
    case "MISSING_YEAR_COLUMN":
      return { da: `kolonnen for ${column} mangler.`, en: `the column for ${column} is missing.` };
    case "DUPLICATE_YEAR_COLUMN":
      return { da: `året ${column} har mere end én kolonne.`, en: `the year ${column} has more than one column.` };
    case "DUPLICATE_LINE":
      return { da: `${quoted} står allerede i række ${details.firstRow}.`, en: `${quoted} is already in row ${details.firstRow}.` };
    case "DUPLICATE_TITLE":
      return { da: `${quoted} står allerede under samme tema i række ${details.firstRow}; to linjer under et tema må ikke hedde det samme.`, en: `${quoted} is already under the same theme in row ${details.firstRow}; two lines under one theme may not have the same title.` };
    case "EMPTY_KEY":
      return { da: "rækken har indhold, men hverken nøgle eller initiativ.", en: "the row has content but neither key nor initiative." };
    case "NOT_A_NUMBER":
      return { da: `${quoted} er ikke et beløb i mio. kr.`, en: `${quoted} is not an amount in mio. kr.` };
    case "FORMULA_ERROR":
      return { da: `cellen indeholder fejlen ${details.text}, ikke et beløb.`, en: `the cell holds the error ${details.text}, not an amount.` };
    case "AMBIGUOUS":
      return {
        da: `${quoted} kan læses som tusinder eller som decimaler; skriv 2000 eller 2.000,0 for to tusind, 2,0 for to.`,
        en: `${quoted} reads as thousands or as decimals; write 2000 or 2.000,0 for two thousand, 2,0 for two.`,
      };
    case "TOO_PRECISE":
      return {
        da: `${quoted} har flere end ${MAX_MIO_DECIMALS} decimaler (1 øre er 0,00000001 mio. kr.).`,
        en: `${quoted} has more than ${MAX_MIO_DECIMALS} decimals (1 øre is 0.00000001 mio. kr.).`,
      };
    case "TOO_LARGE":
      return { da: `${quoted} er større end noget beløb kan være (højst 1.000.000 mio. kr.).`, en: `${quoted} is larger than any amount can be (at most 1,000,000 mio. kr.).` };
    case "NEGATIVE":
      return { da: `${quoted} er negativt; et beløb er 0 eller mere.`, en: `${quoted} is negative; an amount is 0 or more.` };
    case "TOTAL_MISMATCH": {
      const stated = inWords(details.stated ?? 0n);
      const expected = inWords(details.expected ?? 0n);
      return {
        da: `rækken siger ${stated.da}, men linjerne giver ${expected.da}; linjerne indlæses, rækken ikke.`,
        en: `the row says ${stated.en}, but the lines add up to ${expected.en}; the lines are imported, the row is not.`,
      };
    }
  }
}
