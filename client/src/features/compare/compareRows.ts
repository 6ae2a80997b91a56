/**
 * The comparison grid's rows, shaped from a `compareScenarios` answer: AG Grid Community has no row
 * grouping, so the theme headings are rows we build here (in the themes' display order, each with
 * its subtotals as the API computed them in `differences.themes`), each followed by its lines in
 * the comparison's order; the allocated, frame and headroom rows pinned at the bottom come from
 * `differences.years`. Pure and exact: amounts stay bigint øre, never numbers.
 */
import type { Oere } from "@ramme/domain";
import { fromApi } from "../../app/amounts.ts";
import { graphql, type ResultOf } from "../../graphql.ts";

/**
 * The part of a ScenarioComparison these rows (and the note's, the chart's) are built from: the
 * compare view and the brief both spread it, so they ask for the same figures. Needs the
 * operation's `$language` (the plain-language summary).
 */
export const ComparisonFields = graphql(`
  fragment ComparisonFields on ScenarioComparison {
    __typename # readFragment matches the answer's union member by it
    years
    baseYearsOverFrame
    base { key name }
    others { key name }
    lines {
      inBase
      initiative { key title isReserve theme { key } }
      versus {
        scenario { key } status
        cells { year base other difference }
        comments { text author createdAt year }
      }
    }
    differences {
      scenario { key name }
      counts { added removed changed unchanged }
      summary(language: $language)
      yearsOverFrame
      themes { theme { key } year base other difference }
      years { year frame baseAllocated otherAllocated baseHeadroom otherHeadroom baseOverBy otherOverBy }
    }
  }
`);

/** A theme as the comparison's headings show it. */
export const ThemeFields = graphql(`
  fragment ThemeFields on Theme @_unmask { key title position }
`);

export type ComparisonResult = ResultOf<typeof ComparisonFields>;
type Versus = ComparisonResult["lines"][number]["versus"][number];
export type LineStatus = Versus["status"];
export type CompareComment = Versus["comments"][number];
export type ThemeMeta = ResultOf<typeof ThemeFields>;

/** One scenario's figures on a row: per year (null = the line is not in that scenario) and the total. */
export interface Figures {
  amounts: Record<number, Oere | null>;
  total: Oere | null;
}

/** A compared scenario's figures and their difference from the base (other − base, absent = 0). */
export interface VersusFigures extends Figures {
  scenarioKey: string;
  difference: Record<number, Oere>;
  totalDifference: Oere;
}

export interface CompareThemeRow {
  kind: "theme";
  id: string;
  themeKey: string;
  title: string;
  base: Figures;
  others: VersusFigures[];
}

export interface CompareLineRow {
  kind: "line";
  id: string;
  initiativeKey: string;
  themeKey: string;
  title: string;
  isReserve: boolean;
  inBase: boolean;
  base: Figures;
  others: Array<VersusFigures & { status: LineStatus; comments: CompareComment[] }>;
}

export type CompareBodyRow = CompareThemeRow | CompareLineRow;

export interface CompareSummaryRow {
  kind: "allocated" | "frame" | "headroom";
  id: string;
  base: Figures;
  others: VersusFigures[];
  /** The years the base, and each compared scenario, are over the frame, with how much. */
  overBy: { base: Record<number, Oere>; others: Array<Record<number, Oere>> };
}

/**
 * Theme heading rows with their subtotals, each followed by its lines in the comparison's order;
 * themes in display order (a theme the `themes` list does not know goes last, titled by its key).
 */
export function buildCompareBodyRows(comparison: ComparisonResult, themes: readonly ThemeMeta[]): CompareBodyRow[] {
  const { years } = comparison;
  const byTheme = new Map<string, ComparisonResult["lines"]>();
  for (const line of comparison.lines) byTheme.set(line.initiative.theme.key, [...(byTheme.get(line.initiative.theme.key) ?? []), line]);
  const known = new Map(themes.map((theme) => [theme.key, theme]));
  const ordered = [...byTheme.keys()].sort((a, b) => (known.get(a)?.position ?? Number.MAX_SAFE_INTEGER) - (known.get(b)?.position ?? Number.MAX_SAFE_INTEGER));

  const rows: CompareBodyRow[] = [];
  for (const themeKey of ordered) {
    rows.push(themeRow(comparison, themeKey, known.get(themeKey)?.title ?? themeKey));
    for (const line of byTheme.get(themeKey)!) rows.push(lineRow(line, comparison.others, years));
  }
  return rows;
}

function themeRow(comparison: ComparisonResult, themeKey: string, title: string): CompareThemeRow {
  const { years, differences } = comparison;
  const subtotal = (difference: ComparisonResult["differences"][number], year: number) => difference.themes.find((entry) => entry.theme.key === themeKey && entry.year === year);
  // Every difference carries the same base subtotals; the first one is as good as any.
  const first = differences[0];
  const baseAmounts = byYear(years, (year) => (first ? amountOr0(subtotal(first, year)?.base) : 0n));
  return {
    kind: "theme",
    id: `theme:${themeKey}`,
    themeKey,
    title,
    base: { amounts: baseAmounts, total: sum(years, baseAmounts) },
    others: differences.map((difference) => {
      const amounts = byYear(years, (year) => amountOr0(subtotal(difference, year)?.other));
      const delta = byYear(years, (year) => amountOr0(subtotal(difference, year)?.difference));
      return { scenarioKey: difference.scenario.key, amounts, total: sum(years, amounts), difference: delta, totalDifference: sum(years, delta) };
    }),
  };
}

