/**
 * Loading the seed files and the source documents for the transcription tests, plus the document-text
 * helpers (whitespace / hyphenation normaliser, the two table parsers). Test support only: nothing here
 * imports the code under test.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SourceReference } from "@ramme/domain";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "../..");
export const seedsDir = path.join(repoRoot, "seeds");
export const documentsDir = path.resolve(repoRoot, "../shared/seed-documents");
export const haveDocuments = fs.existsSync(documentsDir);

/** The five documents, from seeds/FORMAT.md "Document ids". */
export const DOCUMENT_FILES = {
  strategy2024: "000_835fd4cdab98d775.txt",
  strategy2021: "001_2d6b948919e3ff14.txt",
  council2023Ocr: "002_069144f5b98120ae.txt",
  council2023: "003_53714f3d2d207830.txt",
  agreement2024: "004_dbaa3c6e1e080e50.txt",
} as const;
export const DOCUMENT_FILE_NAMES: readonly string[] = Object.values(DOCUMENT_FILES);

export function readSeed<T>(relativePath: string): T {
  return JSON.parse(fs.readFileSync(path.join(seedsDir, relativePath), "utf8")) as T;
}

/** Every .json file under seeds/, as paths relative to seeds/ ("frame.json", "tables/2-agreement-2024.json"). */
export function seedJsonFiles(): string[] {
  const files: string[] = [];
  const visit = (dir: string, prefix: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) visit(path.join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.name.endsWith(".json")) files.push(`${prefix}${entry.name}`);
    }
  };
  visit(seedsDir, "");
  return files.sort();
}

const documentCache = new Map<string, string>();
export function readDocument(file: string): string {
  let text = documentCache.get(file);
  if (text === undefined) {
    text = fs.readFileSync(path.join(documentsDir, file), "utf8");
    documentCache.set(file, text);
  }
  return text;
}

// ---------------------------------------------------------------------------------------------------------
// Seed shapes (only the fields the tests use)

/** The seeds' `source` objects have the domain's one source-reference shape. */
export type Source = SourceReference;

export interface TableLine {
  initiativeId: string;
  printedTitle: string;
  amounts: string[];
  footnoteMarkers?: string[];
}

export interface AllocationTable {
  id: string;
  unit: string;
  years: number[];
  source: Source;
  groups: Array<{ printedHeading: string; themeId: string; lines: TableLine[] }>;
  statedTotals: Array<{ year: number; printed: string; footnoteMarkers?: string[] }>;
  footnotes: Array<{ marker: string; text: string }>;
}

export interface StatedAmount {
  id: string;
  paragraph: number;
  initiativeIds: string[];
  subLineId: string | null;
  quote: string;
  amount: string;
  basis: "per-year" | "period-total";
  fromYear: number;
  toYear: number;
  withinFrame: boolean;
  source: Source;
}

export interface SubLine {
  id: string;
  initiativeId: string;
  kind: string;
  title: string;
  amounts: Record<string, string>;
  paragraph: number;
  quote: string;
  source: Source;
}

export interface Agreement {
  chapters: Array<{ numeral: string; title: string; themeId: string | null; source: Source }>;
  paragraphs: Array<{ number: number; chapter: string | null; text: string; source: Source }>;
  subLines: SubLine[];
  statedAmounts: StatedAmount[];
}

