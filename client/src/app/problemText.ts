/**
 * The one place that turns an input problem (an InvalidInputError's `problems`) into words for the
 * user: a catalogue text for every InputProblemCode (app/problemMessages.ts), naming the value given
 * or the field where that helps. The API's own `message` is English for developers and is never
 * shown. A page may pass texts of its own that say a code better (`specialised`).
 */
import { graphql, type ResultOf } from "../graphql.ts";
import { message, type Message, type MessageKey, type MessageParams } from "../i18n/messages.ts";

/**
 * What every document that shows an InvalidInputError selects for it (aliased, so it never clashes
 * with another error's `problems` in the same union).
 */
export const InputProblemsFragment = graphql(`
  fragment InputProblems on InvalidInputError @_unmask { inputProblems: problems { code field value } }
`);

export type InputProblem = ResultOf<typeof InputProblemsFragment>["inputProblems"][number];
export type InputProblemCode = InputProblem["code"];

/** The parts of a problem its text may use. */
export interface ProblemParts {
  code: string;
  field?: string | null;
  value?: string | null;
}

/** Texts a page has that say a code better than the general one: a key, a message, or a message made from the problem. */
export type SpecialisedProblems = { readonly [Code in InputProblemCode]?: MessageKey | Message | ((problem: ProblemParts) => Message) };

/** The text for each code; a code the schema gains fails the type check here until it has one. */
export const PROBLEM_KEYS = {
  ABOVE_ROLE: "problemABOVE_ROLE",
  ALREADY_IN_SCENARIO: "problemALREADY_IN_SCENARIO",
  AMBIGUOUS: "problemAMBIGUOUS",
  BAD_CREDENTIALS: "problemBAD_CREDENTIALS",
  BAD_EMAIL: "problemBAD_EMAIL",
  BAD_FILE: "problemBAD_FILE",
  BAD_KEY: "problemBAD_KEY",
  BAD_PRICE_LEVEL: "problemBAD_PRICE_LEVEL",
  BAD_YEAR_RANGE: "problemBAD_YEAR_RANGE",
  BASE_PRICE_LEVEL: "problemBASE_PRICE_LEVEL",
  BIDI_CONTROL: "problemBIDI_CONTROL",
  CHANGED_SINCE: "problemCHANGED_SINCE",
  CONFLICTING_FIELDS: "problemCONFLICTING_FIELDS",
  CONTROL_CHARACTER: "problemCONTROL_CHARACTER",
  DUPLICATE_CELL: "problemDUPLICATE_CELL",
  DUPLICATE_TITLE: "problemDUPLICATE_TITLE",
  DUPLICATE_YEAR: "problemDUPLICATE_YEAR",
  EMAIL_TAKEN: "problemEMAIL_TAKEN",
  EMPTY: "problemEMPTY",
  FRAME_ARCHIVED: "problemFRAME_ARCHIVED",
  INSUFFICIENT_AMOUNT: "problemINSUFFICIENT_AMOUNT",
  INVALID_UNICODE: "problemINVALID_UNICODE",
  IN_THE_FUTURE: "problemIN_THE_FUTURE",
  KEY_TAKEN: "problemKEY_TAKEN",
  LAST_ADMIN: "problemLAST_ADMIN",
  MALFORMED_ID: "problemMALFORMED_ID",
  MISSING_AMOUNT: "problemMISSING_AMOUNT",
  NAME_TAKEN: "problemNAME_TAKEN",
  NEGATIVE: "problemNEGATIVE",
  NOT_A_BASELINE: "problemNOT_A_BASELINE",
  NOT_A_NUMBER: "problemNOT_A_NUMBER",
  NOT_A_WHAT_IF: "problemNOT_A_WHAT_IF",
  NOT_IN_SCENARIO: "problemNOT_IN_SCENARIO",
  NOT_POSITIVE: "problemNOT_POSITIVE",
  NOT_REVERTIBLE: "problemNOT_REVERTIBLE",
  NOT_YOUR_ORGANISATION: "problemNOT_YOUR_ORGANISATION",
  NO_ACCOUNTS: "problemNO_ACCOUNTS",
  NO_PARENT: "problemNO_PARENT",
  NO_PRICE_INDEX: "problemNO_PRICE_INDEX",
  NO_YEARS: "problemNO_YEARS",
  OTHER_FRAME: "problemOTHER_FRAME",
  OWN_ACCOUNT: "problemOWN_ACCOUNT",
  OWN_ORGANISATION: "problemOWN_ORGANISATION",
  REQUIRED: "problemREQUIRED",
  SAME_LINE: "problemSAME_LINE",
  SAME_SCENARIO: "problemSAME_SCENARIO",
  SIGN_IN_THROTTLED: "problemSIGN_IN_THROTTLED",
  TOO_LARGE: "problemTOO_LARGE",
  TOO_LONG: "problemTOO_LONG",
  TOO_MANY_CELLS: "problemTOO_MANY_CELLS",
  TOO_PRECISE: "problemTOO_PRECISE",
  UNKNOWN_API_TOKEN: "problemUNKNOWN_API_TOKEN",
  UNKNOWN_FRAME: "problemUNKNOWN_FRAME",
  UNKNOWN_INITIATIVE: "problemUNKNOWN_INITIATIVE",
  UNKNOWN_ORGANISATION: "problemUNKNOWN_ORGANISATION",
  UNKNOWN_SCENARIO: "problemUNKNOWN_SCENARIO",
  UNKNOWN_THEME: "problemUNKNOWN_THEME",
  UNKNOWN_USER: "problemUNKNOWN_USER",
  UNKNOWN_VERSION: "problemUNKNOWN_VERSION",
  WEAK_PASSWORD: "problemWEAK_PASSWORD",
  WRONG_PASSWORD: "problemWRONG_PASSWORD",
  YEARS_NOT_CONSECUTIVE: "problemYEARS_NOT_CONSECUTIVE",
  YEAR_OUTSIDE_FRAME: "problemYEAR_OUTSIDE_FRAME",
  YEAR_OUT_OF_RANGE: "problemYEAR_OUT_OF_RANGE",
} as const satisfies { readonly [Code in InputProblemCode]: MessageKey };

