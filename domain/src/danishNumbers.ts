/**
 * Numbers as people type and paste them: Danish notation first ("3,5", "1.234,5"), the English
 * decimal point accepted too ("3.5"), a dash for zero as the documents print it.
 */
import { fromParts, OERE_PER_MIO, MAX_MIO_DECIMALS, type Oere, type Parsed } from "./money.ts";

/** A lone dash (hyphen, en dash, em dash or minus sign) means zero, as in the documents' tables. */
const DASH = /^[-\u2013\u2014\u2212]$/;
const SPACES = /[\s\u00a0\u202f]/g;
const MINUS = /^[-\u2212]/;

/**
 * Parses an amount in mio. kr. typed or pasted by a person.
 *
 * Rules, in order:
 * - surrounding spaces are ignored; spaces inside group thousands like "." does ("1 234,5"; "3 5" is refused);
 * - a lone dash is zero;
 * - with both `.` and `,`, the last one is the decimal separator and the other groups thousands
 *   ("1.234,5" and "1,234.5" are both 1234.5);
 * - with only one kind of separator appearing once, it is the decimal separator ("3,5", "3.5"), unless
 *   it is followed by exactly three digits after a whole part of one to three digits ("2.000", "1,000"):
 *   that reads as a thousand in one notation and as a decimal in the other, so it is refused as
 *   AMBIGUOUS rather than guessed (write "2000", "2.000,0" or "2,0");
 * - with one kind appearing several times, it groups thousands ("1.234.567"), and every group after
 *   the first must have three digits.
 */
export function parseDanishAmount(input: string): Parsed<Oere> {
  const trimmed = input.trim();
  if (trimmed === "") return { ok: false, error: { code: "EMPTY", input } };
  if (DASH.test(trimmed)) return { ok: true, value: 0n };

  const negative = MINUS.test(trimmed);
  // Spaces (also no-break and narrow no-break) group thousands like "." or "," do; they are checked, not dropped.
  const body = (negative ? trimmed.slice(1) : trimmed).replace(SPACES, " ");
  if (!/^[\d.,]+(?: [\d.,]+)*$/.test(body) || !/\d/.test(body)) return { ok: false, error: { code: "NOT_A_NUMBER", input } };

  const lastDot = body.lastIndexOf(".");
  const lastComma = body.lastIndexOf(",");
  let decimalSeparator: string | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimalSeparator = lastDot > lastComma ? "." : ",";
  else if (lastDot >= 0 && body.indexOf(".") === lastDot) decimalSeparator = ".";
  else if (lastComma >= 0 && body.indexOf(",") === lastComma) decimalSeparator = ",";

  const [integerPart = "", decimalPart = "", ...rest] =
    decimalSeparator === null ? [body] : body.split(decimalSeparator);
  if (rest.length > 0 || !/^\d*$/.test(decimalPart)) return { ok: false, error: { code: "NOT_A_NUMBER", input } };

  const groups = integerPart.split(/[., ]/);
  if (decimalSeparator !== null && (lastDot < 0) !== (lastComma < 0) && couldBeThousands(groups, decimalPart)) {
    return { ok: false, error: { code: "AMBIGUOUS", input } };
  }
  const groupedWell = groups.length === 1 || groups.slice(1).every((group) => /^\d{3}$/.test(group));
  if (!groupedWell || groups[0] === "" || (decimalSeparator !== null && decimalPart === "")) {
    return { ok: false, error: { code: "NOT_A_NUMBER", input } };
  }
  return fromParts(input, negative, groups.join(""), decimalPart);
}

/**
 * Whether a lone separator before `decimalPart` could as well group thousands: three digits after it,
 * and before it a whole part that is itself a well-grouped number not starting with 0 ("0,125" is
 * plainly a decimal; "1234.567" cannot be grouping).
 */
function couldBeThousands(groups: readonly string[], decimalPart: string): boolean {
  const [first = "", ...others] = groups;
  return (
    decimalPart.length === 3 &&
    /^[1-9]\d{0,2}$/.test(first) &&
    others.every((group) => /^\d{3}$/.test(group))
  );
}

export interface DanishFormatOptions {
  /** Fewest decimals to show (the frame's precision; 1 for the life science frame). More are shown when needed to be exact. */
  minDecimals?: number;
  /** Group thousands with `.` (default true). */
  grouping?: boolean;
  /** Show zero as "-" as the documents do (default false). */
  zeroAsDash?: boolean;
}

/** Formats an amount in mio. kr. the Danish way: "1.234,5", "-1,1", "100,0". Never rounds. */
export function formatDanishAmount(amount: Oere, options: DanishFormatOptions = {}): string {
  const { minDecimals = 1, grouping = true, zeroAsDash = false } = options;
  if (amount === 0n && zeroAsDash) return "-";
  const negative = amount < 0n;
  const magnitude = negative ? -amount : amount;
  const whole = (magnitude / OERE_PER_MIO).toString();
  let fraction = (magnitude % OERE_PER_MIO).toString().padStart(MAX_MIO_DECIMALS, "0").replace(/0+$/, "");
  if (fraction.length < minDecimals) fraction = fraction.padEnd(minDecimals, "0");
  const groupedWhole = grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : whole;
  return `${negative ? "-" : ""}${groupedWhole}${fraction ? `,${fraction}` : ""}`;
}
