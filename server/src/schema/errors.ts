/** The typed errors of the scenario engine (engine/errors.ts) as GraphQL types a client can switch on. */
import { builder } from "../builder.ts";
import { db } from "../db.ts";
import {
  FrameExceededError,
  InvalidInputError,
  MergeConflictError,
  ScenarioLockedError,
  VersionConflictError,
  type InputProblem,
  type InputProblemCode,
  type LockReason,
  type MergeConflictCell,
  type YearOverFrame,
} from "../engine/errors.ts";
import { netCellChanges } from "../engine/history.ts";

export const ErrorInterface = builder.interfaceRef<Error>("Error").implement({
  description: "Something the request asked for that Ramme refused. Nothing of a refused request is stored.",
  fields: (t) => ({ message: t.exposeString("message", { description: "What was wrong, in English, for developers and logs." }) }),
});

const INPUT_PROBLEM_CODES: Record<InputProblemCode, string> = {
  REQUIRED: "The field is required (or must not be empty).",
  TOO_LONG: "The text is longer than allowed.",
  INVALID_UNICODE: "The text is not valid Unicode (a lone UTF-16 surrogate).",
  CONTROL_CHARACTER: "The text holds NUL or another control character (line breaks and tabs are allowed only in multi-line text: descriptions, comments, files).",
  BIDI_CONTROL: "A name, title, email or other single-line text holds a bidirectional override or isolate (U+202A-U+202E, U+2066-U+2069).",
  CONFLICTING_FIELDS: "Fields were given together that exclude each other.",
  MALFORMED_ID: "The value is not an ID of the expected type.",
  UNKNOWN_SCENARIO: "No scenario has this ID.",
  UNKNOWN_INITIATIVE: "No initiative has this ID.",
  UNKNOWN_THEME: "No theme has this ID.",
  NOT_IN_SCENARIO: "The initiative exists but is not a line of the scenario.",
  ALREADY_IN_SCENARIO: "The initiative is already a line of the scenario.",
  YEAR_OUTSIDE_FRAME: "The year is not one of the frame's years.",
  BAD_YEAR_RANGE: "The year range ends before it starts.",
  DUPLICATE_CELL: "The same cell is given more than once.",
  TOO_MANY_CELLS: "More cells than one request may set.",
  EMPTY: "The amount is empty.",
  NOT_A_NUMBER: "The amount is not a number in the notation asked for.",
  TOO_PRECISE: "The amount has more decimals than the frame allows.",
  TOO_LARGE: "The amount is above the ceiling for any allocation.",
  NEGATIVE: "The amount is negative.",
  INSUFFICIENT_AMOUNT: "The line has less than the amount to move in a year.",
  SAME_LINE: "Moving from a line to itself.",
  UNKNOWN_VERSION: "The scenario has no such version.",
  NOT_REVERTIBLE: "The change did not touch lines or cells, so there is nothing to undo.",
  CHANGED_SINCE: "A cell the change touched has been changed again since; undoing it would overwrite that.",
  NO_PARENT: "The scenario was not forked from another, so it has nothing of its own to merge.",
  SAME_SCENARIO: "The two scenarios are the same.",
  BAD_FILE: "The file cannot be read as the expected layout.",
  NOT_A_BASELINE: "The scenario is a what-if; only a baseline has a document to check it against.",
  IN_THE_FUTURE: "The time is in the future.",
  NOT_POSITIVE: "The value is zero or negative; it must be above 0.",
  YEAR_OUT_OF_RANGE: "The year is outside the years a price index can be given for.",
  BASE_PRICE_LEVEL: "The year is the frame's base price level, whose index is fixed.",
  NO_PRICE_INDEX: "No price index is entered for the year; enter it first (setPriceIndex).",
  BAD_CREDENTIALS: "The email and password do not match an active user (the same answer whichever is wrong).",
  SIGN_IN_THROTTLED: "Too many wrong passwords for this account within a minute: try again after the seconds in `value` (at most a minute).",
  NO_ACCOUNTS: "Ramme runs in local single-user mode (RAMME_AUTH=local), which has no accounts, sessions or API tokens.",
  UNKNOWN_API_TOKEN: "No API token with this ID that the caller may manage.",
  NOT_A_WHAT_IF: "The scenario is a baseline; baselines are read by every signed-in user and are not shared one by one.",
  OWN_ORGANISATION: "The organisation owns the scenario already; shares are for other organisations.",
  ABOVE_ROLE: "The scope asked for exceeds what the caller's role allows (a viewer may only create READ tokens).",
  BAD_EMAIL: "The value is not an email address (something@somewhere).",
  EMAIL_TAKEN: "Another user has this email already.",
  WEAK_PASSWORD: "The password is shorter than 12 characters, too easy to guess (a common password, a pattern, a repeat), or made of the user's own name or email.",
  WRONG_PASSWORD: "The current password given is not the user's password.",
  BAD_KEY: "An organisation's key is 1 to 40 lower-case letters, digits and hyphens, not starting or ending with a hyphen.",
  KEY_TAKEN: "Another organisation has this key already.",
  UNKNOWN_ORGANISATION: "No organisation has this ID or key.",
  NOT_YOUR_ORGANISATION: "The organisation is not the caller's, and only an admin of the secretariat manages other organisations' users.",
  UNKNOWN_USER: "No user with this ID that the caller may manage (another organisation's users are answered as unknown).",
  OWN_ACCOUNT: "An admin cannot disable their own account, nor reset their own password (changePassword, with the current one, is for that).",
  LAST_ADMIN: "The user is their organisation's last active admin, who cannot be disabled or lose the admin role.",
};

