/**
 * What an operator sees from outside, against real server processes: GET /metrics in Prometheus'
 * format whose counters move with the traffic, who may read it (RAMME_METRICS, RAMME_METRICS_TOKEN),
 * one JSON log line per GraphQL request with the request id (a proxy's X-Request-Id kept and sent
 * back), operation, caller kind, outcome and duration, and never a password, session, API token or
 * a cell's amount in the log.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { graphqlOverHttp, queryOverHttp } from "../support/graphqlHttp.ts";
import { serverDirectory, startServer, type ServerProcess } from "../support/serverProcess.ts";
import { subscribe } from "../support/sse.ts";
import { forkOverHttp, scenarioGlobalId } from "../faults/support/scenarioOverHttp.ts";

/** Real server processes take seconds to start on a loaded machine. */
const REAL_SERVERS = { timeout: 120_000 };

const scratch = mkdtempSync(path.join(tmpdir(), "ramme-observability-"));
const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  rmSync(scratch, { recursive: true, force: true });
}, 30_000);

/**
 * A server on this file's database: on SQLite a copy of it each (one server process per SQLite
 * file), on PostgreSQL (`test:postgres`) the same database for all.
 */
async function start(env: Record<string, string> = {}) {
  let databaseUrl = process.env.DATABASE_URL!;
  if (databaseUrl.startsWith("file:")) {
    const file = path.join(scratch, `${servers.length}.db`);
    copyFileSync(databaseUrl.slice("file:".length), file);
    databaseUrl = `file:${file}`;
  }
  const server = await startServer({ databaseUrl, env: { RAMME_LOG_LEVEL: "info", ...env } });
  servers.push(server);
  return server;
}

/** The value of one sample in Prometheus' text format (0 when the series is absent). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? "").split(",").filter(Boolean);
    if (wanted.every((pair) => present.includes(pair)) && present.length === wanted.length) return Number(match[3]);
  }
  return 0;
}

const metrics = async (server: ServerProcess, headers: Record<string, string> = {}) => {
  const response = await fetch(`${server.baseUrl}/metrics`, { headers });
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
};

/** The JSON log lines of GraphQL requests the server wrote so far. */
const requestLines = (server: ServerProcess) =>
  server
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.msg === "graphql request");

const SCENARIOS = "query ObservedScenarios { scenarios { edges { node { key } } } }";

