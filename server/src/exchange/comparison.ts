/**
 * Builds a comparison of scenarios of one frame from their exports, exactly: every difference is
 * a bigint subtraction, so the comparison file adds up to the øre.
 */
import type { YearAmount } from "@ramme/domain";
import type { ComparedLine, ComparisonExport, ComparisonLine, ExportLine, LineStatus, ScenarioExport } from "./types.ts";

/**
 * Compares `others` with `base` line by line (lines matched by key). The base's frame, unit and
 * years are used: the compared scenarios are expected to belong to the same frame.
 */
export function buildComparison(base: ScenarioExport, others: readonly ScenarioExport[]): ComparisonExport {
  const years = base.years;
  const baseByKey = linesByKey(base.lines);
  const othersByKey = others.map((other) => linesByKey(other.lines));

  const orderedLines: ExportLine[] = [...base.lines];
  const seenKeys = new Set(base.lines.map((line) => line.key));
  for (const other of others) {
    for (const line of other.lines) {
      if (seenKeys.has(line.key)) continue;
      seenKeys.add(line.key);
      orderedLines.push(line);
    }
  }

  const lines: ComparisonLine[] = orderedLines.map((line) => {
    const baseLine = baseByKey.get(line.key);
    const baseAmounts = baseLine ? amountsForYears(baseLine.amounts, years) : null;
    const compared = others.map((other, index): ComparedLine => {
      const otherLine = othersByKey[index]?.get(line.key);
      const otherAmounts = otherLine ? amountsForYears(otherLine.amounts, years) : null;
      const differences = years.map((year, column) => ({
        year,
        amount: (otherAmounts?.[column]?.amount ?? 0n) - (baseAmounts?.[column]?.amount ?? 0n),
      }));
      return {
        scenarioKey: other.scenarioKey,
        amounts: otherAmounts,
        differences,
        status: statusOf(baseAmounts !== null, otherAmounts !== null, differences),
      };
    });
    // Theme and title come from the base when it has the line, else from the first scenario that does.
    const source = baseLine ?? line;
    return { key: line.key, theme: source.theme, title: source.title, base: baseAmounts, others: compared };
  });

  return { frameName: base.frameName, unit: base.unit, years, frame: base.frame, ...(base.priceLevel ? { priceLevel: base.priceLevel } : {}), base, others, lines };
}

/** A line's amount for each of `years`, in that order; a year without an amount is 0, other years are dropped. */
export function amountsForYears(amounts: readonly YearAmount[], years: readonly number[]): YearAmount[] {
  const byYear = new Map<number, bigint>();
  for (const { year, amount } of amounts) byYear.set(year, (byYear.get(year) ?? 0n) + amount);
  return years.map((year) => ({ year, amount: byYear.get(year) ?? 0n }));
}

function statusOf(inBase: boolean, inOther: boolean, differences: readonly YearAmount[]): LineStatus {
  if (!inBase && inOther) return "ADDED";
  if (inBase && !inOther) return "REMOVED";
  return differences.some((difference) => difference.amount !== 0n) ? "CHANGED" : "UNCHANGED";
}

function linesByKey(lines: readonly ExportLine[]): Map<string, ExportLine> {
  const byKey = new Map<string, ExportLine>();
  for (const line of lines) if (!byKey.has(line.key)) byKey.set(line.key, line);
  return byKey;
}
