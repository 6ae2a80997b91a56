/** The typed errors of the scenario engine (engine/errors.ts) as GraphQL types a client can switch on. */
import { builder } from "../builder.ts";
import { db } from "../db.ts";
import {
  FrameExceededError,
  InvalidInputError,
  MergeConflictError,
  ScenarioLockedError,
  VersionConflictError,
  type ErrorCode,
  type InputProblem,
  type InputProblemCode,
  type LockReason,
  type MergeConflictCell,
  type TypedError,
  type YearOverFrame,
} from "../engine/errors.ts";
import { netCellChanges } from "../engine/history.ts";
import { initiativeByKey, InitiativeRef } from "./initiative.ts";
import { visibleScenarioFields } from "./visibleScenario.ts";

const ErrorCodeEnum = builder.enumType("ErrorCode", {
  description: "Which typed error it is: the same as `__typename`, as a code, for clients that switch on codes.",
  values: {
    INVALID_INPUT: { description: "InvalidInputError: one or more fields of the input are wrong (see problems)." },
    SCENARIO_LOCKED: { description: "ScenarioLockedError: the scenario refuses edits." },
    VERSION_CONFLICT: { description: "VersionConflictError: the scenario changed after the version the edit expected." },
    FRAME_EXCEEDED: { description: "FrameExceededError: the edit would take a must-fit scenario over the frame." },
    MERGE_CONFLICT: { description: "MergeConflictError: both scenarios changed the same cells differently." },
    IMPORT_REFUSED: { description: "ImportRefusedError: the file cannot be imported as it is (see problems, each at its place)." },
  } satisfies Record<ErrorCode, unknown>,
});

export const ErrorInterface = builder.interfaceRef<TypedError>("Error").implement({
  description: "Something the request asked for that Ramme refused. Nothing of a refused request is stored.",
  fields: (t) => ({
    message: t.exposeString("message", { description: "What was wrong, in English, for developers and logs." }),
    code: t.field({ type: ErrorCodeEnum, description: "Which error it is, as a code.", resolve: (error) => error.code }),
  }),
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
  AMBIGUOUS: "The amount could be read two ways (\"2.000\": two thousand or two); write it unambiguously.",
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
  OTHER_FRAME: "The scenarios divide different budget frames; comparing, merging or adding up across frames is refused.",
  UNKNOWN_FRAME: "No frame has this ID or key.",
  NAME_TAKEN: "Another frame has this name already.",
  YEARS_NOT_CONSECUTIVE: "A frame's years must be one consecutive range (2025, 2026, 2027 …), without gaps.",
  DUPLICATE_YEAR: "The same year is given more than once (overlapping years).",
  NO_YEARS: "A frame needs at least one year (and a workbook at least one year column).",
  MISSING_AMOUNT: "A year of the frame has no amount.",
  DUPLICATE_TITLE: "Two lines under the same theme have the same title.",
  FRAME_ARCHIVED: "The frame is archived: it is read, not planned or given new baselines.",
  BAD_PRICE_LEVEL: 'A price level is written as a year and "-pl" ("2025-pl").',
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
    code: t.field({ description: "What is wrong, as a code a client can switch on.", type: InputProblemCodeEnum, resolve: (problem) => problem.code }),
    message: t.exposeString("message", { description: "What is wrong, in English, for developers." }),
    value: t.exposeString("value", { nullable: true, description: "The value given, as text." }),
  }),
});

