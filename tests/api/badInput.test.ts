/**
 * Every mutation against bad input: each case must end in the named typed error and leave every
 * table exactly as it was. The table is checked against the schema, so a new mutation without
 * cases fails here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { query } from "../support/graphql.ts";
import { fingerprint, fork, setAllocation } from "../support/scenarios.ts";

interface Case {
  name: string;
  input: (keys: Keys) => Record<string, unknown>;
  expected: { __typename: string; field?: string; code?: string; reason?: string };
}
interface Keys {
  whatIf: string;
  locked: string;
}

const unknownScenario = (extra: Record<string, unknown> = {}): Case => ({
  name: "an unknown scenario",
  input: () => ({ scenarioId: "findes-ikke", ...extra }),
  expected: { __typename: "InvalidInputError", field: "input.scenarioId", code: "UNKNOWN_SCENARIO" },
});
const baseline = (extra: Record<string, unknown> = {}): Case => ({
  name: "a baseline",
  input: () => ({ scenarioId: "aftale-2024", ...extra }),
  expected: { __typename: "ScenarioLockedError", reason: "BASELINE" },
});
const lockedWhatIf = (extra: Record<string, unknown> = {}): Case => ({
  name: "a locked what-if",
  input: (keys) => ({ scenarioId: keys.locked, ...extra }),
  expected: { __typename: "ScenarioLockedError", reason: "LOCKED" },
});
const staleVersion = (extra: Record<string, unknown>): Case => ({
  name: "a stale expectedVersion",
  input: (keys) => ({ scenarioId: keys.whatIf, expectedVersion: 1, ...extra }),
  expected: { __typename: "VersionConflictError" },
});

const newUser = { email: "ny@fm.dk", displayName: "Ny Bruger", organisationId: "finansministeriet", role: "EDITOR", password: "et langt kodeord her" };
const cell = { initiativeId: "vmk", year: 2024, amount: "1", expectedVersion: 2 };
const newFrame = { name: "Ny ramme", years: [{ year: 2025, amount: "10" }, { year: 2026, amount: "12" }] };
/** A baseline's table: a theme column, two lines, the frame row. */
const TABLE_CSV = "Tema;Initiativ;2025;2026\nA;Linje 1;1;2\nA;Linje 2;3;4\n;Ramme;10;12\n";
const baselineFile = (content: string) => ({ name: "Udspil", format: "CSV", content, fileName: "udspil.csv" });

