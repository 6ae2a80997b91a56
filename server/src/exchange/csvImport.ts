/**
 * CSV in: the text as a person may have edited it in Excel and saved it (delimiter ";", "," or tab,
 * with or without byte order mark, CRLF or LF, Danish or API numbers) turned into rows of cells,
 * which the one sheet reader (scenarioGrid.ts) reads as it reads a workbook's sheet.
 */
import { parse } from "csv-parse/sync";
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

type Delimiter = ";" | "," | "\t";

export type CsvGrid = { ok: true; grid: Grid; delimiter: Delimiter } | { ok: false; problems: ImportProblem[] };

/** The CSV text as rows of text cells, or the reason it cannot be read as CSV. */
export function csvToGrid(text: string): CsvGrid {
  const content = text.replace(/^\uFEFF/, "");
  const located = new Locator(null);
  const delimiter = detectDelimiter(content);
  if (delimiter === null) return { ok: false, problems: [located.noHeader()] };
  try {
    const records: string[][] = parse(content, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
    return { ok: true, delimiter, grid: { sheet: null, rows: records.map((cells, index) => ({ row: index + 1, cells })) } };
  } catch (error) {
    // csv-parse refuses only what no spreadsheet writes, e.g. a quoted cell that never ends; it tells the line it got to.
    const line = typeof error === "object" && error !== null && "lines" in error && typeof error.lines === "number" ? error.lines : 0;
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [
        located.at(line, null, null, "MALFORMED_CSV", "ERROR", {
          da: `filen kan ikke læses som CSV (omkring række ${line}); tjek at hvert anførselstegn (") har sin partner.`,
          en: `the file cannot be read as CSV (around row ${line}): ${detail}`,
        }),
      ],
    };
  }
}

/** Reads a scenario from CSV text: csvToGrid, then the sheet reader with the number style resolved. */
export function parseScenarioCsv(text: string, options: CsvImportOptions): SheetReading {
  const read = csvToGrid(text);
  if (!read.ok) return { lines: [], frame: null, problems: read.problems };
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
