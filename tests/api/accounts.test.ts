/**
 * Accounts mode (RAMME_AUTH=accounts), in process against a yoga server built in that mode: sign in
 * and out, sessions that expire, API tokens by scope and revoked at once, refusals that store
 * nothing, the history's actor, and secrets that are kept only hashed and never echoed or logged.
 */
import { createHash } from "node:crypto";
import { createUser } from "@ramme/server/auth/accounts.ts";
import { passwordProblems } from "@ramme/server/auth/passwordPolicy.ts";
import { SIGN_IN_FAILURES, SIGN_IN_WINDOW_SECONDS } from "@ramme/server/auth/signInThrottle.ts";
import { createRammeYoga } from "@ramme/server/yoga.ts";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "../support/graphql.ts";
import { fingerprint } from "../support/scenarios.ts";
import { subscribe } from "../support/sse.ts";
import { postAs } from "../support/asCaller.ts";

const server = createRammeYoga({ auth: "accounts" });

const ANNA = { email: "anna.holm@fm.dk", password: "kamel-lampe-forår-17", displayName: "Anna Holm" };
const BO = { email: "bo@venstre.dk", password: "Bo har et langt kodeord", displayName: "Bo Nielsen" };
const VIGGO = { email: "viggo@fm.dk", password: "kun læseadgang her", displayName: "Viggo Viewer" };

interface Answer {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  text: string;
  setCookie: string | null;
}

async function call(source: string, variables: Record<string, unknown> = {}, auth: { cookie?: string; bearer?: string; url?: string } = {}): Promise<Answer> {
  const response = await postAs(server, { query: source, variables }, auth, auth.url);
  const text = await response.text();
  answers.push(text);
  return { status: response.status, body: JSON.parse(text), text, setCookie: response.headers.get("set-cookie") };
}

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on SignedIn { user { email displayName role organisation { key kind } } expiresAt } ... on InvalidInputError { problems { field code value } } } }`;
const FORK = `mutation($input: ForkScenarioInput!) { forkScenario(input: $input) { __typename ... on ScenarioEdit { scenario { key } } } }`;
const ME = `{ me { mode actor role canWrite organisation { key name kind } user { email displayName } token { name scope prefix } } }`;
const CREATE_TOKEN = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { __typename ... on CreatedApiToken { secret token { id name scope prefix revokedAt } } ... on InvalidInputError { problems { field code } } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiToken(input: { id: $id }) { __typename ... on ApiToken { revokedAt } ... on InvalidInputError { problems { field code } } } }`;

/** Every response body and every console line of this file, searched for secrets at the end. */
const answers: string[] = [];
const logged: string[] = [];
const secrets: string[] = [ANNA.password, BO.password, VIGGO.password];

async function signIn(who: { email: string; password: string }): Promise<string> {
  const answer = await call(SIGN_IN, { input: { email: who.email, password: who.password } });
  expect(answer.body.data.signIn.__typename).toBe("SignedIn");
  const cookie = /^ramme_session=([^;]+)/.exec(answer.setCookie ?? "")?.[1];
  expect(cookie).toBeDefined();
  secrets.push(cookie!);
  return `ramme_session=${cookie}`;
}

async function createToken(cookie: string, name: string, scope: "READ" | "READ_WRITE") {
  const answer = await call(CREATE_TOKEN, { input: { name, scope } }, { cookie });
  const created = answer.body.data.createApiToken;
  expect(created.__typename).toBe("CreatedApiToken");
  secrets.push(created.secret);
  return created as { secret: string; token: { id: string; name: string; scope: string; prefix: string } };
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

beforeAll(async () => {
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...parts: unknown[]) => void logged.push(parts.map((part) => (part instanceof Error ? `${part.message} ${part.stack}` : String(part))).join(" ")));
  }
  await createUser({ ...ANNA, role: "EDITOR", organisationKey: "finansministeriet", organisationName: "Finansministeriet", organisationKind: "SECRETARIAT" });
  await createUser({ ...BO, role: "EDITOR", organisationKey: "venstre", organisationName: "Venstre", organisationKind: "PARTY" });
  await createUser({ ...VIGGO, role: "VIEWER", organisationKey: "finansministeriet" });
});

