/**
 * How long single heavy requests hold the server's event loop (issue 15): starts the real server on
 * the benchmark's 5,000-line dataset, then for each heavy operation polls /healthz back to back (each
 * probe on a connection of its own, as a load balancer's) while the operation runs, and prints the
 * longest probe wait beside the quiet server's longest wait from the same run.
 * `node scripts/loop-stalls.mjs [--runs N] [--only REGEX]`. Figures, not a test: nothing is asserted.
 */
import http from "node:http";
import os from "node:os";
import { startServer } from "../../tests/support/serverProcess.ts";
import { createDatabase } from "./dataset.ts";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}
const runs = Number(option("--runs") ?? 3);
const only = option("--only") ? new RegExp(option("--only")!) : null;

const BASELINE = "bench-grundlag-5000";
const database = await createDatabase("sqlite", { lines: 5_000, themes: 40, scenarios: 0, growth: [] }, "");
const server = await startServer({ databaseUrl: database.databaseUrl, env: { RAMME_INTROSPECTION: "off" } });

function post(body: unknown): Promise<{ status: number; json: any }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${server.baseUrl}/graphql`,
      { method: "POST", agent: false, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: any = null;
          try {
            json = JSON.parse(text);
          } catch {
            json = { text: text.slice(0, 200) };
          }
          resolve({ status: response.statusCode ?? 0, json });
        });
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

function healthz(): Promise<void> {
  return new Promise((resolve) => {
    const request = http.get(`${server.baseUrl}/healthz`, { agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve());
    });
    request.on("error", () => resolve());
  });
}

/** The longest /healthz wait while `work` runs. */
async function watched(work: () => Promise<unknown>): Promise<number> {
  let running = true;
  let longest = 0;
  const poll = (async () => {
    while (running) {
      const started = performance.now();
      await healthz();
      longest = Math.max(longest, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  try {
    await work();
  } finally {
    running = false;
    await poll;
  }
  return longest;
}

async function must(body: unknown): Promise<any> {
  const answer = await post(body);
  if (answer.json?.errors || !answer.json?.data) throw new Error(`failed (${answer.status}): ${JSON.stringify(answer.json).slice(0, 500)}`);
  return answer.json.data;
}

try {
  const whatIfs: string[] = [];
  for (let index = 1; index <= 3; index += 1) {
    const data = await must({ query: `mutation { forkScenario(input: { sourceId: "${BASELINE}", name: "Hvis ${index}" }) { ... on ScenarioEdit { scenario { key } } } }` });
    whatIfs.push(data.forkScenario.scenario.key);
  }
  const exportScenario = (format: string) => ({
    query: `query($id: ID!) { exportScenario(scenarioId: $id, format: ${format}) { __typename ... on ExportFile { base64 byteLength } } }`,
    variables: { id: whatIfs[0] },
  });
  const csv = Buffer.from((await must(exportScenario("CSV"))).exportScenario.base64, "base64").toString("utf8");
  const grid = `query($id: ID!) { scenario(id: $id) { id key version lines { initiative { key title isReserve origin theme { key } sources { section paragraph initiativeNumber sourceDocument { title published } } } amounts { year amount } } yearTotals { year allocated } } themes { key title position } }`;
  const version = async (key: string) => (await must({ query: `query($id: ID!) { scenario(id: $id) { version } }`, variables: { id: key } })).scenario.version as number;
  const operations: Array<{ name: string; body: () => Promise<unknown> }> = [
    { name: "quiet server (no operation, 300 ms)", body: async () => new Promise((resolve) => setTimeout(() => resolve(null), 300)) },
    { name: "grid query, 5,000 lines", body: async () => ({ query: grid, variables: { id: whatIfs[0] } }) },
    { name: "exportScenario XLSX, 5,000 lines", body: async () => exportScenario("XLSX") },
    { name: "exportScenario CSV, 5,000 lines", body: async () => exportScenario("CSV") },
    {
      name: "exportComparison XLSX, base + 2, 5,000 lines",
      body: async () => ({ query: `query($b: ID!, $o: [ID!]!) { exportComparison(baseId: $b, otherIds: $o, format: XLSX) { __typename ... on ExportFile { byteLength } } }`, variables: { b: whatIfs[0], o: whatIfs.slice(1) } }),
    },
    {
      name: "exportComparison CSV, base + 2, 5,000 lines",
      body: async () => ({ query: `query($b: ID!, $o: [ID!]!) { exportComparison(baseId: $b, otherIds: $o, format: CSV) { __typename ... on ExportFile { byteLength } } }`, variables: { b: whatIfs[0], o: whatIfs.slice(1) } }),
    },
    {
      name: `importScenarioCsv, 5,000 lines (${Math.round(csv.length / 1000)} kB)`,
      body: async () => ({
        query: `mutation($input: ImportScenarioCsvInput!) { importScenarioCsv(input: $input) { __typename } }`,
        variables: { input: { scenarioId: whatIfs[1], content: csv, expectedVersion: await version(whatIfs[1]!) } },
      }),
    },
    {
      name: "4 MB body: nodes(ids:) with ~190,000 IDs",
      body: async () => ({ query: `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, variables: { ids: Array.from({ length: 190_000 }, (_, index) => `S${index % 10_000}`) } }),
    },
  ];
  console.log(`${runs} runs each; longest /healthz wait in ms (load ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores)`);
  console.log("| operation | max | per run | outcome |");
  for (const operation of operations) {
    if (only && !only.test(operation.name)) continue;
    const waits: number[] = [];
    let outcome = "";
    for (let run = 0; run < runs; run += 1) {
      const body = await operation.body();
      waits.push(
        await watched(async () => {
          if (body === null) return;
          const answer = await post(body);
          const data = answer.json?.data;
          const first = data ? Object.values(data)[0] : null;
          outcome = answer.json?.errors ? `${answer.status} ${answer.json.errors[0]?.extensions?.code ?? answer.json.errors[0]?.message}` : `${answer.status} ${(first as any)?.__typename ?? "data"}`;
        }),
      );
    }
    console.log(`| ${operation.name} | ${Math.round(Math.max(...waits))} | ${waits.map((wait) => Math.round(wait)).join(", ")} | ${outcome} |`);
  }
} finally {
  await server.stop();
  await database.drop();
}
