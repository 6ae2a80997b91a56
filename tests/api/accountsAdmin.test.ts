/**
 * Admin-only operations in accounts mode, in process against a yoga server built in that mode: the
 * price index table and managing users (organisations, users, roles, disabling, one's own password),
 * each for an admin of the secretariat, an admin of a party, an editor, a viewer, a READ and a
 * READ_WRITE token of an admin, and another organisation's admin. Refusals store nothing; a disabled
 * user's session and token are refused on the very next request, and so are the sessions of a user
 * whose password an admin reset; every change is in the audit log, API tokens' creation and
 * revocation too; passwords are in no response and no log line, token secrets in no audit entry.
 */
import { createUser } from "@ramme/server/auth/accounts.ts";
import { createRammeYoga } from "@ramme/server/yoga.ts";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "../support/graphql.ts";
import { fingerprint } from "../support/scenarios.ts";
import { postAs, type Auth } from "../support/asCaller.ts";

const server = createRammeYoga({ auth: "accounts" });

const person = (email: string, displayName: string, password: string) => ({ email, displayName, password });
const ADA = person("ada@fm.dk", "Ada Admin", "sekretariatets eget kodeord");
const EDDIE = person("eddie@fm.dk", "Eddie Editor", "redaktørens lange kodeord");
const VERA = person("vera@fm.dk", "Vera Viewer", "læserens lange kodeord");
const PER = person("per@venstre.dk", "Per Partiadmin", "partiets administrator-kodeord");
const PIA = person("pia@venstre.dk", "Pia Partiredaktør", "pias hemmelige kodeord");
const RUNE = person("rune@radikale.dk", "Rune Radikal", "runes radikale kodeord");
/** Passwords set through the API in this file. */
const NEW_PASSWORDS = ["nyt kodeord til nybegynder", "eddies nye kodeord 2026", "kodeord til token-brugeren", "pias nulstillede kodeord", "runes nulstillede kodeord", "et kodeord der ikke må sættes"];
const PASSWORDS = [ADA, EDDIE, VERA, PER, PIA, RUNE].map((who) => who.password).concat(NEW_PASSWORDS);

interface Answer {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  setCookie: string | null;
}

const answers: string[] = [];
const logged: string[] = [];

