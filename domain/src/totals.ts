/**
 * Totals against the frame. Every figure is derived from the lines, exactly; stated totals are
 * kept as printed and compared, never trusted.
 */
import { sumOere, type Oere } from "./money.ts";

export interface YearAmount {
  year: number;
  amount: Oere;
}

export interface LineAmounts {
  amounts: readonly YearAmount[];
}

/** Sum of a line's amounts over all its years. */
export function lineTotal(line: LineAmounts): Oere {
  return sumOere(line.amounts.map((cell) => cell.amount));
}

/** Sum per year of every line's amount that year, for exactly the given years (a year with no cells sums to 0). */
export function allocatedByYear(lines: Iterable<LineAmounts>, years: readonly number[]): Map<number, Oere> {
  const totals = new Map<number, Oere>(years.map((year) => [year, 0n]));
  for (const line of lines) {
    for (const cell of line.amounts) {
      const running = totals.get(cell.year);
      if (running !== undefined) totals.set(cell.year, running + cell.amount);
    }
  }
  return totals;
}

export interface FrameYearTotal {
  year: number;
  allocated: Oere;
  frame: Oere;
  /** frame - allocated; negative when the year is over the frame. */
  headroom: Oere;
  /** How much the year is over the frame; 0 when it fits. */
  overBy: Oere;
  fits: boolean;
}

/** One total per frame year, in the frame's order. */
export function frameYearTotals(
  frame: readonly YearAmount[],
  allocated: ReadonlyMap<number, Oere>,
): FrameYearTotal[] {
  return frame.map(({ year, amount }) => {
    const allocatedThatYear = allocated.get(year) ?? 0n;
    const headroom = amount - allocatedThatYear;
    return {
      year,
      allocated: allocatedThatYear,
      frame: amount,
      headroom,
      overBy: headroom < 0n ? -headroom : 0n,
      fits: headroom >= 0n,
    };
  });
}

/** The years a scenario breaks the frame, with the amount over. */
export function frameBreaches(totals: readonly FrameYearTotal[]): Array<{ year: number; overBy: Oere }> {
  return totals.filter((total) => !total.fits).map(({ year, overBy }) => ({ year, overBy }));
}

export type StatedTotalStatus = "MATCHES" | "EXPLAINED" | "PARTLY_EXPLAINED" | "UNEXPLAINED";

export interface StatedTotalCheck {
  stated: Oere;
  computed: Oere;
  /** stated - computed: what the printed total has that the lines do not. */
  difference: Oere;
  /** What the document's own notes account for (amounts outside the table tied to this total). */
  explained: Oere;
  /** difference - explained: what nothing in the document accounts for. */
  unexplained: Oere;
  status: StatedTotalStatus;
}

/**
 * Compares a printed total with the sum of the lines. `explainedBy` are the amounts that the
 * document's footnotes say are in the printed total but not in the lines (e.g. bridge financing).
 */
export function checkStatedTotal(stated: Oere, computed: Oere, explainedBy: readonly Oere[] = []): StatedTotalCheck {
  const difference = stated - computed;
  const explained = sumOere(explainedBy);
  const unexplained = difference - explained;
  let status: StatedTotalStatus;
  if (difference === 0n && explained === 0n) status = "MATCHES";
  else if (unexplained === 0n) status = "EXPLAINED";
  else if (explained !== 0n) status = "PARTLY_EXPLAINED";
  else status = "UNEXPLAINED";
  return { stated, computed, difference, explained, unexplained, status };
}
