/**
 * The rate limit: requests per caller and window (a person by user, a token by token, anyone else
 * by address). Over it, HTTP 429 with Retry-After and RATE_LIMITED, and nothing is run or stored;
 * another caller is unaffected; the next window lets the caller in again. With Redis, instances
 * share the counts, and count alone while Redis is away.
 */
import { createApiToken } from "@ramme/server/auth/apiTokens.ts";
import { createUser } from "@ramme/server/auth/accounts.ts";
import { createSession } from "@ramme/server/auth/sessions.ts";
import { hardeningConfigFrom } from "@ramme/server/hardening.ts";
import { clientAddress, closeRateLimitStore, createLimiter, RATE_LIMITED, rateLimitRedis } from "@ramme/server/rateLimit.ts";
import { createRammeYoga } from "@ramme/server/yoga.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../support/graphql.ts";
import { redisAvailable, startRedis } from "../support/redisProcess.ts";
import { fingerprint } from "../support/scenarios.ts";
import { postAs, type Auth } from "../support/asCaller.ts";

const BUDGET = 3;
/** A window long enough that the test's requests fall in one, unless it waits for the next on purpose. */
const limited = (windowSeconds = 60) => createRammeYoga({ auth: "accounts", hardening: { ...hardeningConfigFrom({}), rateLimit: { requests: BUDGET, windowSeconds } } });

const FORK = `mutation($input: ForkScenarioInput!) { forkScenario(input: $input) { __typename } }`;

