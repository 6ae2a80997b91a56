/**
 * The shapes the file exchange works on. The server builds them from the database; everything in
 * this folder is pure (no Prisma, no GraphQL, no I/O), so exports and imports are tested on plain data.
 */
import type { SourceReference, YearAmount } from "@ramme/domain";

/** Language of labels in a file (and of import messages' primary text): Danish by default. */
export type ExchangeLanguage = "da" | "en";

/**
 * How amounts are written in a CSV file.
 * - DANISH: "1.234,5" (thousands grouped with ".", decimal comma), fields separated by ";" as Danish Excel expects.
 * - API: "1234.5" (the API's canonical decimal point, no grouping), fields separated by ",".
 */
export type NumberStyle = "DANISH" | "API";

/** One initiative's row in a scenario. */
export interface ExportLine {
  /** Initiative id: the key an import matches rows by. */
  key: string;
  /** Title of the initiative's theme. */
  theme: string;
  title: string;
  /** Amounts per year; a frame year without an amount is written as 0. Years outside the frame are not written. */
  amounts: readonly YearAmount[];
  /** Where the line comes from in the documents (the workbook's sources sheet); none for a proposal. */
  sources?: readonly ExportSource[];
}

/** One place in a source document (its document named by title in an export). */
export type ExportSource = SourceReference;

/** Who made the file, when, from which version: the workbook's header block. */
export interface ExportStamp {
  version: number;
  exportedBy: string;
  /** ISO 8601. */
  exportedAt: string;
}

/** A scenario as written to a file: its lines against its frame, for the frame's years. */
export interface ScenarioExport {
  scenarioName: string;
  /** Stable key of the scenario, used for the file name ("aftale-2024"). */
  scenarioKey: string;
  frameName: string;
  /** The unit every amount is in, as shown to people: "Mio. kr. (2024-pl)". */
  unit: string;
  /** The frame's years, in column order. */
  years: readonly number[];
  /** The frame per year (a year missing here counts as a frame of 0). */
  frame: readonly YearAmount[];
  lines: readonly ExportLine[];
  /** Set when the amounts are shown in another price level than the stored one: the file says so in a title row. */
  priceLevel?: PriceLevelNote;
  /** The header block's version, who and when; absent, the file has no such rows. */
  stamp?: ExportStamp;
}

/** A price level other than the frame's: its label ("2026-pl") and how the figures were converted, in words. */
export interface PriceLevelNote {
  label: string;
  note: string;
}

/** How a line in another scenario compares with the base scenario. */
export type LineStatus = "ADDED" | "REMOVED" | "CHANGED" | "UNCHANGED";

/** One line as it stands in one of the other scenarios, against the base. */
export interface ComparedLine {
  /** The other scenario's key (the same order as ComparisonExport.others). */
  scenarioKey: string;
  /** The line's amount per comparison year in this scenario, or null when the scenario does not have the line. */
  amounts: readonly YearAmount[] | null;
  /** This scenario's amount minus the base's per year; an absent line counts as 0 (so ADDED shows the whole amount). */
  differences: readonly YearAmount[];
  /**
   * ADDED: not in the base, in this scenario. REMOVED: in the base, not in this scenario.
   * CHANGED: in both (or neither) with some year differing. UNCHANGED: no year differs (also when in neither).
   */
  status: LineStatus;
}

/** One initiative across the compared scenarios. */
export interface ComparisonLine {
  key: string;
  theme: string;
  title: string;
  /** The base's amount per comparison year, or null when the base does not have the line. */
  base: readonly YearAmount[] | null;
  /** One entry per other scenario, in the order of ComparisonExport.others. */
  others: readonly ComparedLine[];
}

/**
 * A base scenario compared with others of the same frame. Built exactly by `buildComparison`;
 * the frame, unit and years are the base's.
 */
export interface ComparisonExport {
  frameName: string;
  unit: string;
  years: readonly number[];
  frame: readonly YearAmount[];
  /** The base's price level note, when converted (every scenario of a comparison is in one level). */
  priceLevel?: PriceLevelNote;
  base: ScenarioExport;
  others: readonly ScenarioExport[];
  /** The base's lines in its order, then lines only other scenarios have, in order of first appearance. */
  lines: readonly ComparisonLine[];
}

/** A file ready to send: the server puts `fileName` in Content-Disposition and `contentType` in Content-Type. */
export interface ExportFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface CsvExportOptions {
  language: ExchangeLanguage;
  numberStyle: NumberStyle;
}

export interface XlsxExportOptions {
  language: ExchangeLanguage;
  /** The operation's abort signal (the time budget), checked at each turn on the event loop (cooperative.ts). */
  signal?: AbortSignal;
}
