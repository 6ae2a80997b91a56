/**
 * The server-at-scale figures alone (serverScale.ts, no browser): starts the real server on a fresh
 * SQLite file, measures, prints medians and p95/p99 as ratios against `{ __typename }` from the same
 * run, beside the data floor (the grid's rows read with raw better-sqlite3 and serialised to JSON).
 * `node scripts/bench-server.mjs [--runs N] [--profile FILE.cpuprofile]`; with --profile the server
 * records a CPU profile (cpuProfile.mjs) and writes it to FILE when it stops.
 */
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startServer } from "../../support/serverProcess.ts";
import { migrateDatabase, type RunningApp } from "../support/app.ts";
import { measureServerScale } from "./serverScale.ts";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const runs = Number(option("--runs") ?? 15);
const profile = option("--profile");

const quantile = (samples: number[], q: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

/** The 5,025-line grid's rows, read and serialised as plainly as possible: what no API can beat. */
function dataFloor(file: string, scenarioId: string, times: number): number[] {
  const db = new Database(file, { readonly: true });
  const read = db.prepare(`SELECT l."initiativeId", i."title", a."year", a."amount" FROM "ScenarioLine" l
    JOIN "Initiative" i ON i."id" = l."initiativeId" JOIN "Allocation" a ON a."scenarioId" = l."scenarioId" AND a."initiativeId" = l."initiativeId"
    WHERE l."scenarioId" = ? ORDER BY l."position", a."year"`).safeIntegers(true);
  const samples: number[] = [];
  for (let run = 0; run <= times; run += 1) {
    const start = performance.now();
    const rows = read.all(scenarioId) as Array<{ initiativeId: string; title: string; year: bigint; amount: bigint }>;
    JSON.stringify(rows.map((row) => ({ key: row.initiativeId, title: row.title, year: Number(row.year), amount: String(row.amount) })));
    if (run > 0) samples.push(performance.now() - start);
  }
  db.close();
  return samples;
}

const scratch = mkdtempSync(path.join(tmpdir(), "ramme-bench-"));
const databaseFile = path.join(scratch, "ramme.db");
migrateDatabase(databaseFile);
const server = await startServer({
  databaseUrl: `file:${databaseFile}`,
  env: profile ? { NODE_OPTIONS: `--import ${path.join(import.meta.dirname, "cpuProfile.mjs")}`, RAMME_CPU_PROFILE: path.resolve(profile) } : {},
});
const app: RunningApp = { ...server, databaseFile, stop: () => server.stop() };
try {
  const results = await measureServerScale(app, runs);
  const large = new Database(app.databaseFile, { readonly: true }).prepare(`SELECT id FROM "Scenario" WHERE name = 'Skala A'`).get() as { id: string };
  results.push({ name: "data floor: 5,025-line rows, raw better-sqlite3 + JSON", samples: dataFloor(app.databaseFile, large.id, runs) });
  const floor = quantile(results[0]!.samples, 0.5);
  console.log(`${runs} runs; ms; ratio = median ÷ API floor median`);
  console.log("| measure | median | p95 | p99 | max | ratio |");
  for (const { name, samples } of results) {
    const median = quantile(samples, 0.5);
    console.log(`| ${name} | ${median.toFixed(1)} | ${quantile(samples, 0.95).toFixed(1)} | ${quantile(samples, 0.99).toFixed(1)} | ${Math.max(...samples).toFixed(1)} | ${(median / floor).toFixed(1)} |`);
  }
} finally {
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });
}
