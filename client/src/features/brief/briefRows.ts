/**
 * The note's table of differences, picked from a comparison of one scenario with a base: only the
 * lines that were added, removed or changed, under their themes (in display order, each with the
 * theme's difference), the unchanged lines folded into one line with their count, and the totals of
 * both scenarios summed from every line, with their difference, so the table adds up to what the
 * frame check shows.
 * Pure and exact: amounts stay bigint øre.
 */
import type { Oere } from "@ramme/domain";
import { buildCompareBodyRows, type ComparisonResult, type Figures, type LineStatus, type ThemeMeta } from "../compare/compareRows.ts";

export interface BriefLine {
  initiativeKey: string;
  title: string;
  status: Exclude<LineStatus, "UNCHANGED">;
  isReserve: boolean;
  /** null amounts where the line is absent from that scenario. */
  base: Figures;
  other: Figures;
  difference: Record<number, Oere>;
  totalDifference: Oere;
}

export interface BriefTheme {
  themeKey: string;
  title: string;
  /** The theme's subtotal difference (its unchanged lines add nothing to it). */
  difference: Record<number, Oere>;
  totalDifference: Oere;
  lines: BriefLine[];
}

export interface BriefTable {
  years: number[];
  themes: BriefTheme[];
  /** The lines both scenarios have with the same amounts, as one line: how many, and what they hold. */
  unchanged: { count: number; amounts: Record<number, Oere>; total: Oere };
  /** Every line summed, in each scenario, and the difference. */
  totals: { base: Record<number, Oere>; other: Record<number, Oere>; difference: Record<number, Oere>; baseTotal: Oere; otherTotal: Oere; totalDifference: Oere };
}

/** The table for the first compared scenario of `comparison` against its base. */
export function buildBriefTable(comparison: ComparisonResult, themes: readonly ThemeMeta[]): BriefTable {
  const { years } = comparison;
  const zero = () => Object.fromEntries(years.map((year) => [year, 0n])) as Record<number, Oere>;
  const addInto = (target: Record<number, Oere>, amounts: Record<number, Oere | null>) => {
    for (const year of years) target[year] = (target[year] ?? 0n) + (amounts[year] ?? 0n);
  };

  const briefThemes: BriefTheme[] = [];
  const unchanged = { count: 0, amounts: zero(), total: 0n };
  const totals = { base: zero(), other: zero(), difference: zero(), baseTotal: 0n, otherTotal: 0n, totalDifference: 0n };
  let current: BriefTheme | null = null;

  for (const row of buildCompareBodyRows(comparison, themes)) {
    if (row.kind === "theme") {
      const versus = row.others[0]!;
      current = { themeKey: row.themeKey, title: row.title, difference: versus.difference, totalDifference: versus.totalDifference, lines: [] };
      briefThemes.push(current);
      continue;
    }
    const versus = row.others[0]!;
    addInto(totals.base, row.base.amounts);
    addInto(totals.other, versus.amounts);
    const { status } = versus;
    if (status === "UNCHANGED") {
      unchanged.count += 1;
      addInto(unchanged.amounts, row.base.amounts);
      unchanged.total += row.base.total ?? 0n;
      continue;
    }
    current?.lines.push({
      initiativeKey: row.initiativeKey,
      title: row.title,
      status,
      isReserve: row.isReserve,
      base: row.base,
      other: { amounts: versus.amounts, total: versus.total },
      difference: versus.difference,
      totalDifference: versus.totalDifference,
    });
  }

  for (const year of years) totals.difference[year] = totals.other[year]! - totals.base[year]!;
  totals.baseTotal = years.reduce((sum, year) => sum + totals.base[year]!, 0n);
  totals.otherTotal = years.reduce((sum, year) => sum + totals.other[year]!, 0n);
  totals.totalDifference = totals.otherTotal - totals.baseTotal;
  return { years, themes: briefThemes.filter((theme) => theme.lines.length > 0), unchanged, totals };
}
