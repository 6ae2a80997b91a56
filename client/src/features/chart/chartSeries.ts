/**
 * The theme chart's figures: per scenario the frame and each theme's allocation per year (exact,
 * bigint øre), built from a comparison; and, for AG Charts, the same figures as plotted numbers.
 * Converting to numbers happens only in `chartRows` and `axisMax`, for display only.
 */
import { formatMio, type Oere } from "@ramme/domain";
import { fromApi } from "../../app/amounts.ts";
import type { ComparisonResult, ThemeMeta } from "../compare/compareRows.ts";

export interface YearAmount {
  year: number;
  amount: Oere;
}

export interface ThemeAmounts {
  themeKey: string;
  title: string;
  amounts: YearAmount[];
}

export interface ChartSeries {
  scenarioName: string;
  frame: YearAmount[];
  themes: ThemeAmounts[];
}

/** What `buildChartSeries` reads of a comparison (the compare view's ComparisonFields). */
export type ChartComparison = Pick<ComparisonResult, "years" | "base" | "differences">;

/**
 * One series per scenario, the base first and then each compared scenario, every one with the same
 * themes (those any scenario funds, in display order) so colours and stacks line up across charts.
 * Without a compared scenario there is nothing to read the base's theme subtotals from: no series.
 */
export function buildChartSeries(comparison: ChartComparison, themes: readonly ThemeMeta[]): ChartSeries[] {
  const first = comparison.differences[0];
  if (!first) return [];
  const { years } = comparison;
  const known = new Map(themes.map((theme) => [theme.key, theme]));
  const themeKeys = [...new Set(comparison.differences.flatMap((difference) => difference.themes.map((entry) => entry.theme.key)))].sort(
    (a, b) => (known.get(a)?.position ?? Number.MAX_SAFE_INTEGER) - (known.get(b)?.position ?? Number.MAX_SAFE_INTEGER),
  );
  const frameOf = (difference: ChartComparison["differences"][number]) =>
    years.map((year) => ({ year, amount: amountOr0(difference.years.find((entry) => entry.year === year)?.frame) }));
  const themesOf = (difference: ChartComparison["differences"][number], side: "base" | "other") =>
    themeKeys.map((themeKey) => ({
      themeKey,
      title: known.get(themeKey)?.title ?? themeKey,
      amounts: years.map((year) => ({ year, amount: amountOr0(difference.themes.find((entry) => entry.theme.key === themeKey && entry.year === year)?.[side]) })),
    }));
  return [
    { scenarioName: comparison.base.name, frame: frameOf(first), themes: themesOf(first, "base") },
    ...comparison.differences.map((difference) => ({ scenarioName: difference.scenario.name, frame: frameOf(difference), themes: themesOf(difference, "other") })),
  ];
}

/** The years of a series: the frame's, then any a theme has beyond them, in order. */
export function seriesYears(series: ChartSeries): number[] {
  const years = new Set(series.frame.map((entry) => entry.year));
  for (const theme of series.themes) for (const entry of theme.amounts) years.add(entry.year);
  return [...years].sort((a, b) => a - b);
}

/** A year's allocation in a series: the sum of its themes, exactly. */
export function allocatedIn(series: ChartSeries, year: number): Oere {
  return series.themes.reduce((total, theme) => total + (theme.amounts.find((entry) => entry.year === year)?.amount ?? 0n), 0n);
}

export function frameIn(series: ChartSeries, year: number): Oere {
  return series.frame.find((entry) => entry.year === year)?.amount ?? 0n;
}

/** The highest stack or frame of any series in any year, exactly: the charts share one scale up to it. */
export function largestValue(series: readonly ChartSeries[]): Oere {
  let largest = 0n;
  for (const one of series) {
    for (const year of seriesYears(one)) {
      const allocated = allocatedIn(one, year);
      const frame = frameIn(one, year);
      if (allocated > largest) largest = allocated;
      if (frame > largest) largest = frame;
    }
  }
  return largest;
}

/** One row per year for AG Charts: each theme's amount under its key and the frame under "frame". */
export type ChartRow = { year: string } & Record<string, number | string>;

/** The key the frame is plotted under (themes are keyed by their theme key, which never has a colon). */
export const FRAME_KEY = "frame:line";

export function chartRows(series: ChartSeries): ChartRow[] {
  return seriesYears(series).map((year) => {
    const row: ChartRow = { year: String(year) };
    // Display only: AG Charts plots numbers, so the exact amounts become numbers here and nowhere else.
    for (const theme of series.themes) row[theme.themeKey] = toPlotted(theme.amounts.find((entry) => entry.year === year)?.amount ?? 0n);
    row[FRAME_KEY] = toPlotted(frameIn(series, year));
    return row;
  });
}

/** The amount as a plotted number (display only: the exact figure stays bigint everywhere else). */
export function toPlotted(amount: Oere): number {
  return Number(formatMio(amount));
}

/**
 * A round top for the value axis with room above the highest stack or frame: steps of 1, 2, 2.5 or 5
 * times a power of ten, about five of them, and always one step above the largest value (so a frame
 * line at the largest value is not drawn on the chart's edge). Display only (numbers).
 */
export function axisScale(largest: Oere): { max: number; step: number } {
  const value = toPlotted(largest);
  if (value <= 0) return { max: 1, step: 0.2 };
  const rough = value / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const steps = Math.floor(value / step + 1e-9) + 1;
  return { max: round(steps * step), step: round(step) };
}

function round(value: number): number {
  return Number(value.toPrecision(12));
}

function amountOr0(text: string | null | undefined): Oere {
  return text === null || text === undefined ? 0n : fromApi(text);
}
