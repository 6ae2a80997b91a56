/**
 * A query document's second run is compiled by graphql-jit (server/src/yoga.ts): the answer and the
 * execution budget must be those of yoga's own executor.
 */
import { hardeningConfigFrom } from "@ramme/server/hardening.ts";
import { RESPONSE_TOO_LARGE } from "@ramme/server/executionBudget.ts";
import { createRammeYoga } from "@ramme/server/yoga.ts";
import { describe, expect, it } from "vitest";

const compare = `{ compareScenarios(baseId: "regeringens-udspil-2024", otherIds: ["aftale-2024"]) { ... on ScenarioComparison { lines { initiativeKey versus { status cells { year base other difference } } } } } }`;

/** One yoga (one parse cache), so the same text is the same document and its second run is compiled. */
function server(env: Record<string, string>) {
  const yoga = createRammeYoga({ hardening: hardeningConfigFrom(env) });
  return async (query: string, variables?: Record<string, unknown>) => {
    const response = await yoga.fetch("http://ramme.test/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: Array<{ extensions?: Record<string, unknown> }> } };
  };
}

describe("queries compiled on their second run", () => {
  it("answer exactly as the first, uncompiled run did", async () => {
    const ask = server({});
    const first = await ask(compare);
    const second = await ask(compare);
    const third = await ask(compare);
    expect(first.body.data.compareScenarios.lines.length).toBeGreaterThan(20);
    expect(second.body).toEqual(first.body);
    expect(third.body).toEqual(first.body);
  });

  it("are still stopped by the response cap", async () => {
    // (The time budget is not tested here: whether a 1 ms timer fires before a small warm query ends is a matter of timing.)
    const capped = server({ RAMME_MAX_RESPONSE_BYTES: "2000" });
    for (let run = 0; run < 3; run += 1) {
      const answer = await capped(compare);
      expect(answer.body.data ?? null).toBeNull();
      expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: RESPONSE_TOO_LARGE, limit: 2000 });
    }
  });

  it("a variable of the wrong type is refused with 400 and BAD_USER_INPUT however often the document ran", async () => {
    const ask = server({});
    const source = `query($id: ID!) { scenario(id: $id) { key } }`;
    expect((await ask(source, { id: "aftale-2024" })).body.data.scenario.key).toBe("aftale-2024");
    expect((await ask(source, { id: "aftale-2024" })).body.data.scenario.key).toBe("aftale-2024");
    const wrong = await ask(source, { id: { not: "an id" } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
