/**
 * One error contract: whatever is wrong with a request, every error that comes back carries
 * `extensions.code` (and typed errors a `code` field), the refusal says where, and nothing is stored.
 * A client generator's conventions hold too: keys wherever IDs are taken, one entry's bad ID does
 * not cost the rest of a `nodes` list.
 */
import { createUser } from "@ramme/server/auth/accounts.ts";
import { createSession } from "@ramme/server/auth/sessions.ts";
import { hardeningConfigFrom } from "@ramme/server/hardening.ts";
import { createRammeYoga, yoga } from "@ramme/server/yoga.ts";
import { describe, expect, it } from "vitest";
import { postAs } from "../support/asCaller.ts";
import { print } from "graphql";
import { gql, type ResultOf, type TypedDocument } from "../support/documents.ts";
import { globalId, query, recordSql, type GraphQLResponse } from "../support/graphql.ts";
import { fingerprint, fork, mutate } from "../support/scenarios.ts";
import { asMember } from "../support/unions.ts";

type Yoga = ReturnType<typeof createRammeYoga>;
const production = createRammeYoga({ hardening: hardeningConfigFrom({ NODE_ENV: "production" }), auth: "local" });
// Accounts mode with the local defaults otherwise (no trusted operations), so the operation's text reaches the sign-in check.
const accounts = createRammeYoga({ hardening: hardeningConfigFrom({}), auth: "accounts" });

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }> };
}