const CASES: Record<string, Case[]> = {
  forkScenario: [
    { name: "an unknown source", input: () => ({ sourceId: "findes-ikke", name: "X" }), expected: { __typename: "InvalidInputError", field: "input.sourceId", code: "UNKNOWN_SCENARIO" } },
    { name: "a name of 201 characters", input: () => ({ sourceId: "aftale-2024", name: "x".repeat(201) }), expected: { __typename: "InvalidInputError", field: "input.name", code: "TOO_LONG" } },
    { name: "another type's ID as source", input: () => ({ sourceId: Buffer.from("Theme:innovation").toString("base64"), name: "X" }), expected: { __typename: "InvalidInputError", field: "input.sourceId", code: "MALFORMED_ID" } },
  ],
  updateScenario: [unknownScenario({ name: "X" }), baseline({ name: "X" }), lockedWhatIf({ name: "X" }), staleVersion({ name: "X" }),
    { name: "a blank name", input: (keys) => ({ scenarioId: keys.whatIf, name: " " }), expected: { __typename: "InvalidInputError", field: "input.name", code: "REQUIRED" } }],
  lockScenario: [unknownScenario(), staleVersion({})],
  unlockScenario: [unknownScenario(), baseline(), staleVersion({})],
  archiveScenario: [unknownScenario(), baseline(), staleVersion({})],
  unarchiveScenario: [unknownScenario(), baseline()],
  setAllocation: [unknownScenario(cell), baseline(cell), lockedWhatIf(cell), staleVersion({ initiativeId: "vmk", year: 2024, amount: "1" }),
    { name: "a malformed amount", input: (keys) => ({ ...cell, scenarioId: keys.whatIf, amount: "1e400" }), expected: { __typename: "InvalidInputError", field: "input.amount", code: "NOT_A_NUMBER" } }],
  setAllocations: [
    unknownScenario({ cells: [{ initiativeId: "vmk", year: 2024, amount: "1" }], expectedVersion: 2 }),
    baseline({ cells: [{ initiativeId: "vmk", year: 2024, amount: "1" }], expectedVersion: 1 }),
    lockedWhatIf({ cells: [{ initiativeId: "vmk", year: 2024, amount: "1" }], expectedVersion: 2 }),
    staleVersion({ cells: [{ initiativeId: "vmk", year: 2024, amount: "1" }] }),
    { name: "no cells", input: (keys) => ({ scenarioId: keys.whatIf, cells: [], expectedVersion: 2 }), expected: { __typename: "InvalidInputError", field: "input.cells", code: "REQUIRED" } },
    { name: "NaN in the last of many cells", input: (keys) => ({ scenarioId: keys.whatIf, expectedVersion: 2, cells: [...Array.from({ length: 24 }, (_, index) => ({ initiativeId: "vmk", year: 2024 + (index % 4), amount: "1" })).slice(0, 4), { initiativeId: "atmp", year: 2024, amount: "NaN" }] }), expected: { __typename: "InvalidInputError", field: "input.cells[4].amount", code: "NOT_A_NUMBER" } },
  ],
  moveAmount: [
    unknownScenario({ expectedVersion: 2, fromInitiativeId: "vmk", toInitiativeId: "atmp", amount: "1", fromYear: 2024, toYear: 2024 }),
    baseline({ expectedVersion: 1, fromInitiativeId: "vmk", toInitiativeId: "atmp", amount: "1", fromYear: 2024, toYear: 2024 }),
    staleVersion({ fromInitiativeId: "vmk", toInitiativeId: "atmp", amount: "1", fromYear: 2024, toYear: 2024 }),
    { name: "an empty amount", input: (keys) => ({ scenarioId: keys.whatIf, expectedVersion: 2, fromInitiativeId: "vmk", toInitiativeId: "atmp", amount: "", fromYear: 2024, toYear: 2024 }), expected: { __typename: "InvalidInputError", field: "input.amount", code: "EMPTY" } },
    { name: "a reversed year range", input: (keys) => ({ scenarioId: keys.whatIf, expectedVersion: 2, fromInitiativeId: "vmk", toInitiativeId: "atmp", amount: "1", fromYear: 2026, toYear: 2024 }), expected: { __typename: "InvalidInputError", field: "input.toYear", code: "BAD_YEAR_RANGE" } },
  ],
  addInitiative: [
    unknownScenario({ expectedVersion: 2, title: "X", themeId: "innovation" }),
    baseline({ expectedVersion: 1, title: "X", themeId: "innovation" }),
    lockedWhatIf({ expectedVersion: 2, title: "X", themeId: "innovation" }),
    staleVersion({ title: "X", themeId: "innovation" }),
    { name: "an unknown initiative", input: (keys) => ({ scenarioId: keys.whatIf, expectedVersion: 2, initiativeId: "findes-ikke" }), expected: { __typename: "InvalidInputError", field: "input.initiativeId", code: "UNKNOWN_INITIATIVE" } },
  ],
  removeInitiative: [
    unknownScenario({ initiativeId: "vmk", expectedVersion: 2 }),
    baseline({ initiativeId: "vmk", expectedVersion: 1 }),
    lockedWhatIf({ initiativeId: "vmk", expectedVersion: 2 }),
    staleVersion({ initiativeId: "vmk" }),
    { name: "an unknown initiative", input: (keys) => ({ scenarioId: keys.whatIf, expectedVersion: 2, initiativeId: "findes-ikke" }), expected: { __typename: "InvalidInputError", field: "input.initiativeId", code: "UNKNOWN_INITIATIVE" } },
  ],
  restoreScenarioVersion: [
    unknownScenario({ version: 1, expectedVersion: 2 }),
    baseline({ version: 1, expectedVersion: 1 }),
    lockedWhatIf({ version: 1, expectedVersion: 2 }),
    staleVersion({ version: 1 }),
    { name: "version 0", input: (keys) => ({ scenarioId: keys.whatIf, version: 0, expectedVersion: 2 }), expected: { __typename: "InvalidInputError", field: "input.version", code: "UNKNOWN_VERSION" } },
  ],
  revertChange: [
    unknownScenario({ version: 2, expectedVersion: 2 }),
    baseline({ version: 1, expectedVersion: 1 }),
    staleVersion({ version: 2 }),
    { name: "a change without cells (the fork)", input: (keys) => ({ scenarioId: keys.whatIf, version: 1, expectedVersion: 2 }), expected: { __typename: "InvalidInputError", field: "input.version", code: "NOT_REVERTIBLE" } },
    { name: "a version that does not exist", input: (keys) => ({ scenarioId: keys.whatIf, version: 9, expectedVersion: 2 }), expected: { __typename: "InvalidInputError", field: "input.version", code: "UNKNOWN_VERSION" } },
  ],
  mergeScenario: [
    { name: "an unknown target", input: (keys) => ({ sourceId: keys.whatIf, targetId: "findes-ikke", expectedTargetVersion: 1 }), expected: { __typename: "InvalidInputError", field: "input.targetId", code: "UNKNOWN_SCENARIO" } },
    { name: "a locked target", input: (keys) => ({ sourceId: keys.whatIf, targetId: keys.locked, expectedTargetVersion: 2 }), expected: { __typename: "ScenarioLockedError", reason: "LOCKED" } },
    { name: "a duplicate resolution", input: (keys) => ({ sourceId: keys.whatIf, targetId: keys.locked, expectedTargetVersion: 2, resolutions: [{ initiativeId: "vmk", year: 2024, take: "SOURCE" }, { initiativeId: "vmk", year: 2024, take: "TARGET" }] }), expected: { __typename: "InvalidInputError", field: "input.resolutions[1]", code: "DUPLICATE_CELL" } },
  ],
  importScenarioCsv: [
    unknownScenario({ expectedVersion: 2, content: "x" }),
    baseline({ expectedVersion: 1, content: "x" }),
    lockedWhatIf({ expectedVersion: 2, content: "x" }),
    { name: "a file without the header row", input: (keys) => ({ scenarioId: keys.whatIf, expectedVersion: 2, content: "a;b;c" }), expected: { __typename: "InvalidInputError", field: "input.content", code: "BAD_FILE" } },
  ],
  importScenarioFile: [
    unknownScenario({ expectedVersion: 2, format: "CSV", content: "x" }),
    baseline({ expectedVersion: 1, format: "XLSX", content: "eA==", dryRun: true }),
    lockedWhatIf({ expectedVersion: 2, format: "CSV", content: "x" }),
    { name: "a file that is not a workbook", input: (keys) => ({ scenarioId: keys.whatIf, expectedVersion: 2, format: "XLSX", content: "eA==" }), expected: { __typename: "ImportRefusedError" } },
    { name: "a CSV without the header row", input: (keys) => ({ scenarioId: keys.whatIf, expectedVersion: 2, format: "CSV", content: "a;b;c" }), expected: { __typename: "ImportRefusedError" } },
  ],
  setPriceIndex: [
    { name: "the base year", input: () => ({ year: 2024, value: "101", source: "X" }), expected: { __typename: "InvalidInputError", field: "input.year", code: "BASE_PRICE_LEVEL" } },
    { name: "a year outside 1950-2100", input: () => ({ year: 1800, value: "50", source: "X" }), expected: { __typename: "InvalidInputError", field: "input.year", code: "YEAR_OUT_OF_RANGE" } },
    { name: "a value that is not a number", input: () => ({ year: 2025, value: "103,2%", source: "X" }), expected: { __typename: "InvalidInputError", field: "input.value", code: "NOT_A_NUMBER" } },
    { name: "a zero index", input: () => ({ year: 2025, value: "0", source: "X" }), expected: { __typename: "InvalidInputError", field: "input.value", code: "NOT_POSITIVE" } },
    { name: "a negative index", input: () => ({ year: 2025, value: "-103,2", source: "X" }), expected: { __typename: "InvalidInputError", field: "input.value", code: "NOT_POSITIVE" } },
    { name: "five decimals", input: () => ({ year: 2025, value: "103,21234", source: "X" }), expected: { __typename: "InvalidInputError", field: "input.value", code: "TOO_PRECISE" } },
    { name: "an empty source", input: () => ({ year: 2025, value: "103,2", source: " " }), expected: { __typename: "InvalidInputError", field: "input.source", code: "REQUIRED" } },
  ],
  removePriceIndex: [
    { name: "the base year", input: () => ({ year: 2024 }), expected: { __typename: "InvalidInputError", field: "input.year", code: "BASE_PRICE_LEVEL" } },
    { name: "a year without an index", input: () => ({ year: 2031 }), expected: { __typename: "InvalidInputError", field: "input.year", code: "NO_PRICE_INDEX" } },
    { name: "a year outside 1950-2100", input: () => ({ year: 3000 }), expected: { __typename: "InvalidInputError", field: "input.year", code: "YEAR_OUT_OF_RANGE" } },
  ],
  addComment: [
    unknownScenario({ text: "x" }),
    { name: "a year without a line", input: (keys) => ({ scenarioId: keys.whatIf, year: 2024, text: "x" }), expected: { __typename: "InvalidInputError", field: "input.year", code: "REQUIRED" } },
    { name: "an empty text", input: (keys) => ({ scenarioId: keys.whatIf, text: "" }), expected: { __typename: "InvalidInputError", field: "input.text", code: "REQUIRED" } },
  ],
  // Accounts (in local mode here, the default; accounts mode: api/accounts.test.ts). Input is checked before the mode.
  signIn: [
    { name: "a blank email", input: () => ({ email: " ", password: "x" }), expected: { __typename: "InvalidInputError", field: "input.email", code: "REQUIRED" } },
    { name: "an empty password", input: () => ({ email: "a@b.dk", password: "" }), expected: { __typename: "InvalidInputError", field: "input.password", code: "REQUIRED" } },
    { name: "a password of 1,025 characters", input: () => ({ email: "a@b.dk", password: "x".repeat(1025) }), expected: { __typename: "InvalidInputError", field: "input.password", code: "TOO_LONG" } },
    { name: "local single-user mode", input: () => ({ email: "a@b.dk", password: "x" }), expected: { __typename: "InvalidInputError", field: "input", code: "NO_ACCOUNTS" } },
  ],
  // Takes no input: nothing to get wrong.
  signOut: [],
  createApiToken: [
    { name: "a blank name", input: () => ({ name: "", scope: "READ" }), expected: { __typename: "InvalidInputError", field: "input.name", code: "REQUIRED" } },
    { name: "a name of 101 characters", input: () => ({ name: "x".repeat(101), scope: "READ" }), expected: { __typename: "InvalidInputError", field: "input.name", code: "TOO_LONG" } },
    { name: "local single-user mode", input: () => ({ name: "Regneark", scope: "READ" }), expected: { __typename: "InvalidInputError", field: "input", code: "NO_ACCOUNTS" } },
  ],
  revokeApiToken: [{ name: "local single-user mode", input: () => ({ id: "findes-ikke" }), expected: { __typename: "InvalidInputError", field: "input", code: "NO_ACCOUNTS" } }],
  shareScenario: [
    unknownScenario({ organisation: "lokal", access: "READ" }),
    { name: "a baseline", input: () => ({ scenarioId: "aftale-2024", organisation: "lokal", access: "READ" }), expected: { __typename: "InvalidInputError", field: "input.scenarioId", code: "NOT_A_WHAT_IF" } },
    { name: "an unknown organisation", input: (keys) => ({ scenarioId: keys.whatIf, organisation: "findes-ikke", access: "READ" }), expected: { __typename: "InvalidInputError", field: "input.organisation", code: "UNKNOWN_ORGANISATION" } },
    { name: "the owner itself", input: (keys) => ({ scenarioId: keys.whatIf, organisation: "lokal", access: "EDIT" }), expected: { __typename: "InvalidInputError", field: "input.organisation", code: "OWN_ORGANISATION" } },
    { name: "a blank organisation", input: (keys) => ({ scenarioId: keys.whatIf, organisation: " ", access: "EDIT" }), expected: { __typename: "InvalidInputError", field: "input.organisation", code: "REQUIRED" } },
  ],
  unshareScenario: [
    unknownScenario({ organisation: "lokal" }),
    { name: "an unknown organisation", input: (keys) => ({ scenarioId: keys.whatIf, organisation: "findes-ikke" }), expected: { __typename: "InvalidInputError", field: "input.organisation", code: "UNKNOWN_ORGANISATION" } },
    { name: "another type's ID", input: () => ({ scenarioId: Buffer.from("Theme:innovation").toString("base64"), organisation: "lokal" }), expected: { __typename: "InvalidInputError", field: "input.scenarioId", code: "MALFORMED_ID" } },
  ],
  // Managing accounts: input first, then the mode (the rules between admins: api/accountsAdmin.test.ts).
  createOrganisation: [
    { name: "a blank key", input: () => ({ key: " ", name: "Venstre", kind: "PARTY" }), expected: { __typename: "InvalidInputError", field: "input.key", code: "REQUIRED" } },
    { name: "a key with capitals and spaces", input: () => ({ key: "Det Radikale", name: "Radikale", kind: "PARTY" }), expected: { __typename: "InvalidInputError", field: "input.key", code: "BAD_KEY" } },
    { name: "a name of 101 characters", input: () => ({ key: "venstre", name: "x".repeat(101), kind: "PARTY" }), expected: { __typename: "InvalidInputError", field: "input.name", code: "TOO_LONG" } },
    { name: "local single-user mode", input: () => ({ key: "venstre", name: "Venstre", kind: "PARTY" }), expected: { __typename: "InvalidInputError", field: "input", code: "NO_ACCOUNTS" } },
  ],
  createUser: [
    { name: "an email without @", input: () => ({ ...newUser, email: "anna.fm.dk" }), expected: { __typename: "InvalidInputError", field: "input.email", code: "BAD_EMAIL" } },
    { name: "a blank name", input: () => ({ ...newUser, displayName: " " }), expected: { __typename: "InvalidInputError", field: "input.displayName", code: "REQUIRED" } },
    { name: "a password of 11 characters", input: () => ({ ...newUser, password: "elleve-tegn" }), expected: { __typename: "InvalidInputError", field: "input.password", code: "WEAK_PASSWORD" } },
    { name: "a password of 1,025 characters", input: () => ({ ...newUser, password: "x".repeat(1025) }), expected: { __typename: "InvalidInputError", field: "input.password", code: "TOO_LONG" } },
    { name: "another type's ID as organisation", input: () => ({ ...newUser, organisationId: Buffer.from("Theme:innovation").toString("base64") }), expected: { __typename: "InvalidInputError", field: "input.organisationId", code: "MALFORMED_ID" } },
    { name: "local single-user mode", input: () => newUser, expected: { __typename: "InvalidInputError", field: "input", code: "NO_ACCOUNTS" } },
  ],
  setUserRole: [
    { name: "a blank user ID", input: () => ({ userId: " ", role: "EDITOR" }), expected: { __typename: "InvalidInputError", field: "input.userId", code: "REQUIRED" } },
    { name: "local single-user mode", input: () => ({ userId: "findes-ikke", role: "EDITOR" }), expected: { __typename: "InvalidInputError", field: "input", code: "NO_ACCOUNTS" } },
  ],
  disableUser: [
    { name: "a blank user ID", input: () => ({ userId: "" }), expected: { __typename: "InvalidInputError", field: "input.userId", code: "REQUIRED" } },
    { name: "local single-user mode", input: () => ({ userId: "findes-ikke" }), expected: { __typename: "InvalidInputError", field: "input", code: "NO_ACCOUNTS" } },
  ],
  enableUser: [
    { name: "a blank user ID", input: () => ({ userId: "" }), expected: { __typename: "InvalidInputError", field: "input.userId", code: "REQUIRED" } },
    { name: "local single-user mode", input: () => ({ userId: "findes-ikke" }), expected: { __typename: "InvalidInputError", field: "input", code: "NO_ACCOUNTS" } },
  ],
  resetUserPassword: [
    { name: "a blank user ID", input: () => ({ userId: " ", newPassword: "et langt nyt kodeord" }), expected: { __typename: "InvalidInputError", field: "input.userId", code: "REQUIRED" } },
    { name: "an empty new password", input: () => ({ userId: "findes-ikke", newPassword: "" }), expected: { __typename: "InvalidInputError", field: "input.newPassword", code: "REQUIRED" } },
    { name: "a new password of 11 characters", input: () => ({ userId: "findes-ikke", newPassword: "elleve-tegn" }), expected: { __typename: "InvalidInputError", field: "input.newPassword", code: "WEAK_PASSWORD" } },
    { name: "a new password of 1,025 characters", input: () => ({ userId: "findes-ikke", newPassword: "x".repeat(1025) }), expected: { __typename: "InvalidInputError", field: "input.newPassword", code: "TOO_LONG" } },
    { name: "local single-user mode", input: () => ({ userId: "findes-ikke", newPassword: "et langt nyt kodeord" }), expected: { __typename: "InvalidInputError", field: "input", code: "NO_ACCOUNTS" } },
  ],
  // Frames (issue 22): local mode is an admin of its own secretariat, so each case reaches the checks.
  createFrame: [
    { name: "no years", input: () => ({ ...newFrame, years: [] }), expected: { __typename: "InvalidInputError", field: "input.years", code: "NO_YEARS" } },
    { name: "years with a gap", input: () => ({ ...newFrame, years: [{ year: 2025, amount: "10" }, { year: 2027, amount: "10" }] }), expected: { __typename: "InvalidInputError", field: "input.years", code: "YEARS_NOT_CONSECUTIVE" } },
    { name: "overlapping years", input: () => ({ ...newFrame, years: [{ year: 2025, amount: "10" }, { year: 2025, amount: "12" }] }), expected: { __typename: "InvalidInputError", field: "input.years[1].year", code: "DUPLICATE_YEAR" } },
    { name: "a frame of 0", input: () => ({ ...newFrame, years: [{ year: 2025, amount: "0" }] }), expected: { __typename: "InvalidInputError", field: "input.years[0].amount", code: "NOT_POSITIVE" } },
    { name: "a negative frame", input: () => ({ ...newFrame, years: [{ year: 2025, amount: "-5" }] }), expected: { __typename: "InvalidInputError", field: "input.years[0].amount", code: "NOT_POSITIVE" } },
    { name: "a year without an amount", input: () => ({ ...newFrame, years: [{ year: 2025, amount: "10" }, { year: 2026 }] }), expected: { __typename: "InvalidInputError", field: "input.years[1].amount", code: "MISSING_AMOUNT" } },
    { name: "more decimals than the precision", input: () => ({ ...newFrame, precisionDecimals: 1, years: [{ year: 2025, amount: "10.25" }] }), expected: { __typename: "InvalidInputError", field: "input.years[0].amount", code: "TOO_PRECISE" } },
    { name: "the life science frame's name (any case)", input: () => ({ ...newFrame, name: "reserve til life science-strategien (fl24)" }), expected: { __typename: "InvalidInputError", field: "input.name", code: "NAME_TAKEN" } },
    { name: "a blank name", input: () => ({ ...newFrame, name: " " }), expected: { __typename: "InvalidInputError", field: "input.name", code: "REQUIRED" } },
    { name: "a price level that is not one", input: () => ({ ...newFrame, priceLevel: "2025" }), expected: { __typename: "InvalidInputError", field: "input.priceLevel", code: "BAD_PRICE_LEVEL" } },
    { name: "a theme given twice", input: () => ({ ...newFrame, themes: ["Forskning", "forskning"] }), expected: { __typename: "InvalidInputError", field: "input.themes[1]", code: "DUPLICATE_TITLE" } },
  ],
  updateFrame: [
    { name: "an unknown frame", input: () => ({ frameId: "findes-ikke", name: "X" }), expected: { __typename: "InvalidInputError", field: "input.frameId", code: "UNKNOWN_FRAME" } },
    { name: "another type's ID", input: () => ({ frameId: Buffer.from("Theme:innovation").toString("base64"), name: "X" }), expected: { __typename: "InvalidInputError", field: "input.frameId", code: "MALFORMED_ID" } },
    { name: "a blank name", input: () => ({ frameId: "life-science-2024-2027", name: " " }), expected: { __typename: "InvalidInputError", field: "input.name", code: "REQUIRED" } },
  ],
  archiveFrame: [
    { name: "an unknown frame", input: () => ({ frameId: "findes-ikke" }), expected: { __typename: "InvalidInputError", field: "input.frameId", code: "UNKNOWN_FRAME" } },
    { name: "another type's ID", input: () => ({ frameId: Buffer.from("Scenario:aftale-2024").toString("base64") }), expected: { __typename: "InvalidInputError", field: "input.frameId", code: "MALFORMED_ID" } },
  ],
  importBaseline: [
    { name: "neither a frame nor a new frame", input: () => ({ ...baselineFile(TABLE_CSV) }), expected: { __typename: "InvalidInputError", field: "input.frameId", code: "REQUIRED" } },
    { name: "both a frame and a new frame", input: () => ({ ...baselineFile(TABLE_CSV), frameId: "life-science-2024-2027", newFrame: { name: "Ny" } }), expected: { __typename: "InvalidInputError", field: "input.newFrame", code: "CONFLICTING_FIELDS" } },
    { name: "an unknown frame", input: () => ({ ...baselineFile(TABLE_CSV), frameId: "findes-ikke" }), expected: { __typename: "InvalidInputError", field: "input.frameId", code: "UNKNOWN_FRAME" } },
    { name: "a new frame with a name in use", input: () => ({ ...baselineFile(TABLE_CSV), newFrame: { name: "Reserve til life science-strategien (FL24)" } }), expected: { __typename: "InvalidInputError", field: "input.newFrame.name", code: "NAME_TAKEN" } },
    { name: "a new frame with overlapping years", input: () => ({ ...baselineFile(TABLE_CSV), newFrame: { name: "Ny", years: [{ year: 2025, amount: "5" }, { year: 2025, amount: "5" }] } }), expected: { __typename: "InvalidInputError", field: "input.newFrame.years[1].year", code: "DUPLICATE_YEAR" } },
    { name: "a blank file name", input: () => ({ ...baselineFile(TABLE_CSV), fileName: " ", newFrame: { name: "Ny" } }), expected: { __typename: "InvalidInputError", field: "input.fileName", code: "REQUIRED" } },
    { name: "duplicate titles within a theme", input: () => ({ ...baselineFile(`${TABLE_CSV}A;Linje 1;1;1\n`), newFrame: { name: "Ny" } }), expected: { __typename: "ImportRefusedError" } },
    { name: "a table without year columns", input: () => ({ ...baselineFile("Tema;Initiativ;Beløb\nA;Linje 1;1\n"), newFrame: { name: "Ny" } }), expected: { __typename: "ImportRefusedError" } },
    { name: "year columns with a gap", input: () => ({ ...baselineFile("Tema;Initiativ;2025;2027\nA;Linje 1;1;1\n;Ramme;10;10\n"), newFrame: { name: "Ny" } }), expected: { __typename: "ImportRefusedError" } },
    { name: "more decimals than the frame allows", input: () => ({ ...baselineFile("Tema;Initiativ;2025;2026\nA;Linje 1;1,25;1\n;Ramme;10;10\n"), newFrame: { name: "Ny" } }), expected: { __typename: "ImportRefusedError" } },
    { name: "a frame row of 0", input: () => ({ ...baselineFile("Tema;Initiativ;2025;2026\nA;Linje 1;1;1\n;Ramme;0;10\n"), newFrame: { name: "Ny" } }), expected: { __typename: "ImportRefusedError" } },
    { name: "a year without a frame amount", input: () => ({ ...baselineFile("Tema;Initiativ;2025;2026\nA;Linje 1;1;1\n;Ramme;10;\n"), newFrame: { name: "Ny" } }), expected: { __typename: "ImportRefusedError" } },
    { name: "a file that is not a workbook", input: () => ({ ...baselineFile("eA=="), format: "XLSX", newFrame: { name: "Ny" } }), expected: { __typename: "ImportRefusedError" } },
  ],
  changePassword: [
    { name: "an empty current password", input: () => ({ currentPassword: "", newPassword: "et langt nyt kodeord" }), expected: { __typename: "InvalidInputError", field: "input.currentPassword", code: "REQUIRED" } },
    { name: "a new password of 11 characters", input: () => ({ currentPassword: "det gamle kodeord", newPassword: "elleve-tegn" }), expected: { __typename: "InvalidInputError", field: "input.newPassword", code: "WEAK_PASSWORD" } },
    { name: "local single-user mode", input: () => ({ currentPassword: "det gamle kodeord", newPassword: "et langt nyt kodeord" }), expected: { __typename: "InvalidInputError", field: "input", code: "NO_ACCOUNTS" } },
  ],
};