async function call(source: string, variables: Record<string, unknown> = {}, auth: Auth = {}): Promise<Answer> {
  const response = await postAs(server, { query: source, variables }, auth);
  const text = await response.text();
  answers.push(text);
  return { status: response.status, body: JSON.parse(text), setCookie: response.headers.get("set-cookie") };
}

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on InvalidInputError { problems { field code } } } }`;
const USER_FIELDS = `id email displayName role disabled disabledAt createdAt organisation { id key name kind }`;
const RESULT = (payload: string) => `__typename ... on ${payload} ... on InvalidInputError { problems { field code } }`;
const SET_INDEX = `mutation($input: SetPriceIndexInput!) { setPriceIndex(input: $input) { ${RESULT("PriceIndex { year value updatedBy }")} } }`;
const REMOVE_INDEX = `mutation($input: RemovePriceIndexInput!) { removePriceIndex(input: $input) { ${RESULT("PriceIndex { year }")} } }`;
const ORGANISATIONS = `{ organisations { id key name kind } }`;
const USERS = `{ users { ${USER_FIELDS} } }`;
const CREATE_ORGANISATION = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { ${RESULT("Organisation { id key name kind }")} } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { ${RESULT(`User { ${USER_FIELDS} }`)} } }`;
const SET_ROLE = `mutation($input: SetUserRoleInput!) { setUserRole(input: $input) { ${RESULT("User { id role }")} } }`;
const DISABLE = `mutation($input: UserIdInput!) { disableUser(input: $input) { ${RESULT("User { id disabled disabledAt }")} } }`;
const ENABLE = `mutation($input: UserIdInput!) { enableUser(input: $input) { ${RESULT("User { id disabled }")} } }`;
const RESET_PASSWORD = `mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { ${RESULT("PasswordReset { sessionsEnded user { id email } }")} } }`;
const CHANGE_PASSWORD = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { ${RESULT("PasswordChanged { otherSessionsEnded user { email } }")} } }`;
const ACCOUNT_CHANGES = `{ accountChanges { kind actor details user { email } organisation { key } } }`;
const ME = `{ me { role canWrite user { email } } }`;
const FORK = `mutation { forkScenario(input: { sourceId: "aftale-2024", name: "Prøve" }) { __typename } }`;

async function signIn(who: { email: string; password: string }): Promise<string> {
  const answer = await call(SIGN_IN, { input: { email: who.email, password: who.password } });
  expect(answer.body.data.signIn.__typename).toBe("SignedIn");
  return `ramme_session=${/^ramme_session=([^;]+)/.exec(answer.setCookie ?? "")![1]}`;
}

/** Every API token secret made in this file, to look for in the audit log. */
const secrets: string[] = [];

/** A user's global ID, as User.id answers it (the mutations take it, and the database's ID too). */
const userId = (databaseId: string) => Buffer.from(`User:${databaseId}`).toString("base64");

async function token(cookie: string, scope: "READ" | "READ_WRITE", name = `Token ${scope}`): Promise<string> {
  const answer = await call(`mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { ... on CreatedApiToken { secret } } }`, { input: { name, scope } }, { cookie });
  const secret = answer.body.data.createApiToken.secret as string;
  secrets.push(secret);
  // Once, so its first-use time is written now and not inside a refused request's "nothing stored".
  expect((await call(ME, {}, { bearer: secret })).status).toBe(200);
  return secret;
}

/** The callers of the matrix, each with a way in. */
const as: Record<string, Auth> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...parts: unknown[]) => void logged.push(parts.map((part) => (part instanceof Error ? `${part.message} ${part.stack}` : String(part))).join(" ")));
  }
  const fm = { organisationKey: "finansministeriet", organisationName: "Finansministeriet", organisationKind: "SECRETARIAT" as const };
  ids.ada = (await createUser({ ...ADA, role: "ADMIN", ...fm })).id;
  ids.eddie = (await createUser({ ...EDDIE, role: "EDITOR", ...fm })).id;
  ids.vera = (await createUser({ ...VERA, role: "VIEWER", ...fm })).id;
  ids.per = (await createUser({ ...PER, role: "ADMIN", organisationKey: "venstre", organisationName: "Venstre", organisationKind: "PARTY" })).id;
  ids.pia = (await createUser({ ...PIA, role: "EDITOR", organisationKey: "venstre" })).id;
  ids.rune = (await createUser({ ...RUNE, role: "ADMIN", organisationKey: "radikale", organisationName: "Radikale Venstre", organisationKind: "PARTY" })).id;
  as.ada = { cookie: await signIn(ADA) };
  as.eddie = { cookie: await signIn(EDDIE) };
  as.vera = { cookie: await signIn(VERA) };
  as.per = { cookie: await signIn(PER) };
  as.rune = { cookie: await signIn(RUNE) };
  as.adaRead = { bearer: await token(as.ada.cookie!, "READ") };
  as.adaReadWrite = { bearer: await token(as.ada.cookie!, "READ_WRITE") };
  as.eddieReadWrite = { bearer: await token(as.eddie.cookie!, "READ_WRITE") };
  // Six users: each password is hashed (scrypt, slow on purpose) and estimated (zxcvbn-ts).
}, 60_000);

afterAll(() => {
  vi.restoreAllMocks();
});

/** Runs `source` as each caller and expects 403 FORBIDDEN with `message`, nothing stored. */
async function expectRefused(callers: string[], source: string, variables: Record<string, unknown>, message: RegExp) {
  const before = await fingerprint();
  for (const caller of callers) {
    const answer = await call(source, variables, as[caller]);
    expect({ caller, status: answer.status, code: answer.body.errors?.[0]?.extensions?.code, data: answer.body.data ?? null }).toEqual({ caller, status: 403, code: "FORBIDDEN", data: null });
    expect(answer.body.errors?.[0]?.message).toMatch(message);
  }
  expect(await fingerprint()).toBe(before);
}

const NOT_ADMIN = /administrator/;
const READ_ONLY = /read-only|may read but not change/;

describe("the price index table", () => {
  it("admins change it, in person or with a READ_WRITE token; the history names who", async () => {
    const byAda = await call(SET_INDEX, { input: { year: 2026, value: "106,5", source: "FM, august 2025" } }, as.ada);
    expect(byAda.body.data.setPriceIndex).toEqual({ __typename: "PriceIndex", year: 2026, value: "106.5", updatedBy: "Ada Admin" });
    const byPartyAdmin = await call(SET_INDEX, { input: { year: 2027, value: "109", source: "FM, august 2025" } }, as.per);
    expect(byPartyAdmin.body.data.setPriceIndex.updatedBy).toBe("Per Partiadmin");
    const byToken = await call(REMOVE_INDEX, { input: { year: 2027 } }, as.adaReadWrite);
    expect(byToken.body.data.removePriceIndex).toEqual({ __typename: "PriceIndex", year: 2027 });
    expect((await db.priceIndexChange.findFirstOrThrow({ where: { year: 2027, after: null } })).actor).toBe("Token READ_WRITE (API, Ada Admin)");
  });

  it("editors, viewers and READ tokens are refused with 403 FORBIDDEN, storing nothing", async () => {
    await expectRefused(["eddie", "eddieReadWrite"], SET_INDEX, { input: { year: 2028, value: "110", source: "X" } }, NOT_ADMIN);
    await expectRefused(["vera", "adaRead"], SET_INDEX, { input: { year: 2028, value: "110", source: "X" } }, READ_ONLY);
    await expectRefused(["eddie", "vera", "adaRead"], REMOVE_INDEX, { input: { year: 2026 } }, /./);
    expect(await db.priceIndex.findUnique({ where: { year: 2026 } })).not.toBeNull();
  });
});

describe("organisations and users", () => {
  it("every signed-in caller lists the organisations; nobody else", async () => {
    for (const caller of ["vera", "eddie", "adaRead", "per"]) {
      const answer = await call(ORGANISATIONS, {}, as[caller]);
      expect(answer.body.data.organisations.map((organisation: { key: string }) => organisation.key)).toEqual(["finansministeriet", "radikale", "venstre"]);
    }
    const [first] = (await call(ORGANISATIONS, {}, as.vera)).body.data.organisations;
    expect(first).toEqual({ id: Buffer.from("Organisation:finansministeriet").toString("base64"), key: "finansministeriet", name: "Finansministeriet", kind: "SECRETARIAT" });
    expect((await call(ORGANISATIONS)).status).toBe(401);
  });

  it("a secretariat admin lists every organisation's users, a party admin their own; no password hash in the type", async () => {
    const all = (await call(USERS, {}, as.ada)).body.data.users as Array<{ email: string; disabled: boolean; organisation: { key: string } }>;
    expect(all.map((user) => user.email).sort()).toEqual([ADA, EDDIE, VERA, PER, PIA, RUNE].map((who) => who.email).sort());
    expect((await call(USERS, {}, as.adaReadWrite)).body.data.users).toEqual(all);
    const venstre = (await call(USERS, {}, as.per)).body.data.users as Array<{ email: string }>;
    expect(venstre.map((user) => user.email)).toEqual([PER.email, PIA.email]);
    const fields = (await call(`{ __type(name: "User") { fields { name } } }`, {}, as.ada)).body.data.__type.fields.map((field: { name: string }) => field.name);
    expect(fields).toEqual(["id", "email", "displayName", "role", "organisation", "disabled", "disabledAt", "createdAt"]);
    await expectRefused(["eddie", "eddieReadWrite"], USERS, {}, NOT_ADMIN);
    await expectRefused(["vera", "adaRead"], USERS, {}, READ_ONLY);
  });

  it("only a secretariat admin creates organisations; a taken key is KEY_TAKEN", async () => {
    const created = await call(CREATE_ORGANISATION, { input: { key: "konservative", name: "Det Konservative Folkeparti", kind: "PARTY" } }, as.ada);
    expect(created.body.data.createOrganisation).toMatchObject({ __typename: "Organisation", key: "konservative", kind: "PARTY" });
    const input = { key: "sf", name: "SF", kind: "PARTY" };
    await expectRefused(["per"], CREATE_ORGANISATION, { input }, /secretariat/);
    await expectRefused(["eddie"], CREATE_ORGANISATION, { input }, NOT_ADMIN);
    await expectRefused(["adaRead", "vera"], CREATE_ORGANISATION, { input }, READ_ONLY);
    const before = await fingerprint();
    const taken = await call(CREATE_ORGANISATION, { input: { key: "venstre", name: "Andet", kind: "PARTY" } }, as.ada);
    expect(taken.body.data.createOrganisation).toEqual({ __typename: "InvalidInputError", problems: [{ field: "input.key", code: "KEY_TAKEN" }] });
    expect(await fingerprint()).toBe(before);
  });

  it("a party admin creates users in their own organisation only; the secretariat's in any, by key or ID; the user signs in", async () => {
    const mine = await call(CREATE_USER, { input: { email: "Ny@Venstre.dk", displayName: "Nina Ny", organisationId: "venstre", role: "VIEWER", password: NEW_PASSWORDS[0] } }, as.per);
    expect(mine.body.data.createUser).toMatchObject({ __typename: "User", email: "ny@venstre.dk", role: "VIEWER", disabled: false, disabledAt: null, organisation: { key: "venstre" } });
    expect(await signIn({ email: "ny@venstre.dk", password: NEW_PASSWORDS[0]! })).toMatch(/^ramme_session=/);

    const before = await fingerprint();
    const elsewhere = await call(CREATE_USER, { input: { email: "x@radikale.dk", displayName: "X", organisationId: "radikale", role: "EDITOR", password: NEW_PASSWORDS[0] } }, as.per);
    expect(elsewhere.body.data.createUser).toEqual({ __typename: "InvalidInputError", problems: [{ field: "input.organisationId", code: "NOT_YOUR_ORGANISATION" }] });
    const taken = await call(CREATE_USER, { input: { email: PIA.email, displayName: "Pia igen", organisationId: "venstre", role: "EDITOR", password: NEW_PASSWORDS[0] } }, as.per);
    expect(taken.body.data.createUser.problems).toEqual([{ field: "input.email", code: "EMAIL_TAKEN" }]);
    const unknown = await call(CREATE_USER, { input: { email: "y@z.dk", displayName: "Y", organisationId: "findes-ikke", role: "EDITOR", password: NEW_PASSWORDS[0] } }, as.ada);
    expect(unknown.body.data.createUser.problems).toEqual([{ field: "input.organisationId", code: "UNKNOWN_ORGANISATION" }]);
    const input = { email: "z@fm.dk", displayName: "Z", organisationId: "finansministeriet", role: "EDITOR", password: NEW_PASSWORDS[0] };
    await expectRefused(["eddie", "eddieReadWrite"], CREATE_USER, { input }, NOT_ADMIN);
    await expectRefused(["vera", "adaRead"], CREATE_USER, { input }, READ_ONLY);
    expect(await fingerprint()).toBe(before);

    const radikaleId = Buffer.from("Organisation:radikale").toString("base64");
    const bySecretariat = await call(CREATE_USER, { input: { email: "tina@radikale.dk", displayName: "Tina Token", organisationId: radikaleId, role: "EDITOR", password: NEW_PASSWORDS[2] } }, as.adaReadWrite);
    expect(bySecretariat.body.data.createUser).toMatchObject({ __typename: "User", organisation: { key: "radikale" } });
  });

  it("roles: an admin changes their organisation's users; another organisation's admin hears UNKNOWN_USER; the last admin stays one", async () => {
    const changed = await call(SET_ROLE, { input: { userId: ids.pia, role: "VIEWER" } }, as.per);
    expect(changed.body.data.setUserRole).toEqual({ __typename: "User", id: userId(ids.pia!), role: "VIEWER" });
    // At once: Pia's session may no longer write.
    const pia = await signIn(PIA);
    expect((await call(FORK, {}, { cookie: pia })).status).toBe(403);
    expect((await call(SET_ROLE, { input: { userId: ids.pia, role: "EDITOR" } }, as.ada)).body.data.setUserRole.role).toBe("EDITOR");

    const before = await fingerprint();
    const foreign = await call(SET_ROLE, { input: { userId: ids.pia, role: "ADMIN" } }, as.rune);
    expect(foreign.body.data.setUserRole).toEqual({ __typename: "InvalidInputError", problems: [{ field: "input.userId", code: "UNKNOWN_USER" }] });
    const unknown = await call(SET_ROLE, { input: { userId: "findes-ikke", role: "ADMIN" } }, as.ada);
    expect(unknown.body.data.setUserRole.problems).toEqual([{ field: "input.userId", code: "UNKNOWN_USER" }]);
    const last = await call(SET_ROLE, { input: { userId: ids.per, role: "EDITOR" } }, as.per);
    expect(last.body.data.setUserRole.problems).toEqual([{ field: "input.userId", code: "LAST_ADMIN" }]);
    await expectRefused(["eddie", "eddieReadWrite"], SET_ROLE, { input: { userId: ids.vera, role: "ADMIN" } }, NOT_ADMIN);
    await expectRefused(["vera", "adaRead"], SET_ROLE, { input: { userId: ids.vera, role: "ADMIN" } }, READ_ONLY);
    expect(await fingerprint()).toBe(before);
  });

  it("disabling refuses the user's session and API token on the very next request, and sign-in; enabling lets them sign in afresh", async () => {
    const pia = await signIn(PIA);
    const piaToken = await token(pia, "READ_WRITE");
    expect((await call(ME, {}, { cookie: pia })).status).toBe(200);

    const disabled = await call(DISABLE, { input: { userId: ids.pia } }, as.per);
    expect(disabled.body.data.disableUser).toMatchObject({ __typename: "User", id: userId(ids.pia!), disabled: true, disabledAt: expect.any(String) });
    for (const auth of [{ cookie: pia }, { bearer: piaToken }]) {
      const refused = await call(ME, {}, auth);
      expect(refused.status).toBe(401);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
    expect((await call(SIGN_IN, { input: { email: PIA.email, password: PIA.password } })).body.data.signIn.problems).toEqual([{ field: "input", code: "BAD_CREDENTIALS" }]);
    expect(await db.session.count({ where: { userId: ids.pia } })).toBe(0);

    const enabled = await call(ENABLE, { input: { userId: ids.pia } }, as.per);
    expect(enabled.body.data.enableUser).toEqual({ __typename: "User", id: userId(ids.pia!), disabled: false });
    expect(await signIn(PIA)).toMatch(/^ramme_session=/);
    // The old session and token stay ended.
    expect((await call(ME, {}, { cookie: pia })).status).toBe(401);
    expect((await call(ME, {}, { bearer: piaToken })).status).toBe(401);
  });

  it("an admin cannot disable themself, nor the last admin, nor another organisation's user; non-admins are refused", async () => {
    const before = await fingerprint();
    expect((await call(DISABLE, { input: { userId: ids.per } }, as.per)).body.data.disableUser.problems).toEqual([{ field: "input.userId", code: "OWN_ACCOUNT" }]);
    expect((await call(DISABLE, { input: { userId: ids.rune } }, as.ada)).body.data.disableUser.problems).toEqual([{ field: "input.userId", code: "LAST_ADMIN" }]);
    expect((await call(DISABLE, { input: { userId: ids.pia } }, as.rune)).body.data.disableUser.problems).toEqual([{ field: "input.userId", code: "UNKNOWN_USER" }]);
    expect((await call(ENABLE, { input: { userId: ids.pia } }, as.rune)).body.data.enableUser.problems).toEqual([{ field: "input.userId", code: "UNKNOWN_USER" }]);
    await expectRefused(["eddie", "eddieReadWrite"], DISABLE, { input: { userId: ids.vera } }, NOT_ADMIN);
    await expectRefused(["vera", "adaRead"], DISABLE, { input: { userId: ids.eddie } }, READ_ONLY);
    await expectRefused(["eddie"], ENABLE, { input: { userId: ids.vera } }, NOT_ADMIN);
    expect(await fingerprint()).toBe(before);
    expect((await call(ME, {}, as.rune)).status).toBe(200);
  });
});

describe("the organisation's API tokens", () => {
  const ORGANISATION_TOKENS = `{ organisationApiTokens { id name scope prefix revokedAt owner { email } } }`;
  const REVOKE = `mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { ${RESULT("ApiToken { id revokedAt owner { email } }")} } }`;
  const tokenIdOf = async (secret: string) => Buffer.from(`ApiToken:${(await db.apiToken.findUniqueOrThrow({ where: { prefix: secret.split("_")[1]! } })).id}`).toString("base64");

  it("an admin lists her own organisation's tokens with their owners, never the secrets, and revokes a colleague's, refused at once", async () => {
    const eddieSecret = await token(as.eddie!.cookie!, "READ_WRITE");
    const perSecret = await token(as.per!.cookie!, "READ");
    const eddieTokenId = await tokenIdOf(eddieSecret);

    const listed = await call(ORGANISATION_TOKENS, {}, as.ada);
    const tokens = listed.body.data.organisationApiTokens as Array<{ id: string; owner: { email: string }; prefix: string; revokedAt: string | null }>;
    expect(tokens).toContainEqual({ id: eddieTokenId, name: "Token READ_WRITE", scope: "READ_WRITE", prefix: `ramme_${eddieSecret.split("_")[1]}`, revokedAt: null, owner: { email: EDDIE.email } });
    // Her own organisation only, although she administers every organisation's users: the tokens she may revoke.
    expect(new Set(tokens.map((listedToken) => listedToken.owner.email))).toEqual(new Set([ADA.email, EDDIE.email]));
    expect(JSON.stringify(listed.body)).not.toContain(eddieSecret.slice("ramme_12345678_".length));
    const perList = (await call(ORGANISATION_TOKENS, {}, as.per)).body.data.organisationApiTokens as Array<{ owner: { email: string } }>;
    expect(perList.length).toBeGreaterThan(0);
    expect(perList.every((listedToken) => listedToken.owner.email.endsWith("@venstre.dk"))).toBe(true);

    const revoked = await call(REVOKE, { input: { id: eddieTokenId } }, as.ada);
    expect(revoked.body.data.revokeApiToken).toMatchObject({ __typename: "ApiToken", id: eddieTokenId, revokedAt: expect.any(String), owner: { email: EDDIE.email } });
    expect((await call(ME, {}, { bearer: eddieSecret })).status).toBe(401);
    // Per's token is not Ada's to revoke, nor to know of.
    expect((await call(REVOKE, { input: { id: await tokenIdOf(perSecret) } }, as.ada)).body.data.revokeApiToken.problems).toEqual([{ field: "input.id", code: "UNKNOWN_API_TOKEN" }]);
    expect((await call(ME, {}, { bearer: perSecret })).status).toBe(200);
  });

  it("editors, viewers and READ tokens may not list them (403 FORBIDDEN)", async () => {
    await expectRefused(["eddie", "eddieReadWrite"], ORGANISATION_TOKENS, {}, NOT_ADMIN);
    await expectRefused(["vera", "adaRead"], ORGANISATION_TOKENS, {}, READ_ONLY);
  });
});

describe("changing one's own password", () => {
  it("needs the current password (WRONG_PASSWORD, nothing stored); ends the other sessions, keeps this one", async () => {
    const here = await signIn(EDDIE);
    const elsewhere = as.eddie!.cookie!;
    const before = await fingerprint();
    const wrong = await call(CHANGE_PASSWORD, { input: { currentPassword: "ikke mit kodeord", newPassword: NEW_PASSWORDS[1] } }, { cookie: here });
    expect(wrong.body.data.changePassword).toEqual({ __typename: "InvalidInputError", problems: [{ field: "input.currentPassword", code: "WRONG_PASSWORD" }] });
    expect(await fingerprint()).toBe(before);

    const changed = await call(CHANGE_PASSWORD, { input: { currentPassword: EDDIE.password, newPassword: NEW_PASSWORDS[1] } }, { cookie: here });
    expect(changed.body.data.changePassword).toEqual({ __typename: "PasswordChanged", otherSessionsEnded: 1, user: { email: EDDIE.email } });
    expect((await call(ME, {}, { cookie: here })).status).toBe(200);
    expect((await call(ME, {}, { cookie: elsewhere })).status).toBe(401);
    // API tokens are separate credentials and stay.
    expect((await call(ME, {}, as.eddieReadWrite)).status).toBe(200);
    expect((await call(SIGN_IN, { input: { email: EDDIE.email, password: EDDIE.password } })).body.data.signIn.__typename).toBe("InvalidInputError");
    as.eddie = { cookie: await signIn({ email: EDDIE.email, password: NEW_PASSWORDS[1]! }) };
  });

  it("a viewer may change theirs; an API token may not", async () => {
    const answer = await call(CHANGE_PASSWORD, { input: { currentPassword: "forkert forkert", newPassword: NEW_PASSWORDS[1] } }, as.vera);
    expect(answer.body.data.changePassword.problems).toEqual([{ field: "input.currentPassword", code: "WRONG_PASSWORD" }]);
    await expectRefused(["adaReadWrite"], CHANGE_PASSWORD, { input: { currentPassword: ADA.password, newPassword: NEW_PASSWORDS[1] } }, /sign in as a person/);
  });
});

describe("an admin resetting a user's password", () => {
  let piaSessionsEnded = 0;
  it("a party admin resets his colleague's: all her sessions are refused at once, the old password too, the new one signs in; her API token goes on", async () => {
    const piaHere = await signIn(PIA);
    const piaThere = await signIn(PIA);
    const piaToken = await token(piaHere, "READ");
    // These two, and any left from the tests above.
    piaSessionsEnded = await db.session.count({ where: { userId: ids.pia } });
    expect(piaSessionsEnded).toBeGreaterThanOrEqual(2);
    const reset = await call(RESET_PASSWORD, { input: { userId: ids.pia, newPassword: NEW_PASSWORDS[3] } }, as.per);
    expect(reset.body.data.resetUserPassword).toEqual({ __typename: "PasswordReset", sessionsEnded: piaSessionsEnded, user: { id: userId(ids.pia!), email: PIA.email } });
    for (const cookie of [piaHere, piaThere]) expect((await call(ME, {}, { cookie })).status).toBe(401);
    expect(await db.session.count({ where: { userId: ids.pia } })).toBe(0);
    expect((await call(SIGN_IN, { input: { email: PIA.email, password: PIA.password } })).body.data.signIn.problems).toEqual([{ field: "input", code: "BAD_CREDENTIALS" }]);
    expect(await signIn({ email: PIA.email, password: NEW_PASSWORDS[3]! })).toMatch(/^ramme_session=/);
    expect((await call(ME, {}, { bearer: piaToken })).status).toBe(200);
  });

  it("a secretariat admin resets another organisation's admin's, with a READ_WRITE token too", async () => {
    const reset = await call(RESET_PASSWORD, { input: { userId: ids.rune, newPassword: NEW_PASSWORDS[4] } }, as.adaReadWrite);
    expect(reset.body.data.resetUserPassword).toMatchObject({ __typename: "PasswordReset", user: { email: RUNE.email } });
    expect(reset.body.data.resetUserPassword.sessionsEnded).toBeGreaterThanOrEqual(1);
    expect((await call(ME, {}, as.rune)).status).toBe(401);
    as.rune = { cookie: await signIn({ email: RUNE.email, password: NEW_PASSWORDS[4]! }) };
    expect((await call(ME, {}, as.rune)).status).toBe(200);
  });

  it("another organisation's admin hears UNKNOWN_USER, an admin's own is OWN_ACCOUNT, non-admins are refused; nothing changes", async () => {
    const before = await fingerprint();
    const input = (userId: string) => ({ input: { userId, newPassword: NEW_PASSWORDS[5] } });
    expect((await call(RESET_PASSWORD, input(ids.pia!), as.rune)).body.data.resetUserPassword).toEqual({ __typename: "InvalidInputError", problems: [{ field: "input.userId", code: "UNKNOWN_USER" }] });
    expect((await call(RESET_PASSWORD, input("findes-ikke"), as.ada)).body.data.resetUserPassword.problems).toEqual([{ field: "input.userId", code: "UNKNOWN_USER" }]);
    expect((await call(RESET_PASSWORD, input(ids.per!), as.per)).body.data.resetUserPassword.problems).toEqual([{ field: "input.userId", code: "OWN_ACCOUNT" }]);
    const weak = await call(RESET_PASSWORD, { input: { userId: ids.pia, newPassword: "for kort" } }, as.per);
    expect(weak.body.data.resetUserPassword.problems).toEqual([{ field: "input.newPassword", code: "WEAK_PASSWORD" }]);
    await expectRefused(["eddie", "eddieReadWrite"], RESET_PASSWORD, input(ids.vera!), NOT_ADMIN);
    await expectRefused(["vera", "adaRead"], RESET_PASSWORD, input(ids.eddie!), READ_ONLY);
    expect(await fingerprint()).toBe(before);
    expect((await call(ME, {}, as.per)).status).toBe(200);
    expect((await call(SIGN_IN, { input: { email: PIA.email, password: NEW_PASSWORDS[5] } })).body.data.signIn.problems).toEqual([{ field: "input", code: "BAD_CREDENTIALS" }]);
  });
});

describe("API tokens in the audit log", () => {
  it("creating and revoking one's own token is recorded by its owner, once, with its name and prefix", async () => {
    const secret = await token(as.per!.cookie!, "READ", "Per regneark");
    const prefix = secret.split("_")[1]!;
    const id = (await db.apiToken.findUniqueOrThrow({ where: { prefix } })).id;
    const REVOKE_OWN = `mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { __typename } }`;
    expect((await call(REVOKE_OWN, { input: { id } }, as.per)).body.data.revokeApiToken.__typename).toBe("ApiToken");
    const before = await fingerprint({ ignoreUse: true });
    expect((await call(REVOKE_OWN, { input: { id } }, as.per)).body.data.revokeApiToken.__typename).toBe("ApiToken");
    expect(await fingerprint({ ignoreUse: true })).toBe(before);
    const entries = await db.accountChange.findMany({ where: { userId: ids.per, kind: { in: ["TOKEN_CREATED", "TOKEN_REVOKED"] } } });
    const details = { name: "Per regneark", prefix: `ramme_${prefix}`, scope: "READ" };
    expect(entries.filter((entry) => JSON.parse(entry.details).prefix === `ramme_${prefix}`).map((entry) => ({ kind: entry.kind, actor: entry.actor, details: JSON.parse(entry.details) }))).toEqual([
      { kind: "TOKEN_CREATED", actor: "Per Partiadmin", details },
      { kind: "TOKEN_REVOKED", actor: "Per Partiadmin", details },
    ]);
  });
});

describe("the audit log", () => {
  it("records every account change with who did it; a party admin reads their organisation's; no password", async () => {
    const all = (await call(ACCOUNT_CHANGES, {}, as.ada)).body.data.accountChanges as Array<{ kind: string; actor: string; details: string; user: { email: string } | null; organisation: { key: string } | null }>;
    const summary = all.map((change) => `${change.kind} ${change.user?.email ?? change.organisation?.key} by ${change.actor}`);
    expect(summary).toEqual(
      expect.arrayContaining([
        `USER_CREATED ${ADA.email} by user:create (command line)`,
        "ORGANISATION_CREATED konservative by Ada Admin",
        "USER_CREATED ny@venstre.dk by Per Partiadmin",
        "USER_CREATED tina@radikale.dk by Token READ_WRITE (API, Ada Admin)",
        `ROLE_CHANGED ${PIA.email} by Per Partiadmin`,
        `USER_DISABLED ${PIA.email} by Per Partiadmin`,
        `USER_ENABLED ${PIA.email} by Per Partiadmin`,
        `PASSWORD_CHANGED ${EDDIE.email} by Eddie Editor`,
        `PASSWORD_RESET ${PIA.email} by Per Partiadmin`,
        `PASSWORD_RESET ${RUNE.email} by Token READ_WRITE (API, Ada Admin)`,
        `TOKEN_CREATED ${EDDIE.email} by Eddie Editor`,
        // Ada stopped her colleague's token: the log names her, and Eddie as the token's owner.
        `TOKEN_REVOKED ${EDDIE.email} by Ada Admin`,
      ]),
    );
    // Refused resets left nothing; a reset records how many sessions it ended, never the password.
    expect(all.filter((change) => change.kind === "PASSWORD_RESET")).toHaveLength(2);
    expect(JSON.parse(all.find((change) => change.kind === "PASSWORD_RESET" && change.user?.email === PIA.email)!.details)).toEqual({ sessionsEnded: expect.any(Number) });
    const revokedByAda = all.find((change) => change.kind === "TOKEN_REVOKED" && change.actor === "Ada Admin")!;
    expect(JSON.parse(revokedByAda.details)).toEqual({ name: "Token READ_WRITE", prefix: expect.stringMatching(/^ramme_[0-9a-f]{8}$/), scope: "READ_WRITE" });
    expect(revokedByAda.organisation?.key).toBe("finansministeriet");
    // Refused attempts left nothing: one entry per change made.
    expect(all.filter((change) => change.kind === "USER_DISABLED")).toHaveLength(1);
    expect(JSON.parse(all.find((change) => change.kind === "USER_DISABLED")!.details)).toEqual({ sessionsEnded: 2, tokensRevoked: 1 });
    expect(JSON.parse(all.find((change) => change.kind === "ROLE_CHANGED" && change.actor === "Per Partiadmin")!.details)).toEqual({ before: "EDITOR", after: "VIEWER" });

    const venstre = (await call(ACCOUNT_CHANGES, {}, as.per)).body.data.accountChanges as Array<{ organisation: { key: string } }>;
    expect(venstre.length).toBeGreaterThan(4);
    expect(new Set(venstre.map((change) => change.organisation.key))).toEqual(new Set(["venstre"]));
    await expectRefused(["eddie"], ACCOUNT_CHANGES, {}, NOT_ADMIN);
    await expectRefused(["adaRead"], ACCOUNT_CHANGES, {}, READ_ONLY);
  });

  it("passwords are in no response, no log line and no audit entry, and are stored only hashed", async () => {
    const text = answers.join("\n") + logged.join("\n") + JSON.stringify(await db.accountChange.findMany());
    for (const password of PASSWORDS) expect(text).not.toContain(password);
    // Token secrets go out once, in createApiToken's answer; the audit log keeps only name and prefix.
    const audit = JSON.stringify(await db.accountChange.findMany());
    expect(secrets.length).toBeGreaterThan(4);
    // The part after "ramme_<prefix>_" (which may itself hold "_").
    for (const secret of secrets) expect(audit).not.toContain(secret.slice("ramme_12345678_".length));
    const created = await db.user.findUniqueOrThrow({ where: { email: "ny@venstre.dk" } });
    expect(created.passwordHash).toMatch(/^scrypt\$/);
    expect(created.passwordHash).not.toContain(NEW_PASSWORDS[0]);
  });
});
