/**
 * CSV in: the text as a person may have edited it in Excel and saved it (delimiter ";", "," or tab,
 * with or without byte order mark, CRLF or LF, Danish or API numbers) turned into rows of cells,
 * which the one sheet reader (scenarioGrid.ts) reads as it reads a workbook's sheet.
 */
import { parse as parseInParts } from "csv-parse";
import { parse } from "csv-parse/sync";
import { nextTurn } from "../cooperative.ts";
import type { Grid } from "./grid.ts";
import { INITIATIVE_HEADERS, KEY_HEADERS } from "./labels.ts";
import { findHeader, Locator, readScenarioGrid, type ImportProblem, type SheetReading } from "./scenarioGrid.ts";
import type { NumberStyle } from "./types.ts";

export interface CsvImportOptions {
  /** The frame's years: the file must have exactly these year columns. */
  years: readonly number[];
  /**
   * How amounts are written. AUTO: DANISH for a ";" file, API for a "," file; for a tab file
   * (Excel's "Unicode text"), DANISH if any amount contains a ",", since API amounts never do and
   * a Danish Excel writes decimal commas.
   */
  numberStyle: NumberStyle | "AUTO";
  /** A printed table's layout (ReadOptions.headings). */
  headings?: boolean;
}

export type Delimiter = ";" | "," | "\t";

export type CsvGrid = { ok: true; grid: Grid; delimiter: Delimiter } | { ok: false; problems: ImportProblem[] };

/** The CSV text as rows of text cells, or the reason it cannot be read as CSV. */
export function csvToGrid(text: string): CsvGrid {
  const content = text.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(content);
  if (delimiter === null) return { ok: false, problems: [new Locator(null).noHeader()] };
  try {
    const records: string[][] = parse(content, csvOptions(delimiter));
    return { ok: true, delimiter, grid: { sheet: null, rows: records.map((cells, index) => ({ row: index + 1, cells })) } };
  } catch (error) {
    return { ok: false, problems: [malformed(error)] };
  }
}

/** Text given to the parser at a time by csvToGridPaced. */
const PART_CHARACTERS = 64 * 1024;

/**
 * csvToGrid's answer, the text given to csv-parse's own incremental parser in parts of
 * PART_CHARACTERS with a turn on the event loop between them (cooperative.ts, issue 15): a
 * 5,000-line file held the loop for a few hundred milliseconds in one parse. The parser carries a
 * record, quote or line end that a part splits, so the records are those of one parse.
 */
export async function csvToGridPaced(text: string, signal?: AbortSignal): Promise<CsvGrid> {
  const content = text.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(content);
  if (delimiter === null) return { ok: false, problems: [new Locator(null).noHeader()] };
  const records: string[][] = [];
  let failure: unknown = null;
  const parser = parseInParts(csvOptions(delimiter));
  parser.on("data", (record: string[]) => records.push(record));
  parser.on("error", (error) => (failure ??= error));
  const ended = new Promise<void>((resolve) => {
    parser.on("end", resolve);
    parser.on("error", () => resolve());
  });
  for (let start = 0; start < content.length && failure === null; start += PART_CHARACTERS) {
    parser.write(content.slice(start, start + PART_CHARACTERS));
    await nextTurn();
    signal?.throwIfAborted();
  }
  if (failure === null) parser.end();
  await ended;
  if (failure !== null) return { ok: false, problems: [malformed(failure)] };
  return { ok: true, delimiter, grid: { sheet: null, rows: records.map((cells, index) => ({ row: index + 1, cells })) } };
}

function csvOptions(delimiter: Delimiter) {
  return { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false } as const;
}

/** csv-parse refuses only what no spreadsheet writes, e.g. a quoted cell that never ends; it tells the line it got to. */
function malformed(error: unknown): ImportProblem {
  const line = typeof error === "object" && error !== null && "lines" in error && typeof error.lines === "number" ? error.lines : 0;
  const detail = error instanceof Error ? error.message : String(error);
  return new Locator(null).at(line, null, null, "MALFORMED_CSV", "ERROR", {
    da: `filen kan ikke læses som CSV (omkring række ${line}); tjek at hvert anførselstegn (") har sin partner.`,
    en: `the file cannot be read as CSV (around row ${line}): ${detail}`,
  });
}

/** Reads a scenario from CSV text: csvToGrid, then the sheet reader with the number style resolved. */
export function parseScenarioCsv(text: string, options: CsvImportOptions): SheetReading {
  const read = csvToGrid(text);
  if (!read.ok) return { lines: [], frame: null, problems: read.problems };
  return readScenarioCsvGrid(read, options);
}

/** Reads a scenario from CSV text already read as rows (csvToGrid or csvToGridPaced). */
export function readScenarioCsvGrid(read: { grid: Grid; delimiter: Delimiter }, options: CsvImportOptions): SheetReading {
  const numberStyle = resolveNumberStyle(options.numberStyle, read.delimiter, read.grid);
  return readScenarioGrid(read.grid, { years: options.years, numberStyle, headings: options.headings });
}

/** The delimiter whose split of some line gives a key or initiative header cell ("Nøgle;…", "\"Key\",…"). */
function detectDelimiter(content: string): Delimiter | null {
  const headers = [...KEY_HEADERS, ...INITIATIVE_HEADERS].map((header) => header.toLowerCase());
  for (const physicalLine of content.split(/\r\n|\n|\r/, 200)) {
    for (const delimiter of [";", "\t", ","] as const) {
      const cells = physicalLine.split(delimiter);
      if (cells.length < 2) continue;
      if (cells.some((cell) => headers.includes(cell.normalize("NFC").trim().replace(/^"|"$/g, "").trim().toLowerCase()))) return delimiter;
    }
  }
  return null;
}

function resolveNumberStyle(requested: NumberStyle | "AUTO", delimiter: Delimiter, grid: Grid): NumberStyle {
  if (requested !== "AUTO") return requested;
  if (delimiter === ";") return "DANISH";
  if (delimiter === ",") return "API";
  const header = findHeader(grid.rows);
  const rows = header === null ? [] : grid.rows.slice(header.index + 1);
  const anyDecimalComma = rows.some(({ cells }) => cells.some((cell, index) => index !== header?.key && index !== header?.title && typeof cell === "string" && /^\s*-?[\d.]*,\d+\s*$/.test(cell)));
  return anyDecimalComma ? "DANISH" : "API";
}
