/** Amounts between the API (exact decimal strings), the domain (bigint øre) and the screen (Danish or English notation). */
import { formatDanishAmount, formatMio, parseMio, type Oere } from "@ramme/domain";
import type { Locale } from "../i18n/messages.ts";

/** The API's Decimal string as øre. The API only ever sends canonical amounts, so a failure is a bug. */
export function fromApi(text: string): Oere {
  const parsed = parseMio(text);
  if (!parsed.ok) throw new Error(`Not an amount from the API: ${JSON.stringify(text)}`);
  return parsed.value;
}

export const toApi = formatMio;

/**
 * An amount for the screen: "1.234,5" in Danish, "1,234.5" in English, at least one decimal as in
 * the documents; a zero shown as "-" where a table would print a dash.
 */
export function formatAmount(amount: Oere, locale: Locale, options: { zeroAsDash?: boolean; signed?: boolean } = {}): string {
  const danish = formatDanishAmount(amount, { minDecimals: 1, grouping: true, zeroAsDash: options.zeroAsDash ?? false });
  const text = locale === "da" ? danish : danish.replace(/[.,]/g, (separator) => (separator === "," ? "." : ","));
  return options.signed && amount > 0n ? `+${text}` : text;
}
