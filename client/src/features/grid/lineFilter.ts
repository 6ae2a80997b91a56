/**
 * Finding lines in the grid: a search text and filter chips, decided without React or AG Grid so it
 * can be tested directly. The search matches a line's title, key and theme word by word (every word
 * somewhere, case and accents of the search aside), the strategy's initiative number (`2.1`, or
 * `2.1` finds 2.1 and 2.1.3) or the agreement's paragraph (`§ 11`, `§11`). The chips narrow the
 * lines further: changed against the reference, a total over or under a threshold, commented, new
 * proposals. A theme heading stays while any of its lines is shown.
 */
import type { Oere } from "@ramme/domain";

export interface FilterableLine {
  key: string;
  title: string;
  themeKey: string;
  themeTitle: string;
  /** The strategy's numbers for the initiative ("2.1"). */
  initiativeNumbers: readonly string[];
  /** The agreement's paragraphs that name it (11 for § 11). */
  paragraphs: readonly number[];
  isProposal: boolean;
  hasComments: boolean;
  /** The line's total over the frame years. */
  total: Oere;
  /** Whether it differs from the reference; null when no reference is shown. */
  changed: boolean | null;
}

export interface LineFilter {
  text: string;
  changed: boolean;
  threshold: { direction: "over" | "under"; amount: Oere } | null;
  comments: boolean;
  proposals: boolean;
}

export const NO_FILTER: LineFilter = { text: "", changed: false, threshold: null, comments: false, proposals: false };

export type SearchTerm =
  | { kind: "none" }
  | { kind: "paragraph"; paragraph: number }
  | { kind: "initiativeNumber"; number: string; words: string[] }
  | { kind: "words"; words: string[] };

/** What a search text asks for. */
export function parseSearch(text: string): SearchTerm {
  const trimmed = text.trim();
  if (trimmed === "") return { kind: "none" };
  const paragraph = /^§\s*(\d+)$/.exec(trimmed);
  if (paragraph) return { kind: "paragraph", paragraph: Number(paragraph[1]) };
  const words = normalise(trimmed).split(/\s+/).filter(Boolean);
  // "2.1": an initiative number, or words of a title ("2.1" could be in one).
  if (/^\d+(\.\d+)+$/.test(trimmed)) return { kind: "initiativeNumber", number: trimmed, words };
  return { kind: "words", words };
}

export function isFilterActive(filter: LineFilter): boolean {
  return parseSearch(filter.text).kind !== "none" || filter.changed || filter.threshold !== null || filter.comments || filter.proposals;
}

/** Whether a line passes the search and every chip that is on. */
export function lineMatches(line: FilterableLine, filter: LineFilter, term: SearchTerm = parseSearch(filter.text)): boolean {
  if (filter.changed && line.changed !== true) return false;
  if (filter.comments && !line.hasComments) return false;
  if (filter.proposals && !line.isProposal) return false;
  if (filter.threshold) {
    const { direction, amount } = filter.threshold;
    if (direction === "over" ? !(line.total > amount) : !(line.total < amount)) return false;
  }
  switch (term.kind) {
    case "none":
      return true;
    case "paragraph":
      return line.paragraphs.includes(term.paragraph);
    case "initiativeNumber":
      return line.initiativeNumbers.some((number) => number === term.number || number.startsWith(`${term.number}.`)) || wordsMatch(line, term.words);
    case "words":
      return wordsMatch(line, term.words);
  }
}

/** The keys of the lines that pass, and of the themes that keep their heading (those with a line that passes). */
export function filterLines(lines: readonly FilterableLine[], filter: LineFilter): { lines: Set<string>; themes: Set<string> } {
  const term = parseSearch(filter.text);
  const passing = new Set<string>();
  const themes = new Set<string>();
  for (const line of lines) {
    if (!lineMatches(line, filter, term)) continue;
    passing.add(line.key);
    themes.add(line.themeKey);
  }
  return { lines: passing, themes };
}

function wordsMatch(line: FilterableLine, words: readonly string[]): boolean {
  const haystack = normalise(`${line.title} ${line.key} ${line.themeTitle}`);
  return words.every((word) => haystack.includes(word));
}

/** Lower case, accents off (é → e) but the Danish letters kept (æ, ø, å are letters of their own). */
function normalise(text: string): string {
  return text
    .toLocaleLowerCase("da")
    .replace(/å/g, "\u0001")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\u0001/g, "å");
}
