/**
 * The hardened endpoint: over-limit and malformed operations are refused before anything runs,
 * with a clear error and nothing stored; the web client's own documents pass every limit; and a
 * production endpoint hides its schema and never shows an unexpected error's insides.
 */
import { readFileSync } from "node:fs";
import { DEFAULT_BUDGET, DEFAULT_LIMITS, DEFAULT_RATE_LIMIT, hardeningConfigFrom, OPERATION_LIMIT, securityHeaders } from "@ramme/server/hardening.ts";
import { MANIFEST_FILE } from "@ramme/server/trustedOperations.ts";
import { createRammeYoga, yoga } from "@ramme/server/yoga.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { gql } from "../support/documents.ts";
import { db, query } from "../support/graphql.ts";
import { asMember } from "../support/unions.ts";
import { fingerprint, fork } from "../support/scenarios.ts";

type Yoga = ReturnType<typeof createRammeYoga>;
const production = createRammeYoga({ hardening: hardeningConfigFrom({ NODE_ENV: "production" }) });

interface Answer {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  text: string;
}

async function send(server: Yoga, init: RequestInit & { url?: string }): Promise<Answer> {
  const response = await server.fetch(init.url ?? "http://ramme.test/graphql", init);
  const text = await response.text();
  let body: Answer["body"] = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = {};
  }
  return { status: response.status, body, text };
}

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

/** A fork that would store a new scenario, a change and its lines, were it run. */
const forkCall = (alias = "") => `${alias}forkScenario(input: { sourceId: "aftale-2024", name: "Angreb" }) { __typename }`;

let before = "";
beforeAll(async () => {
  before = await fingerprint();
});

const refusals: Array<[string, () => RequestInit, number, RegExp, string]> = [
  [
    "a deep operation (scenario.parent 20 times)",
    () => post({ query: `mutation { forkScenario(input: { sourceId: "aftale-2024", name: "Dyb" }) { ... on ScenarioEdit { scenario { ${"parent { ".repeat(20)}key${" }".repeat(20)} } } } }` }),
    400,
    /^Query depth limit of 15 exceeded, found \d+\.$/,
    OPERATION_LIMIT,
  ],
  [
    "a wide operation (a fork answering every line's initiative's theme's initiatives' themes' initiatives)",
    () => post({ query: `mutation { forkScenario(input: { sourceId: "aftale-2024", name: "Bred" }) { ... on ScenarioEdit { scenario { lines { initiative { theme { initiatives { theme { initiatives { key } } } } } } } } } }` }),
    400,
    /^Operation cost limit of 100000000 exceeded: estimated \d+\.$/,
    OPERATION_LIMIT,
  ],
  ["an alias bomb (twenty forks in one mutation)", () => post({ query: `mutation { ${Array.from({ length: 20 }, (_, index) => forkCall(`f${index}: `)).join(" ")} }` }), 400, /^Aliases limit of 15 exceeded, found 20\.$/, OPERATION_LIMIT],
  ["a token flood (a fork asking __typename 1,000 times)", () => post({ query: `mutation { forkScenario(input: { sourceId: "aftale-2024", name: "Flod" }) { ${"__typename ".repeat(1000)} } }` }), 400, /^Token limit of 1000 exceeded\.$/, OPERATION_LIMIT],
  ["a directive flood (30 directives in a fork)", () => post({ query: `mutation { forkScenario(input: { sourceId: "aftale-2024", name: "Direktiver" }) { ${"__typename @include(if: true) __typename @skip(if: false) ".repeat(15)} } }` }), 400, /^Directives limit of 20 exceeded, found 30\.$/, OPERATION_LIMIT],
  ["a batch of two forks", () => post([{ query: `mutation { ${forkCall()} }` }, { query: `mutation { ${forkCall()} }` }]), 400, /^Batching is not supported\.$/, "BAD_REQUEST"],
  ["a body over the limit (5 MB, no Content-Length)", () => post({ query: `mutation { ${forkCall()} }`, variables: { padding: "x".repeat(5_000_000) } }), 413, /^Request body too large$/, "REQUEST_ENTITY_TOO_LARGE"],
  [
    "a body whose Content-Length is over the limit",
    () => ({ ...post({ query: `mutation { ${forkCall()} }`, variables: { padding: "x".repeat(4_100_000) } }), headers: { "content-type": "application/json", "content-length": "4100100" } }),
    413,
    /^Request body too large$/,
    "REQUEST_ENTITY_TOO_LARGE",
  ],
  ["invalid JSON", () => post(`{"query": "mutation { ${forkCall().replaceAll('"', '\\"')} }"`), 400, /^POST body sent invalid JSON\.$/, "BAD_REQUEST"],
  ["no operation", () => post({ variables: {} }), 400, /^Send an operation: its text \(query\) or a persisted operation's hash/, "BAD_REQUEST"],
  ["an empty operation", () => post({ query: "" }), 400, /^Send an operation: its text \(query\) or a persisted operation's hash/, "BAD_REQUEST"],
  ["an unknown operation name", () => post({ query: `mutation Fork { ${forkCall()} }`, operationName: "Other" }), 400, /^Could not determine what operation to execute\.$/, "OPERATION_RESOLUTION_FAILURE"],
  [
    "a mutation sent with GET",
    () => ({ method: "GET", url: `http://ramme.test/graphql?query=${encodeURIComponent(`mutation { ${forkCall()} }`)}`, headers: { "x-ramme-client": "test", accept: "application/graphql-response+json" } }),
    405,
    /^Can only perform a mutation operation from a POST request\.$/,
    "BAD_REQUEST",
  ],
  ["a simple (text/plain) POST, as a foreign page's form can send", () => ({ method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ query: `mutation { ${forkCall()} }` }) }), 403, /^Required CSRF header\(s\) not present$/, "CSRF_REFUSED"],
  [
    "a simple form POST (x-www-form-urlencoded)",
    () => ({ method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `query=${encodeURIComponent(`mutation { ${forkCall()} }`)}` }),
    403,
    /^Required CSRF header\(s\) not present$/,
    "CSRF_REFUSED",
  ],
];

