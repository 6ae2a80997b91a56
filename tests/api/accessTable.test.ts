/**
 * Who may do what: every root field of the schema (queries, mutations, the subscription) run by
 * every kind of caller against a what-if of the ministry's secretariat, with the outcome checked
 * against the table below. The field list comes from the schema, so a new field without a row
 * fails here; the table is also docs/access.md (written from it, and checked to be current).
 *
 * The what-if is the secretariat's (finansministeriet), shared READ with SF and EDIT with
 * Radikale; Venstre is another organisation's (IDOR: it must hear what an unknown ID hears, and
 * nothing may change). Every mutation runs on a fresh what-if and fresh sessions, and a refused
 * one must leave every table as it was.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createUser } from "@ramme/server/auth/accounts.ts";
import { createApiToken } from "@ramme/server/auth/apiTokens.ts";
import { createSession } from "@ramme/server/auth/sessions.ts";
import { exportScenario } from "@ramme/server/engine/fileExchange.ts";
import { addComment } from "@ramme/server/engine/comments.ts";
import { addInitiative } from "@ramme/server/engine/lines.ts";
import { forkScenario } from "@ramme/server/engine/scenarioLifecycle.ts";
import { shareScenario } from "@ramme/server/engine/sharing.ts";
import { schema } from "@ramme/server/schema/index.ts";
import { createRammeYoga } from "@ramme/server/yoga.ts";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../support/graphql.ts";
import { fingerprint } from "../support/scenarios.ts";
import { subscribe } from "../support/sse.ts";
import { headersOf, postAs, type Auth } from "../support/asCaller.ts";

const server = createRammeYoga({ auth: "accounts" });

/** Each kind of caller. Sessions are people; tokens are the secretariat editor's and admin's client apps. */
const CALLERS = {
  anonymous: "nobody signed in",
  viewer: "secretariat viewer",
  editor: "secretariat editor",
  admin: "secretariat admin",
  readToken: "secretariat admin's READ token",
  writeToken: "secretariat editor's READ_WRITE token",
  sharedReader: "SF editor (shared READ)",
  sharedEditor: "Radikale editor (shared EDIT)",
  outsider: "Venstre editor (not shared)",
  outsiderAdmin: "Venstre admin (not shared)",
} as const;
type CallerKind = keyof typeof CALLERS;
const KINDS = Object.keys(CALLERS) as CallerKind[];

/**
 * - allowed: the operation ran for the caller (its own typed outcome, e.g. a version conflict, is
 *   not an access question);
 * - hidden: answered as if the what-if (or user, token) did not exist: UNKNOWN_*, null, or left out;
 * - refused: a typed refusal naming why (NOT_YOUR_ORGANISATION), where hiding would tell nothing;
 * - forbidden / unauthenticated: refused with 403 / 401 before anything ran.
 */
type Outcome = "allowed" | "hidden" | "refused" | "forbidden" | "unauthenticated";

/** The rules, as rows of the table. */
const everyone = (outcome: Outcome): Record<CallerKind, Outcome> => Object.fromEntries(KINDS.map((kind) => [kind, outcome])) as Record<CallerKind, Outcome>;
const signedIn = { ...everyone("allowed"), anonymous: "unauthenticated" } as const satisfies Record<CallerKind, Outcome>;
/** Read the what-if: its organisation (viewers and READ tokens too) and those it is shared with. */
const readScenario = { ...signedIn, outsider: "hidden", outsiderAdmin: "hidden" } as const satisfies Record<CallerKind, Outcome>;
/** Change anything: not a viewer, not a READ token. */
const writer = { ...signedIn, viewer: "forbidden", readToken: "forbidden" } as const satisfies Record<CallerKind, Outcome>;
/** Fork or comment: read access, and a role that writes. */
const readAndWrite = { ...readScenario, viewer: "forbidden", readToken: "forbidden" } as const satisfies Record<CallerKind, Outcome>;
/** Change the what-if: its organisation's writers and those it is shared with to EDIT. */
const editScenario = { ...readAndWrite, sharedReader: "forbidden" } as const satisfies Record<CallerKind, Outcome>;
/** Share or archive the what-if: its own organisation's writers only. */
const ownScenario = { ...editScenario, sharedEditor: "forbidden" } as const satisfies Record<CallerKind, Outcome>;
/** People, not tokens. */
const person = { ...signedIn, readToken: "forbidden", writeToken: "forbidden" } as const satisfies Record<CallerKind, Outcome>;
/** Administrators (an admin's READ token only reads). */
const adminOnly = { ...everyone("forbidden"), anonymous: "unauthenticated", admin: "allowed", outsiderAdmin: "allowed" } as const satisfies Record<CallerKind, Outcome>;
/** Administrators, of the target user's own organisation. */
const adminOfSecretariatUser = { ...adminOnly, outsiderAdmin: "hidden" } as const satisfies Record<CallerKind, Outcome>;

interface Fixture {
  whatIf: string;
  csv: string;
  /** A user of the secretariat, made for this run (role changes, disabling); "" unless the row asks for users. */
  targetUserId: string;
  disabledUserId: string;
  /** A token of the secretariat editor's, for revokeApiToken. */
  editorTokenId: string;
  unique: string;
}

interface Row {
  /** The operation, with variables from the fixture. */
  document: string;
  variables?: (fixture: Fixture) => Record<string, unknown>;
  expected: Record<CallerKind, Outcome>;
  /** For fields that answer a hidden what-if by leaving it out (lists) or null. */
  hiddenWhen?: (data: any, fixture: Fixture) => boolean;
  /** Why the row is as it is, for docs/access.md. */
  rule: string;
  /** The row acts on users of the secretariat: the fixture makes them (passwords are slow to hash on purpose). */
  needsUsers?: true;
}

const G = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString("base64");
const input = (build: (fixture: Fixture) => Record<string, unknown>) => (fixture: Fixture) => ({ input: build(fixture) });
const typed = "__typename ... on InvalidInputError { problems { code } }";
const W = (name: string, inputType: string) => `mutation($input: ${inputType}!) { ${name}(input: $input) { ${typed} } }`;