let mutations: Array<{ name: string; inputType: string | undefined }>;
const keys: Keys = { whatIf: "", locked: "" };

beforeAll(async () => {
  // Introspection, which gql.tada does not type: the document stays text and its answer is described here.
  const schema = (await query(`{ __schema { mutationType { fields { name args { name type { ofType { name } } } } } } }`)) as {
    __schema: { mutationType: { fields: Array<{ name: string; args: Array<{ type: { ofType: { name: string } } }> }> } };
  };
  mutations = schema.__schema.mutationType.fields.map((field) => ({ name: field.name, inputType: field.args[0]?.type.ofType.name }));
  keys.whatIf = (await fork("aftale-2024", "Uændret")).key;
  await setAllocation({ scenarioId: keys.whatIf, initiativeId: "vmk", year: 2025, amount: "2.6", expectedVersion: 1 });
  keys.locked = (await fork("aftale-2024", "Låst")).key;
  await query(`mutation { lockScenario(input: { scenarioId: "${keys.locked}" }) { __typename } }`);
});

describe("bad input to every mutation is refused with a typed error, and nothing is stored", () => {
  it("every mutation in the schema has cases here", () => {
    expect(Object.keys(CASES).sort()).toEqual(mutations.map((mutation) => mutation.name).sort());
  });

  const all = Object.entries(CASES).flatMap(([mutation, cases]) => cases.map((entry) => [mutation, entry.name, entry] as const));
  it.each(all)("%s: %s", async (mutation, _name, entry) => {
    const inputType = mutations.find((candidate) => candidate.name === mutation)!.inputType;
    const before = await fingerprint();
    const data = await query(
      `mutation($input: ${inputType}!) { ${mutation}(input: $input) { __typename ... on Error { message
        ... on InvalidInputError { problems { field code } } ... on ScenarioLockedError { reason } } } }`,
      { input: entry.input(keys) },
    );
    // The mutation is named at run time, so the document is text and its answer untyped.
    const result = (data as Record<string, { __typename: string; message?: string; problems?: Array<{ field: string; code: string }>; reason?: string }>)[mutation]!;
    expect(result.__typename).toBe(entry.expected.__typename);
    expect(result.message).toEqual(expect.any(String));
    if (entry.expected.field) expect(result.problems).toContainEqual({ field: entry.expected.field, code: entry.expected.code });
    if (entry.expected.reason) expect(result.reason).toBe(entry.expected.reason);
    expect(await fingerprint()).toBe(before);
  });
});