describe("refused before execution, with nothing stored", () => {
  it.each(refusals)("%s", async (_name, request, status, message, code) => {
    for (const server of [yoga, production]) {
      const answer = await send(server, request());
      expect(answer.status).toBe(status);
      expect(answer.body.data ?? null).toBeNull();
      // The refusal the test is about is among the errors (a deep operation is costly too).
      const refusal = answer.body.errors?.find((error) => message.test(error.message));
      expect(refusal, JSON.stringify(answer.body.errors)).toBeDefined();
      expect(refusal!.extensions?.code).toBe(code);
    }
    expect(await fingerprint()).toBe(before);
  });

  it("a GET query without a CSRF header is refused; with the web client's header it is answered", async () => {
    const url = `http://ramme.test/graphql?query=${encodeURIComponent("{ scenarios(first: 1) { nodes { key } } }")}`;
    const bare = await send(yoga, { method: "GET", url });
    expect(bare.status).toBe(403);
    expect(bare.body.errors?.[0]?.message).toBe("Required CSRF header(s) not present");
    const web = await send(yoga, { method: "GET", url, headers: { "x-ramme-client": "web" } });
    expect(web.status).toBe(200);
    expect(web.body.data.scenarios.nodes).toEqual([{ key: "regeringens-udspil-2024" }]);
  });

  it("the same fork within the limits is run and stored (the refusals were the limits, not the fork)", async () => {
    const answer = await send(yoga, post({ query: `mutation { ${forkCall()} }` }));
    expect(answer.body).toEqual({ data: { forkScenario: { __typename: "ScenarioEdit" } } });
    expect(await fingerprint()).not.toBe(before);
  });
});

describe("the largest legitimate request passes the body limit", () => {
  it("importing a 5,000-line CSV (the real export's longest line, 200 times a real scenario) is read, not refused as too large", async () => {
    const whatIf = await fork("aftale-2024", "Stor import");
    const exported = await query(gql(`query { exportScenario(scenarioId: "aftale-2024", format: CSV) { __typename ... on ExportFile { base64 } } }`));
    const lines = Buffer.from(asMember(exported.exportScenario, "ExportFile").base64, "base64").toString("utf8").split("\r\n");
    const longest = lines.reduce((a, b) => (b.length > a.length ? b : a));
    const content = [...lines, ...Array.from({ length: 5000 - lines.length }, () => longest)].join("\r\n");
    const request = post({
      query: "mutation($input: ImportScenarioCsvInput!) { importScenarioCsv(input: $input) { __typename } }",
      variables: { input: { scenarioId: whatIf.key, expectedVersion: whatIf.version, content } },
    });
    const bytes = Buffer.byteLength(request.body as string);
    // Measured: 1.03 MB (the longest line is 202 characters), so the 4 MB default leaves more than three times the room.
    expect(bytes).toBeGreaterThan(400_000);
    expect(bytes * 3).toBeLessThan(DEFAULT_LIMITS.maxBodyBytes);
    const answer = await send(yoga, request);
    expect(answer.status).toBe(200);
    // The same initiative 5,000 times: the import refuses the repeats by row, as it should; the point is it was read.
    expect(answer.body.data.importScenarioCsv.__typename).toBe("InvalidInputError");
  });
});

