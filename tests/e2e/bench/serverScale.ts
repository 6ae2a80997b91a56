/**
 * The API at the scale of a large scenario, over HTTP from one client, each figure beside the API
 * floor (`{ __typename }` from the same server in the same run): the grid query of the 25-line
 * agreement and of a 5,025-line what-if, a single-cell edit, a paste of 1,000 cells and a comparison
 * of two 5,025-line what-ifs. A first look for the benchmark issue; not its full bench.
 */
import type { RunningApp } from "../support/app.ts";
import { prepareScenario } from "./gridEdit.ts";

export interface Timed {
  name: string;
  samples: number[];
}

export async function post(app: RunningApp, query: string, variables: object = {}): Promise<{ ms: number; data: any }> {
  const start = performance.now();
  const response = await fetch(`${app.baseUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  const json = (await response.json()) as { data?: any; errors?: unknown };
  const ms = performance.now() - start;
  if (!json.data || json.errors) throw new Error(`GraphQL failed: ${JSON.stringify(json.errors)}`);
  return { ms, data: json.data };
}

export const GRID = `query($id: ID!) { scenario(id: $id) { version lines { initiative { key title } amounts { year amount } total } yearTotals { year allocated frame headroom } } }`;
export const EDIT = `mutation($input: SetAllocationInput!) { setAllocation(input: $input) { __typename ... on ScenarioEdit { version yearTotals { year allocated headroom } } } }`;
export const PASTE = `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { __typename ... on ScenarioEdit { version yearTotals { year allocated headroom } } } }`;
export const COMPARE = `query($b: ID!, $o: [ID!]!) { compareScenarios(baseId: $b, otherIds: $o) { ... on ScenarioComparison {
  lines { initiativeKey versus { status cells { year other difference } } } differences { counts { added removed changed } years { year net } } } } }`;

export async function measureServerScale(app: RunningApp, runs: number): Promise<Timed[]> {
  const large = await prepareScenario(app, "Skala A", 5000);
  const other = await prepareScenario(app, "Skala B", 5000);
  const globalId = (key: string) => Buffer.from(`Scenario:${key}`).toString("base64");
  const results: Timed[] = [
    { name: "API floor: { __typename }", samples: [] },
    { name: "grid query, 25 lines", samples: [] },
    { name: "grid query, 5,025 lines", samples: [] },
    { name: "single-cell edit, 5,025 lines", samples: [] },
    { name: "paste of 1,000 cells, 5,025 lines", samples: [] },
    { name: "compare two 5,025-line what-ifs", samples: [] },
  ];
  let version = 1;
  for (let run = 0; run <= runs; run += 1) {
    const keep = run > 0; // run 0 warms up
    const sample = (index: number, ms: number) => keep && results[index]!.samples.push(ms);
    sample(0, (await post(app, "{ __typename }")).ms);
    sample(1, (await post(app, GRID, { id: globalId("aftale-2024") })).ms);
    sample(2, (await post(app, GRID, { id: globalId(large) })).ms);
    const edit = await post(app, EDIT, { input: { scenarioId: large, initiativeId: "vmk", year: 2024, amount: `${(run % 9) + 1}`, expectedVersion: version } });
    version = edit.data.setAllocation.version;
    sample(3, edit.ms);
    const cells = Array.from({ length: 250 }, (_, line) => [2024, 2025, 2026, 2027].map((year) => ({ initiativeId: `bench-line-${line}`, year, amount: `${(run % 5) + 1}.${line % 10}` }))).flat();
    const paste = await post(app, PASTE, { input: { scenarioId: large, cells, expectedVersion: version } });
    version = paste.data.setAllocations.version;
    sample(4, paste.ms);
    sample(5, (await post(app, COMPARE, { b: large, o: [other] })).ms);
  }
  return results;
}