async function fork(server: ReturnType<typeof limited>, name: string, auth: { cookie?: string; bearer?: string }) {
  const response = await postAs(server, { query: FORK, variables: { input: { sourceId: "aftale-2024", name } } }, auth);
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let anna = "";
let bo = "";
let annaId = "";
beforeAll(async () => {
  const organisation = { organisationKey: "fm", organisationName: "Finansministeriet", organisationKind: "SECRETARIAT" as const };
  const annaPerson = await createUser({ email: "anna@fm.dk", password: "et langt kodeord her", displayName: "Anna Holm", role: "EDITOR", ...organisation });
  const boPerson = await createUser({ email: "bo@fm.dk", password: "et andet langt kodeord", displayName: "Bo Nielsen", role: "EDITOR", ...organisation });
  annaId = annaPerson.id;
  anna = `ramme_session=${(await createSession(annaPerson.id)).token}`;
  bo = `ramme_session=${(await createSession(boPerson.id)).token}`;
});

describe("one budget per caller", () => {
  it("over the budget a person gets 429, Retry-After and RATE_LIMITED, and nothing is stored; another person and the person's token are unaffected; the next window lets them in", async () => {
    const server = limited(3);
    for (let index = 0; index < BUDGET; index += 1) {
      expect((await fork(server, `Anna ${index}`, { cookie: anna })).body.data.forkScenario.__typename).toBe("ScenarioEdit");
    }
    const before = await fingerprint();
    const refused = await fork(server, "Anna for meget", { cookie: anna });
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(refused.body.data ?? null).toBeNull();
    expect(refused.body.errors[0].extensions.code).toBe(RATE_LIMITED);
    expect(refused.body.errors[0].message).toMatch(/^Too many requests: at most 3 in 3 s per user, API token or address\. Try again in \d+ s\.$/);
    expect(await fingerprint()).toBe(before);
    expect(await db.scenario.count({ where: { name: "Anna for meget" } })).toBe(0);

    // Bo has a budget of his own, and so has Anna's API token (a client app is not her browser).
    expect((await fork(server, "Bo", { cookie: bo })).body.data.forkScenario.__typename).toBe("ScenarioEdit");
    const { secret } = await createApiToken(annaId, "Regneark", "READ_WRITE");
    expect((await fork(server, "Annas regneark", { bearer: secret })).status).toBe(200);

    // All her tabs count together: a second session of Anna's is refused too.
    const annaElsewhere = `ramme_session=${(await createSession(annaId)).token}`;
    expect((await fork(server, "Anna i en anden fane", { cookie: annaElsewhere })).status).toBe(429);

    await sleep(Number(refused.retryAfter) * 1000);
    expect((await fork(server, "Anna igen", { cookie: anna })).body.data.forkScenario.__typename).toBe("ScenarioEdit");
  });

  it("every counted answer says the budget, what is left of it and when it refills (RateLimit-*), the refusal too", async () => {
    const server = limited(60);
    const headersOf = (response: Response) => ["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"].map((name) => response.headers.get(name));
    const remaining: (string | null)[] = [];
    for (let index = 0; index <= BUDGET; index += 1) {
      const response = await postAs(server, { query: "{ me { mode } }" }, { cookie: bo });
      const [limit, left, reset] = headersOf(response);
      expect(limit).toBe(String(BUDGET));
      expect(Number(reset)).toBeGreaterThanOrEqual(index === BUDGET ? 1 : 0);
      expect(Number(reset)).toBeLessThanOrEqual(60);
      remaining.push(left ?? null);
      await response.body?.cancel();
    }
    expect(remaining).toEqual(["2", "1", "0", "0"]);
  });

  it("callers who are not signed in share their address's budget: sign-in attempts are limited too", async () => {
    const server = limited();
    const attempt = () =>
      server.fetch("http://ramme.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `mutation { signIn(input: { email: "anna@fm.dk", password: "gæt" }) { __typename } }` }),
      });
    const statuses = [];
    for (let index = 0; index <= BUDGET; index += 1) statuses.push((await attempt()).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("behind a trusted proxy, callers not signed in are counted by the address the proxy saw, which a forged header cannot change", async () => {
    const behindProxy = createRammeYoga({ auth: "accounts", hardening: { ...hardeningConfigFrom({}), rateLimit: { requests: BUDGET, windowSeconds: 60, trustedProxyHops: 1 } } });
    const attempt = (forwardedFor: string) =>
      behindProxy.fetch("http://ramme.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
        body: JSON.stringify({ query: `mutation { signIn(input: { email: "anna@fm.dk", password: "gæt" }) { __typename } }` }),
      });
    // The same client, each time claiming another origin in front of what the proxy appended.
    const statuses = [];
    for (let index = 0; index <= BUDGET; index += 1) statuses.push((await attempt(`10.0.0.${index}, 203.0.113.7`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    // Another client behind the same proxy has its own budget.
    expect((await attempt("198.51.100.23")).status).toBe(200);
  });

  it("a live stream over the budget is refused the same way", async () => {
    const server = limited();
    for (let index = 0; index < BUDGET; index += 1) await fork(server, `Før strømmen ${index}`, { cookie: anna });
    const response = await server.fetch("http://ramme.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", cookie: anna },
      body: JSON.stringify({ query: `subscription { scenarioChanged(scenarioId: "aftale-2024") { __typename } }` }),
    });
    expect(response.status).toBe(429);
    expect((await response.json()).errors[0].extensions.code).toBe(RATE_LIMITED);
  });
});

describe.skipIf(!redisAvailable())("several instances with Redis", () => {
  afterAll(() => closeRateLimitStore());

  it("share one count, and each counts alone while Redis is away instead of failing requests", async () => {
    const redis = await startRedis();
    try {
      const config = { requests: BUDGET, windowSeconds: 60 };
      const [first, second] = [createLimiter(config, redis.url), createLimiter(config, redis.url)];
      // Until the connection is up, each counts in memory (as an instance does in its first moments).
      await expect.poll(() => rateLimitRedis()?.status).toBe("ready");
      await first.consume("user:anna");
      await second.consume("user:anna");
      await first.consume("user:anna");
      await expect(second.consume("user:anna")).rejects.toMatchObject({ consumedPoints: BUDGET + 1 });

      await redis.stop();
      // In memory now: this instance has counted none of Bo's requests yet.
      await expect(first.consume("user:bo")).resolves.toMatchObject({ consumedPoints: 1 });
    } finally {
      await redis.stop().catch(() => undefined);
    }
  });
});

describe("the address a caller not signed in is counted by", () => {
  it("is the socket's without trusted proxies, and the outermost trusted proxy's entry with them", () => {
    expect(clientAddress("192.0.2.1", "203.0.113.7", 0)).toBe("192.0.2.1");
    expect(clientAddress("192.0.2.1", null, 1)).toBe("192.0.2.1");
    expect(clientAddress("192.0.2.1", "forged, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("192.0.2.1", "forged, 203.0.113.7, 10.1.1.1", 2)).toBe("203.0.113.7");
    // Fewer entries than proxies: the request did not come through them all, so the header is not believed.
    expect(clientAddress("192.0.2.1", "203.0.113.7", 2)).toBe("192.0.2.1");
  });
});