export const InputProblemCodeEnum = builder.enumType("InputProblemCode", {
  description: "What is wrong with an input field.",
  values: Object.fromEntries(Object.entries(INPUT_PROBLEM_CODES).map(([code, description]) => [code, { description }])) as Record<
    InputProblemCode,
    { description: string }
  >,
});

const InputProblemRef = builder.objectRef<InputProblem>("InputProblem").implement({
  description: "One wrong field of the input.",
  fields: (t) => ({
    field: t.exposeString("field", { description: 'Path of the field as sent: "input.cells[3].amount".' }),
    code: t.field({ type: InputProblemCodeEnum, resolve: (problem) => problem.code }),
    message: t.exposeString("message"),
    value: t.exposeString("value", { nullable: true, description: "The value given, as text." }),
  }),
});

builder.objectType(InvalidInputError, {
  name: "InvalidInputError",
  description: "The input has one or more wrong fields; every one found is listed. Nothing was stored.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ problems: t.field({ type: [InputProblemRef], resolve: (error) => error.problems }) }),
});

const LockReasonEnum = builder.enumType("LockReason", {
  description: "Why a scenario refuses edits.",
  values: {
    BASELINE: { description: "A baseline transcribed from a document; baselines never change. Fork it to edit." },
    LOCKED: { description: "Locked by a user; unlock it to edit." },
    ARCHIVED: { description: "Archived; unarchive it to edit." },
  } satisfies Record<LockReason, unknown>,
});

builder.objectType(ScenarioLockedError, {
  name: "ScenarioLockedError",
  description: "The scenario refuses edits. Nothing was stored.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    scenarioKey: t.exposeString("scenarioId"),
    reason: t.field({ type: LockReasonEnum, resolve: (error) => error.reason }),
  }),
});

interface CellDifferenceShape {
  initiativeId: string;
  year: number;
  before: bigint | null;
  after: bigint | null;
}

export const CellDifferenceRef = builder.objectRef<CellDifferenceShape>("CellDifference").implement({
  description: "A cell's value before and after; null where the line was not in the scenario.",
  fields: (t) => ({
    initiativeKey: t.exposeString("initiativeId"),
    year: t.exposeInt("year"),
    before: t.expose("before", { type: "Decimal", nullable: true }),
    after: t.expose("after", { type: "Decimal", nullable: true }),
    difference: t.field({ type: "Decimal", description: "after - before, an absent line counting as 0.", resolve: (cell) => (cell.after ?? 0n) - (cell.before ?? 0n) }),
  }),
});

builder.objectType(VersionConflictError, {
  name: "VersionConflictError",
  description: "Someone changed the scenario after the version the edit expected. Nothing was stored: show the changes, then retry on currentVersion.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    scenarioKey: t.exposeString("scenarioId"),
    expectedVersion: t.exposeInt("expectedVersion"),
    currentVersion: t.exposeInt("currentVersion"),
    changesSince: t.prismaField({
      type: ["ScenarioChange"],
      description: "Every change after the expected version, oldest first: who, when, which cells.",
      resolve: (query, error) =>
        db.scenarioChange.findMany({ ...query, where: { scenarioId: error.scenarioId, version: { gt: error.expectedVersion } }, orderBy: { version: "asc" } }),
    }),
    cellsChangedSince: t.field({
      type: [CellDifferenceRef],
      description: "The net change per cell since the expected version.",
      resolve: async (error) => {
        const changes = await db.scenarioChange.findMany({
          where: { scenarioId: error.scenarioId, version: { gt: error.expectedVersion } },
          orderBy: { version: "asc" },
          select: { cells: true },
        });
        return netCellChanges(changes);
      },
    }),
  }),
});

const YearOverFrameRef = builder.objectRef<YearOverFrame>("YearOverFrame").implement({
  description: "A year in which allocations exceed the frame.",
  fields: (t) => ({
    year: t.exposeInt("year"),
    allocated: t.expose("allocated", { type: "Decimal" }),
    frame: t.expose("frame", { type: "Decimal" }),
    overBy: t.expose("overBy", { type: "Decimal" }),
  }),
});
export { YearOverFrameRef };

builder.objectType(FrameExceededError, {
  name: "FrameExceededError",
  description: "The scenario must fit the frame, and the edit would exceed it. Nothing was stored.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    scenarioKey: t.exposeString("scenarioId"),
    years: t.field({ type: [YearOverFrameRef], description: "Each year the edit would take over the frame, with the amounts.", resolve: (error) => error.years }),
  }),
});

export const MergeConflictRef = builder.objectRef<MergeConflictCell>("MergeConflict").implement({
  description: "A cell both scenarios changed differently since the source was forked. null = the line is absent there.",
  fields: (t) => ({
    initiative: t.prismaField({ type: "Initiative", resolve: (query, conflict) => db.initiative.findUniqueOrThrow({ ...query, where: { id: conflict.initiativeId } }) }),
    initiativeKey: t.exposeString("initiativeId"),
    year: t.exposeInt("year"),
    base: t.expose("base", { type: "Decimal", nullable: true, description: "The value when the source was forked." }),
    source: t.expose("source", { type: "Decimal", nullable: true }),
    target: t.expose("target", { type: "Decimal", nullable: true }),
  }),
});

builder.objectType(MergeConflictError, {
  name: "MergeConflictError",
  description: "Both scenarios changed the same cells differently. Nothing was merged; give a resolution (SOURCE or TARGET) per cell and retry.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ conflicts: t.field({ type: [MergeConflictRef], resolve: (error) => error.conflicts }) }),
});

/** The errors any scenario edit can end in. */
export const EDIT_ERRORS = [InvalidInputError, ScenarioLockedError, VersionConflictError, FrameExceededError];
