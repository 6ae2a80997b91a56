/**
 * The budget while an operation runs (server/src/executionBudget.ts): a query past its time is
 * stopped with EXECUTION_TIME_EXCEEDED, an answer over the size cap is replaced by
 * RESPONSE_TOO_LARGE, and large operations beyond the gate's room are refused SERVER_BUSY.
 */
import { DEFAULT_BUDGET, hardeningConfigFrom } from "@ramme/server/hardening.ts";
import { EXECUTION_TIME_EXCEEDED, executionBudgetPlugin, exceedsBytes, exceedsBytesPaced, Gate, paceListFields, RESPONSE_TOO_LARGE, SERVER_BUSY } from "@ramme/server/executionBudget.ts";
import { buildSchema, execute, parse, type ExecutionArgs, type GraphQLObjectType } from "graphql";
import { createRammeYoga } from "@ramme/server/yoga.ts";
import { describe, expect, it } from "vitest";
import { fingerprint } from "../support/scenarios.ts";

const compare = `{ compareScenarios(baseId: "regeringens-udspil-2024", otherIds: ["aftale-2024"]) { ... on ScenarioComparison { lines { initiativeKey versus { status cells { year base other difference } } } } } }`;

async function ask(env: Record<string, string>, query: string) {
  const yoga = createRammeYoga({ hardening: hardeningConfigFrom(env) });
  const response = await yoga.fetch("http://ramme.test/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

describe("time", () => {
  it("a query running past RAMME_MAX_EXECUTION_MS is stopped with EXECUTION_TIME_EXCEEDED and the limit", async () => {
    const answer = await ask({ RAMME_MAX_EXECUTION_MS: "1" }, compare);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: EXECUTION_TIME_EXCEEDED, limit: 1 });
    // The same within the default budget is answered.
    expect((await ask({}, compare)).data.compareScenarios.lines.length).toBeGreaterThan(20);
  });

  it("a mutation is never cut short (it could have stored its change): it completes and says so", async () => {
    const before = await fingerprint();
    const answer = await ask({ RAMME_MAX_EXECUTION_MS: "1" }, `mutation { forkScenario(input: { sourceId: "aftale-2024", name: "Budget" }) { __typename } }`);
    expect(answer).toEqual({ data: { forkScenario: { __typename: "ScenarioEdit" } } });
    expect(await fingerprint()).not.toBe(before);
  });
});

describe("size", () => {
  it("an answer over RAMME_MAX_RESPONSE_BYTES is replaced by RESPONSE_TOO_LARGE with the limit", async () => {
    const answer = await ask({ RAMME_MAX_RESPONSE_BYTES: "2000" }, compare);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: RESPONSE_TOO_LARGE, limit: 2000 });
    expect((await ask({ RAMME_MAX_RESPONSE_BYTES: "2000" }, `{ __typename }`)).data).toEqual({ __typename: "Query" });
  });

  it("an answer is measured while it is built: once over the cap, the rest is never resolved", async () => {
    // 200 items, each with 100 children: some 160 kB as JSON. The cap of 10,000 bytes is passed
    // after a dozen items' children; measured only once the answer was whole, all 200 would be built.
    const schema = paceListFields(buildSchema(`type Child { n: Int! } type Item { n: Int! children: [Child!]! } type Query { items: [Item!]! }`));
    let childLists = 0;
    const item = schema.getType("Item") as GraphQLObjectType;
    const children = item.getFields().children!;
    const pacedChildren = children.resolve!;
    children.resolve = (source, args, context, info) => {
      childLists += 1;
      return pacedChildren({ children: Array.from({ length: 100 }, (_, n) => ({ n })) }, args, context, info);
    };
    const items = schema.getQueryType()!.getFields().items!;
    const pacedItems = items.resolve!;
    items.resolve = (source, args, context, info) => pacedItems({ items: Array.from({ length: 200 }, (_, n) => ({ n })) }, args, context, info);
    // The plugin as the server's executor runs it: it wraps `execute` for the operation.
    const document = parse("{ items { n children { n } } }");
    let budgeted: typeof execute = execute;
    const plugin = executionBudgetPlugin({ ...DEFAULT_BUDGET, maxResponseBytes: 10_000, maxLargeOperations: 0 }) as { onExecute: (payload: { args: ExecutionArgs; executeFn: typeof execute; setExecuteFn: (fn: typeof execute) => void }) => void };
    const args: ExecutionArgs = { schema, document, contextValue: {} };
    plugin.onExecute({ args, executeFn: execute, setExecuteFn: (fn) => (budgeted = fn) });
    const answer = (await budgeted(args)) as { data?: unknown; errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> };
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: RESPONSE_TOO_LARGE, limit: 10_000 });
    expect(childLists).toBeGreaterThan(0);
    expect(childLists).toBeLessThan(200 / 2);
  });

  it("the measure stops as soon as it is over, and errs above the serialised size, never below", () => {
    const value = { lines: Array.from({ length: 1000 }, (_, index) => ({ key: `line-${index}`, amount: "12.5", ok: true })) };
    const serialised = JSON.stringify(value).length;
    expect(exceedsBytes(value, serialised - 1)).toBe(true);
    expect(exceedsBytes(value, serialised * 2)).toBe(false);
  });

  it("the measure taken in turns gives the same answers, and the event loop runs other work while it walks a large answer", async () => {
    const value = { lines: Array.from({ length: 200_000 }, (_, index) => ({ key: `line-${index}`, amounts: [{ year: 2024, amount: "12.5" }] })) };
    const serialised = JSON.stringify(value).length;
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    try {
      expect(await exceedsBytesPaced(value, serialised * 2)).toBe(false);
      expect(await exceedsBytesPaced(value, serialised - 1)).toBe(true);
      expect(await exceedsBytesPaced(value, 10)).toBe(exceedsBytes(value, 10));
    } finally {
      clearInterval(ticker);
    }
    expect(turns).toBeGreaterThan(0);
  });
});