/** The text that names the value given, for the codes whose value is something the user wrote (never an ID). */
export const VALUE_KEYS: { readonly [Code in InputProblemCode]?: MessageKey } = {
  AMBIGUOUS: "problemValueAMBIGUOUS",
  BAD_EMAIL: "problemValueBAD_EMAIL",
  BAD_KEY: "problemValueBAD_KEY",
  BAD_PRICE_LEVEL: "problemValueBAD_PRICE_LEVEL",
  BASE_PRICE_LEVEL: "problemValueBASE_PRICE_LEVEL",
  DUPLICATE_TITLE: "problemValueDUPLICATE_TITLE",
  DUPLICATE_YEAR: "problemValueDUPLICATE_YEAR",
  EMAIL_TAKEN: "problemValueEMAIL_TAKEN",
  KEY_TAKEN: "problemValueKEY_TAKEN",
  NAME_TAKEN: "problemValueNAME_TAKEN",
  NOT_A_NUMBER: "problemValueNOT_A_NUMBER",
  NO_PRICE_INDEX: "problemValueNO_PRICE_INDEX",
  SIGN_IN_THROTTLED: "problemValueSIGN_IN_THROTTLED",
  TOO_PRECISE: "problemValueTOO_PRECISE",
  UNKNOWN_VERSION: "problemValueUNKNOWN_VERSION",
  YEAR_OUTSIDE_FRAME: "problemValueYEAR_OUTSIDE_FRAME",
  YEAR_OUT_OF_RANGE: "problemValueYEAR_OUT_OF_RANGE",
};

