/**
 * Checking what clients send, before anything touches the database. Every check yields an
 * InputProblem naming the field, so a request with several faults is answered with all of them.
 */
import { checkAllocationAmount, parseDanishAmount, parseMio, type AmountError, type Oere, type Parsed } from "@ramme/domain";
import { InvalidInputError, type InputProblem, type InputProblemCode } from "./errors.ts";

/** How a client writes amounts: the API's canonical "1234.5", or Danish as typed and pasted ("1.234,5", "3,5", "-"). */
export type AmountNotation = "API" | "DANISH";

/** The most cells one request may set (a paste of a whole Finance Act's column is ~5,000 cells per year). */
export const MAX_CELLS_PER_REQUEST = 50_000;

const AMOUNT_MESSAGES: Record<AmountError["code"], (error: AmountError) => string> = {
  EMPTY: () => "an amount is required.",
  NOT_A_NUMBER: (error) => `${JSON.stringify(error.input)} is not an amount in mio. kr.`,
  AMBIGUOUS: (error) => `${JSON.stringify(error.input)} is ambiguous: a lone "." or "," before three digits can group thousands or mark decimals; write 2000 or 2.000,0 for two thousand, 2,0 for two.`,
  TOO_PRECISE: (error) => `${JSON.stringify(error.input)} has more decimals than the frame allows (${error.maxDecimals}).`,
  TOO_LARGE: (error) => `${JSON.stringify(error.input)} is larger than any allocation can be.`,
  NEGATIVE: (error) => `${JSON.stringify(error.input)} is negative; an allocation is 0 or more.`,
};

export function amountProblem(field: string, error: AmountError): InputProblem {
  return { field, code: error.code, message: AMOUNT_MESSAGES[error.code](error), value: error.input };
}

/** Parses and checks one allocation amount against the frame's precision. */
export function parseAllocationAmount(text: string, notation: AmountNotation, maxDecimals: number): Parsed<Oere> {
  const parsed = notation === "DANISH" ? parseDanishAmount(text) : parseMio(text);
  if (!parsed.ok) return parsed;
  const error = checkAllocationAmount(parsed.value, { maxDecimals }, text);
  return error ? { ok: false, error } : parsed;
}

/**
 * An object's key from what a client gave: its global ID (as `id` fields return) or its key
 * ("aftale-2024", "vmk"). Null when the value is a global ID of another type.
 */
export function keyFromId(value: string, typeName: string): string | null {
  const decoded = decodeGlobalId(value);
  if (decoded === null) return value;
  return decoded.typeName === typeName ? decoded.key : null;
}

/** A numbered row's ID from a global ID's key; a key that is not a row number names no row (0 is never one). */
export const rowId = (key: string): number => (/^[1-9]\d{0,14}$/.test(key) ? Number(key) : 0);

/** The type and key a Relay global ID ("base64 of Type:key") names; null when the value is not one. */
export function decodeGlobalId(value: string): { typeName: string; key: string } | null {
  if (!/^[A-Za-z0-9+/]+=*$/.test(value)) return null;
  const text = Buffer.from(value, "base64").toString("utf8");
  if (Buffer.from(text, "utf8").toString("base64") !== value) return null;
  const colon = text.indexOf(":");
  if (colon <= 0) return null;
  const typeName = text.slice(0, colon);
  return /^[A-Z][A-Za-z]*$/.test(typeName) ? { typeName, key: text.slice(colon + 1) } : null;
}

/** Collects problems across a whole input, then throws them together. */
export class ProblemList {
  readonly problems: InputProblem[] = [];

  add(field: string, code: InputProblemCode, message: string, value: string | null = null): void {
    this.problems.push({ field, code, message, value });
  }

  push(problem: InputProblem): void {
    this.problems.push(problem);
  }

  /** The key from an ID field, or a problem when it is empty or names another type. */
  id(field: string, value: string, typeName: string): string | null {
    if (value.trim() === "") {
      this.add(field, "REQUIRED", "an ID is required.", value);
      return null;
    }
    const key = keyFromId(value, typeName);
    if (key === null) this.add(field, "MALFORMED_ID", `${JSON.stringify(value)} is not the ID of a ${typeName}.`, value);
    return key;
  }

  /** An expected version, when given: versions start at 1, so a lower one is wrong input rather than a conflict. */
  version(field: string, value: number | null | undefined): void {
    if (value !== null && value !== undefined && value < 1) this.add(field, "NOT_POSITIVE", `versions start at 1 (got ${value}).`, String(value));
  }