export interface Initiative {
  id: string;
  themeId: string;
  title: string;
  isReserve: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Document text

/** Marks a hyphen at a line break: the printed word may have been hyphenated there, or may really contain "-". */
export const LINE_BREAK_HYPHEN = "\u0000";

/**
 * Normalises a document for quote matching: every run of whitespace becomes one space, and a hyphen at the
 * end of a line followed by more text becomes LINE_BREAK_HYPHEN (joined hyphenation; the matcher lets it
 * stand for either nothing, "Medi-/cinsk" = "Medicinsk", or a real hyphen, "EU-/formandskabet").
 */
export function normaliseDocument(text: string): string {
  return text
    .replace(/\r/g, "")
    .replace(/(?<=\S)-[ \t]*\n\s*(?=\S)/g, LINE_BREAK_HYPHEN)
    .replace(/\s+/g, " ");
}

export function normaliseQuote(quote: string): string {
  return quote.replace(/\s+/g, " ").trim();
}

function matchesAt(doc: string, start: number, quote: string): boolean {
  const pending: Array<[number, number]> = [[start, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    let [i, j] = next;
    for (;;) {
      if (j === quote.length) return true;
      if (i >= doc.length) break;
      const c = doc.charAt(i);
      if (c === LINE_BREAK_HYPHEN) {
        if (quote.charAt(j) === "-") pending.push([i + 1, j + 1]);
        i++;
        continue;
      }
      if (c !== quote.charAt(j)) break;
      i++;
      j++;
    }
  }
  return false;
}

/** Whether `quote` occurs verbatim in the normalised document text (see normaliseDocument). */
export function occursIn(normalisedDocument: string, quote: string): boolean {
  const q = normaliseQuote(quote);
  if (q === "") return false;
  const first = q.charAt(0);
  for (let at = normalisedDocument.indexOf(first); at >= 0; at = normalisedDocument.indexOf(first, at + 1)) {
    if (matchesAt(normalisedDocument, at, q)) return true;
  }
  return false;
}

const normalisedCache = new Map<string, string>();
export function documentContains(file: string, quote: string): boolean {
  let normalised = normalisedCache.get(file);
  if (normalised === undefined) {
    normalised = normaliseDocument(readDocument(file));
    normalisedCache.set(file, normalised);
  }
  return occursIn(normalised, quote);
}

// ---------------------------------------------------------------------------------------------------------
// The two allocation tables as printed

export interface PrintedRow {
  heading: string;
  title: string;
  cells: string[];
  markers: string[];
}

export interface PrintedTable {
  header: string[];
  rows: PrintedRow[];
  total: string[];
  /** Non-blank lines after the "I alt" row up to the next part of the document. */
  footnotes: Array<{ marker: string; text: string }>;
}

/** Splits trailing footnote markers off a printed label or cell: "industri-parker*" -> ["industri-parker", ["*"]]. */
export function splitMarkers(printed: string): [string, string[]] {
  const match = /^(.*?)(\*+)$/.exec(printed);
  return match ? [match[1] ?? "", [match[2] ?? ""]] : [printed, []];
}

/**
 * The government proposal (000_…txt), section "Økonomi" at the end: one row per line, tab-separated
 * "label \t 2024 \t 2025 \t 2026 \t 2027"; a heading is a label with four empty cells; the row "I alt" ends
 * the table; footnotes follow, the first one after "Anm.: ".
 */
export function parseProposalTable(text: string): PrintedTable {
  const lines = text.replace(/\r/g, "").split("\n");
  const economy = lines.lastIndexOf("Økonomi");
  if (economy < 0) throw new Error("no section 'Økonomi'");
  const headerAt = lines.findIndex((line, i) => i > economy && line.startsWith("Mio. kr."));
  if (headerAt < 0) throw new Error("no table header after 'Økonomi'");
  const header = (lines[headerAt] ?? "").split("\t");

  const rows: PrintedRow[] = [];
  let total: string[] | null = null;
  let heading = "";
  let i = headerAt + 1;
  for (; i < lines.length && total === null; i++) {
    const fields = (lines[i] ?? "").split("\t");
    if (fields.length !== 5) throw new Error(`line ${i + 1} has ${fields.length} fields: ${lines[i]}`);
    const [label = "", ...cells] = fields;
    if (label === "I alt") total = cells;
    else if (cells.every((cell) => cell === "")) heading = label;
    else {
      const [title, markers] = splitMarkers(label.replace(/<\/?i>/g, ""));
      rows.push({ heading, title, cells, markers });
    }
  }
  if (total === null) throw new Error("no 'I alt' row");

  const footnotes: Array<{ marker: string; text: string }> = [];
  for (; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    if (line === "") continue;
    const match = /^(?:Anm\.:\s*)?(\*+)(.*)$/.exec(line);
    if (!match) break;
    footnotes.push({ marker: match[1] ?? "", text: (match[2] ?? "").trim() });
  }
  return { header, rows, total, footnotes };
}

const CELL = String.raw`(?:-|\d+(?:,\d+)?)`;
const CELLS_ONLY = new RegExp(`^(${CELL}) (${CELL}) (${CELL}) (${CELL})$`);
const TITLE_THEN_CELLS = new RegExp(`^(.*\\S) (${CELL}) (${CELL}) (${CELL}) (${CELL})$`);

/**
 * Joins a title wrapped over several lines. A hyphen at the end of a line after a lower-case letter is
 * hyphenation and is dropped ("Medi-" + "cinsk" = "Medicinsk"); after a capital it is part of the word and
 * kept ("EU-" + "formandskabet" = "EU-formandskabet"); otherwise the lines are joined with a space.
 */
export function joinWrappedLines(lines: readonly string[]): string {
  let out = "";
  for (const raw of lines) {
    const line = raw.trim();
    if (out === "") out = line;
    else if (/\p{Ll}-$/u.test(out)) out = out.slice(0, -1) + line;
    else if (out.endsWith("-")) out += line;
    else out += ` ${line}`;
  }
  return out.replace(/\s+/g, " ");
}

/**
 * The agreement (004_…txt), "Tabel 1" at the end: blocks of text separated by blank lines. A row's title is
 * wrapped over one or more lines (with hyphenation) and its four cells follow either at the end of the
 * title's last line or as a block of their own. A title block not followed by cells is a group heading. The
 * row "I alt" ends the table.
 */
export function parseAgreementTable(text: string): PrintedTable {
  const lines = text.replace(/\r/g, "").split("\n").map((line) => line.trim());
  const tableAt = lines.indexOf("Tabel 1");
  if (tableAt < 0) throw new Error("no 'Tabel 1'");
  const headerAt = lines.findIndex((line, i) => i > tableAt && line.startsWith("Initiativ "));
  if (headerAt < 0) throw new Error("no table header after 'Tabel 1'");
  const header = (lines[headerAt] ?? "").split(" ");

  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines.slice(headerAt + 1)) {
    if (line === "") {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) blocks.push(current);

  const rows: PrintedRow[] = [];
  let total: string[] | null = null;
  let heading = "";
  let pendingTitle: string | null = null;
  let b = 0;
  for (; b < blocks.length && total === null; b++) {
    const text = joinWrappedLines(blocks[b] ?? []);
    const cellsOnly = CELLS_ONLY.exec(text);
    if (cellsOnly) {
      if (pendingTitle === null) throw new Error(`cells without a title: ${text}`);
      rows.push({ heading, title: pendingTitle, cells: cellsOnly.slice(1), markers: [] });
      pendingTitle = null;
      continue;
    }
    if (pendingTitle !== null) heading = pendingTitle; // a title with no cells after it is a heading
    pendingTitle = null;
    const titled = TITLE_THEN_CELLS.exec(text);
    if (titled && titled[1] === "I alt") total = titled.slice(2);
    else if (titled) rows.push({ heading, title: titled[1] ?? "", cells: titled.slice(2), markers: [] });
    else pendingTitle = text;
  }
  if (total === null) throw new Error("no 'I alt' row");
  if (pendingTitle !== null) throw new Error(`title without cells: ${pendingTitle}`);
  const after = blocks.slice(b).map((block) => joinWrappedLines(block));
  return { header, rows, total, footnotes: after.map((text) => ({ marker: "", text })) };
}
