/**
 * `pnpm bench [--lines 5000] [--themes 40] [--scenarios 20] [--runs 7] [--growth 100,1000,5000,20000]
 * [--window-ms 2000] [--smoke] [--postgres | --no-postgres] [--no-peer] [--out bench/results]`
 *
 * Builds the dataset on SQLite (and on PostgreSQL when it answers), runs every measurement against a
 * real server process, and writes the results. Exits non-zero only when something broke (an error,
 * a GraphQL error), never because a figure missed its target.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { buildServer, repoRoot, startServer } from "../../tests/support/serverProcess.ts";
import { createDatabase, forkWhatIfs, postgresAnswers, type WhatIf } from "./dataset.ts";
import { measure, type Plan } from "./measure.ts";
import { appendHistory } from "./history.ts";
import { machine, targetsTable, writeReport, type DialectResult, type Results } from "./report.ts";
import type { Dialect } from "./sql.ts";

const { values: flags } = parseArgs({
  args: process.argv.slice(2),
  options: {
    lines: { type: "string" },
    themes: { type: "string" },
    scenarios: { type: "string" },
    runs: { type: "string" },
    growth: { type: "string" },
    "window-ms": { type: "string" },
    smoke: { type: "boolean", default: false },
    postgres: { type: "boolean" },
    "no-postgres": { type: "boolean", default: false },
    "no-peer": { type: "boolean", default: false },
    out: { type: "string" },
  },
});

const smoke = flags.smoke;
const number = (text: string | undefined, fallback: number) => {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`expected a whole number, got ${JSON.stringify(text)}`);
  return value;
};
const lines = number(flags.lines, smoke ? 100 : 5000);
const themes = number(flags.themes, 40);
const scenarios = Math.max(2, number(flags.scenarios, smoke ? 3 : 20));
const runs = number(flags.runs, smoke ? 2 : 7);
const growthSizes = (flags.growth ?? (smoke ? "100,400" : "100,1000,5000,20000")).split(",").map((size) => number(size.trim(), 0));
const plan: Plan = {
  runs,
  fastPerRun: smoke ? 10 : 30,
  windowMs: number(flags["window-ms"], smoke ? 250 : 2000),
  clients: 4,
  writers: Math.min(4, scenarios),
  subscribers: 100,
  fanoutEdits: smoke ? 3 : 3 * runs,
  peer: !smoke && !flags["no-peer"],
};
const outDirectory = path.resolve(process.cwd(), flags.out ?? path.join(repoRoot, "bench", "results"));
const postgresUrl = process.env.RAMME_BENCH_POSTGRES_URL ?? process.env.RAMME_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const started = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

const dialects: Dialect[] = ["sqlite"];
const notes: string[] = [];
if (flags["no-postgres"]) notes.push("PostgreSQL not measured (--no-postgres).");
else if (await postgresAnswers(postgresUrl)) dialects.push("postgres");
else if (flags.postgres) throw new Error(`--postgres: no PostgreSQL answers at ${postgresUrl} (set RAMME_BENCH_POSTGRES_URL)`);
else notes.push(`PostgreSQL not measured: nothing answered at ${postgresUrl.replace(/\/\/[^@]*@/, "//")}.`);

const results: Results = {
  startedAt: new Date().toISOString(),
  seconds: 0,
  command: `pnpm bench ${process.argv.slice(2).join(" ")}`.trim(),
  settings: { lines, themes, scenarios, growth: growthSizes, ...plan, databases: dialects },
  dialects: [],
  errors: [],
  notes,
};

buildServer();
for (const dialect of dialects) {
  log(`${dialect}: dataset (${lines} lines, ${themes} themes, growth ${growthSizes.join("/")})`);
  const result: DialectResult = { dialect, figures: {}, growth: [] };
  const database = await createDatabase(dialect, { lines, themes, scenarios, growth: growthSizes }, postgresUrl);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    // What production runs: the compiled server (docs/operations.md), not src/ through tsx.
    server = await startServer({ databaseUrl: database.databaseUrl, compiled: true });
    const endpoint = `${server.baseUrl}/graphql`;
    log(`${dialect}: forking ${scenarios} what-ifs through the API, with edits`);
    const whatIfs = await forkWhatIfs(endpoint, database, lines, scenarios, "Hvad nu hvis");
    const growth = new Map<number, WhatIf[]>();
    for (const size of growthSizes) growth.set(size, size === lines ? whatIfs.slice(0, 2) : await forkWhatIfs(endpoint, database, size, 2, `Vækst ${size}`));
    log(`${dialect}: measuring`);
    const measured = await measure(server, database, whatIfs, growth, plan, log);
    result.figures = measured.figures;
    result.growth = measured.growth;
    results.errors.push(...measured.errors.map((error) => `${dialect}: ${error}`));
    if (measured.errors.length) results.errors.push(`${dialect}: server output (tail):\n${server.output().slice(-3000)}`);
  } catch (error) {
    results.errors.push(`${dialect}: ${(error as Error).stack ?? String(error)}${server ? `\n--- server output (tail) ---\n${server.output().slice(-3000)}` : ""}`);
    log(`${dialect}: failed: ${(error as Error).message}`);
  } finally {
    await server?.stop();
    await database.drop();
  }
  results.dialects.push(result);
}

results.seconds = (performance.now() - started) / 1000;
const written = writeReport(results, outDirectory);
console.log(`\n${targetsTable(results)}\n`);
log(`results: ${written.markdown} and ${path.basename(written.json)}`);
// A full run without errors is history (a smoke run measures tiny sizes; a broken run judges nothing).
if (!smoke && results.errors.length === 0) {
  const history = appendHistory(results, machine().commit, outDirectory);
  log(`history: ${history.json} and ${path.basename(history.svg)}`);
}
if (results.errors.length) {
  console.error(`\nThe bench broke (${results.errors.length} error(s)):\n${results.errors.map((error) => `- ${error}`).join("\n")}`);
  process.exitCode = 1;
}