/** The web client's documents exactly as it sends them (by hash): client/persisted-operations.json. */
function clientDocuments(): Array<[string, string]> {
  const manifest: Record<string, string> = JSON.parse(readFileSync(MANIFEST_FILE, "utf8"));
  return Object.values(manifest).map((text) => [/^\w+ (\w+)/.exec(text)![1]!, text]);
}

describe("the web client's own documents", () => {
  const documents = clientDocuments();
  it("are found", () => expect(documents.length).toBeGreaterThanOrEqual(30));

  it.each(documents)("%s passes every limit of the production endpoint", (_name, source) => {
    // The production yoga's own parse and validate: its Armor plugins, introspection rule and all.
    const { parse, validate, schema } = production.getEnveloped({ request: new Request("http://ramme.test/graphql", { method: "POST" }), params: {} } as never);
    const errors = validate(schema, parse(source)).map((error: { message: string }) => error.message);
    expect(errors).toEqual([]);
  });
});

describe("production: the schema stays private, errors stay masked", () => {
  const introspection = post({ query: "{ __schema { queryType { name } } }" });

  it("introspection is refused in production, and answered in development", async () => {
    const refused = await send(production, introspection);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.message).toBe('GraphQL introspection has been disabled, but the requested query contained the field "__schema".');
    const typeQuery = await send(production, post({ query: '{ __type(name: "Scenario") { name } }' }));
    expect(typeQuery.body.errors?.[0]?.message).toMatch(/introspection has been disabled/);
    expect((await send(yoga, introspection)).body).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
  });

  it("__typename, which clients need, still works in production", async () => {
    expect((await send(production, post({ query: "{ __typename }" }))).body).toEqual({ data: { __typename: "Query" } });
  });

  it("RAMME_INTROSPECTION=on turns it (and GraphiQL) back on in production", async () => {
    const opened = createRammeYoga({ hardening: hardeningConfigFrom({ NODE_ENV: "production", RAMME_INTROSPECTION: "on" }) });
    expect((await send(opened, introspection)).body).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
    const page = await opened.fetch("http://ramme.test/graphql", { headers: { accept: "text/html" } });
    expect(await page.text()).toContain("Ramme GraphQL API");
  });

  it("GraphiQL is not served in production", async () => {
    const page = await production.fetch("http://ramme.test/graphql", { headers: { accept: "text/html" } });
    expect(await page.text()).not.toContain("Ramme GraphQL API");
    const development = await yoga.fetch("http://ramme.test/graphql", { headers: { accept: "text/html" } });
    expect(await development.text()).toContain("Ramme GraphQL API");
  });

  it("a mistyped field gets no suggestion in production (it would leak field names)", async () => {
    const mistyped = post({ query: "{ scenarioz(first: 1) { nodes { key } } }" });
    const hidden = await send(production, mistyped);
    expect(hidden.body.errors?.[0]?.message).toBe('Cannot query field "scenarioz" on type "Query". [Suggestion hidden]');
    expect((await send(yoga, mistyped)).body.errors?.[0]?.message).toMatch(/Did you mean "scenario" or "scenarios"\?/);
  });

  it("an unexpected error (a table gone) is answered \"Unexpected error.\" with no stack, SQL or file path", async () => {
    await db.$executeRawUnsafe('ALTER TABLE "PriceIndex" RENAME TO "PriceIndexGone"');
    try {
      const answer = await send(production, post({ query: "{ priceIndices { year value } }" }));
      expect(answer.body.errors).toEqual([{ message: "Unexpected error.", locations: [{ line: 1, column: 3 }], path: ["priceIndices"], extensions: { code: "INTERNAL_SERVER_ERROR" } }]);
      expect(answer.text).not.toMatch(/PriceIndex|SELECT|prisma|sqlite|stack|\/work\/|\.ts|at /i);
    } finally {
      await db.$executeRawUnsafe('ALTER TABLE "PriceIndexGone" RENAME TO "PriceIndex"');
    }
  });
});

