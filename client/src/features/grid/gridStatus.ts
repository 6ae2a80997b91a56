/**
 * The grid's status line (below the grid): one message, kept as key and values so it is worded in
 * the language shown, and the wording of why a typed or pasted amount was refused.
 */
import type { AmountError } from "@ramme/domain";
import type { Message, MessageKey } from "../../i18n/messages.ts";

export type StatusLine = { message: Message; tone: "info" | "error" };
export type SetStatus = (status: StatusLine | null) => void;

/** Why an amount was refused, by the parser's error code. */
export const REASONS: Record<AmountError["code"], MessageKey> = {
  EMPTY: "reasonEmpty",
  NOT_A_NUMBER: "reasonNotANumber",
  AMBIGUOUS: "reasonAmbiguous",
  TOO_PRECISE: "reasonTooPrecise",
  NEGATIVE: "reasonNegative",
  TOO_LARGE: "reasonTooLarge",
};
