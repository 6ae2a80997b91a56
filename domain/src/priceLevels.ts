/**
 * Price levels. Every amount is stored in the frame's price level (2024-pl); a price index per
 * year (2024 = 100) lets a person see the same figures in another year's price level.
 *
 * The conversion is a view, never stored: an amount A shown in year Y's price level is
 * A × index(Y) / index(base), an exact rational, rounded once to whole øre, half away from zero.
 * Lines are converted one by one and every total is the sum of the converted lines, so a
 * converted table adds up as every table in Ramme does; the frame converts the same way. Going
 * back to the base level is converting the stored amounts with the ratio 1/1: the originals.
 */
import { parseDanishAmount } from "./danishNumbers.ts";
import { MAX_MIO_DECIMALS, type Oere } from "./money.ts";
import type { YearAmount } from "./totals.ts";

/** An index value as a whole number of ten-thousandths: 103.2 is 1_032_000n. Never a float. */
export type IndexValue = bigint;

/** Decimals an index value may have (published indices have one or two). */
export const INDEX_DECIMALS = 4;
const INDEX_SCALE = 10n ** BigInt(INDEX_DECIMALS);
/** An index is below 10,000 (a hundred times the base level). */
export const INDEX_CEILING: IndexValue = 10_000n * INDEX_SCALE;
/** The years an index can be entered for. */
export const PRICE_INDEX_YEARS = { from: 1950, to: 2100 } as const;

export type IndexErrorCode = "EMPTY" | "NOT_A_NUMBER" | "AMBIGUOUS" | "TOO_PRECISE" | "TOO_LARGE" | "NOT_POSITIVE";

export interface IndexError {
  code: IndexErrorCode;
  input: string;
  /** For TOO_PRECISE: the decimals allowed. */
  maxDecimals?: number;
}

export type ParsedIndex = { ok: true; value: IndexValue } | { ok: false; error: IndexError };

/**
 * Parses an index value as a person types it ("103,2", "103.2", "1.003,25") with the same rules as
 * amounts (danishNumbers.ts): positive, at most INDEX_DECIMALS decimals, below INDEX_CEILING.
 */
export function parseIndexValue(input: string): ParsedIndex {
  const parsed = parseDanishAmount(input);
  if (!parsed.ok) {
    // An amount's own limit on decimals is 8; an index's is stricter, checked below for the same code.
    const { code } = parsed.error;
    if (code === "TOO_PRECISE") return { ok: false, error: { code, input, maxDecimals: INDEX_DECIMALS } };
    return { ok: false, error: { code: code === "NEGATIVE" ? "NOT_POSITIVE" : code, input } };
  }
  // parseDanishAmount counts in 10^-8 (øre of a mio.); an index keeps 4 of those decimals.
  const unitsPerIndexStep = 10n ** BigInt(MAX_MIO_DECIMALS - INDEX_DECIMALS);
  if (parsed.value <= 0n) return { ok: false, error: { code: "NOT_POSITIVE", input } };
  if (parsed.value % unitsPerIndexStep !== 0n) return { ok: false, error: { code: "TOO_PRECISE", input, maxDecimals: INDEX_DECIMALS } };
  const value = parsed.value / unitsPerIndexStep;
  if (value >= INDEX_CEILING) return { ok: false, error: { code: "TOO_LARGE", input } };
  return { ok: true, value };
}

/** The canonical text of an index, as stored and as the API writes it: "103.2", "100". */
export function formatIndexValue(value: IndexValue, decimalSeparator: "." | "," = "."): string {
  const whole = value / INDEX_SCALE;
  const fraction = (value % INDEX_SCALE).toString().padStart(INDEX_DECIMALS, "0").replace(/0+$/, "");
  return fraction ? `${whole}${decimalSeparator}${fraction}` : `${whole}`;
}

/** "2026-pl", the way the documents name a price level. */
export function priceLevelLabel(year: number): string {
  return `${year}-pl`;
}

/** The year of a price level label ("2024-pl" → 2024); null for anything else. */
export function priceLevelYear(label: string): number | null {
  const match = /^(\d{4})-pl$/.exec(label.trim());
  return match ? Number(match[1]) : null;
}

/** index(target) / index(base), in lowest terms. */
export interface PriceRatio {
  numerator: bigint;
  denominator: bigint;
}

export function priceRatio(baseIndex: IndexValue, targetIndex: IndexValue): PriceRatio {
  if (baseIndex <= 0n || targetIndex <= 0n) throw new Error("price indices are positive");
  const divisor = gcd(targetIndex, baseIndex);
  return { numerator: targetIndex / divisor, denominator: baseIndex / divisor };
}

/**
 * amount × ratio, rounded once to whole øre, half away from zero (0.5 øre → 1 øre, -0.5 øre → -1 øre),
 * so a negative figure (a difference, a headroom) rounds as its positive counterpart does.
 */
export function convertAmount(amount: Oere, ratio: PriceRatio): Oere {
  const product = amount * ratio.numerator;
  const quotient = product / ratio.denominator;
  const remainder = product % ratio.denominator;
  const magnitude = remainder < 0n ? -remainder : remainder;
  if (2n * magnitude < ratio.denominator) return quotient;
  return product < 0n ? quotient - 1n : quotient + 1n;
}

/** Whether amount × ratio is a whole number of øre, so that converting it needs no rounding. */
export function convertsExactly(amount: Oere, ratio: PriceRatio): boolean {
  return (amount * ratio.numerator) % ratio.denominator === 0n;
}

/** A line's (or the frame's) amounts per year, each converted on its own. */
export function convertYearAmounts(amounts: readonly YearAmount[], ratio: PriceRatio): YearAmount[] {
  return amounts.map(({ year, amount }) => ({ year, amount: convertAmount(amount, ratio) }));
}

/** A price level another than the base, with what a reader needs to redo the arithmetic. */
export interface PriceConversion {
  baseYear: number;
  year: number;
  baseIndex: IndexValue;
  index: IndexValue;
  ratio: PriceRatio;
}

export function priceConversion(baseYear: number, baseIndex: IndexValue, year: number, index: IndexValue): PriceConversion {
  return { baseYear, year, baseIndex, index, ratio: priceRatio(baseIndex, index) };
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}