describe("/metrics", () => {
  it("counts requests by operation and outcome, errors by code, rate-limit refusals, DB statements and open live streams", REAL_SERVERS, async () => {
    const server = await start({ RAMME_RATE_LIMIT: "40" });
    const before = await metrics(server);
    expect(before.status).toBe(200);
    expect(before.type).toContain("text/plain");
    expect(before.text).toContain("# TYPE ramme_graphql_request_duration_seconds histogram");
    expect(before.text).toContain("process_resident_memory_bytes");
    expect(sample(before.text, "ramme_graphql_requests_total", { operation: "ObservedScenarios", outcome: "ok" })).toBe(0);

    for (let i = 0; i < 3; i++) await queryOverHttp(server.baseUrl, SCENARIOS);
    const invalid = await graphqlOverHttp(server.baseUrl, "query Broken { noSuchField }");
    expect(invalid.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const key = await forkOverHttp(server.baseUrl, "Målt what-if");
    const stream = await subscribe(fetch, `${server.baseUrl}/graphql`, "subscription Watch($id: ID!) { scenarioChanged(scenarioId: $id) { __typename } }", { id: scenarioGlobalId(key) });

    const during = await metrics(server);
    expect(sample(during.text, "ramme_graphql_requests_total", { operation: "ObservedScenarios", outcome: "ok" })).toBe(3);
    expect(sample(during.text, "ramme_graphql_request_duration_seconds_count", { operation: "ObservedScenarios", outcome: "ok" })).toBe(3);
    expect(sample(during.text, "ramme_graphql_requests_total", { operation: "Broken", outcome: "error" })).toBe(1);
    expect(sample(during.text, "ramme_graphql_errors_total", { code: "GRAPHQL_VALIDATION_FAILED" })).toBe(1);
    expect(sample(during.text, "ramme_live_streams_open")).toBe(1);
    expect(sample(during.text, "ramme_db_query_duration_seconds_count")).toBeGreaterThan(sample(before.text, "ramme_db_query_duration_seconds_count"));
    expect(sample(during.text, "ramme_db_write_queue_depth")).toBe(0);
    if (server.databaseUrl.startsWith("postgres")) expect(sample(during.text, "ramme_db_pool_connections", { client: "read", state: "total" })).toBeGreaterThan(0);

    stream.close();
    // The server learns that the client went away when a write fails: at the latest the 12 s keep-alive.
    await expect.poll(async () => sample((await metrics(server)).text, "ramme_live_streams_open"), { timeout: 20_000 }).toBe(0);

    let refused = 0;
    while (refused === 0) {
      const answer = await graphqlOverHttp(server.baseUrl, SCENARIOS);
      if (answer.status === 429) refused += 1;
    }
    const after = await metrics(server);
    expect(sample(after.text, "ramme_rate_limit_refusals_total")).toBe(1);
    expect(sample(after.text, "ramme_graphql_requests_total", { operation: "anonymous", outcome: "rate_limited" })).toBe(1);
    expect(sample(after.text, "ramme_graphql_errors_total", { code: "RATE_LIMITED" })).toBe(1);
  });

  it("is served to this machine only by default, to nobody with RAMME_METRICS=off, and only with the token when one is set", REAL_SERVERS, async () => {
    const [local, off, guarded] = await Promise.all([start(), start({ RAMME_METRICS: "off" }), start({ RAMME_METRICS: "on", RAMME_METRICS_TOKEN: "scrape-secret-42" })]);
    expect((await metrics(local)).status).toBe(200);
    // Passed on by a proxy: the caller is elsewhere, whatever the socket says.
    expect((await metrics(local, { "x-forwarded-for": "203.0.113.9" })).status).toBe(403);
    expect((await metrics(off)).status).toBe(404);
    expect((await metrics(guarded)).status).toBe(401);
    expect((await metrics(guarded, { authorization: "Bearer wrong-secret-42" })).status).toBe(401);
    const allowed = await metrics(guarded, { authorization: "Bearer scrape-secret-42" });
    expect(allowed.status).toBe(200);
    expect(allowed.text).toContain("ramme_graphql_requests_total");
  });
});

describe("the request log", () => {
  it("writes one JSON line per request with its id, operation, caller kind, status, outcome and duration, and sends the id back", REAL_SERVERS, async () => {
    const server = await start();
    const given = await fetch(`${server.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "lb-7f3a-0001" },
      body: JSON.stringify({ query: SCENARIOS }),
    });
    expect(given.headers.get("x-request-id")).toBe("lb-7f3a-0001");
    // Not an id a proxy would send (300 characters): a fresh one instead.
    const forged = await fetch(`${server.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": `x${"y".repeat(300)}` },
      body: JSON.stringify({ query: SCENARIOS }),
    });
    const fresh = forged.headers.get("x-request-id");
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/);

    await expect.poll(() => requestLines(server).length, { timeout: 5_000 }).toBe(2);
    const [first, second] = requestLines(server);
    expect(first).toMatchObject({ level: "info", reqId: "lb-7f3a-0001", operation: "ObservedScenarios", caller: "local", status: 200, outcome: "ok" });
    expect(typeof first!.durationMs).toBe("number");
    expect(typeof first!.time).toBe("string");
    expect(second).toMatchObject({ reqId: fresh });
  });

  it("never holds a password, a session cookie, an API token or a cell's amount", REAL_SERVERS, async () => {
    const server = await start({ RAMME_AUTH: "accounts", RAMME_TRUSTED_OPERATIONS: "off" });
    const password = "lang-hemmelig-kode-9173";
    execFileSync(path.join(serverDirectory, "node_modules", ".bin", "tsx"), ["src/auth/cli.ts", "user:create", "--email", "ops@fm.dk", "--name", "Ops Person", "--organisation", "finansministeriet", "--role", "admin"], {
      cwd: serverDirectory,
      env: { ...process.env, DATABASE_URL: server.databaseUrl },
      input: `${password}\n`,
      stdio: ["pipe", "pipe", "pipe"],
    });
    const post = (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
      fetch(`${server.baseUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });

    const wrong = await post("mutation SignIn($input: SignInInput!) { signIn(input: $input) { __typename } }", { input: { email: "ops@fm.dk", password: "forkert-kode-0000-xyz" } });
    expect((await wrong.json()).data.signIn.__typename).toBe("InvalidInputError");
    const signedIn = await post("mutation SignIn($input: SignInInput!) { signIn(input: $input) { __typename } }", { input: { email: "ops@fm.dk", password } });
    expect((await signedIn.json()).data.signIn.__typename).toBe("SignedIn");
    const session = /^ramme_session=([^;]+)/.exec(signedIn.headers.get("set-cookie") ?? "")![1]!;
    const created = await post(
      "mutation Token($input: CreateApiTokenInput!) { createApiToken(input: $input) { ... on CreatedApiToken { secret } } }",
      { input: { name: "Regneark", scope: "READ_WRITE" } },
      { cookie: `ramme_session=${session}` },
    );
    const secret = (await created.json()).data.createApiToken.secret as string;
    expect(secret).toBeTruthy();

    const bearer = { authorization: `Bearer ${secret}` };
    const forked = await (await post("mutation Fork($input: ForkScenarioInput!) { forkScenario(input: $input) { ... on ScenarioEdit { scenario { key version } } } }", { input: { sourceId: "aftale-2024", name: "Privat" } }, bearer)).json();
    const { key, version } = forked.data.forkScenario.scenario as { key: string; version: number };
    const line = (await readScenarioAs(server, key, bearer)).lineKeys[0]!;
    const edit = await (
      await post(
        "mutation Edit($input: SetAllocationInput!) { setAllocation(input: $input) { __typename } }",
        { input: { scenarioId: key, initiativeId: line, year: 2025, amount: "4321.9", expectedVersion: version } },
        bearer,
      )
    ).json();
    expect(edit.data.setAllocation.__typename).toBeTruthy();

    const lines = requestLines(server);
    expect(lines.map((entry) => entry.caller)).toEqual(expect.arrayContaining(["anonymous", "session", "token"]));
    const output = server.output();
    // The token is `ramme_<prefix>_<secret>`; the secret part may itself hold "_" (base64url), so it is
    // everything after the second "_", never a split's last piece (which may be one letter).
    const secretPart = secret.split("_").slice(2).join("_");
    expect(secretPart.length).toBeGreaterThan(20);
    for (const secretText of [password, "forkert-kode-0000-xyz", session, secret, secretPart, "4321.9", "4321,9"]) expect(output).not.toContain(secretText);
  });
});

async function readScenarioAs(server: ServerProcess, key: string, headers: Record<string, string>) {
  const response = await fetch(`${server.baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query: "query Lines($id: ID!) { scenario(id: $id) { lines { initiative { key } } } }", variables: { id: scenarioGlobalId(key) } }),
  });
  const body = await response.json();
  return { lineKeys: (body.data.scenario.lines as Array<{ initiative: { key: string } }>).map((entry) => entry.initiative.key) };
}