const TABLE: Record<string, Row> = {
  // --- Queries ------------------------------------------------------------------------------
  me: { document: `{ me { mode } }`, expected: signedIn, rule: "every signed-in caller (the client asks it first: 401 means show sign-in)" },
  frames: { document: `{ frames { key } }`, expected: signedIn, rule: "the documents' data: every signed-in caller" },
  frame: { document: `{ frame(id: "life-science-2024-2027") { key } }`, expected: signedIn, rule: "every frame is read by every signed-in caller" },
  themes: { document: `{ themes { key } }`, expected: signedIn, rule: "the documents' data" },
  recommendations: { document: `{ recommendations { number } }`, expected: signedIn, rule: "the documents' data" },
  strategy2021: { document: `{ strategy2021 { number } }`, expected: signedIn, rule: "the documents' data" },
  strategyInitiatives: { document: `{ strategyInitiatives { number } }`, expected: signedIn, rule: "the documents' data" },
  agreementParagraphs: { document: `{ agreementParagraphs { number } }`, expected: signedIn, rule: "the documents' data" },
  initiatives: { document: `{ initiatives(first: 5) { nodes { key } } }`, expected: signedIn, rule: "the documents' initiatives, and proposals of scenarios the caller sees" },
  priceIndices: { document: `{ priceIndices { year } }`, expected: signedIn, rule: "the price index table is read by all" },
  priceIndexChanges: { document: `{ priceIndexChanges { year } }`, expected: signedIn, rule: "its log too" },
  organisations: { document: `{ organisations { key } }`, expected: signedIn, rule: "names of the organisations at the table, to share with" },
  apiTokens: { document: `{ apiTokens { id } }`, expected: signedIn, rule: "the caller's own tokens (a token's: its owner's), never their secrets" },
  organisationApiTokens: {
    document: `{ organisationApiTokens { id } }`,
    expected: { ...adminOnly, outsiderAdmin: "hidden" },
    hiddenWhen: (data, fixture) => !data.organisationApiTokens.some((token: { id: string }) => token.id === G("ApiToken", fixture.editorTokenId)),
    rule: "admins: the tokens of their own organisation's users (the secretariat's too), those they may revoke",
  },
  users: { document: `{ users { id } }`, expected: adminOnly, rule: "admins: their organisation's users (the secretariat's: all)" },
  accountChanges: { document: `{ accountChanges { kind } }`, expected: adminOnly, rule: "admins: the account audit log" },
  scenarios: {
    document: `{ scenarios(first: 200) { nodes { key } } }`,
    expected: readScenario,
    hiddenWhen: (data, fixture) => !data.scenarios.nodes.some((node: { key: string }) => node.key === fixture.whatIf),
    rule: "baselines for all; a what-if for its organisation and those it is shared with",
  },
  scenario: {
    document: `query($id: ID!) { scenario(id: $id) { key } }`,
    variables: (fixture) => ({ id: G("Scenario", fixture.whatIf) }),
    expected: readScenario,
    hiddenWhen: (data) => data.scenario === null,
    rule: "null when not visible, as for an unknown ID",
  },
  node: {
    document: `query($id: ID!) { node(id: $id) { id } }`,
    variables: (fixture) => ({ id: G("Scenario", fixture.whatIf) }),
    expected: readScenario,
    hiddenWhen: (data) => data.node === null,
    rule: "null when not visible (every node type: below)",
  },
  nodes: {
    document: `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
    variables: (fixture) => ({ ids: [G("Scenario", fixture.whatIf)] }),
    expected: readScenario,
    hiddenWhen: (data) => data.nodes[0] === null,
    rule: "null in its place when not visible",
  },
  history: {
    document: `query($id: ID!) { history(scenarioId: $id) { nodes { version } } }`,
    variables: (fixture) => ({ id: fixture.whatIf }),
    expected: readScenario,
    hiddenWhen: (data) => data.history.nodes.length === 0,
    rule: "empty when not visible, as for an unknown ID",
  },
  scenarioChanges: { document: `query($id: ID!) { scenarioChanges(scenarioId: $id, since: { version: 0 }) { ${typed} } }`, variables: (fixture) => ({ id: fixture.whatIf }), expected: readScenario, rule: "read the what-if" },
  compareScenarios: { document: `query($id: ID!) { compareScenarios(baseId: "aftale-2024", otherIds: [$id]) { ${typed} } }`, variables: (fixture) => ({ id: fixture.whatIf }), expected: readScenario, rule: "read every scenario named" },
  recommendationCoverage: { document: `query($id: ID!) { recommendationCoverage(scenarioIds: [$id]) { ${typed} } }`, variables: (fixture) => ({ id: fixture.whatIf }), expected: readScenario, rule: "read every scenario named" },
  consistencyReport: { document: `query($id: ID!) { consistencyReport(scenarioId: $id) { ${typed} } }`, variables: (fixture) => ({ id: fixture.whatIf }), expected: readScenario, rule: "read the scenario (a what-if then hears NOT_A_BASELINE)" },
  scenarioLineage: { document: `query($id: ID!) { scenarioLineage(rootId: $id) { ${typed} } }`, variables: (fixture) => ({ id: fixture.whatIf }), expected: readScenario, rule: "read the root; the tree holds only visible scenarios" },
  changesSince: { document: `query($id: ID!) { changesSince(scenarioId: $id, version: 1) { ${typed} } }`, variables: (fixture) => ({ id: fixture.whatIf }), expected: readScenario, rule: "read the scenario; descendants only where visible" },
  exportScenario: { document: `query($id: ID!) { exportScenario(scenarioId: $id, format: CSV) { ${typed} } }`, variables: (fixture) => ({ id: fixture.whatIf }), expected: readScenario, rule: "read the scenario" },
  exportComparison: { document: `query($id: ID!) { exportComparison(baseId: "aftale-2024", otherIds: [$id], format: XLSX) { ${typed} } }`, variables: (fixture) => ({ id: fixture.whatIf }), expected: readScenario, rule: "read every scenario named" },
  balanceScenario: { document: `query($id: ID!) { balanceScenario(scenarioId: $id, strategy: { reserve: { initiativeId: "reserve" } }) { ${typed} } }`, variables: (fixture) => ({ id: fixture.whatIf }), expected: readScenario, rule: "read the scenario (a proposal; nothing is stored)" },
  mergePreview: { document: `query($id: ID!) { mergePreview(sourceId: $id, targetId: "aftale-2024") { ${typed} } }`, variables: (fixture) => ({ id: fixture.whatIf }), expected: readScenario, rule: "read both scenarios (nothing is stored)" },

  // --- Mutations ----------------------------------------------------------------------------
  signIn: { document: W("signIn", "SignInInput"), variables: input(() => ({ email: "login@fm.dk", password: PASSWORD })), expected: everyone("allowed"), rule: "anyone" },
  signOut: { document: `mutation { signOut { __typename } }`, expected: signedIn, rule: "every signed-in caller (a token's: nothing to end)" },
  changePassword: { document: W("changePassword", "ChangePasswordInput"), variables: input(() => ({ currentPassword: PASSWORD, newPassword: `${PASSWORD} nyt` })), expected: { ...person, viewer: "allowed" }, rule: "people, viewers included: their own password" },
  createApiToken: { document: W("createApiToken", "CreateApiTokenInput"), variables: input(() => ({ name: "Regneark", scope: "READ" })), expected: { ...person, viewer: "allowed" }, rule: "people, viewers included (a viewer's token only reads)" },
  revokeApiToken: {
    document: `mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { __typename ... on InvalidInputError { problems { code } } } }`,
    variables: input((fixture) => ({ id: fixture.editorTokenId })),
    expected: { ...person, viewer: "hidden", sharedReader: "hidden", sharedEditor: "hidden", outsider: "hidden", outsiderAdmin: "hidden" },
    rule: "the token's owner, or an admin of the owner's organisation; anyone else hears UNKNOWN_API_TOKEN",
  },
  setPriceIndex: { document: W("setPriceIndex", "SetPriceIndexInput"), variables: input(() => ({ year: 2026, value: "104.5", source: "Finansministeriet, test" })), expected: adminOnly, rule: "admins" },
  removePriceIndex: { document: W("removePriceIndex", "RemovePriceIndexInput"), variables: input(() => ({ year: 2027 })), expected: adminOnly, rule: "admins" },
  createOrganisation: { document: W("createOrganisation", "CreateOrganisationInput"), variables: input((fixture) => ({ key: `parti-${fixture.unique}`, name: "Nyt parti", kind: "PARTY" })), expected: { ...adminOnly, outsiderAdmin: "forbidden" }, rule: "admins of the secretariat" },
  createFrame: {
    document: W("createFrame", "CreateFrameInput"),
    variables: input((fixture) => ({ name: `Ny ramme ${fixture.unique}`, years: [{ year: 2025, amount: "10" }, { year: 2026, amount: "12" }] })),
    expected: { ...adminOnly, outsiderAdmin: "forbidden" },
    rule: "admins of a secretariat (a party's admin: 403)",
  },
  updateFrame: {
    document: W("updateFrame", "UpdateFrameInput"),
    variables: input((fixture) => ({ frameId: "life-science-2024-2027", description: `Beskrivelse ${fixture.unique}` })),
    expected: { ...adminOnly, outsiderAdmin: "forbidden" },
    rule: "admins of a secretariat",
  },
  archiveFrame: {
    document: W("archiveFrame", "ArchiveFrameInput"),
    variables: input(() => ({ frameId: "life-science-2024-2027", archived: false })),
    expected: { ...adminOnly, outsiderAdmin: "forbidden" },
    rule: "admins of a secretariat",
  },
  importBaseline: {
    document: W("importBaseline", "ImportBaselineInput"),
    variables: input((fixture) => ({ newFrame: { name: `Importeret ramme ${fixture.unique}` }, name: "Udspil", format: "CSV", fileName: "udspil.csv", content: "Tema;Initiativ;2025;2026\nA;Linje 1;1;2\n;Ramme;10;12\n" })),
    expected: { ...adminOnly, outsiderAdmin: "forbidden" },
    rule: "admins of a secretariat (also for a dry run)",
  },
  createUser: {
    document: W("createUser", "CreateUserInput"),
    variables: input((fixture) => ({ email: `ny-${fixture.unique}@fm.dk`, displayName: "Ny", organisationId: "finansministeriet", role: "VIEWER", password: PASSWORD })),
    expected: { ...adminOnly, outsiderAdmin: "refused" },
    rule: "admins of the organisation (the secretariat's: any); another organisation's admin hears NOT_YOUR_ORGANISATION",
  },
  setUserRole: { needsUsers: true, document: W("setUserRole", "SetUserRoleInput"), variables: input((fixture) => ({ userId: fixture.targetUserId, role: "EDITOR" })), expected: adminOfSecretariatUser, rule: "admins of the user's organisation; others hear UNKNOWN_USER" },
  resetUserPassword: {
    needsUsers: true,
    document: W("resetUserPassword", "ResetUserPasswordInput"),
    variables: input((fixture) => ({ userId: fixture.targetUserId, newPassword: `${PASSWORD} nulstillet` })),
    expected: adminOfSecretariatUser,
    rule: "admins of the user's organisation; others hear UNKNOWN_USER",
  },
  disableUser: { needsUsers: true, document: W("disableUser", "UserIdInput"), variables: input((fixture) => ({ userId: fixture.targetUserId })), expected: adminOfSecretariatUser, rule: "admins of the user's organisation" },
  enableUser: { needsUsers: true, document: W("enableUser", "UserIdInput"), variables: input((fixture) => ({ userId: fixture.disabledUserId })), expected: adminOfSecretariatUser, rule: "admins of the user's organisation" },

  forkScenario: { document: W("forkScenario", "ForkScenarioInput"), variables: input((fixture) => ({ sourceId: fixture.whatIf, name: "Kopi" })), expected: readAndWrite, rule: "read the source and write; the fork is the caller's organisation's" },
  addComment: { document: W("addComment", "AddCommentInput"), variables: input((fixture) => ({ scenarioId: fixture.whatIf, text: "Bemærkning" })), expected: readAndWrite, rule: "read the scenario and write (a party may answer a draft shown to it)" },
  updateScenario: { document: W("updateScenario", "UpdateScenarioInput"), variables: input((fixture) => ({ scenarioId: fixture.whatIf, name: "Nyt navn" })), expected: editScenario, rule: "edit the scenario" },
  lockScenario: { document: W("lockScenario", "ScenarioStatusInput"), variables: input((fixture) => ({ scenarioId: fixture.whatIf })), expected: editScenario, rule: "edit the scenario" },
  unlockScenario: { document: W("unlockScenario", "ScenarioStatusInput"), variables: input((fixture) => ({ scenarioId: fixture.whatIf })), expected: editScenario, rule: "edit the scenario" },
  archiveScenario: { document: W("archiveScenario", "ScenarioStatusInput"), variables: input((fixture) => ({ scenarioId: fixture.whatIf })), expected: ownScenario, rule: "its own organisation: archiving hides it from those it is shared with" },
  unarchiveScenario: { document: W("unarchiveScenario", "ScenarioStatusInput"), variables: input((fixture) => ({ scenarioId: fixture.whatIf })), expected: ownScenario, rule: "its own organisation" },
  setAllocation: {
    document: W("setAllocation", "SetAllocationInput"),
    variables: input((fixture) => ({ scenarioId: fixture.whatIf, initiativeId: "vmk", year: 2025, amount: "3", expectedVersion: 1 })),
    expected: editScenario,
    rule: "edit the scenario",
  },
  setAllocations: {
    document: W("setAllocations", "SetAllocationsInput"),
    variables: input((fixture) => ({ scenarioId: fixture.whatIf, cells: [{ initiativeId: "vmk", year: 2026, amount: "3" }], expectedVersion: 1 })),
    expected: editScenario,
    rule: "edit the scenario",
  },
  moveAmount: {
    document: W("moveAmount", "MoveAmountInput"),
    variables: input((fixture) => ({ scenarioId: fixture.whatIf, fromInitiativeId: "vmk", toInitiativeId: "reserve", amount: "0.1", fromYear: 2025, toYear: 2025, expectedVersion: 1 })),
    expected: editScenario,
    rule: "edit the scenario",
  },
  addInitiative: { document: W("addInitiative", "AddInitiativeInput"), variables: input((fixture) => ({ scenarioId: fixture.whatIf, expectedVersion: 1, title: "Nyt forslag", themeId: "forskning-sundhedsdata" })), expected: editScenario, rule: "edit the scenario (and see any existing initiative named)" },
  removeInitiative: { document: W("removeInitiative", "RemoveInitiativeInput"), variables: input((fixture) => ({ scenarioId: fixture.whatIf, initiativeId: "vmk", expectedVersion: 1 })), expected: editScenario, rule: "edit the scenario" },
  importScenarioCsv: { document: W("importScenarioCsv", "ImportScenarioCsvInput"), variables: input((fixture) => ({ scenarioId: fixture.whatIf, expectedVersion: 1, content: fixture.csv })), expected: editScenario, rule: "edit the scenario" },
  importScenarioFile: {
    document: W("importScenarioFile", "ImportScenarioFileInput"),
    variables: input((fixture) => ({ scenarioId: fixture.whatIf, expectedVersion: 1, format: "CSV", content: fixture.csv, dryRun: true })),
    expected: editScenario,
    rule: "edit the scenario (also for a dry run: a preview is the first step of an edit)",
  },
  restoreScenarioVersion: { document: W("restoreScenarioVersion", "RestoreScenarioVersionInput"), variables: input((fixture) => ({ scenarioId: fixture.whatIf, version: 1, expectedVersion: 1 })), expected: editScenario, rule: "edit the scenario" },
  revertChange: { document: W("revertChange", "RevertChangeInput"), variables: input((fixture) => ({ scenarioId: fixture.whatIf, version: 1, expectedVersion: 1 })), expected: editScenario, rule: "edit the scenario" },
  mergeScenario: { document: W("mergeScenario", "MergeScenarioInput"), variables: input((fixture) => ({ sourceId: fixture.whatIf, targetId: fixture.whatIf, expectedTargetVersion: 1 })), expected: editScenario, rule: "read the source, edit the target" },
  shareScenario: { document: W("shareScenario", "ShareScenarioInput"), variables: input((fixture) => ({ scenarioId: fixture.whatIf, organisation: "venstre", access: "READ" })), expected: ownScenario, rule: "its own organisation's writers" },
  unshareScenario: { document: W("unshareScenario", "UnshareScenarioInput"), variables: input((fixture) => ({ scenarioId: fixture.whatIf, organisation: "sf" })), expected: ownScenario, rule: "its own organisation's writers" },

  // --- Subscription -------------------------------------------------------------------------
  scenarioChanged: {
    document: `subscription($id: ID!) { scenarioChanged(scenarioId: $id, afterVersion: 0) { __typename ... on InvalidInputError { problems { code } } } }`,
    variables: (fixture) => ({ id: fixture.whatIf }),
    expected: readScenario,
    rule: "read the scenario; the stream ends when a share is taken back, the session signed out, the token revoked or the user disabled",
  },
};

const PASSWORD = "et godt langt kodeord";
const HIDDEN_CODES = new Set(["UNKNOWN_SCENARIO", "UNKNOWN_INITIATIVE", "UNKNOWN_USER", "UNKNOWN_API_TOKEN"]);
const REFUSAL_CODES = new Set(["NOT_YOUR_ORGANISATION"]);

const people: Record<CallerKind, string | null> = Object.fromEntries(KINDS.map((kind) => [kind, null])) as Record<CallerKind, string | null>;
const secretariat = { organisationKey: "finansministeriet", organisationName: "Finansministeriet", organisationKind: "SECRETARIAT" as const };

beforeAll(async () => {
  const make = async (email: string, role: "ADMIN" | "EDITOR" | "VIEWER", organisationKey: string, kind: "SECRETARIAT" | "PARTY") =>
    (await createUser({ email, displayName: email.split("@")[0]!, password: PASSWORD, role, organisationKey, organisationKind: kind })).id;
  people.viewer = await make("viewer@fm.dk", "VIEWER", "finansministeriet", "SECRETARIAT");
  people.editor = await make("editor@fm.dk", "EDITOR", "finansministeriet", "SECRETARIAT");
  people.admin = await make("admin@fm.dk", "ADMIN", "finansministeriet", "SECRETARIAT");
  people.sharedReader = await make("editor@sf.dk", "EDITOR", "sf", "PARTY");
  people.sharedEditor = await make("editor@radikale.dk", "EDITOR", "radikale", "PARTY");
  people.outsider = await make("editor@venstre.dk", "EDITOR", "venstre", "PARTY");
  people.outsiderAdmin = await make("admin@venstre.dk", "ADMIN", "venstre", "PARTY");
  await make("login@fm.dk", "VIEWER", "finansministeriet", "SECRETARIAT");
});

// Each row's what-ifs go when it is done: the fingerprint reads every row of every table, twice a run.
afterEach(async () => {
  await db.scenario.deleteMany({ where: { kind: "WHAT_IF" } });
});

let serial = 0;
const ownerOrganisation = async () => {
  const row = await db.organisation.findUniqueOrThrow({ where: { key: "finansministeriet" } });
  return { id: row.id, key: row.key, name: row.name, kind: "SECRETARIAT" as const };
};

/** A fresh what-if of the secretariat's, shared READ with SF and EDIT with Radikale, and fresh users and tokens around it. */
async function freshFixture(options: { users?: boolean } = {}): Promise<Fixture> {
  serial += 1;
  const unique = `${serial}-${Date.now().toString(36)}`;
  const fork = await forkScenario({ sourceId: "aftale-2024", name: `Sekretariatets udkast ${unique}` }, "editor", await ownerOrganisation());
  await shareScenario({ scenarioId: fork.scenarioId, organisation: "sf", access: "READ" }, "editor");
  await shareScenario({ scenarioId: fork.scenarioId, organisation: "radikale", access: "EDIT" }, "editor");
  const file = await exportScenario(db, fork.scenarioId, { format: "CSV", numberStyle: "DANISH", language: "da", priceLevel: null, exportedBy: "test" });
  let targetUserId = "";
  let disabledUserId = "";
  if (options.users) {
    targetUserId = (await createUser({ email: `maal-${unique}@fm.dk`, displayName: "Mål", password: PASSWORD, role: "VIEWER", ...secretariat })).id;
    disabledUserId = (await createUser({ email: `slaaet-fra-${unique}@fm.dk`, displayName: "Slået fra", password: PASSWORD, role: "VIEWER", ...secretariat })).id;
    await db.user.update({ where: { id: disabledUserId }, data: { disabledAt: new Date() } });
  }
  const editorToken = await createApiToken(people.editor!, `Værktøj ${unique}`, "READ");
  return { whatIf: fork.scenarioId, csv: Buffer.from(file.bytes).toString("utf8"), targetUserId, disabledUserId, editorTokenId: editorToken.token.id, unique };
}

/** Headers that make the request the given caller's: a fresh session for people, a fresh token for the token kinds. */
async function credentials(kind: CallerKind): Promise<Auth> {
  if (kind === "anonymous") return {};
  if (kind === "readToken") return { bearer: (await createApiToken(people.admin!, "Læser", "READ")).secret };
  if (kind === "writeToken") return { bearer: (await createApiToken(people.editor!, "Skriver", "READ_WRITE")).secret };
  return { cookie: `ramme_session=${(await createSession(people[kind]!)).token}` };
}

/** What the caller got, in the table's terms. */
function outcomeOf(body: { data?: any; errors?: Array<{ extensions?: { code?: string } }> }, row: Row, fixture: Fixture): Outcome {
  const code = body.errors?.[0]?.extensions?.code;
  if (code === "UNAUTHENTICATED") return "unauthenticated";
  if (code === "FORBIDDEN") return "forbidden";
  if (body.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(body.errors)}`);
  const result = Object.values(body.data ?? {})[0] as any;
  if (result?.__typename === "InvalidInputError" && result.problems.some((problem: { code: string }) => HIDDEN_CODES.has(problem.code))) return "hidden";
  if (result?.__typename === "InvalidInputError" && result.problems.some((problem: { code: string }) => REFUSAL_CODES.has(problem.code))) return "refused";
  if (row.hiddenWhen?.(body.data, fixture)) return "hidden";
  return "allowed";
}

