/**
 * The insight queries (issue 8) against the API floor and the two baselines' grids, in process
 * (yoga.fetch) on the database DATABASE_URL names, seeded: `npx pnpm@10.34.8 --filter @ramme/server
 * run bench:insight`. Prints medians of 7 rounds of 10 requests each, as ratios, since these
 * machines are shared and noisy. Not a test: it asserts nothing but that every answer has no error.
 */
import { yoga } from "../yoga.ts";

const queries: Record<string, string> = {
  floor: "{ __typename }",
  grids: "{ scenarios { nodes { key lines { initiative { title } amounts { year amount } total } yearTotals { year allocated headroom } } } }",
  consistency: '{ consistencyReport(scenarioId: "aftale-2024") { __typename ... on ConsistencyReport { checks { status difference } } } }',
  coverage: '{ recommendationCoverage(scenarioIds: ["regeringens-udspil-2024", "aftale-2024"]) { __typename ... on RecommendationCoverageComparison { scenarios { fundedCount summary } } } }',
  lineage: "{ scenarioLineage { __typename ... on ScenarioLineage { nodes { key summary } } } }",
};
const WARM_UP = 5;
const ROUNDS = 7;
const PER_ROUND = 10;

async function ask(query: string): Promise<void> {
  const response = await yoga.fetch("http://localhost/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
}

const samples = new Map<string, number[]>(Object.keys(queries).map((name) => [name, []]));
for (const query of Object.values(queries)) for (let i = 0; i < WARM_UP; i += 1) await ask(query);
// Rounds interleave the queries, so a noisy moment on the machine hits all of them alike.
for (let round = 0; round < ROUNDS; round += 1) {
  for (const [name, query] of Object.entries(queries)) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < PER_ROUND; i += 1) await ask(query);
    samples.get(name)!.push(Number(process.hrtime.bigint() - start) / 1e6 / PER_ROUND);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const floor = median(samples.get("floor")!);
const grids = median(samples.get("grids")!);
for (const [name, values] of samples) {
  console.log(
    `${name.padEnd(12)} median ${median(values).toFixed(2)} ms   ×floor ${(median(values) / floor).toFixed(1)}   ×grids ${(median(values) / grids).toFixed(2)}   (min ${Math.min(...values).toFixed(2)}, max ${Math.max(...values).toFixed(2)})`,
  );
}
