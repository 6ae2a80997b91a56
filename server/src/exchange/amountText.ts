/**
 * Amounts in files. The text forms are exact (bigint øre in, decimal text out). The spreadsheet
 * number is the one place a binary float appears, and it is made from, and read back as, exact
 * decimal text.
 */
import { formatDanishAmount, formatMio, parseMio, decimalsOf, type Oere, type Parsed } from "@ramme/domain";
import type { NumberStyle } from "./types.ts";

/**
 * An amount as CSV text, with at least one decimal so every column lines up and the frame's
 * precision (1 decimal) is visible, and more decimals only when the amount has them (never rounded).
 * - DANISH: "1.234,5", "100,0", "-5,0".
 * - API: the canonical form `parseMio` reads, padded to one decimal: "1234.5", "100.0", "-5.0", "0.05".
 *   No grouping, so a "," delimiter never needs quoting around a number.
 */
export function formatAmountText(amount: Oere, style: NumberStyle): string {
  if (style === "DANISH") return formatDanishAmount(amount, { minDecimals: 1, grouping: true });
  const canonical = formatMio(amount);
  return canonical.includes(".") ? canonical : `${canonical}.0`;
}

/**
 * The amount as an XLSX numeric cell, or null when no number can hold it exactly.
 *
 * XLSX stores a number as the shortest decimal text that reads back as the same double, and a
 * double holds every decimal of at most 15 significant digits exactly in that sense: parsing the
 * text gives the double nearest to it, and printing that double shortest gives the text again.
 * So `Number(formatMio(x))` is written as exactly formatMio(x) (e.g. "0.3", "16.8", "999999.9"),
 * and a reader gets the exact amount back with `String(value)` → `parseMio` (see `oereFromSpreadsheetNumber`).
 * Any single amount (≤ 1,000,000 mio. kr. with ≤ 8 decimals) fits; a huge sum with many decimals
 * might not, so the result is checked and null returned rather than a rounded number.
 */
export function spreadsheetNumber(amount: Oere): number | null {
  const exactText = formatMio(amount);
  const value = Number(exactText);
  const readBack = oereFromSpreadsheetNumber(value);
  return readBack.ok && readBack.value === amount ? value : null;
}

/**
 * Reads an XLSX numeric cell back as øre through its shortest decimal text. JavaScript prints
 * numbers below 1e-6 with an exponent ("1e-8" for 1 øre), so that form is expanded to plain digits first.
 */
export function oereFromSpreadsheetNumber(value: number): Parsed<Oere> {
  return parseMio(plainDecimalText(value));
}

/** `String(value)` without exponent notation ("1e-8" → "0.00000001", "1.5e-7" → "0.00000015"). */
function plainDecimalText(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = "", whole = "", fraction = "", exponentText = "0"] = match;
  const exponent = Number(exponentText);
  const digits = whole + fraction;
  // Position of the decimal point within `digits` after shifting by the exponent.
  const point = whole.length + exponent;
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The number format every amount cell with at most one decimal gets. */
export const AMOUNT_NUMBER_FORMAT = "#,##0.0";

/**
 * Excel number format for an amount cell: `#,##0.0` (one decimal, grouped; a Danish Excel shows
 * "1.234,5"), widened with optional digits when the amount has more decimals, so the sheet never
 * shows a rounded figure.
 */
export function amountNumberFormat(amount: Oere): string {
  const extraDecimals = Math.max(0, decimalsOf(amount) - 1);
  return `${AMOUNT_NUMBER_FORMAT}${"#".repeat(extraDecimals)}`;
}
