/**
 * Comparing two scenarios of the same frame, line by line and year by year: what was added,
 * removed and changed, where money was released and where it went. Everything is exact øre, so the
 * released and spent amounts add up to the change in the totals to the last øre.
 */
import type { Oere } from "./money.ts";
import type { YearAmount } from "./totals.ts";

/** One initiative's line in a scenario, with its amounts per year. */
export interface SnapshotLine {
  initiativeId: string;
  themeId: string;
  isReserve: boolean;
  amounts: readonly YearAmount[];
}

/** A scenario's lines in the scenario's own order. */
export interface ScenarioSnapshot {
  key: string;
  lines: readonly SnapshotLine[];
}

export type LineStatus = "ADDED" | "REMOVED" | "CHANGED" | "UNCHANGED";

export interface CellComparison {
  year: number;
  /** null when the line is absent from the base scenario. */
  base: Oere | null;
  /** null when the line is absent from the other scenario. */
  other: Oere | null;
  /** (other ?? 0) - (base ?? 0). */
  difference: Oere;
}

export interface LineComparison {
  initiativeId: string;
  /** As in the other scenario when the line is there (the newer state), else as in the base. */
  themeId: string;
  /** As in the other scenario when the line is there, else as in the base. */
  isReserve: boolean;
  status: LineStatus;
  /** One per frame year, in the frame's order. */
  cells: CellComparison[];
  /** Sum over the frame years; null when the line is absent from the base. */
  baseTotal: Oere | null;
  /** Sum over the frame years; null when the line is absent from the other scenario. */
  otherTotal: Oere | null;
  totalDifference: Oere;
}

export interface ThemeYearComparison {
  themeId: string;
  year: number;
  base: Oere;
  other: Oere;
  difference: Oere;
}

/** How the money moved in one frame year. */
export interface YearFlow {
  year: number;
  frame: Oere;
  baseAllocated: Oere;
  otherAllocated: Oere;
  /** frame - baseAllocated; negative when the base is over the frame. */
  baseHeadroom: Oere;
  /** frame - otherAllocated; negative when the other scenario is over the frame. */
  otherHeadroom: Oere;
  /** Sum of all decreases, removed lines included, as a positive amount. */
  released: Oere;
  /** Sum of all increases, added lines included. */
  spent: Oere;
  /** spent - released, which is otherAllocated - baseAllocated. */
  net: Oere;
  /** The part of `released` that came from lines that were a reserve in the base. */
  releasedFromReserve: Oere;
  /** How much the base is over the frame; 0 when it fits. */
  baseOverBy: Oere;
  /** How much the other scenario is over the frame; 0 when it fits. */
  otherOverBy: Oere;
}

export interface PairComparison {
  baseKey: string;
  otherKey: string;
  /** The base's lines in base order, each added line right after the line it follows in the other scenario. */
  lines: LineComparison[];
  /** Per theme (first-appearance order in `lines`), one entry per frame year. */
  themes: ThemeYearComparison[];
  /** One per frame year, in the frame's order. */
  years: YearFlow[];
  counts: Record<LineStatus, number>;
}

/**
 * Compares `other` against `base` over the frame's years. Only frame years count: a cell outside
 * the frame neither changes a line's status nor its totals. A cell missing for a frame year is 0
 * where the line exists.
 */
export function compareScenarios(
  base: ScenarioSnapshot,
  other: ScenarioSnapshot,
  frame: readonly YearAmount[],
): PairComparison {
  const years = frame.map((cell) => cell.year);
  const baseLines = indexLines(base);
  const otherLines = indexLines(other);

  const lines = lineOrder(base, other).map((initiativeId) =>
    compareLine(initiativeId, baseLines.get(initiativeId), otherLines.get(initiativeId), years),
  );

  const counts: Record<LineStatus, number> = { ADDED: 0, REMOVED: 0, CHANGED: 0, UNCHANGED: 0 };
  for (const line of lines) counts[line.status] += 1;

  return {
    baseKey: base.key,
    otherKey: other.key,
    lines,
    themes: compareThemes(lines, baseLines, otherLines, years),
    years: yearFlows(lines, baseLines, frame),
    counts,
  };
}

interface IndexedLine {
  line: SnapshotLine;
  /** Amount per year, summed over the line's cells for that year. */
  byYear: Map<number, Oere>;
}

/** Lines by initiative; a scenario holding an initiative twice is a programming error upstream. */
function indexLines(snapshot: ScenarioSnapshot): Map<string, IndexedLine> {
  const indexed = new Map<string, IndexedLine>();
  for (const line of snapshot.lines) {
    if (indexed.has(line.initiativeId)) {
      throw new Error(`Scenario ${snapshot.key} has initiative ${line.initiativeId} more than once`);
    }
    const byYear = new Map<number, Oere>();
    for (const cell of line.amounts) byYear.set(cell.year, (byYear.get(cell.year) ?? 0n) + cell.amount);
    indexed.set(line.initiativeId, { line, byYear });
  }
  return indexed;
}

/**
 * The base's order, with each added line placed right after the line preceding it in `other`
 * (so a reader sees new initiatives where the other scenario puts them); an added line that comes
 * first in `other` comes first.
 */