afterAll(() => {
  vi.restoreAllMocks();
});

describe("without a session or token", () => {
  it("refuses queries and mutations with 401 UNAUTHENTICATED and stores nothing; signIn alone is open", async () => {
    const before = await fingerprint();
    const read = await call(`{ frames { name } }`);
    expect(read.status).toBe(401);
    expect(read.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(read.body.data ?? null).toBeNull();

    const write = await call(FORK, { input: { sourceId: "aftale-2024", name: "Snig" } });
    expect(write.status).toBe(401);
    expect(write.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const me = await call(ME);
    expect(me.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await fingerprint()).toBe(before);
  });

  it("refuses a live subscription with UNAUTHENTICATED before it starts", async () => {
    const fetchFn = (url: string, init: RequestInit) => Promise.resolve(server.fetch(url, init));
    const subscription = `subscription { scenarioChanged(scenarioId: "aftale-2024") { __typename } }`;
    const attempt = await subscribe(fetchFn, "http://ramme.test/graphql", subscription).then(
      async (stream) => {
        const first = await stream.next(5000);
        stream.close();
        return first.errors?.[0]?.extensions?.code;
      },
      (error: Error) => error.message,
    );
    expect(attempt).toContain("UNAUTHENTICATED");
  });

  it("refuses a made-up cookie and a made-up token alike", async () => {
    expect((await call(ME, {}, { cookie: "ramme_session=gættet" })).status).toBe(401);
    expect((await call(ME, {}, { bearer: `ramme_00000000_${"A".repeat(43)}` })).status).toBe(401);
  });
});

describe("signing in", () => {
  it("gives a wrong password and an unknown email the same answer, sets no cookie and stores no session", async () => {
    const sessions = await db.session.count();
    const wrongPassword = await call(SIGN_IN, { input: { email: ANNA.email, password: "forkert-kodeord" } });
    const unknownEmail = await call(SIGN_IN, { input: { email: "ingen@fm.dk", password: ANNA.password } });
    expect(wrongPassword.body.data.signIn).toEqual({ __typename: "InvalidInputError", problems: [{ field: "input", code: "BAD_CREDENTIALS", value: null }] });
    expect(unknownEmail.body).toEqual(wrongPassword.body);
    expect(wrongPassword.setCookie).toBeNull();
    expect(unknownEmail.setCookie).toBeNull();
    expect(await db.session.count()).toBe(sessions);
  });

  it("sets an HttpOnly, SameSite=Lax cookie (Secure over TLS) that stands for the user until signOut", async () => {
    const answer = await call(SIGN_IN, { input: { email: "  Anna.Holm@FM.dk", password: ANNA.password } });
    expect(answer.body.data.signIn.user).toEqual({ email: ANNA.email, displayName: "Anna Holm", role: "EDITOR", organisation: { key: "finansministeriet", kind: "SECRETARIAT" } });
    const attributes = answer.setCookie!.split("; ");
    expect(attributes).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/"]));
    expect(attributes).not.toContain("Secure");
    const token = /^ramme_session=([^;]+)/.exec(answer.setCookie!)![1]!;
    secrets.push(token);
    // About 12 hours from now (the default lifetime).
    const hours = (new Date(answer.body.data.signIn.expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);

    const cookie = `ramme_session=${token}`;
    const me = await call(ME, {}, { cookie });
    expect(me.body.data.me).toEqual({
      mode: "ACCOUNTS",
      actor: "Anna Holm",
      role: "EDITOR",
      canWrite: true,
      organisation: { key: "finansministeriet", name: "Finansministeriet", kind: "SECRETARIAT" },
      user: { email: ANNA.email, displayName: "Anna Holm" },
      token: null,
    });
    // Only the token's hash is stored.
    expect(await db.session.findUnique({ where: { id: sha256(token) } })).not.toBeNull();
    expect(await db.session.findUnique({ where: { id: token } })).toBeNull();

    const secure = await call(SIGN_IN, { input: { email: ANNA.email, password: ANNA.password } }, { url: "https://ramme.test/graphql" });
    expect(secure.setCookie!.split("; ")).toContain("Secure");
    secrets.push(/^ramme_session=([^;]+)/.exec(secure.setCookie!)![1]!);

    const out = await call(`mutation { signOut { __typename ... on SignedOut { signedOut } } }`, {}, { cookie });
    expect(out.body.data.signOut).toEqual({ __typename: "SignedOut", signedOut: true });
    expect(out.setCookie).toMatch(/^ramme_session=; .*Max-Age=0/);
    expect((await call(ME, {}, { cookie })).status).toBe(401);
  });

  it("extends a session on use (sliding) and ends it at its expiry", async () => {
    const cookie = await signIn(BO);
    const id = sha256(cookie.slice("ramme_session=".length));
    // Last used two minutes ago, ending in one: a request pushes the end 12 hours out again.
    await db.session.update({ where: { id }, data: { lastSeenAt: new Date(Date.now() - 120_000), expiresAt: new Date(Date.now() + 60_000) } });
    expect((await call(ME, {}, { cookie })).status).toBe(200);
    const extended = await db.session.findUniqueOrThrow({ where: { id } });
    expect((extended.expiresAt.getTime() - Date.now()) / 3_600_000).toBeGreaterThan(11.9);
    await db.session.update({ where: { id: sha256(cookie.slice("ramme_session=".length)) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const after = await call(ME, {}, { cookie });
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("records the signed-in user's name in the history", async () => {
    const cookie = await signIn(ANNA);
    const fork = await call(FORK, { input: { sourceId: "aftale-2024", name: "Annas forslag" } }, { cookie });
    const key = fork.body.data.forkScenario.scenario.key;
    const history = await call(`query($id: ID!) { history(scenarioId: $id, first: 1) { nodes { actor kind } } }`, { id: key }, { cookie });
    expect(history.body.data.history.nodes).toEqual([{ actor: "Anna Holm", kind: "FORKED" }]);
  });

  it("lets a viewer read but not change, nor create a read-write token", async () => {
    const cookie = await signIn(VIGGO);
    expect((await call(`{ frames { name } }`, {}, { cookie })).body.data.frames.length).toBeGreaterThan(0);
    const before = await fingerprint();
    const fork = await call(FORK, { input: { sourceId: "aftale-2024", name: "Må ikke" } }, { cookie });
    expect(fork.status).toBe(403);
    expect(fork.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const token = await call(CREATE_TOKEN, { input: { name: "Skriv", scope: "READ_WRITE" } }, { cookie });
    expect(token.body.data.createApiToken).toEqual({ __typename: "InvalidInputError", problems: [{ field: "input.scope", code: "ABOVE_ROLE" }] });
    expect(await fingerprint()).toBe(before);
  });
});

describe("guessing a password", () => {
  it(`is throttled per account: after ${SIGN_IN_FAILURES} wrong passwords even the right one waits, for a minute at most however long the guessing goes on`, { timeout: 30_000 }, async () => {
    const person = { email: "gaet@fm.dk", password: "et godt langt kodeord", displayName: "Gæt" };
    await createUser({ ...person, role: "EDITOR", organisationKey: "finansministeriet", organisationKind: "SECRETARIAT" });
    const attempt = async (password: string) => (await call(SIGN_IN, { input: { email: person.email, password } })).body.data.signIn;
    for (let guess = 0; guess < SIGN_IN_FAILURES; guess++) expect((await attempt(`gæt nummer ${guess}`)).problems[0].code).toBe("BAD_CREDENTIALS");
    const sessions = await db.session.count();
    const refused = await attempt(person.password);
    expect(refused.problems).toEqual([{ field: "input", code: "SIGN_IN_THROTTLED", value: expect.stringMatching(/^\d+$/) }]);
    expect(Number(refused.problems[0].value)).toBeLessThanOrEqual(SIGN_IN_WINDOW_SECONDS);
    // Refused attempts do not lengthen the wait.
    for (let guess = 0; guess < 20; guess++) await attempt(`endnu et gæt ${guess}`);
    expect(Number((await attempt(person.password)).problems[0].value)).toBeLessThanOrEqual(Number(refused.problems[0].value));
    expect(await db.session.count()).toBe(sessions);
    // Another account is not held up, and an unknown email is throttled just alike (it tells nothing).
    expect((await call(SIGN_IN, { input: { email: VIGGO.email, password: VIGGO.password } })).body.data.signIn.__typename).toBe("SignedIn");
    const unknown = async () => (await call(SIGN_IN, { input: { email: "ingen-saadan@fm.dk", password: "et forkert kodeord" } })).body.data.signIn.problems[0].code;
    for (let guess = 0; guess < SIGN_IN_FAILURES; guess++) expect(await unknown()).toBe("BAD_CREDENTIALS");
    expect(await unknown()).toBe("SIGN_IN_THROTTLED");
  });

  it("is made hard by the password policy: common passwords, patterns and the user's own name or email are refused", () => {
    const anna = { email: "anna.holm@fm.dk", displayName: "Anna Holm" };
    for (const weak of ["aaaaaaaaaaaa", "123456789012", "passwordpassword", "qwertyuiopasdf", "Password1234", "anna.holm@fm.dk", "annaholm2024!", "AnnaHolmFmDk", "holm-anna-1975"]) {
      expect(passwordProblems("input.password", weak, anna), weak).toEqual([{ field: "input.password", code: "WEAK_PASSWORD", message: expect.any(String), value: null }]);
    }
    for (const strong of ["et godt langt kodeord", "kamel-lampe-forår-17", "annas lange kodeord"]) expect(passwordProblems("input.password", strong, anna), strong).toEqual([]);
  });

  it("applies to a changed password too, and the refusal stores nothing", async () => {
    const cookie = await signIn(BO);
    const before = await fingerprint();
    const answer = await call(`mutation($input: ChangePasswordInput!) { changePassword(input: $input) { __typename ... on InvalidInputError { problems { field code } } } }`, {
      input: { currentPassword: BO.password, newPassword: "bonielsen1234" },
    }, { cookie });
    expect(answer.body.data.changePassword).toEqual({ __typename: "InvalidInputError", problems: [{ field: "input.newPassword", code: "WEAK_PASSWORD" }] });
    expect(await fingerprint()).toBe(before);
  });
});

describe("API tokens", () => {
  it("are shown once as ramme_<prefix>_<secret>, stored as a hash, and act as their owner in the history", async () => {
    const cookie = await signIn(ANNA);
    const { secret, token } = await createToken(cookie, "Regneark", "READ_WRITE");
    expect(secret).toMatch(/^ramme_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(`${token.prefix}_`)).toBe(true);
    // token.id is a global ID ("ApiToken:<database ID>").
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: Buffer.from(token.id, "base64").toString("utf8").replace(/^ApiToken:/, "") } });
    expect(row.secretHash).toBe(sha256(secret.slice(token.prefix.length + 1)));
    expect(JSON.stringify(row)).not.toContain(secret.slice(token.prefix.length + 1));

    const me = await call(ME, {}, { bearer: secret });
    expect(me.body.data.me).toMatchObject({ actor: "Regneark (API, Anna Holm)", canWrite: true, token: { name: "Regneark", scope: "READ_WRITE", prefix: token.prefix } });
    const fork = await call(FORK, { input: { sourceId: "aftale-2024", name: "Fra regnearket" } }, { bearer: secret });
    const key = fork.body.data.forkScenario.scenario.key;
    const history = await call(`query($id: ID!) { history(scenarioId: $id, first: 1) { nodes { actor } } }`, { id: key }, { bearer: secret });
    expect(history.body.data.history.nodes).toEqual([{ actor: "Regneark (API, Anna Holm)" }]);

    // Listed without the secret.
    const list = await call(`{ apiTokens { id name scope prefix revokedAt } }`, {}, { cookie });
    expect(list.body.data.apiTokens).toContainEqual({ id: token.id, name: "Regneark", scope: "READ_WRITE", prefix: token.prefix, revokedAt: null });
    expect(list.text).not.toContain(secret.slice(token.prefix.length + 1));
  });

  it("with scope READ read but are refused on every mutation with 403 FORBIDDEN, storing nothing", async () => {
    const cookie = await signIn(ANNA);
    const { secret } = await createToken(cookie, "Kun læsning", "READ");
    expect((await call(`{ frames { name } }`, {}, { bearer: secret })).status).toBe(200);
    const before = await fingerprint();
    const fork = await call(FORK, { input: { sourceId: "aftale-2024", name: "Nej" } }, { bearer: secret });
    expect(fork.status).toBe(403);
    expect(fork.body.errors?.[0]).toMatchObject({ message: expect.stringContaining("read-only"), extensions: { code: "FORBIDDEN" } });
    // A token cannot mint tokens either, whatever its scope.
    expect((await call(CREATE_TOKEN, { input: { name: "Mere", scope: "READ" } }, { bearer: secret })).body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await fingerprint()).toBe(before);
  });

  it("revoked are refused on the very next request; another organisation's user cannot revoke them", async () => {
    const anna = await signIn(ANNA);
    const bo = await signIn(BO);
    const { secret, token } = await createToken(anna, "Kortlivet", "READ_WRITE");
    expect((await call(ME, {}, { bearer: secret })).status).toBe(200);

    const before = await fingerprint();
    const byBo = await call(REVOKE, { id: token.id }, { cookie: bo });
    expect(byBo.body.data.revokeApiToken).toEqual({ __typename: "InvalidInputError", problems: [{ field: "input.id", code: "UNKNOWN_API_TOKEN" }] });
    expect(await fingerprint()).toBe(before);
    expect((await call(ME, {}, { bearer: secret })).status).toBe(200);

    const revoked = await call(REVOKE, { id: token.id }, { cookie: anna });
    expect(revoked.body.data.revokeApiToken.__typename).toBe("ApiToken");
    expect(revoked.body.data.revokeApiToken.revokedAt).not.toBeNull();
    const after = await call(`{ frames { name } }`, {}, { bearer: secret });
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("secrets", () => {
  it("passwords are stored only as salted scrypt hashes with their parameters", async () => {
    const users = await db.user.findMany({ where: { email: { in: [ANNA.email, BO.email, VIGGO.email] } } });
    expect(users).toHaveLength(3);
    for (const user of users) {
      expect(user.passwordHash).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
      for (const password of [ANNA.password, BO.password, VIGGO.password]) expect(user.passwordHash).not.toContain(password);
    }
    // Salted: the same scheme gives different hashes per user.
    expect(new Set(users.map((user) => user.passwordHash.split("$")[4])).size).toBe(3);
  });

  it("never appear in a response or a log line", () => {
    expect(secrets.length).toBeGreaterThan(5);
    const cookieFree = answers.join("\n");
    for (const secret of [ANNA.password, BO.password, VIGGO.password]) expect(cookieFree).not.toContain(secret);
    // Session tokens travel only in Set-Cookie, never in a body; API secrets only in createApiToken's answer.
    const sessionTokens = secrets.filter((secret) => !secret.startsWith("ramme_") && ![ANNA.password, BO.password, VIGGO.password].includes(secret));
    for (const token of sessionTokens) expect(cookieFree).not.toContain(token);
    const logText = logged.join("\n");
    for (const secret of secrets) expect(logText).not.toContain(secret);
  });
});