  /** Trimmed text, or a problem when required and blank, or longer than `max`. */
  text(field: string, value: string | null | undefined, options: { max: number; required: boolean }): string | null {
    const text = value?.trim() ?? "";
    if (text === "") {
      if (options.required) this.add(field, "REQUIRED", "this field is required.", value ?? null);
      return null;
    }
    if (text.length > options.max) this.add(field, "TOO_LONG", `at most ${options.max} characters (got ${text.length}).`, null);
    return text;
  }

  throwIfAny(): void {
    if (this.problems.length > 0) throw new InvalidInputError(this.problems);
  }
}

export const TEXT_LIMITS = { name: 200, description: 4_000, title: 300, comment: 4_000 } as const;

/**
 * What every string a client sends (each String and ID argument and input field, at any depth) must
 * be, checked in one place before any resolver runs (textInputPlugin.ts): well-formed Unicode (no
 * lone UTF-16 surrogate), no NUL or other control character (line breaks and tabs only where text
 * is multi-line), no bidirectional override or isolate where a name, title or email is shown to
 * others, and no longer than the field's stated maximum.
 */
export interface TextRule {
  max: number;
  multiLine: boolean;
  /** Passwords: any character a keyboard gives, bidi marks too; never echoed. */
  secret?: boolean;
}

/** By the field's (or argument's) name; anything else is DEFAULT_TEXT, an ID argument ID_TEXT. */
export const TEXT_RULES: Record<string, TextRule> = {
  name: { max: TEXT_LIMITS.name, multiLine: false },
  title: { max: TEXT_LIMITS.title, multiLine: false },
  displayName: { max: 100, multiLine: false },
  email: { max: 254, multiLine: false },
  description: { max: TEXT_LIMITS.description, multiLine: true },
  comment: { max: TEXT_LIMITS.comment, multiLine: true },
  text: { max: TEXT_LIMITS.comment, multiLine: true },
  // A CSV file: the request body's limit (4 MB) bounds it.
  content: { max: 4_000_000, multiLine: true },
  source: { max: 500, multiLine: false },
  // An amount past any ceiling is the domain's TOO_LARGE; only a text no amount could be is too long.
  amount: { max: 1000, multiLine: false },
  password: { max: 1024, multiLine: false, secret: true },
  currentPassword: { max: 1024, multiLine: false, secret: true },
  newPassword: { max: 1024, multiLine: false, secret: true },
};
export const DEFAULT_TEXT: TextRule = { max: 200, multiLine: false };
/** A global ID is the base64 of "Type:key": keys are short. */
export const ID_TEXT: TextRule = { max: 500, multiLine: false };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** C0 and C1 controls and DEL; in multi-line text \t, \n and \r are allowed. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they make a name read as another. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** Controls and invisibles made visible, so an echoed value shows what was wrong with it. */
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** At most `length` characters of a value a client sent, for an error to echo: never its whole size, never a broken character. */
export function shortened(value: string, length = 40): string {
  const wellFormed = value.replace(new RegExp(LONE_SURROGATE.source, "g"), "\uFFFD").replace(INVISIBLE, (character) => `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
  return wellFormed.length <= length ? wellFormed : `${Array.from(wellFormed).slice(0, length).join("")}…`;
}

/** The first thing wrong with one string a client sent, by its field's rule. */
export function textProblem(field: string, value: string, rule: TextRule): InputProblem | null {
  const echo = rule.secret ? null : shortened(value);
  if (LONE_SURROGATE.test(value)) return { field, code: "INVALID_UNICODE", message: "the text is not valid Unicode (a lone UTF-16 surrogate).", value: echo };
  if ((rule.multiLine ? CONTROL_MULTI_LINE : CONTROL).test(value)) {
    const allowed = rule.multiLine ? "only line breaks and tabs" : "no line breaks, tabs or other control characters";
    return { field, code: "CONTROL_CHARACTER", message: `the text holds a control character (${allowed} are allowed here).`, value: echo };
  }
  if (!rule.multiLine && !rule.secret && BIDI_CONTROL.test(value)) {
    return { field, code: "BIDI_CONTROL", message: "the text holds a bidirectional override or isolate (U+202A-U+202E, U+2066-U+2069), which can make it read as something else.", value: echo };
  }
  if (value.length > rule.max) return { field, code: "TOO_LONG", message: `at most ${rule.max} characters (got ${value.length}).`, value: rule.secret ? null : shortened(value) };
  return null;
}