builder.objectType(InvalidInputError, {
  name: "InvalidInputError",
  description: "The input has one or more wrong fields; every one found is listed. Nothing was stored.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ problems: t.field({ description: "Every wrong field found, each once.", type: [InputProblemRef], resolve: (error) => error.problems }) }),
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
    ...visibleScenarioFields(t, "The scenario the error is about; null only when the caller may no longer see it."),
    reason: t.field({ description: "Why it refuses edits.", type: LockReasonEnum, resolve: (error) => error.reason }),
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
    initiative: t.field({ type: InitiativeRef, description: "The cell's initiative.", resolve: (cell, _args, context) => initiativeByKey(context, cell.initiativeId) }),
    initiativeKey: t.exposeString("initiativeId", { description: "The cell's initiative's key.", deprecationReason: `Use initiative { key }. Kept until 2027-06-30 (docs/api.md, Deprecation policy).` }),
    year: t.exposeInt("year", { description: "The cell's year." }),
    before: t.expose("before", { description: "The amount before; null where the line was not in the scenario.", type: "Decimal", nullable: true }),
    after: t.expose("after", { description: "The amount after; null where the line is not in the scenario.", type: "Decimal", nullable: true }),
    difference: t.field({ type: "Decimal", description: "after - before, an absent line counting as 0.", resolve: (cell) => (cell.after ?? 0n) - (cell.before ?? 0n) }),
  }),
});

builder.objectType(VersionConflictError, {
  name: "VersionConflictError",
  description: "Someone changed the scenario after the version the edit expected. Nothing was stored: show the changes, then retry on currentVersion.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    ...visibleScenarioFields(t, "The scenario the error is about; null only when the caller may no longer see it."),
    expectedVersion: t.exposeInt("expectedVersion", { description: "The version the edit was based on." }),
    currentVersion: t.exposeInt("currentVersion", { description: "The scenario's version now: retry on it." }),
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
    year: t.exposeInt("year", { description: "The year." }),
    allocated: t.expose("allocated", { description: "What the lines would add up to that year.", type: "Decimal" }),
    frame: t.expose("frame", { description: "The frame that year.", type: "Decimal" }),
    overBy: t.expose("overBy", { description: "allocated - frame.", type: "Decimal" }),
  }),
});
export { YearOverFrameRef };

builder.objectType(FrameExceededError, {
  name: "FrameExceededError",
  description: "The scenario must fit the frame, and the edit would exceed it. Nothing was stored.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    ...visibleScenarioFields(t, "The scenario the error is about; null only when the caller may no longer see it."),
    years: t.field({ type: [YearOverFrameRef], description: "Each year the edit would take over the frame, with the amounts.", resolve: (error) => error.years }),
  }),
});

export const MergeConflictRef = builder.objectRef<MergeConflictCell>("MergeConflict").implement({
  description: "A cell both scenarios changed differently since the source was forked. null = the line is absent there.",
  fields: (t) => ({
    initiative: t.prismaField({ description: "The conflicting cell's initiative.", type: "Initiative", resolve: (query, conflict) => db.initiative.findUniqueOrThrow({ ...query, where: { id: conflict.initiativeId } }) }),
    initiativeKey: t.exposeString("initiativeId", { description: "The conflicting cell's initiative's key.", deprecationReason: "Use initiative { key }. Kept until 2027-06-30 (docs/api.md, Deprecation policy)." }),
    year: t.exposeInt("year", { description: "The conflicting cell's year." }),
    base: t.expose("base", { type: "Decimal", nullable: true, description: "The value when the source was forked." }),
    source: t.expose("source", { description: "The value in the scenario merged from.", type: "Decimal", nullable: true }),
    target: t.expose("target", { description: "The value in the scenario merged into.", type: "Decimal", nullable: true }),
  }),
});

builder.objectType(MergeConflictError, {
  name: "MergeConflictError",
  description: "Both scenarios changed the same cells differently. Nothing was merged; give a resolution (SOURCE, TARGET, or VALUE with an amount) per cell and retry.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ conflicts: t.field({ description: "Every conflicting cell.", type: [MergeConflictRef], resolve: (error) => error.conflicts }) }),
});

/** The errors an edit of a scenario's lines, cells or settings can end in. Each mutation's union lists only what it can produce. */
export const EDIT_ERRORS = [InvalidInputError, ScenarioLockedError, VersionConflictError, FrameExceededError];
/** Locking, unlocking, archiving and unarchiving: no cell changes, so never over the frame. */
export const STATUS_ERRORS = [InvalidInputError, ScenarioLockedError, VersionConflictError];