function lineOrder(base: ScenarioSnapshot, other: ScenarioSnapshot): string[] {
  const inBase = new Set(base.lines.map((line) => line.initiativeId));
  // Each added line follows the line before it in `other` (null: it comes first); a line has at most one.
  const addedAfter = new Map<string | null, string>();
  let previous: string | null = null;
  for (const line of other.lines) {
    if (!inBase.has(line.initiativeId)) addedAfter.set(previous, line.initiativeId);
    previous = line.initiativeId;
  }
  // Linear in the lines: a run of added lines is placed in one pass after the line it follows.
  const order: string[] = [];
  const placeAddedAfter = (anchor: string | null) => {
    for (let next = addedAfter.get(anchor); next !== undefined; next = addedAfter.get(next)) order.push(next);
  };
  placeAddedAfter(null);
  for (const line of base.lines) {
    order.push(line.initiativeId);
    placeAddedAfter(line.initiativeId);
  }
  return order;
}

function compareLine(
  initiativeId: string,
  inBase: IndexedLine | undefined,
  inOther: IndexedLine | undefined,
  years: readonly number[],
): LineComparison {
  const cells = years.map((year): CellComparison => {
    const baseAmount = inBase ? (inBase.byYear.get(year) ?? 0n) : null;
    const otherAmount = inOther ? (inOther.byYear.get(year) ?? 0n) : null;
    return { year, base: baseAmount, other: otherAmount, difference: (otherAmount ?? 0n) - (baseAmount ?? 0n) };
  });
  const baseTotal = inBase ? cells.reduce((sum, cell) => sum + (cell.base ?? 0n), 0n) : null;
  const otherTotal = inOther ? cells.reduce((sum, cell) => sum + (cell.other ?? 0n), 0n) : null;
  const newest = (inOther ?? inBase)?.line;
  if (!newest) throw new Error(`Initiative ${initiativeId} is in neither scenario`);

  let status: LineStatus;
  if (!inBase) status = "ADDED";
  else if (!inOther) status = "REMOVED";
  else status = cells.some((cell) => cell.difference !== 0n) ? "CHANGED" : "UNCHANGED";

  return {
    initiativeId,
    themeId: newest.themeId,
    isReserve: newest.isReserve,
    status,
    cells,
    baseTotal,
    otherTotal,
    totalDifference: (otherTotal ?? 0n) - (baseTotal ?? 0n),
  };
}

/** Theme sums use each scenario's own theme for a line, so a line moved between themes counts right on both sides. */
function compareThemes(
  lines: readonly LineComparison[],
  baseLines: ReadonlyMap<string, IndexedLine>,
  otherLines: ReadonlyMap<string, IndexedLine>,
  years: readonly number[],
): ThemeYearComparison[] {
  const themeOrder: string[] = [];
  const note = (themeId: string | undefined): void => {
    if (themeId !== undefined && !themeOrder.includes(themeId)) themeOrder.push(themeId);
  };
  for (const line of lines) {
    note(baseLines.get(line.initiativeId)?.line.themeId);
    note(otherLines.get(line.initiativeId)?.line.themeId);
  }

  const sumFor = (indexed: ReadonlyMap<string, IndexedLine>, themeId: string, year: number): Oere => {
    let sum = 0n;
    for (const { line, byYear } of indexed.values()) if (line.themeId === themeId) sum += byYear.get(year) ?? 0n;
    return sum;
  };

  return themeOrder.flatMap((themeId) =>
    years.map((year) => {
      const baseSum = sumFor(baseLines, themeId, year);
      const otherSum = sumFor(otherLines, themeId, year);
      return { themeId, year, base: baseSum, other: otherSum, difference: otherSum - baseSum };
    }),
  );
}

function yearFlows(
  lines: readonly LineComparison[],
  baseLines: ReadonlyMap<string, IndexedLine>,
  frame: readonly YearAmount[],
): YearFlow[] {
  return frame.map(({ year, amount: frameAmount }, index) => {
    let baseAllocated = 0n;
    let otherAllocated = 0n;
    let released = 0n;
    let spent = 0n;
    let releasedFromReserve = 0n;
    for (const line of lines) {
      const cell = line.cells[index];
      if (!cell) continue;
      baseAllocated += cell.base ?? 0n;
      otherAllocated += cell.other ?? 0n;
      if (cell.difference > 0n) spent += cell.difference;
      if (cell.difference < 0n) {
        released -= cell.difference;
        if (baseLines.get(line.initiativeId)?.line.isReserve) releasedFromReserve -= cell.difference;
      }
    }
    const baseHeadroom = frameAmount - baseAllocated;
    const otherHeadroom = frameAmount - otherAllocated;
    return {
      year,
      frame: frameAmount,
      baseAllocated,
      otherAllocated,
      baseHeadroom,
      otherHeadroom,
      released,
      spent,
      net: spent - released,
      releasedFromReserve,
      baseOverBy: baseHeadroom < 0n ? -baseHeadroom : 0n,
      otherOverBy: otherHeadroom < 0n ? -otherHeadroom : 0n,
    };
  });
}
