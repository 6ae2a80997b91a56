/**
 * Trusted (persisted) operations: where they are on, a browser's session (or the local user) runs
 * only the web client's own operations, sent by hash; operation text, or a hash the client never
 * had, is refused before anything runs and stores nothing; a valid API token may still send any
 * operation, within its scope, and a revoked or made-up one may not. Where they are off, any
 * operation runs, and the client's hashes still do.
 */
import { createApiToken } from "@ramme/server/auth/apiTokens.ts";
import { createUser } from "@ramme/server/auth/accounts.ts";
import { createSession } from "@ramme/server/auth/sessions.ts";
import { hardeningConfigFrom } from "@ramme/server/hardening.ts";
import { PERSISTED_OPERATION_NOT_FOUND, PERSISTED_OPERATION_REQUIRED } from "@ramme/server/trustedOperations.ts";
import { createRammeYoga } from "@ramme/server/yoga.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../support/graphql.ts";
import { clientOperation, persistedBody } from "../support/persistedOperations.ts";
import { fingerprint } from "../support/scenarios.ts";
import { subscribe, type SubscriptionResult } from "../support/sse.ts";
import type { ResultOf } from "../support/documents.ts";
import type { ScenarioChanged } from "../../client/src/features/live/scenarioChanged.ts";
import { postAs, type Auth } from "../support/asCaller.ts";

type Yoga = ReturnType<typeof createRammeYoga>;
const enforcing = { ...hardeningConfigFrom({}), trustedOperations: true };
const accounts = createRammeYoga({ auth: "accounts", hardening: enforcing });
const local = createRammeYoga({ auth: "local", hardening: enforcing });
const open = createRammeYoga({ auth: "accounts", hardening: { ...enforcing, trustedOperations: false } });

interface Answer {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

async function send(server: Yoga, body: unknown, auth: { cookie?: string; bearer?: string } = {}): Promise<Answer> {
  const response = await postAs(server, body, auth);
  return { status: response.status, body: await response.json() };
}

const FORK_TEXT = `mutation($input: ForkScenarioInput!) { forkScenario(input: $input) { __typename ... on ScenarioEdit { scenario { key } } ... on Error { message } } }`;
const forkInput = (name: string) => ({ input: { sourceId: "aftale-2024", name } });
const forkCount = () => db.scenario.count({ where: { kind: "WHAT_IF" } });

let anna = "";
let annaId = "";
beforeAll(async () => {
  const person = await createUser({ email: "anna@fm.dk", password: "et langt kodeord her", displayName: "Anna Holm", role: "EDITOR", organisationKey: "fm", organisationName: "Finansministeriet", organisationKind: "SECRETARIAT" });
  annaId = person.id;
  anna = `ramme_session=${(await createSession(person.id)).token}`;
});

describe("enforced: a session runs the web client's operations by hash, and nothing else", () => {
  it("a query and a mutation from the manifest, sent by hash, run for a signed-in person (and the fork is stored)", async () => {
    const list = await send(accounts, persistedBody("ScenarioList", { includeArchived: false }), { cookie: anna });
    expect(list.status).toBe(200);
    expect(list.body.data.scenarios.nodes.map((node: { key: string }) => node.key)).toContain("aftale-2024");
    const before = await forkCount();
    const forked = await send(accounts, persistedBody("ForkScenario", forkInput("Ved hash")), { cookie: anna });
    expect(forked.body.data.forkScenario).toMatchObject({ __typename: "ScenarioEdit", scenario: { name: "Ved hash" } });
    expect(await forkCount()).toBe(before + 1);
  });

  it("the same query sent as text is refused with PERSISTED_OPERATION_REQUIRED, before it runs", async () => {
    const answer = await send(accounts, { query: clientOperation("ScenarioList").text, variables: { includeArchived: false } }, { cookie: anna });
    expect(answer.status).toBe(403);
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.body.errors?.[0]?.extensions?.code).toBe(PERSISTED_OPERATION_REQUIRED);
    expect(answer.body.errors?.[0]?.message).toMatch(/only the web client's own operations, sent by hash .* need an API token/);
  });

  it("a mutation sent as text stores nothing", async () => {
    const before = await fingerprint();
    const answer = await send(accounts, { query: FORK_TEXT, variables: forkInput("Som tekst") }, { cookie: anna });
    expect(answer.body.errors?.[0]?.extensions?.code).toBe(PERSISTED_OPERATION_REQUIRED);
    expect(await fingerprint()).toBe(before);
    expect(await db.scenario.count({ where: { name: "Som tekst" } })).toBe(0);
  });

  it("a hash the web client never had is refused with PERSISTED_OPERATION_NOT_FOUND", async () => {
    const before = await fingerprint();
    const unknown = { variables: forkInput("Ukendt"), extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } };
    const answer = await send(accounts, unknown, { cookie: anna });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe(PERSISTED_OPERATION_NOT_FOUND);
    expect(await fingerprint()).toBe(before);
  });

  it("text and a hash together count as text: refused", async () => {
    const both = { ...persistedBody("ForkScenario", forkInput("Begge")), query: FORK_TEXT };
    expect((await send(accounts, both, { cookie: anna })).body.errors?.[0]?.extensions?.code).toBe(PERSISTED_OPERATION_REQUIRED);
  });

  it("the local user (local mode with trusted operations on) is held to the same list", async () => {
    expect((await send(local, persistedBody("Me"))).body.data.me.mode).toBe("LOCAL");
    expect((await send(local, { query: "{ me { mode } }" })).body.errors?.[0]?.extensions?.code).toBe(PERSISTED_OPERATION_REQUIRED);
  });

  it("a query sent by hash over GET, as the client sends short queries, runs", async () => {
    const params = new URLSearchParams({ extensions: JSON.stringify(persistedBody("Me").extensions), variables: "{}" });
    const response = await accounts.fetch(`http://ramme.test/graphql?${params}`, { headers: { cookie: anna, "x-ramme-client": "web", accept: "application/graphql-response+json" } });
    expect((await response.json()).data.me.user.email).toBe("anna@fm.dk");
  });

  it("live updates: the subscription sent by hash streams a change over Server-Sent Events", async () => {
    const forked = await send(accounts, persistedBody("ForkScenario", forkInput("Direkte")), { cookie: anna });
    const key: string = forked.body.data.forkScenario.scenario.key;
    const stream = await subscribe(async (url, init) => accounts.fetch(url, init), "http://ramme.test/graphql", { persisted: persistedBody("ScenarioChanged", { id: key, after: 1 }) }, {}, { cookie: anna });
    try {
      const edit = await send(accounts, persistedBody("SetAllocations", { input: { scenarioId: key, expectedVersion: 1, cells: [{ initiativeId: "vmk", year: 2025, amount: "4.5" }] } }), { cookie: anna });
      expect(edit.body.data.setAllocations.__typename).toBe("ScenarioEdit");
      // The body is the client's ScenarioChanged, sent by hash: its events have that document's type.
      const event = (await stream.next(10_000)) as SubscriptionResult<ResultOf<typeof ScenarioChanged>>;
      expect(event.data?.scenarioChanged).toMatchObject({ __typename: "ScenarioChangedEvent", version: 2, cells: [{ initiative: { key: "vmk" }, year: 2025, after: "4.5" }] });
    } finally {
      stream.close();
    }
  });
});

