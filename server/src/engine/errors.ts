/**
 * The scenario engine's expected failures, as data. Each is thrown inside a write transaction (so
 * nothing of the request is stored) and becomes a typed member of the mutation's result union
 * (schema/errors.ts), which a client switches on by `__typename` and, for input, by `code`.
 * Messages are English, like the API; the client shows its own Danish text per code.
 */
import type { Oere } from "@ramme/domain";
import type { ImportProblem } from "../exchange/index.ts";

export type InputProblemCode =
  | "REQUIRED"
  | "TOO_LONG"
  | "INVALID_UNICODE"
  | "CONTROL_CHARACTER"
  | "BIDI_CONTROL"
  | "CONFLICTING_FIELDS"
  | "MALFORMED_ID"
  | "UNKNOWN_SCENARIO"
  | "UNKNOWN_INITIATIVE"
  | "UNKNOWN_THEME"
  | "NOT_IN_SCENARIO"
  | "ALREADY_IN_SCENARIO"
  | "YEAR_OUTSIDE_FRAME"
  | "BAD_YEAR_RANGE"
  | "DUPLICATE_CELL"
  | "TOO_MANY_CELLS"
  | "EMPTY"
  | "NOT_A_NUMBER"
  | "AMBIGUOUS"
  | "TOO_PRECISE"
  | "TOO_LARGE"
  | "NEGATIVE"
  | "INSUFFICIENT_AMOUNT"
  | "SAME_LINE"
  | "UNKNOWN_VERSION"
  | "NOT_REVERTIBLE"
  | "CHANGED_SINCE"
  | "NO_PARENT"
  | "SAME_SCENARIO"
  | "BAD_FILE"
  | "NOT_A_BASELINE"
  | "IN_THE_FUTURE"
  | "NOT_POSITIVE"
  | "YEAR_OUT_OF_RANGE"
  | "BASE_PRICE_LEVEL"
  | "NO_PRICE_INDEX"
  | "BAD_CREDENTIALS"
  | "SIGN_IN_THROTTLED"
  | "NO_ACCOUNTS"
  | "UNKNOWN_API_TOKEN"
  | "ABOVE_ROLE"
  | "UNKNOWN_ORGANISATION"
  | "NOT_A_WHAT_IF"
  | "OWN_ORGANISATION"
  | "BAD_EMAIL"
  | "EMAIL_TAKEN"
  | "WEAK_PASSWORD"
  | "WRONG_PASSWORD"
  | "BAD_KEY"
  | "KEY_TAKEN"
  | "NOT_YOUR_ORGANISATION"
  | "UNKNOWN_USER"
  | "OWN_ACCOUNT"
  | "LAST_ADMIN"
  | "OTHER_FRAME"
  | "UNKNOWN_FRAME"
  | "NAME_TAKEN"
  | "YEARS_NOT_CONSECUTIVE"
  | "DUPLICATE_YEAR"
  | "NO_YEARS"
  | "MISSING_AMOUNT"
  | "DUPLICATE_TITLE"
  | "FRAME_ARCHIVED"
  | "BAD_PRICE_LEVEL";

/** Which typed error it is, as `Error.code` tells a client that switches on codes rather than on `__typename`. */
export type ErrorCode = "INVALID_INPUT" | "SCENARIO_LOCKED" | "VERSION_CONFLICT" | "FRAME_EXCEEDED" | "MERGE_CONFLICT" | "IMPORT_REFUSED";

/** What every typed error has: a message for developers and a code for programs. */
export interface TypedError extends Error {
  readonly code: ErrorCode;
}

export interface InputProblem {
  /** Path of the input field at fault, as the client sent it: "input.cells[3].amount". */
  field: string;
  code: InputProblemCode;
  message: string;
  /** The offending value as given, when there is one. */
  value: string | null;
}

/** At most `length` UTF-16 units, never ending in half a character. */
const cut = (text: string, length: number) => (text.length <= length ? text : `${text.slice(0, length).replace(/[\uD800-\uDBFF]$/, "")}…`);

