/**
 * Every word the exchange files show, in Danish (the default) and English. Kept in one place so the
 * exporter writes and the importer recognises the same header texts.
 */
import type { ExchangeLanguage, LineStatus } from "./types.ts";

export interface ExchangeLabels {
  scenario: string;
  frame: string;
  key: string;
  theme: string;
  initiative: string;
  total: string;
  /** Label of the frame row under the lines (the same word as the title row's "frame"). */
  frameRow: string;
  headroom: string;
  /** Title of the row that names a converted file's price level; an import refuses a file that has it. */
  priceLevel: string;
  comparison: string;
  base: string;
  comparedWith: string;
  /** Prefix of a difference column: "Forskel 2025". */
  difference: string;
  differenceTotal: string;
  status: string;
  statuses: Record<LineStatus, string>;
  /** File name prefix of a comparison: "sammenligning-aftale-2024.xlsx". */
  comparisonFilePrefix: string;
  /** File name used when a scenario key gives no usable characters. */
  fallbackFileName: string;
  version: string;
  exportedBy: string;
  exportedAt: string;
  /** The workbook's sheet of every line's sources, and its columns. */
  sources: string;
  document: string;
  section: string;
  paragraph: string;
  initiativeNumber: string;
  recommendation: string;
  quote: string;
}

export const LABELS: Record<ExchangeLanguage, ExchangeLabels> = {
  da: {
    scenario: "Scenarie",
    frame: "Ramme",
    key: "Nøgle",
    theme: "Tema",
    initiative: "Initiativ",
    total: "I alt",
    frameRow: "Ramme",
    headroom: "Råderum",
    priceLevel: "Prisniveau",
    comparison: "Sammenligning",
    base: "Basis",
    comparedWith: "Sammenlignet med",
    difference: "Forskel",
    differenceTotal: "Forskel i alt",
    status: "Status",
    statuses: { ADDED: "Tilføjet", REMOVED: "Fjernet", CHANGED: "Ændret", UNCHANGED: "Uændret" },
    comparisonFilePrefix: "sammenligning",
    fallbackFileName: "scenarie",
    version: "Version",
    exportedBy: "Udtrukket af",
    exportedAt: "Tidspunkt",
    sources: "Kilder",
    document: "Dokument",
    section: "Afsnit",
    paragraph: "§",
    initiativeNumber: "Initiativnr.",
    recommendation: "Anbefaling",
    quote: "Citat",
  },
  en: {
    scenario: "Scenario",
    frame: "Frame",
    key: "Key",
    theme: "Theme",
    initiative: "Initiative",
    total: "Total",
    frameRow: "Frame",
    headroom: "Headroom",
    priceLevel: "Price level",
    comparison: "Comparison",
    base: "Base",
    comparedWith: "Compared with",
    difference: "Difference",
    differenceTotal: "Difference total",
    status: "Status",
    statuses: { ADDED: "Added", REMOVED: "Removed", CHANGED: "Changed", UNCHANGED: "Unchanged" },
    comparisonFilePrefix: "comparison",
    fallbackFileName: "scenario",
    version: "Version",
    exportedBy: "Exported by",
    exportedAt: "Time",
    sources: "Sources",
    document: "Document",
    section: "Section",
    paragraph: "§",
    initiativeNumber: "Initiative no.",
    recommendation: "Recommendation",
    quote: "Quote",
  },
};

/** Titles of the price level row in either language: an import refuses a file converted to another price level. */
export const PRICE_LEVEL_TITLES: readonly string[] = [LABELS.da.priceLevel, LABELS.en.priceLevel];

/** Header texts of the key column in either language: an import finds the header row by them. */
export const KEY_HEADERS: readonly string[] = [LABELS.da.key, LABELS.en.key];

/** Header texts of the initiative (title) column: a sheet without keys is matched by title. */
export const INITIATIVE_HEADERS: readonly string[] = [LABELS.da.initiative, LABELS.en.initiative, "Titel", "Title"];

/** Header texts of the theme column. */
export const THEME_HEADERS: readonly string[] = [LABELS.da.theme, LABELS.en.theme];

/** Labels of the computed rows an import recognises and checks instead of taking them as lines. */
export const TOTAL_ROW_TITLES: readonly string[] = [LABELS.da.total, LABELS.en.total];
export const FRAME_ROW_TITLES: readonly string[] = [LABELS.da.frameRow, LABELS.en.frameRow];
export const HEADROOM_ROW_TITLES: readonly string[] = [LABELS.da.headroom, LABELS.en.headroom];
