/**
 * The cost model (server/src/operationCost.ts, docs/api.md "The cost model"): every list field of
 * the schema has a size bound, nested lists multiply, an over-cost operation is refused before
 * anything runs with its estimate and the limit, and the web client's own operations fit.
 */
import { readFileSync } from "node:fs";
import { DEFAULT_LIMITS, hardeningConfigFrom, OPERATION_LIMIT } from "@ramme/server/hardening.ts";
import { documentCosts, HEAVY_FIELD_COST, listFieldsWithoutBound, MAX_HEAVY_FIELDS, SCALE } from "@ramme/server/operationCost.ts";
import { schema } from "@ramme/server/schema/index.ts";
import { MANIFEST_FILE } from "@ramme/server/trustedOperations.ts";
import { createRammeYoga } from "@ramme/server/yoga.ts";
import { describe, expect, it } from "vitest";
import { graphql, recordSql } from "../support/graphql.ts";
import { fingerprint } from "../support/scenarios.ts";

const costOf = (source: string): number => documentCosts(schema, source)[0]!.cost;

describe("every list is bounded and multiplies", () => {
  it("every list field of the schema has a size bound", () => {
    expect(listFieldsWithoutBound(schema)).toEqual([]);
  });

  it("a list multiplies what it selects by its bound, and a list inside it multiplies again", () => {
    expect(costOf(`{ themes { key } }`)).toBe(SCALE.themes * 2);
    expect(costOf(`{ themes { key initiatives { key } } }`)).toBe(SCALE.themes * (1 + 1 + SCALE.initiatives * 2));
    const deeper = costOf(`{ themes { initiatives { theme { initiatives { key } } } } }`);
    expect(deeper).toBeGreaterThan(SCALE.themes * SCALE.initiatives * SCALE.initiatives);
  });

  it("a connection counts its page: first as written, the largest page for a variable, Pothos' default without", () => {
    expect(costOf(`{ scenarios(first: 7) { nodes { key } } }`)).toBe(7 * (1 + 1 * 2));
    expect(costOf(`query($n: Int) { scenarios(first: $n) { nodes { key } } }`)).toBe(SCALE.page * 3);
    expect(costOf(`{ scenarios(first: 100000) { nodes { key } } }`)).toBe(SCALE.page * 3);
    expect(costOf(`{ scenarios { nodes { key } } }`)).toBe(SCALE.defaultPage * 3);
  });

  it("a fragment spread many times counts each time, and is counted once per type (linear time)", () => {
    const many = costOf(`{ themes { ${"...T ".repeat(50)} } } fragment T on Theme { key title }`);
    expect(many).toBe(SCALE.themes * (1 + 2 * 50));
  });

  it("on a union, the dearest member counts", () => {
    const union = costOf(`{ compareScenarios(baseId: "a", otherIds: ["b"]) { ... on ScenarioComparison { lines { initiativeKey } } ... on InvalidInputError { message } } }`);
    // compareScenarios is a heavy root field: its work, not in what it returns, is added once.
    expect(union).toBe(1 + SCALE.lines * 2 + HEAVY_FIELD_COST);
  });
});