async function send(server: Yoga, body: unknown, init: RequestInit = {}): Promise<Answer> {
  const response = await server.fetch("http://ramme.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify(body),
    ...init,
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** The codes of the errors, in order; a missing code shows as null and fails every expectation below. */
const codes = (answer: Answer) => (answer.body.errors ?? []).map((error) => error.extensions?.code ?? null);

describe("every error carries extensions.code", () => {
  it.each([
    ["a malformed global ID in node(id:)", `{ node(id: "!!!") { id } }`, "MALFORMED_ID"],
    ["a global ID of a type that does not exist", `{ node(id: "${globalId("Bogus", "x")}") { id } }`, "MALFORMED_ID"],
    ["a cursor that is not one", `{ scenarios(first: 2, after: "zzz") { nodes { key } } }`, "BAD_USER_INPUT"],
    ["a negative page size", `{ scenarios(first: -5) { nodes { key } } }`, "BAD_USER_INPUT"],
    ["a page size above the maximum", `{ initiatives(first: 501) { nodes { key } } }`, "BAD_USER_INPUT"],
    ["first and last together", `{ scenarios(first: 1, last: 1) { nodes { key } } }`, "BAD_USER_INPUT"],
    ["more than 100 IDs in nodes(ids:)", `{ nodes(ids: [${Array.from({ length: 101 }, () => '"x"').join(",")}]) { id } }`, "BAD_USER_INPUT"],
  ])("%s", async (_name, source, code) => {
    const answer = await send(yoga, { query: source });
    expect(codes(answer)).toEqual([code]);
  });

  it("a variable of the wrong type: 400, BAD_USER_INPUT, naming the variable", async () => {
    const answer = await send(yoga, { query: "query($n: Int!) { scenarios(first: $n) { nodes { key } } }", variables: { n: "x" } });
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(["BAD_USER_INPUT"]);
    expect(answer.body.errors![0]!.message).toMatch(/^Variable "\$n"/);
  });

  it("a simple cross-site request: 403 CSRF_REFUSED", async () => {
    const response = await yoga.fetch(`http://ramme.test/graphql?query=${encodeURIComponent("{ __typename }")}`, { headers: { accept: "application/graphql-response+json" } });
    expect(response.status).toBe(403);
    expect((await response.json()).errors.map((error: any) => error.extensions.code)).toEqual(["CSRF_REFUSED"]);
  });

  it("nobody signed in: 401 UNAUTHENTICATED with WWW-Authenticate naming the bearer scheme", async () => {
    const answer = await send(accounts, { query: "{ me { mode } }" });
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toBe('Bearer realm="ramme"');
    expect(codes(answer)).toEqual(["UNAUTHENTICATED"]);
  });

  it("in production an enum value gets no suggestion either, and keeps its code", async () => {
    const mistyped = { query: "{ scenarios(first: 1, kind: WHATIFF) { nodes { key } } }" };
    const hidden = await send(production, mistyped);
    expect(hidden.body.errors![0]!.message).toBe('Value "WHATIFF" does not exist in "ScenarioKind" enum.');
    expect(codes(hidden)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect((await send(yoga, mistyped)).body.errors![0]!.message).toMatch(/Did you mean the enum value "WHAT_IF"\?/);
  });
});

describe("IDs", () => {
  it("one malformed or foreign ID in nodes(ids:) is null for that entry only, without an error", async () => {
    const answer = await send(yoga, { query: `{ nodes(ids: ["!!!", "${globalId("Scenario", "aftale-2024")}", "${globalId("Bogus", "x")}"]) { id ... on Scenario { key } } }` });
    expect(answer.body).toEqual({ data: { nodes: [null, { id: globalId("Scenario", "aftale-2024"), key: "aftale-2024" }, null] } });
  });

  it("scenario(id:) takes a key like every other ID argument; another type's ID is MALFORMED_ID", async () => {
    const data = await query(`{ byKey: scenario(id: "aftale-2024") { key } byId: scenario(id: "${globalId("Scenario", "aftale-2024")}") { key } }`);
    expect(data).toEqual({ byKey: { key: "aftale-2024" }, byId: { key: "aftale-2024" } });
    const other = await send(yoga, { query: `{ scenario(id: "${globalId("Theme", "innovation")}") { key } }` });
    expect(other.body.data).toEqual({ scenario: null });
    expect(codes(other)).toEqual(["MALFORMED_ID"]);
  });
});

describe("every entity is a Node with an opaque global ID", () => {
  it("history entries and comments: node(id:) fetches them again", async () => {
    const whatIf = await fork("aftale-2024", "Noder");
    await query(`mutation { addComment(input: { scenarioId: "${whatIf.key}", text: "Hvorfor?" }) { __typename } }`);
    const data = await query(gql(`query HistoryAndComments($id: ID!) { scenario(id: $id) { history(first: 1) { totalCount nodes { id version } } comments { id text } } }`), { id: whatIf.key });
    const change = data.scenario!.history.nodes[0]!;
    const comment = data.scenario!.comments[0]!;
    expect(data.scenario!.history.totalCount).toBe(1);
    const again = await query(gql(`query Again($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on ScenarioChange { version } ... on Comment { text } } }`), { ids: [change.id, comment.id] });
    expect(again.nodes).toEqual([
      { __typename: "ScenarioChange", id: change.id, version: change.version },
      { __typename: "Comment", id: comment.id, text: "Hvorfor?" },
    ]);
    // A global ID of the right type whose key is no row number names nothing.
    expect((await query(gql(`query NoNode($id: ID!) { node(id: $id) { id } }`), { id: globalId("ScenarioChange", "x1") })).node).toBeNull();
  });

  it("users, organisations and API tokens: node(id:) fetches what the caller may see, and the mutations take the global IDs", async () => {
    const finansministeriet = { organisationKey: "fm-noder", organisationName: "Finansministeriet (noder)", organisationKind: "SECRETARIAT" as const };
    const venstre = { organisationKey: "v-noder", organisationName: "Venstre (noder)", organisationKind: "PARTY" as const };
    const ada = await createUser({ email: "ada@noder.dk", password: "et langt kodeord her", displayName: "Ada Admin", role: "ADMIN", ...finansministeriet });
    await createUser({ email: "eddie@noder.dk", password: "et langt kodeord her", displayName: "Eddie Editor", role: "EDITOR", ...finansministeriet });
    const vilma = await createUser({ email: "vilma@noder.dk", password: "et langt kodeord her", displayName: "Vilma Venstre", role: "EDITOR", ...venstre });
    const asAda = { cookie: `ramme_session=${(await createSession(ada.id)).token}` };
    const asVilma = { cookie: `ramme_session=${(await createSession(vilma.id)).token}` };
    const ask = async <TData, TVariables>(auth: { cookie: string }, document: TypedDocument<TData, TVariables>, variables: TVariables): Promise<TData> => {
      const body: GraphQLResponse<TData> = await (await postAs(accounts, { query: print(document), variables }, auth)).json();
      if (!body.data) throw new Error(`expected data: ${JSON.stringify(body)}`);
      return body.data;
    };

    const created = (await ask(asAda, gql(`mutation CreateToken { createApiToken(input: { name: "Regneark", scope: READ }) { __typename ... on CreatedApiToken { token { id } } } }`), {})).createApiToken;
    if (created.__typename !== "CreatedApiToken") throw new Error(`expected a token: ${JSON.stringify(created)}`);
    const tokenId = created.token.id;
    const mine = await ask(asAda, gql(`query MineAndUsers { me { user { id organisation { id } } } users { id email } }`), {});
    const eddieId = mine.users.find((user) => user.email === "eddie@noder.dk")!.id;
    const ids = [mine.me.user!.id, mine.me.user!.organisation.id, tokenId, eddieId];
    for (const id of ids) expect(Buffer.from(id, "base64").toString()).toMatch(/^(User|Organisation|ApiToken):/);
    const lookup = gql(`query Lookup($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`);
    expect((await ask(asAda, lookup, { ids })).nodes.map((node) => node?.__typename ?? null)).toEqual(["User", "Organisation", "ApiToken", "User"]);
    // Another organisation's user sees the organisation (every caller does), but not Ada, her token or her colleague.
    expect((await ask(asVilma, lookup, { ids })).nodes.map((node) => node?.__typename ?? null)).toEqual([null, "Organisation", null, null]);

    const role = await ask(asAda, gql(`mutation MakeViewer($id: ID!) { setUserRole(input: { userId: $id, role: VIEWER }) { __typename ... on User { role } } }`), { id: eddieId });
    expect(role.setUserRole).toEqual({ __typename: "User", role: "VIEWER" });
    const revoked = (await ask(asAda, gql(`mutation Revoke($id: ID!) { revokeApiToken(input: { id: $id }) { __typename ... on ApiToken { id revokedAt } } }`), { id: tokenId })).revokeApiToken;
    expect(revoked).toMatchObject({ __typename: "ApiToken", id: tokenId });
    if (revoked.__typename !== "ApiToken") throw new Error(`expected a token: ${JSON.stringify(revoked)}`);
    expect(revoked.revokedAt).not.toBeNull();
  });
});

describe("one shape per concept: objects rather than bare keys", () => {
  it("a cell difference has its initiative, read in one query however many cells; the bare key is deprecated, with the date it stays until", async () => {
    const whatIf = await fork("aftale-2024", "Objekter");
    const cells = ["vmk", "atmp", "trial-nation"].map((initiativeId) => ({ initiativeId, year: 2025, amount: "1" }));
    expect((await mutate("setAllocations", "SetAllocationsInput", { scenarioId: whatIf.key, expectedVersion: whatIf.version, cells })).__typename).toBe("ScenarioEdit");
    const CHANGES = gql(`query CellInitiatives($id: ID!) { scenarioChanges(scenarioId: $id, since: { version: 1 }) { __typename ... on ChangeSet { cells { initiativeKey initiative { key title } } } } }`);
    let data: ResultOf<typeof CHANGES> | undefined;
    const statements = await recordSql(async () => {
      data = await query(CHANGES, { id: whatIf.key });
    });
    const changes = data?.scenarioChanges;
    if (changes?.__typename !== "ChangeSet") throw new Error(`expected a change set: ${JSON.stringify(changes)}`);
    const changed = changes.cells;
    expect(changed.map((cell) => cell.initiative.key).sort()).toEqual(["atmp", "trial-nation", "vmk"]);
    for (const cell of changed) expect(cell.initiative.key).toBe(cell.initiativeKey);
    // SQLite: FROM `main`.`Initiative`; PostgreSQL: FROM "public"."Initiative".
    expect(statements.filter((sql) => /FROM [`"]?\w*[`"]?\.?[`"]?Initiative[`"]? /.test(sql))).toHaveLength(1);

    // An introspection query: gql.tada does not type __type, so the answer is matched, not read.
    const deprecated = await query(`{ __type(name: "CellDifference") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }`);
    expect(deprecated).toMatchObject({
      __type: { fields: expect.arrayContaining([{ name: "initiativeKey", isDeprecated: true, deprecationReason: expect.stringMatching(/^Use initiative \{ key \}\. Kept until 2027-06-30/) }]) },
    });
  });
});

describe("typed errors", () => {
  it("every typed error has a code beside its __typename", async () => {
    const data = await query(gql(`mutation TypedErrorCodes {
      locked: setAllocation(input: { scenarioId: "aftale-2024", initiativeId: "vmk", year: 2024, amount: "1", expectedVersion: 1 }) { __typename ... on Error { code message } }
      invalid: lockScenario(input: { scenarioId: "findes-ikke" }) { __typename ... on Error { code } }
    }`));
    expect(data.locked).toMatchObject({ __typename: "ScenarioLockedError", code: "SCENARIO_LOCKED" });
    expect(data.invalid).toEqual({ __typename: "InvalidInputError", code: "INVALID_INPUT" });
  });

  it("expectedVersion below 1 is invalid input at its field, not a version conflict, and stores nothing", async () => {
    const whatIf = await fork("aftale-2024", "Fejlkontrakt");
    const stored = await fingerprint();
    for (const expectedVersion of [0, -3]) {
      const result = asMember(await mutate("setAllocation", "SetAllocationInput", { scenarioId: whatIf.key, initiativeId: "vmk", year: 2024, amount: "1", expectedVersion }), "InvalidInputError");
      expect(result.__typename).toBe("InvalidInputError");
      expect(result.problems.map((problem) => [problem.field, problem.code])).toEqual([["input.expectedVersion", "NOT_POSITIVE"]]);
    }
    const status = await query(gql(`mutation LockAtVersionZero($id: ID!) { lockScenario(input: { scenarioId: $id, expectedVersion: 0 }) { __typename ... on InvalidInputError { problems { field code } } } }`), { id: whatIf.key });
    if (status.lockScenario.__typename !== "InvalidInputError") throw new Error(`expected invalid input: ${JSON.stringify(status.lockScenario)}`);
    expect(status.lockScenario.problems).toEqual([{ field: "input.expectedVersion", code: "NOT_POSITIVE" }]);
    expect(await fingerprint()).toBe(stored);
  });

  it("every problem of an input is listed once, at its exact path: unknown IDs beside malformed amounts", async () => {
    const whatIf = await fork("aftale-2024", "Alle fejl");
    const stored = await fingerprint();
    const result = asMember(await mutate("setAllocations", "SetAllocationsInput", {
      scenarioId: whatIf.key,
      expectedVersion: whatIf.version,
      cells: [
        { initiativeId: "findes-ikke", year: 2024, amount: "1" },
        { initiativeId: "vmk", year: 1999, amount: "abc" },
        { initiativeId: "også-ukendt", year: 2025, amount: "-1" },
      ],
    }), "InvalidInputError");
    expect(result.__typename).toBe("InvalidInputError");
    const problems = result.problems.map((problem) => `${problem.field} ${problem.code}`).sort();
    expect(problems).toEqual([
      "input.cells[0].initiativeId UNKNOWN_INITIATIVE",
      "input.cells[1].amount NOT_A_NUMBER",
      "input.cells[1].year YEAR_OUTSIDE_FRAME",
      "input.cells[2].amount NEGATIVE",
      "input.cells[2].initiativeId UNKNOWN_INITIATIVE",
    ]);
    expect(await fingerprint()).toBe(stored);
  });
});