async function run(row: Row, kind: CallerKind, fixture: Fixture): Promise<{ outcome: Outcome; body: unknown }> {
  const auth = await credentials(kind);
  const variables = row.variables?.(fixture) ?? {};
  if (row.document.startsWith("subscription")) {
    const stream = await subscribe(async (url, init) => server.fetch(url, init), "http://ramme.test/graphql", row.document, variables, headersOf(auth)).catch((error: Error) => error);
    if (stream instanceof Error) return { outcome: /\b401\b/.test(stream.message) ? "unauthenticated" : /\b403\b/.test(stream.message) ? "forbidden" : "allowed", body: stream.message };
    const first = await stream.next(5000);
    stream.close();
    return { outcome: outcomeOf(first as any, row, fixture), body: first };
  }
  return runWith(row, auth, fixture);
}

const rootFields = () => {
  const fields: Array<{ type: string; name: string }> = [];
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (type) for (const name of Object.keys(type.getFields())) fields.push({ type: type.name, name });
  }
  return fields;
};

describe("the access table", () => {
  it("has a row for every query, mutation and subscription in the schema", () => {
    expect(Object.keys(TABLE).sort()).toEqual(rootFields().map((field) => field.name).sort());
  });

  it("is docs/access.md (RAMME_WRITE_DOCS=1 writes it)", () => {
    const file = path.resolve(import.meta.dirname, "../../docs/access.md");
    const text = renderTable();
    if (process.env.RAMME_WRITE_DOCS === "1" || !existsSync(file)) writeFileSync(file, text);
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  const queryLike = Object.entries(TABLE).filter(([, row]) => !row.document.startsWith("mutation"));
  it.each(queryLike)("%s: each caller gets what the table says", { timeout: 60_000 }, async (field, row) => {
    const fixture = await freshFixture();
    const observed: Partial<Record<CallerKind, Outcome>> = {};
    for (const kind of KINDS) observed[kind] = (await run(row, kind, fixture)).outcome;
    expect(observed, JSON.stringify(observed)).toEqual(row.expected);
  });

  const mutations = Object.entries(TABLE).filter(([, row]) => row.document.startsWith("mutation"));
  // Ten callers, each on a fresh what-if: seconds, not the default five.
  it.each(mutations)("%s: each caller gets what the table says, and a refusal changes nothing", { timeout: 60_000 }, async (field, row) => {
    const observed: Partial<Record<CallerKind, Outcome>> = {};
    // A refusal is checked to change nothing, so the next caller may use the same what-if; after an
    // allowed run it has changed, and the next gets a fresh one.
    let fixture: Fixture | null = null;
    for (const kind of KINDS) {
      fixture ??= await freshFixture({ users: row.needsUsers });
      const auth = await credentials(kind);
      const before = await fingerprint({ ignoreUse: true });
      const { outcome, body } = await runWith(row, auth, fixture);
      observed[kind] = outcome;
      if (outcome === "allowed") fixture = null;
      else expect(await fingerprint({ ignoreUse: true }), `${field} as ${kind} was refused (${JSON.stringify(body)}) but changed the database`).toBe(before);
    }
    expect(observed, JSON.stringify(observed)).toEqual(row.expected);
  });
});

async function runWith(row: Row, auth: Auth, fixture: Fixture) {
  const response = await postAs(server, { query: row.document, variables: row.variables?.(fixture) ?? {} }, auth);
  const body = await response.json();
  return { outcome: outcomeOf(body, row, fixture), body };
}

const NODE_TYPES: Record<string, { id: (fixture: Fixture) => Promise<string>; expected: Record<CallerKind, Outcome> }> = {
  Scenario: { id: async (fixture) => G("Scenario", fixture.whatIf), expected: readScenario },
  Frame: { id: async () => G("Frame", "life-science-2024-2027"), expected: signedIn },
  Theme: { id: async () => G("Theme", "forskning-sundhedsdata"), expected: signedIn },
  Initiative: { id: async () => G("Initiative", "vmk"), expected: signedIn },
  "Initiative (a proposal)": {
    id: async (fixture) => {
      await addInitiative({ scenarioId: fixture.whatIf, expectedVersion: 1, title: `Fortroligt forslag ${fixture.unique}`, themeId: "forskning-sundhedsdata", notation: "API" }, "editor");
      return G("Initiative", (await db.initiative.findFirstOrThrow({ where: { createdInScenarioId: fixture.whatIf } })).id);
    },
    expected: readScenario,
  },
  OutsideFrameAmount: {
    id: async (fixture) => G("OutsideFrameAmount", (await db.outsideFrameAmount.findFirstOrThrow({ where: { scenarioId: fixture.whatIf } })).id),
    expected: readScenario,
  },
  ScenarioChange: { id: async (fixture) => G("ScenarioChange", String((await db.scenarioChange.findFirstOrThrow({ where: { scenarioId: fixture.whatIf } })).id)), expected: readScenario },
  Comment: {
    id: async (fixture) => G("Comment", String((await addComment({ scenarioId: fixture.whatIf, text: `Fortroligt ${fixture.unique}` }, "editor")).id)),
    expected: readScenario,
  },
  Organisation: { id: async () => G("Organisation", "venstre"), expected: signedIn },
  // The secretariat editor: themself (and their token), and the admins who manage them (an admin's READ token too).
  User: { id: async () => G("User", people.editor!), expected: { ...adminOfSecretariatUser, editor: "allowed", writeToken: "allowed", readToken: "allowed", viewer: "hidden", sharedReader: "hidden", sharedEditor: "hidden", outsider: "hidden" } },
  // The secretariat editor's token: its owner (and their token), and the admins who may revoke it.
  ApiToken: { id: async (fixture) => G("ApiToken", fixture.editorTokenId), expected: { ...adminOfSecretariatUser, editor: "allowed", writeToken: "allowed", readToken: "allowed", viewer: "hidden", sharedReader: "hidden", sharedEditor: "hidden", outsider: "hidden" } },
};

describe("node(id:) for every node type", () => {
  it("covers every type that implements Node", () => {
    const implementing = Object.values(schema.getTypeMap())
      // Duck-typed: the schema's graphql module may be another copy than this file's.
      .filter((type) => "getInterfaces" in type && (type as unknown as { getInterfaces(): Array<{ name: string }> }).getInterfaces().some((iface) => iface.name === "Node"))
      .map((type) => type.name);
    expect([...new Set(Object.keys(NODE_TYPES).map((name) => name.replace(/ \(.*\)$/, "")))].sort()).toEqual(implementing.sort());
  });

  it.each(Object.entries(NODE_TYPES))("%s: visible to whom the table says; null for the rest", { timeout: 60_000 }, async (_type, entry) => {
    const fixture = await freshFixture();
    const id = await entry.id(fixture);
    const row: Row = { document: `query($id: ID!) { node(id: $id) { id } }`, variables: () => ({ id }), expected: entry.expected, hiddenWhen: (data) => data.node === null, rule: "" };
    const observed: Partial<Record<CallerKind, Outcome>> = {};
    for (const kind of KINDS) observed[kind] = (await runWith(row, await credentials(kind), fixture)).outcome;
    expect(observed).toEqual(entry.expected);
  });
});

/**
 * Every list field whose items can be hidden from a caller: an item type with a visibility rule of
 * its own (Initiative, Scenario, ScenarioChange, Comment, OutsideFrameAmount), or an item holding
 * one. Found from the schema, so a new such list without a row fails here. A list reached without
 * passing a scenario check must filter by the visibility rule and never fail on an item: those rows
 * run against a hidden proposal linked everywhere a proposal could be (see `LIST_PROBES`).
 */
type ListRow =
  | { kind: "filtered"; document: string; variables?: (fixture: Fixture) => Record<string, unknown>; rule: string }
  | { kind: "scenario" | "documents" | "connection"; rule: string };

const INSIDE_SCENARIO = "inside a scenario (or a change, comparison, report of one) the caller was checked to see; the items are that scenario's";
const inside = (rule = INSIDE_SCENARIO): ListRow => ({ kind: "scenario", rule });
const documentLinks = (rule: string): ListRow => ({ kind: "documents", rule: `${rule}: links the documents (seeds/) make; no operation links a proposal` });
const connection = (root: string): ListRow => ({ kind: "connection", rule: `a page of \`${root}\`, which filters in SQL (its row above)` });
const filtered = (document: string, rule: string, variables?: (fixture: Fixture) => Record<string, unknown>): ListRow => ({ kind: "filtered", document, rule, variables });

const LIST_TABLE: Record<string, ListRow> = {
  "Theme.initiatives": filtered(`{ themes { initiatives { __typename key title } } }`, "filtered by the initiative rule: no hidden proposal, not even to count or to sort among"),
  "Frame.themes": filtered(`{ frames { themes { initiatives { __typename key title } } } }`, "a frame's themes; their initiatives filtered by the initiative rule (Theme.initiatives)"),
  "StrategyInitiative.initiatives": filtered(`{ strategyInitiatives { initiatives { key } } }`, "filtered by the initiative rule"),
  "Recommendation.initiatives": filtered(`{ recommendations { initiatives { initiative { key } } } }`, "links to initiatives the caller may see"),
  "Strategy2021Initiative.continuedBy": filtered(`{ strategy2021 { initiatives { continuedBy { key } } } }`, "filtered by the initiative rule"),
  "OutsideFrameAmount.initiatives": filtered(
    `query($id: ID!) { scenario(id: $id) { outsideFrame { initiatives { key } } } }`,
    "filtered by the initiative rule",
    () => ({ id: G("Scenario", "aftale-2024") }),
  ),
  "InitiativeConnection.nodes": filtered(`{ initiatives(first: 500) { nodes { key } } }`, "the documents' initiatives and the proposals of visible scenarios"),
  "InitiativeConnection.edges": filtered(`{ initiatives(first: 500) { edges { node { key } } } }`, "the same, as edges"),
  "Strategy2021Area.initiatives": documentLinks("the 2021 strategy's numbered initiatives"),
  "Initiative.recommendations": documentLinks("an initiative's recommendations"),
  "RecommendationCoverage.initiativesNotInScenario": documentLinks("initiatives answering a recommendation"),
  "ConsistencyCheck.initiatives": documentLinks("initiatives an amount of the text names"),
  "ConsistencyCheck.explainedBy": documentLinks("outside-frame notes of a baseline"),
  "StatedTotalCheck.explainedBy": inside(),
  "ScenarioConnection.nodes": connection("scenarios"),
  "ScenarioConnection.edges": connection("scenarios"),
  "ScenarioChangeConnection.nodes": connection("history"),
  "ScenarioChangeConnection.edges": connection("history"),
  "ScenarioHistoryConnection.nodes": inside("a scenario's history: the scenario was checked"),
  "ScenarioHistoryConnection.edges": inside("a scenario's history: the scenario was checked"),
  "ScenarioLineage.nodes": inside("the lineage tree holds only scenarios the caller may see (visibleScenariosWhere)"),
  "ChangesSinceReport.scenarios": inside("descendants only where visible (visibleScenariosWhere)"),
  "ScenarioChangesSince.changes": inside(),
  "ScenarioComparison.others": inside("every scenario named was checked (readScenarios)"),
  "ScenarioComparison.lines": inside(),
  "ScenarioComparison.differences": inside(),
  "ComparisonLine.versus": inside(),
  "LineVersus.comments": inside(),
  "FundingLine.comments": inside(),
  "PricedScenario.lines": inside(),
  "PricedScenario.totals": inside(),
  "PrintedTable.lines": inside(),
  "Scenario.lines": inside(),
  "Scenario.outsideFrame": inside(),
  "Scenario.yearTotals": inside(),
  "Scenario.comments": inside(),
  "YearTotal.outsideFrame": inside(),
  "ScenarioEdit.yearTotals": inside("the result of an edit the caller was allowed to make"),
  "VersionConflictError.changesSince": inside("the changes of the scenario the caller tried to edit (edit access was checked)"),
  "MergeConflictError.conflicts": inside("the scenarios of a merge the caller was allowed"),
  "MergePreview.conflicts": inside(),
  "MergePreview.resolved": inside(),
  "BalanceProposal.yearTotals": inside(),
  "MergePreview.yearTotals": inside(),
  "ScenarioChange.cells": inside(),
  // Cell and line differences name their initiative as an object (not only a key) since the error contract's conventions.
  "ScenarioEdit.cells": inside("the cells of the edit the caller just made in a scenario they may edit"),
  "ScenarioChangedEvent.cells": inside("the stream is of a scenario the caller may see, and ends with that access"),
  "ScenarioChangedEvent.totals": inside("the stream is of a scenario the caller may see, and ends with that access"),
  "VersionConflictError.cellsChangedSince": inside("cells of the scenario the caller tried to edit"),
  "BalanceProposal.cells": inside(),
  "ChangeSet.cells": inside(),
  "MergePreview.cells": inside("both scenarios were checked (readScenarios, editScenarios)"),
  "NetDifference.lines": inside(),
  "ScenarioChange.lines": inside(),
  "ScenarioChange.comments": inside(),
  "ChangeSet.changes": inside(),
  "RecommendationCoverage.lines": inside(),
  "ScenarioRecommendationCoverage.recommendations": inside(),
  "RecommendationCoverageComparison.scenarios": inside("every scenario named was checked (readScenarios)"),
  "ConsistencyReport.checks": inside(),
};

/** Whether a type has a visibility rule of its own (a type-level authScopes in the schema). */
const GUARDED = new Set(
  Object.values(schema.getTypeMap())
    .filter((type) => !["Query", "Mutation", "Subscription"].includes(type.name) && Boolean((type.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions?.authScopes))
    .map((type) => type.name),
);
const namedType = (type: unknown) => String(type).replace(/[[\]!]/g, "");
const fieldsOf = (type: unknown): Array<{ name: string; type: unknown }> =>
  type && typeof type === "object" && "getFields" in type ? Object.values((type as { getFields(): Record<string, { name: string; type: unknown }> }).getFields()) : [];

/** The list fields whose items are, or hold, something with a visibility rule of its own. */
function listsOfHideableItems(): string[] {
  const lists: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || ["Query", "Mutation", "Subscription"].includes(type.name) || !("getInterfaces" in type)) continue;
    for (const field of fieldsOf(type)) {
      if (!String(field.type).includes("[")) continue;
      const item = namedType(field.type);
      if (GUARDED.has(item) || fieldsOf(schema.getType(item)).some((inner) => GUARDED.has(namedType(inner.type)))) lists.push(`${type.name}.${field.name}`);
    }
  }
  return lists.sort();
}

/**
 * A proposal of the secretariat's what-if, linked wherever a list could carry it: to a strategy
 * initiative, a recommendation, a 2021 initiative and a baseline's outside-frame note (links only
 * seeds make today; made here so the filters are proved, not assumed).
 */
async function hiddenProposal(fixture: Fixture): Promise<string> {
  await addInitiative({ scenarioId: fixture.whatIf, expectedVersion: 1, title: `AAA fortroligt ${fixture.unique}`, themeId: "forskning-sundhedsdata", notation: "API" }, "editor");
  const proposal = (await db.initiative.findFirstOrThrow({ where: { createdInScenarioId: fixture.whatIf } })).id;
  const strategyInitiative = await db.strategyInitiative.findFirstOrThrow();
  await db.initiative.update({ where: { id: proposal }, data: { strategyNumber: strategyInitiative.number } });
  await db.initiativeRecommendation.create({ data: { initiativeId: proposal, recommendationNumber: 1, basis: "EXPLICIT", quote: "-", source: {} } });
  await db.initiativeContinuation.create({ data: { initiativeId: proposal, strategy2021Number: (await db.strategy2021Initiative.findFirstOrThrow()).number, quote: "-", source: {} } });
  const note = await db.outsideFrameAmount.findFirstOrThrow({ where: { scenarioId: "aftale-2024" } });
  await db.outsideFrameInitiative.create({ data: { outsideFrameId: note.id, initiativeId: proposal } });
  return proposal;
}

describe("every list that can hold hidden items", () => {
  it("has a row for every such list field of the schema", () => {
    expect(Object.keys(LIST_TABLE).sort()).toEqual(listsOfHideableItems());
  });

  const filteredRows = Object.entries(LIST_TABLE).filter((entry): entry is [string, Extract<ListRow, { kind: "filtered" }>] => entry[1].kind === "filtered");
  it.each(filteredRows)("%s: a hidden proposal is left out for those who may not see it, and nothing fails", { timeout: 60_000 }, async (_field, row) => {
    const fixture = await freshFixture();
    const proposal = await hiddenProposal(fixture);
    const observed: Partial<Record<CallerKind, Outcome>> = {};
    for (const kind of KINDS) {
      const response = await postAs(server, { query: row.document, variables: row.variables?.(fixture) ?? {} }, await credentials(kind));
      const body = await response.json();
      if (kind === "anonymous") {
        observed[kind] = body.errors?.[0]?.extensions?.code === "UNAUTHENTICATED" ? "unauthenticated" : "allowed";
        continue;
      }
      expect(body.errors, `${kind}: ${JSON.stringify(body.errors)}`).toBeUndefined();
      observed[kind] = JSON.stringify(body.data).includes(proposal) ? "allowed" : "hidden";
    }
    expect(observed).toEqual(readScenario);
  });
});

const SYMBOL: Record<Outcome, string> = { allowed: "✓", hidden: "∅", refused: "✗", forbidden: "403", unauthenticated: "401" };

function renderTable(): string {
  const header = `| operation | ${KINDS.map((kind) => CALLERS[kind]).join(" | ")} | rule |`;
  const line = `|---|${KINDS.map(() => ":-:").join("|")}|---|`;
  const rows = rootFields().map(({ type, name }) => {
    const row = TABLE[name];
    return row ? `| ${type === "Query" ? "" : `${type.toLowerCase()} `}\`${name}\` | ${KINDS.map((kind) => SYMBOL[row.expected[kind]]).join(" | ")} | ${row.rule} |` : `| \`${name}\` | (no row) |`;
  });
  return [
    "# Who may do what",
    "",
    "GENERATED from tests/api/accessTable.test.ts, which runs every row against the API (accounts mode)",
    "and fails when this file differs from it or when a field of the schema has no row. Do not edit; edit",
    "the table there and run it with `RAMME_WRITE_DOCS=1`.",
    "",
    "The scenario every row acts on is a what-if of the ministry's secretariat (Finansministeriet), shared",
    "to read with SF and to edit with Radikale, and not with Venstre. ✓ the operation runs; ∅ answered as",
    "if the scenario (user, token) did not exist — `UNKNOWN_*`, `null` or left out of a list; ✗ a typed",
    "refusal (`NOT_YOUR_ORGANISATION`); 403 refused (`FORBIDDEN`); 401 not signed in (`UNAUTHENTICATED`).",
    "A refused mutation stores nothing. In local mode (`RAMME_AUTH=local`) the single local user may do",
    "everything.",
    "",
    header,
    line,
    ...rows,
    "",
    "## `node(id:)` by type",
    "",
    "An outside-frame note belongs to its scenario (a fork carries copies); a proposal (an initiative a",
    "what-if added) is seen where a visible scenario holds it or its history does.",
    "",
    `| type | ${KINDS.map((kind) => CALLERS[kind]).join(" | ")} |`,
    `|---|${KINDS.map(() => ":-:").join("|")}|`,
    ...Object.entries(NODE_TYPES).map(([type, entry]) => `| \`${type}\` | ${KINDS.map((kind) => SYMBOL[entry.expected[kind]]).join(" | ")} |`),
    "",
    "## Lists that can hold hidden items",
    "",
    "Every list field whose items are, or hold, something with a visibility rule of its own. A list",
    "reached without a scenario check filters by the rule and never fails on an item: a hidden proposal",
    "is not in it, so neither its title, its place in the order nor the count of items tells anything.",
    "The rows marked *filtered* run, for every caller above, against a hidden proposal linked wherever",
    "such a list could carry it (∅ for those who may not see the what-if, ✓ for the rest).",
    "",
    "| list | how | rule |",
    "|---|---|---|",
    ...Object.entries(LIST_TABLE)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([field, row]) => `| \`${field}\` | ${row.kind === "filtered" ? `filtered: ${KINDS.map((kind) => SYMBOL[readScenario[kind]]).join(" ")}` : row.kind} | ${row.rule} |`),
    "",
  ].join("\n");
}
