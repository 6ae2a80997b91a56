/**
 * The grid's difference to a reference scenario, shaped from the server's `compareScenarios` answer
 * (the one source of truth for compare, brief, export and grid): per line and year, per theme and
 * year, and for the pinned totals, each with its total over the years; the lines added and removed.
 * Pure and exact: amounts stay bigint øre.
 */
import type { Oere } from "@ramme/domain";
import { fromApi } from "../../app/amounts.ts";
import { graphql, type ResultOf } from "../../graphql.ts";

/** What the grid asks of a comparison of the reference (base) with the scenario shown (the one other). */
export const ReferenceDiffFields = graphql(`
  fragment ReferenceDiffFields on ScenarioComparison {
    years
    base { key name version }
    others { key version }
    lines {
      inBase
      initiative { key title theme { key } }
      versus { status cells { year base other difference } }
    }
    differences {
      counts { added removed changed unchanged }
      themes { theme { key } year difference }
      years { year baseAllocated otherAllocated baseHeadroom otherHeadroom }
    }
  }
`);

export type ReferenceComparison = ResultOf<typeof ReferenceDiffFields>;
export type DiffStatus = "ADDED" | "REMOVED" | "CHANGED" | "UNCHANGED";

/** Differences by year, and over all the years. */
export interface YearDiffs {
  years: Record<number, Oere>;
  total: Oere;
}

/** A line only the reference has: the grid shows it as a struck-out row under its theme. */
export interface RemovedLine {
  initiativeKey: string;
  themeKey: string;
  title: string;
  /** The reference's amounts (the scenario has none). */
  amounts: Record<number, Oere>;
  total: Oere;
}

export interface ReferenceDiff {
  referenceKey: string;
  referenceName: string;
  /** The versions the comparison was made at: the grid marks the differences as pending while its own version is another. */
  referenceVersion: number;
  scenarioVersion: number;
  lines: ReadonlyMap<string, YearDiffs & { status: DiffStatus }>;
  themes: ReadonlyMap<string, YearDiffs>;
  /** The pinned rows: allocated and headroom (the frame is the same on both sides). */
  summary: { allocated: YearDiffs; headroom: YearDiffs; frame: YearDiffs };
  removed: readonly RemovedLine[];
  counts: Record<"added" | "removed" | "changed" | "unchanged", number>;
}

/** The differences from a comparison whose base is the reference and whose one other is the scenario shown. */
export function buildReferenceDiff(comparison: ReferenceComparison): ReferenceDiff {
  const { years } = comparison;
  const difference = comparison.differences[0];
  const lines = new Map<string, YearDiffs & { status: DiffStatus }>();
  const removed: RemovedLine[] = [];
  for (const line of comparison.lines) {
    const versus = line.versus[0];
    if (!versus) continue;
    const diffs = byYear(years, (year) => amount(versus.cells.find((cell) => cell.year === year)?.difference));
    lines.set(line.initiative.key, { status: versus.status, ...diffs });
    if (versus.status === "REMOVED") {
      const amounts = byYear(years, (year) => amount(versus.cells.find((cell) => cell.year === year)?.base));
      removed.push({ initiativeKey: line.initiative.key, themeKey: line.initiative.theme.key, title: line.initiative.title, amounts: amounts.years, total: amounts.total });
    }
  }
  const themes = new Map<string, YearDiffs>();
  for (const themeKey of new Set(difference?.themes.map((entry) => entry.theme.key) ?? [])) {
    themes.set(themeKey, byYear(years, (year) => amount(difference!.themes.find((entry) => entry.theme.key === themeKey && entry.year === year)?.difference)));
  }
  const yearOf = (year: number) => difference?.years.find((entry) => entry.year === year);
  return {
    referenceKey: comparison.base.key,
    referenceName: comparison.base.name,
    referenceVersion: comparison.base.version,
    scenarioVersion: comparison.others[0]?.version ?? 0,
    lines,
    themes,
    summary: {
      allocated: byYear(years, (year) => amount(yearOf(year)?.otherAllocated) - amount(yearOf(year)?.baseAllocated)),
      headroom: byYear(years, (year) => amount(yearOf(year)?.otherHeadroom) - amount(yearOf(year)?.baseHeadroom)),
      frame: byYear(years, () => 0n),
    },
    removed,
    counts: difference?.counts ?? { added: 0, removed: 0, changed: 0, unchanged: 0 },
  };
}

/** The difference shown in a grid cell: a line's, a theme's or a pinned row's, for a year or (year null) the total. */
export function cellDiff(diff: ReferenceDiff, row: { kind: string; initiativeKey?: string; themeKey?: string }, year: number | null): { difference: Oere; status: DiffStatus | null } | null {
  let diffs: YearDiffs | undefined;
  let status: DiffStatus | null = null;
  if (row.kind === "line" && row.initiativeKey !== undefined) {
    const line = diff.lines.get(row.initiativeKey);
    diffs = line;
    status = line?.status ?? null;
  } else if (row.kind === "theme" && row.themeKey !== undefined) diffs = diff.themes.get(row.themeKey);
  else if (row.kind === "allocated" || row.kind === "headroom" || row.kind === "frame") diffs = diff.summary[row.kind];
  if (!diffs) return null;
  return { difference: year === null ? diffs.total : diffs.years[year] ?? 0n, status };
}

function amount(text: string | null | undefined): Oere {
  return text === null || text === undefined ? 0n : fromApi(text);
}

function byYear(years: readonly number[], pick: (year: number) => Oere): YearDiffs {
  const values = Object.fromEntries(years.map((year) => [year, pick(year)]));
  return { years: values, total: years.reduce((sum, year) => sum + (values[year] ?? 0n), 0n) };
}