describe("enforced: API tokens keep the open API", () => {
  it("a valid READ_WRITE token sends any operation as text, and its fork is stored", async () => {
    const { secret } = await createApiToken(annaId, "Regneark", "READ_WRITE");
    const answer = await send(accounts, { query: FORK_TEXT, variables: forkInput("Fra regnearket") }, { bearer: secret });
    expect(answer.body.data.forkScenario.__typename).toBe("ScenarioEdit");
    expect(await db.scenario.count({ where: { name: "Fra regnearket" } })).toBe(1);
    // …and the client's hashes work for it too.
    expect((await send(accounts, persistedBody("Me"), { bearer: secret })).body.data.me.user.email).toBe("anna@fm.dk");
  });

  it("a revoked token may not, from the very next request", async () => {
    const { secret, token } = await createApiToken(annaId, "Gammelt", "READ_WRITE");
    expect((await send(accounts, { query: "{ me { actor } }" }, { bearer: secret })).body.data.me.actor).toBe("Gammelt (API, Anna Holm)");
    const revoked = await send(open, { query: `mutation($id: ID!) { revokeApiToken(input: { id: $id }) { __typename } }`, variables: { id: token.id } }, { cookie: anna });
    expect(revoked.body.data.revokeApiToken.__typename).toBe("ApiToken");
    const before = await fingerprint();
    const refused = await send(accounts, { query: FORK_TEXT, variables: forkInput("Efter tilbagekaldelse") }, { bearer: secret });
    // Told that the token is the problem (401), not that it should send hashes.
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]).toMatchObject({ message: expect.stringContaining("not valid"), extensions: { code: "UNAUTHENTICATED" } });
    expect(await fingerprint()).toBe(before);
  });

  it("a made-up token in the right shape unlocks nothing", async () => {
    const madeUp = `ramme_0badc0de_${"A".repeat(43)}`;
    const answer = await send(accounts, { query: "{ scenarios(first: 1) { nodes { key } } }" }, { bearer: madeUp });
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(answer.body.data ?? null).toBeNull();
  });

  it("a READ token may send a query as text but still not change data", async () => {
    const { secret } = await createApiToken(annaId, "Kun læse", "READ");
    expect((await send(accounts, { query: "{ scenarios(first: 1) { nodes { key } } }" }, { bearer: secret })).body.data.scenarios.nodes).toHaveLength(1);
    const before = await fingerprint();
    const refused = await send(accounts, { query: FORK_TEXT, variables: forkInput("Læsetoken") }, { bearer: secret });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await fingerprint()).toBe(before);
  });
});

describe("not enforced (RAMME_TRUSTED_OPERATIONS=off, the default in local mode)", () => {
  it("a session sends any operation as text, and the client's hashes still run", async () => {
    const answer = await send(open, { query: FORK_TEXT, variables: forkInput("Åben tekst") }, { cookie: anna });
    expect(answer.body.data.forkScenario.__typename).toBe("ScenarioEdit");
    expect((await send(open, persistedBody("Me"), { cookie: anna })).body.data.me.user.email).toBe("anna@fm.dk");
  });

  it("an unknown hash is still refused: there is no text to run", async () => {
    const answer = await send(open, { extensions: { persistedQuery: { version: 1, sha256Hash: "f".repeat(64) } } }, { cookie: anna });
    expect(answer.body.errors?.[0]?.extensions?.code).toBe(PERSISTED_OPERATION_NOT_FOUND);
  });
});