/** Codes about the text of a field, where naming the field says which text is wrong. */
const FIELD_CODES: ReadonlySet<InputProblemCode> = new Set(["REQUIRED", "TOO_LONG", "BIDI_CONTROL", "CONTROL_CHARACTER", "INVALID_UNICODE"]);

const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  name: "problemFieldName",
  displayName: "problemFieldName",
  title: "problemFieldTitle",
  email: "problemFieldEmail",
  password: "problemFieldPassword",
  newPassword: "problemFieldPassword",
  currentPassword: "problemFieldCurrentPassword",
  key: "problemFieldKey",
  description: "problemFieldDescription",
  comment: "problemFieldComment",
  reason: "problemFieldReason",
  source: "problemFieldSource",
};

/** The label of a field path as sent ("input.frames[0].name" → Navn), when it has one. */
function fieldLabel(field: string): MessageKey | undefined {
  const last = field.replace(/\[\d+\]/g, "").split(".").pop() ?? "";
  return Object.hasOwn(FIELD_LABELS, last) ? FIELD_LABELS[last] : undefined;
}

function isKnown(code: string): code is InputProblemCode {
  return Object.hasOwn(PROBLEM_KEYS, code);
}

/** One problem as a message (not yet in words, so it follows a switch of language). */
export function problemMessage(problem: ProblemParts, specialised: SpecialisedProblems = {}): Message {
  const { code } = problem;
  if (!isKnown(code)) return message("problemUnknownCode");
  const own = specialised[code];
  if (own) return typeof own === "string" ? message(own) : typeof own === "function" ? own(problem) : own;
  const value = problem.value?.trim();
  const valueKey = VALUE_KEYS[code];
  const text = valueKey && value ? message(valueKey, { value }) : message(PROBLEM_KEYS[code]);
  const label = FIELD_CODES.has(code) && problem.field ? fieldLabel(problem.field) : undefined;
  return label ? message("problemInField", { field: message(label), problem: text }) : text;
}

/** Puts a key into words in the language shown (useI18n's `t`). */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Every problem in words, each different text once, as one line ("" for none). */
export function problemsText(t: Translate, problems: readonly ProblemParts[], specialised: SpecialisedProblems = {}): string {
  return [...new Set(problems.map((problem) => {
    const { key, params } = problemMessage(problem, specialised);
    return t(key, params);
  }))].join(" ");
}

/** The other typed errors in words, by their type (their `message` is English, for developers). */
const REFUSAL_KEYS: Readonly<Record<string, MessageKey>> = {
  ScenarioLockedError: "refusedScenarioLocked",
  VersionConflictError: "refusedVersionConflict",
  FrameExceededError: "refusedFrameExceeded",
  ImportRefusedError: "refusedImport",
  MergeConflictError: "refusedMergeConflict",
};
const LOCK_REASON_KEYS: Readonly<Record<string, MessageKey>> = { LOCKED: "refusedLOCKED", ARCHIVED: "refusedARCHIVED", BASELINE: "refusedBASELINE" };

/** A typed error other than InvalidInputError as a message (a lock by its reason when the document selected it), or null when the answer is none. */
export function refusalMessage(answer: unknown): Message | null {
  if (!answer || typeof answer !== "object" || !("__typename" in answer) || typeof answer.__typename !== "string") return null;
  const reason = "reason" in answer && typeof answer.reason === "string" ? LOCK_REASON_KEYS[answer.reason] : undefined;
  if (answer.__typename === "ScenarioLockedError" && reason) return message(reason);
  return Object.hasOwn(REFUSAL_KEYS, answer.__typename) ? message(REFUSAL_KEYS[answer.__typename]!) : null;
}

/** The problems an answer carries, when it is an InvalidInputError whose document selected them (InputProblemsFragment). */
export function problemsOf(answer: unknown): readonly InputProblem[] {
  if (!answer || typeof answer !== "object" || !("inputProblems" in answer) || !Array.isArray(answer.inputProblems)) return [];
  return answer.inputProblems as InputProblem[];
}