/** One or more fields of the input are wrong; `problems` lists every one found, not just the first. */
export class InvalidInputError extends Error implements TypedError {
  readonly code = "INVALID_INPUT";
  readonly problems: InputProblem[];

  constructor(problems: InputProblem[]) {
    const [first] = problems;
    super(
      problems.length === 1 && first
        ? `${first.field}: ${first.message}`
        : `${problems.length} problems in the input; the first: ${first?.field}: ${first?.message}`,
    );
    this.name = "InvalidInputError";
    // An error never carries a huge value back (a 1 MB ID): values and messages are cut short.
    this.problems = problems.map((problem) => ({ ...problem, message: cut(problem.message, 300), value: problem.value === null ? null : cut(problem.value, 100) }));
    this.message = cut(this.message, 400);
  }

  static of(field: string, code: InputProblemCode, message: string, value: string | null = null): InvalidInputError {
    return new InvalidInputError([{ field, code, message, value }]);
  }
}

export type LockReason = "BASELINE" | "LOCKED" | "ARCHIVED";

/** The scenario refuses edits: a baseline (always), locked by someone, or archived. */
export class ScenarioLockedError extends Error implements TypedError {
  readonly code = "SCENARIO_LOCKED";

  constructor(
    readonly scenarioId: string,
    readonly reason: LockReason,
  ) {
    const why = { BASELINE: "is a baseline from a document, and baselines never change; fork it to edit", LOCKED: "is locked; unlock it to edit", ARCHIVED: "is archived; unarchive it to edit" };
    super(`Scenario "${scenarioId}" ${why[reason]}.`);
    this.name = "ScenarioLockedError";
  }
}

/** The scenario changed since the version the client expected: nothing was stored; here is what changed. */
export class VersionConflictError extends Error implements TypedError {
  readonly code = "VERSION_CONFLICT";

  constructor(
    readonly scenarioId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `Scenario "${scenarioId}" is at version ${currentVersion}, not ${expectedVersion}: someone changed it since. ` +
        "Nothing was stored; see changesSince, then retry with the current version.",
    );
    this.name = "VersionConflictError";
  }
}

export interface YearOverFrame {
  year: number;
  allocated: Oere;
  frame: Oere;
  overBy: Oere;
}

/** The scenario must fit the frame, and the edit would take these years over it. */
export class FrameExceededError extends Error implements TypedError {
  readonly code = "FRAME_EXCEEDED";

  constructor(
    readonly scenarioId: string,
    readonly years: YearOverFrame[],
  ) {
    const list = years.map((entry) => `${entry.year}`).join(", ");
    super(`Scenario "${scenarioId}" must fit the frame, and this would exceed it in ${list}. Nothing was stored.`);
    this.name = "FrameExceededError";
  }
}

export interface MergeConflictCell {
  initiativeId: string;
  year: number;
  base: Oere | null;
  source: Oere | null;
  target: Oere | null;
}

/** Both scenarios changed the same cells differently; nothing was merged. Resolve per cell and retry. */
export class MergeConflictError extends Error implements TypedError {
  readonly code = "MERGE_CONFLICT";

  constructor(readonly conflicts: MergeConflictCell[]) {
    super(`${conflicts.length} cell(s) were changed differently in both scenarios. Nothing was merged; pick a side per cell in resolutions.`);
    this.name = "MergeConflictError";
  }
}

/** An import the file cannot make: every problem found, each at its sheet, row and column. Nothing was stored. */
export class ImportRefusedError extends Error implements TypedError {
  readonly code = "IMPORT_REFUSED";
  constructor(readonly problems: ImportProblem[]) {
    const errors = problems.filter((problem) => problem.severity === "ERROR");
    super(`The file cannot be imported: ${errors.length} problem(s); the first: ${errors[0]?.messageEn ?? ""} Nothing was stored.`);
    this.name = "ImportRefusedError";
  }
}