describe("taking turns (server/src/cooperative.ts)", () => {
  it("a long list is answered in full and in order, and while it is completed the event loop runs other work", async () => {
    const schema = paceListFields(buildSchema(`type Item { n: Int! slow: Int! } type Query { items: [Item!]! }`));
    // Without a resolver a field reads its source's property: the wrapper calls that, with the source given below.
    let busy = 0;
    // Each item's field holds the loop for a millisecond: 300 of them are far more than one turn (25 ms).
    const item = schema.getType("Item") as GraphQLObjectType;
    item.getFields().slow!.resolve = (source: { n: number }) => {
      const until = performance.now() + 1;
      while (performance.now() < until) busy += 1;
      return source.n;
    };
    // The list resolver wrapped by paceListFields calls this one.
    const wrapped = schema.getQueryType()!.getFields().items!;
    const original = wrapped.resolve!;
    wrapped.resolve = (source, args, context, info) => original({ items: Array.from({ length: 300 }, (_, n) => ({ n })) }, args, context, info);
    let otherWork = 0;
    const ticker = setInterval(() => (otherWork += 1), 0);
    const result = await execute({ schema, document: parse(`{ items { n slow } }`) });
    clearInterval(ticker);
    expect(result.errors).toBeUndefined();
    expect((result.data as { items: Array<{ n: number; slow: number }> }).items).toEqual(Array.from({ length: 300 }, (_, n) => ({ n, slow: n })));
    expect(busy).toBeGreaterThan(0);
    // Timers fired between the turns: without them the interval could not run until the list was done.
    expect(otherWork).toBeGreaterThan(2);
  });
});

describe("concurrency", () => {
  it("large operations beyond the running ones and the queue are refused SERVER_BUSY; the others are answered", async () => {
    const yoga = createRammeYoga({ hardening: hardeningConfigFrom({ RAMME_LARGE_OPERATION_COST: "1000", RAMME_MAX_LARGE_OPERATIONS: "1", RAMME_LARGE_OPERATION_QUEUE: "1" }) });
    const send = async (): Promise<{ errors?: Array<{ extensions?: { code?: string } }> }> => {
      const response = await yoga.fetch("http://ramme.test/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: compare }) });
      return response.json();
    };
    const answers = await Promise.all([send(), send(), send(), send()]);
    const codes = answers.map((answer) => answer.errors?.[0]?.extensions?.code ?? "answered");
    expect(codes.filter((code) => code === "answered")).toHaveLength(2);
    expect(codes.filter((code) => code === SERVER_BUSY)).toHaveLength(2);
  });

  it("the gate hands a slot to the next in line, and refuses beyond the queue", async () => {
    const gate = new Gate(1, 1);
    expect(await gate.acquire()).toBe(true);
    let second = false;
    const waiting = gate.acquire().then((ok) => (second = ok));
    expect(await gate.acquire()).toBe(false);
    expect(second).toBe(false);
    gate.release();
    await waiting;
    expect(second).toBe(true);
  });

  it("the defaults are documented ones", () => {
    expect(DEFAULT_BUDGET).toEqual({ maxExecutionMs: 20_000, maxResponseBytes: 64_000_000, largeOperationCost: 10_000_000, maxLargeOperations: 2, largeOperationQueue: 8 });
  });
});