function lineRow(line: ComparisonResult["lines"][number], others: ComparisonResult["others"], years: readonly number[]): CompareLineRow {
  const cellOf = (versus: ComparisonResult["lines"][number]["versus"][number] | undefined, year: number) => versus?.cells.find((cell) => cell.year === year);
  const firstVersus = line.versus[0];
  const baseAmounts = byYear(years, (year) => (line.inBase ? amountOr0(cellOf(firstVersus, year)?.base) : null));
  return {
    kind: "line",
    id: line.initiative.key,
    initiativeKey: line.initiative.key,
    themeKey: line.initiative.theme.key,
    title: line.initiative.title,
    isReserve: line.initiative.isReserve,
    inBase: line.inBase,
    base: { amounts: baseAmounts, total: line.inBase ? sum(years, baseAmounts) : null },
    others: others.map((other, index) => {
      const versus = line.versus.find((entry) => entry.scenario.key === other.key) ?? line.versus[index];
      const present = versus !== undefined && versus.status !== "REMOVED" && (line.inBase || versus.status === "ADDED");
      const amounts = byYear(years, (year) => (present ? amountOr0(cellOf(versus, year)?.other) : null));
      const delta = byYear(years, (year) => amountOr0(cellOf(versus, year)?.difference));
      return {
        scenarioKey: other.key,
        status: versus?.status ?? "UNCHANGED",
        comments: versus?.comments ?? [],
        amounts,
        total: present ? sum(years, amounts) : null,
        difference: delta,
        totalDifference: sum(years, delta),
      };
    }),
  };
}

/** Allocated, frame and headroom per year and in total: the base's, and each compared scenario's with its difference from the base. */
export function buildCompareSummaryRows(comparison: ComparisonResult): CompareSummaryRow[] {
  const { years, differences } = comparison;
  const yearOf = (difference: ComparisonResult["differences"][number], year: number) => difference.years.find((entry) => entry.year === year);
  const first = differences[0];
  const overBy = {
    base: overMap(years, (year) => (first ? amountOr0(yearOf(first, year)?.baseOverBy) : 0n)),
    others: differences.map((difference) => overMap(years, (year) => amountOr0(yearOf(difference, year)?.otherOverBy))),
  };
  type YearField = keyof ComparisonResult["differences"][number]["years"][number];
  const row = (kind: CompareSummaryRow["kind"], baseField: YearField, otherField: YearField): CompareSummaryRow => {
    const baseAmounts = byYear(years, (year) => (first ? amountOr0(yearOf(first, year)?.[baseField] as string | undefined) : 0n));
    return {
      kind,
      id: `summary:${kind}`,
      base: { amounts: baseAmounts, total: sum(years, baseAmounts) },
      others: differences.map((difference) => {
        const amounts = byYear(years, (year) => amountOr0(yearOf(difference, year)?.[otherField] as string | undefined));
        const delta = byYear(years, (year) => (amounts[year] ?? 0n) - (baseAmounts[year] ?? 0n));
        return { scenarioKey: difference.scenario.key, amounts, total: sum(years, amounts), difference: delta, totalDifference: sum(years, delta) };
      }),
      overBy,
    };
  };
  return [row("allocated", "baseAllocated", "otherAllocated"), row("frame", "frame", "frame"), row("headroom", "baseHeadroom", "otherHeadroom")];
}

/**
 * How a line differs, for its badge and row style: the compared scenarios that add it and that
 * remove it; `all` when every compared scenario does the same (then the whole row is marked).
 */
export function lineMarks(row: CompareLineRow): { added: string[]; removed: string[]; allAdded: boolean; allRemoved: boolean } {
  const added = row.others.filter((other) => other.status === "ADDED").map((other) => other.scenarioKey);
  const removed = row.others.filter((other) => other.status === "REMOVED").map((other) => other.scenarioKey);
  return { added, removed, allAdded: added.length > 0 && added.length === row.others.length, allRemoved: removed.length > 0 && removed.length === row.others.length };
}

function amountOr0(text: string | null | undefined): Oere {
  return text === null || text === undefined ? 0n : fromApi(text);
}

function byYear<T>(years: readonly number[], pick: (year: number) => T): Record<number, T> {
  return Object.fromEntries(years.map((year) => [year, pick(year)]));
}

function overMap(years: readonly number[], pick: (year: number) => Oere): Record<number, Oere> {
  return Object.fromEntries(years.flatMap((year) => {
    const over = pick(year);
    return over > 0n ? [[year, over]] : [];
  }));
}

function sum(years: readonly number[], amounts: Record<number, Oere | null>): Oere {
  return years.reduce((total, year) => total + (amounts[year] ?? 0n), 0n);
}
