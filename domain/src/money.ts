/**
 * Exact money. Every amount in Ramme is a whole number of øre held in a bigint:
 * 1 mio. kr. = 100,000,000 øre. Nothing here touches binary floating point, so a sum of
 * lines is exactly what a person gets adding the table by hand.
 */
export type Oere = bigint;

export const OERE_PER_MIO = 100_000_000n;
/** Decimals of a mio. kr. amount that øre can express (0.00000001 mio. kr. = 1 øre). */
export const MAX_MIO_DECIMALS = 8;
/** No single amount may exceed 1,000,000 mio. kr. (a trillion kroner, about the whole state budget). */
export const AMOUNT_CEILING: Oere = 1_000_000n * OERE_PER_MIO;

export type AmountErrorCode = "EMPTY" | "NOT_A_NUMBER" | "AMBIGUOUS" | "TOO_PRECISE" | "TOO_LARGE" | "NEGATIVE";

export interface AmountError {
  code: AmountErrorCode;
  /** The input as given, for the error message. */
  input: string;
  /** For TOO_PRECISE: the number of decimals allowed. */
  maxDecimals?: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: AmountError };

const CANONICAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Parses the API's canonical decimal notation for mio. kr.: digits, an optional `.` and decimals,
 * an optional leading minus ("98.9", "100", "-1.1"). No grouping, no exponent, no comma.
 */
export function parseMio(input: string): Parsed<Oere> {
  const text = input.trim();
  if (text === "") return fail("EMPTY", input);
  const match = CANONICAL.exec(text);
  if (!match) return fail("NOT_A_NUMBER", input);
  return fromParts(input, match[1] === "-", match[2] ?? "0", match[3] ?? "");
}

/** Builds an amount from its sign, integer digits and decimal digits, refusing what øre cannot hold. */
export function fromParts(input: string, negative: boolean, integerDigits: string, decimalDigits: string): Parsed<Oere> {
  if (decimalDigits.length > MAX_MIO_DECIMALS) {
    return { ok: false, error: { code: "TOO_PRECISE", input, maxDecimals: MAX_MIO_DECIMALS } };
  }
  // Refuse absurd lengths before building a huge bigint from them.
  if (integerDigits.replace(/^0+/, "").length > 13) return fail("TOO_LARGE", input);
  const magnitude =
    BigInt(integerDigits) * OERE_PER_MIO + BigInt(decimalDigits.padEnd(MAX_MIO_DECIMALS, "0") || "0");
  return { ok: true, value: negative ? -magnitude : magnitude };
}

/** Canonical text of an amount in mio. kr.: no trailing zeros, `.` as decimal point ("98.9", "100", "-0.05"). */
export function formatMio(amount: Oere): string {
  const negative = amount < 0n;
  const magnitude = negative ? -amount : amount;
  const whole = magnitude / OERE_PER_MIO;
  const fraction = (magnitude % OERE_PER_MIO).toString().padStart(MAX_MIO_DECIMALS, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** Number of decimals (in mio. kr.) the amount needs to be written exactly. */
export function decimalsOf(amount: Oere): number {
  const text = formatMio(amount);
  const point = text.indexOf(".");
  return point < 0 ? 0 : text.length - point - 1;
}

export interface AmountRules {
  /** The frame's precision: decimals of mio. kr. an amount may have (1 for the life science frame). */
  maxDecimals: number;
  /** Largest amount allowed; defaults to AMOUNT_CEILING. */
  ceiling?: Oere;
}

/** Checks an allocation amount: non-negative, within the frame's precision, below the ceiling. */
export function checkAllocationAmount(amount: Oere, rules: AmountRules, input = formatMio(amount)): AmountError | null {
  if (amount < 0n) return { code: "NEGATIVE", input };
  if (decimalsOf(amount) > rules.maxDecimals) return { code: "TOO_PRECISE", input, maxDecimals: rules.maxDecimals };
  if (amount > (rules.ceiling ?? AMOUNT_CEILING)) return { code: "TOO_LARGE", input };
  return null;
}

export function sumOere(amounts: Iterable<Oere>): Oere {
  let total = 0n;
  for (const amount of amounts) total += amount;
  return total;
}

export function mio(text: string): Oere {
  const parsed = parseMio(text);
  if (!parsed.ok) throw new Error(`Not a canonical mio. kr. amount: ${JSON.stringify(text)}`);
  return parsed.value;
}

function fail(code: AmountErrorCode, input: string): Parsed<never> {
  return { ok: false, error: { code, input } };
}
