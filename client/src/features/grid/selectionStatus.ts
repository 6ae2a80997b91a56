/**
 * What Excel's status bar says about a selection: the sum, the count and the average of its amount
 * cells, exactly (bigint øre). The average is rounded half away from zero to `decimals` decimals and
 * says whether it was rounded, so the screen can mark it "≈".
 */
import { OERE_PER_MIO, type Oere } from "@ramme/domain";
import type { TargetBounds } from "./pasteBlock.ts";

export interface SelectionSummary {
  count: number;
  sum: Oere;
  average: Oere;
  /** The exact average needs more decimals than `average` shows. */
  averageRounded: boolean;
}

export function summarizeSelection(
  bounds: TargetBounds,
  lineKeys: readonly string[],
  years: readonly number[],
  amountOf: (initiativeKey: string, year: number) => Oere,
  decimals: number,
): SelectionSummary {
  let sum = 0n;
  let count = 0;
  for (let row = Math.max(0, bounds.top); row <= Math.min(bounds.bottom, lineKeys.length - 1); row += 1) {
    for (let column = Math.max(0, bounds.left); column <= Math.min(bounds.right, years.length - 1); column += 1) {
      sum += amountOf(lineKeys[row]!, years[column]!);
      count += 1;
    }
  }
  const { amount, rounded } = roundedAverage(sum, count, decimals);
  return { count, sum, average: amount, averageRounded: rounded };
}

/** sum ÷ count in øre, rounded half away from zero to `decimals` decimals of a mio. kr. */
export function roundedAverage(sum: Oere, count: number, decimals: number): { amount: Oere; rounded: boolean } {
  if (count === 0) return { amount: 0n, rounded: false };
  const unit = OERE_PER_MIO / 10n ** BigInt(Math.min(Math.max(decimals, 0), 8));
  const divisor = BigInt(count) * unit;
  const negative = sum < 0n;
  const magnitude = negative ? -sum : sum;
  const quotient = magnitude / divisor;
  const remainder = magnitude % divisor;
  const units = remainder * 2n >= divisor ? quotient + 1n : quotient;
  const amount = units * unit;
  return { amount: negative ? -amount : amount, rounded: remainder !== 0n };
}