describe("configuration", () => {
  it("every limit has its documented default, and each variable overrides one", () => {
    expect(hardeningConfigFrom({})).toEqual({ production: false, introspection: true, ...DEFAULT_LIMITS, hsts: false, trustedOperations: false, rateLimit: { requests: 0, windowSeconds: 60, trustedProxyHops: 0 }, budget: DEFAULT_BUDGET, origins: { corsOrigins: [], allowedHostnames: null } });
    const tuned = hardeningConfigFrom({ RAMME_MAX_DEPTH: "20", RAMME_MAX_ALIASES: "5", RAMME_MAX_TOKENS: "3000", RAMME_MAX_COST: "9000", RAMME_MAX_DIRECTIVES: "2", RAMME_MAX_BODY_BYTES: "100", RAMME_BATCH_LIMIT: "3", RAMME_HSTS: "on" });
    expect(tuned).toMatchObject({ maxDepth: 20, maxAliases: 5, maxTokens: 3000, maxCost: 9000, maxDirectives: 2, maxBodyBytes: 100, batchLimit: 3, hsts: true });
  });

  it("accounts mode turns trusted operations and the rate limit on; each has its variable, in either mode", () => {
    expect(hardeningConfigFrom({ RAMME_AUTH: "accounts" })).toMatchObject({ trustedOperations: true, rateLimit: { requests: DEFAULT_RATE_LIMIT, windowSeconds: 60 } });
    expect(hardeningConfigFrom({ RAMME_AUTH: "accounts", RAMME_TRUSTED_OPERATIONS: "off", RAMME_RATE_LIMIT: "0" })).toMatchObject({ trustedOperations: false, rateLimit: { requests: 0 } });
    expect(hardeningConfigFrom({ RAMME_TRUSTED_OPERATIONS: "on", RAMME_RATE_LIMIT: "30", RAMME_RATE_LIMIT_WINDOW: "10", RAMME_TRUSTED_PROXY_HOPS: "1" })).toMatchObject({
      trustedOperations: true,
      rateLimit: { requests: 30, windowSeconds: 10, trustedProxyHops: 1 },
    });
    expect(() => hardeningConfigFrom({ RAMME_RATE_LIMIT_WINDOW: "0" })).toThrow("RAMME_RATE_LIMIT_WINDOW must be at least 1 second.");
  });

  it("a malformed value stops the server at start, naming the variable", () => {
    expect(() => hardeningConfigFrom({ RAMME_MAX_DEPTH: "deep" })).toThrow('RAMME_MAX_DEPTH must be a whole number ≥ 0, not "deep".');
    expect(() => hardeningConfigFrom({ RAMME_INTROSPECTION: "maybe" })).toThrow('RAMME_INTROSPECTION must be "on" or "off", not "maybe".');
  });

  it("RAMME_HSTS=on (behind a TLS proxy) adds Strict-Transport-Security; without it none is sent", () => {
    expect(securityHeaders(hardeningConfigFrom({ RAMME_HSTS: "on" }), "/", "/graphql")["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(securityHeaders(hardeningConfigFrom({}), "/", "/graphql")["strict-transport-security"]).toBeUndefined();
  });

  it("RAMME_BATCH_LIMIT allows that many operations in a batch, and refuses more", async () => {
    const batching = createRammeYoga({ hardening: hardeningConfigFrom({ RAMME_BATCH_LIMIT: "2" }) });
    const two = await send(batching, post([{ query: "{ __typename }" }, { query: "{ __typename }" }]));
    expect(two.body).toEqual([{ data: { __typename: "Query" } }, { data: { __typename: "Query" } }]);
    const three = await send(batching, post([{ query: "{ __typename }" }, { query: "{ __typename }" }, { query: "{ __typename }" }]));
    expect(three.status).toBe(413);
    expect(three.body.errors?.[0]?.message).toBe("Batching is limited to 2 operations per request.");
  });
});