describe("refused before execution", () => {
  const yoga = createRammeYoga({ hardening: hardeningConfigFrom({}) });

  it("the nesting that took the server down is refused with OPERATION_LIMIT_EXCEEDED, its estimate and the limit, and nothing runs", async () => {
    const before = await fingerprint();
    const query = `mutation { forkScenario(input: { sourceId: "aftale-2024", name: "Dyr" }) { ... on ScenarioEdit { scenario { lines { initiative { theme { initiatives { theme { initiatives { key } } } } } } } } } }`;
    const response = await yoga.fetch("http://ramme.test/graphql", { method: "POST", headers: { "content-type": "application/json", accept: "application/graphql-response+json" }, body: JSON.stringify({ query }) });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.data ?? null).toBeNull();
    const refusal = body.errors.find((error: { extensions?: { code?: string } }) => error.extensions?.code === OPERATION_LIMIT);
    expect(refusal.extensions.limit).toBe(DEFAULT_LIMITS.maxCost);
    expect(refusal.extensions.cost).toBe(costOf(query));
    expect(refusal.extensions.cost).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
    expect(await fingerprint()).toBe(before);
  });

  it("more heavy root fields than allowed (the 15 aliased exports that held the server) are refused, counted through aliases and fragments; two are answered", async () => {
    const post = async (query: string) => {
      const response = await yoga.fetch("http://ramme.test/graphql", { method: "POST", headers: { "content-type": "application/json", accept: "application/graphql-response+json" }, body: JSON.stringify({ query }) });
      return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string; heavyFields?: number; limit?: number } }> } };
    };
    const exportOf = (alias: string) => `${alias}: exportScenario(scenarioId: "aftale-2024", format: CSV) { ... on ExportFile { fileName } }`;
    const aliased = await post(`{ ${Array.from({ length: 15 }, (_, index) => exportOf(`e${index}`)).join(" ")} }`);
    expect(aliased.status).toBe(400);
    expect(aliased.body.errors?.[0]?.extensions).toMatchObject({ code: OPERATION_LIMIT, heavyFields: 15, limit: MAX_HEAVY_FIELDS });
    const throughFragments = await post(`query { ...A ...B } fragment A on Query { ${exportOf("a")} ${exportOf("b")} } fragment B on Query { ${exportOf("c")} }`);
    expect(throughFragments.body.errors?.[0]?.extensions).toMatchObject({ code: OPERATION_LIMIT, heavyFields: 3 });
    const two = await post(`{ ${exportOf("a")} ${exportOf("b")} }`);
    expect(two.body.errors).toBeUndefined();
    expect(two.body.data).toMatchObject({ a: { fileName: expect.any(String) }, b: { fileName: expect.any(String) } });
  });
});

describe("the web client's operations", () => {
  const manifest: Record<string, string> = JSON.parse(readFileSync(MANIFEST_FILE, "utf8"));
  const costs = Object.values(manifest).map((text) => ({ name: /^\w+ (\w+)/.exec(text)![1]!, cost: costOf(text) }));
  const largest = costs.reduce((a, b) => (b.cost > a.cost ? b : a));

  it("all fit under the limit; the largest is the one docs/api.md names, with its cost", () => {
    expect(largest.cost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
    const documented = readFileSync(new URL("../../docs/api.md", import.meta.url), "utf8");
    expect(documented).toContain(`\`${largest.name}\`, cost ${largest.cost.toLocaleString("en")}`);
  });
});

describe("limits come first", () => {
  const ids = (count: number) => Array.from({ length: count }, () => "aftale-2024");

  it.each([
    ["recommendationCoverage", `query($ids: [ID!]!) { recommendationCoverage(scenarioIds: $ids) { __typename ... on InvalidInputError { problems { field code } } } }`, "scenarioIds"],
    ["compareScenarios", `query($ids: [ID!]!) { compareScenarios(baseId: "aftale-2024", otherIds: $ids) { __typename ... on InvalidInputError { problems { field code } } } }`, "otherIds"],
    ["exportComparison", `query($ids: [ID!]!) { exportComparison(baseId: "aftale-2024", otherIds: $ids, format: CSV) { __typename ... on InvalidInputError { problems { field code } } } }`, "otherIds"],
  ])("%s with 100,000 repeated IDs is refused for its length alone, without reading the database", async (_name, source, field) => {
    let answer: Awaited<ReturnType<typeof graphql>> | undefined;
    const statements = await recordSql(async () => {
      answer = await graphql(source, { ids: ids(100_000) });
    });
    const result = Object.values(answer!.data ?? {})[0] as { __typename: string; problems: Array<{ field: string; code: string }> };
    // One problem, the length: not 100,000 "repeated" ones, and not a quadratic search for them first.
    expect(result).toEqual({ __typename: "InvalidInputError", problems: [{ field, code: "TOO_MANY_CELLS" }] });
    expect(statements).toEqual([]);
  });
});
