/**
 * What FULL costs against NORMAL (SQLite's `synchronous` in WAL mode) for single-cell edits:
 * `node scripts/bench-durability.mjs [--rounds N] [--edits N]`.
 *
 * Two measurements, each interleaved round by round and reported as FULL/NORMAL ratios (min,
 * median, max over the rounds; these machines are shared and noisy, absolute times are not
 * comparable between runs):
 * - commits: one-row transactions (an UPDATE and a history INSERT) through better-sqlite3 alone,
 *   the bare price of the fsync FULL adds to each commit;
 * - edits: sequential setAllocation requests over HTTP to two real servers, one started with
 *   RAMME_SQLITE_SYNCHRONOUS=FULL and one with NORMAL, on copies of the same seeded file: what a
 *   person typing into the grid would notice.
 */
import Database from "better-sqlite3";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gql } from "../../support/documents.ts";
import { queryOverHttp } from "../../support/graphqlHttp.ts";
import { migrateAndSeed, startServer, type ServerProcess } from "../../support/serverProcess.ts";

type Level = "FULL" | "NORMAL";
const LEVELS: Level[] = ["FULL", "NORMAL"];

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}
const rounds = option("rounds", 5);
const edits = option("edits", 100);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `min ${sorted[0]!.toFixed(2)}, median ${median(sorted).toFixed(2)}, max ${sorted.at(-1)!.toFixed(2)}`;
};

function commitsPerLevel(directory: string, level: Level, count: number): number {
  const file = path.join(directory, `commits-${level}.db`);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${level}`);
  db.exec(`CREATE TABLE IF NOT EXISTS cell (id INTEGER PRIMARY KEY, amount INTEGER);
           CREATE TABLE IF NOT EXISTS change (id INTEGER PRIMARY KEY, cell INTEGER, amount INTEGER);
           INSERT OR IGNORE INTO cell VALUES (1, 0);`);
  const update = db.prepare("UPDATE cell SET amount = ? WHERE id = 1");
  const record = db.prepare("INSERT INTO change (cell, amount) VALUES (1, ?)");
  const edit = db.transaction((amount: number) => {
    update.run(amount);
    record.run(amount);
  });
  const started = performance.now();
  for (let index = 0; index < count; index++) edit(index);
  const perCommit = (performance.now() - started) / count;
  db.close();
  return perCommit;
}

async function editsPerLevel(server: ServerProcess, scenarioKey: string, count: number, round: number): Promise<number> {
  const mutation = gql(`mutation($input: SetAllocationInput!) { setAllocation(input: $input) { __typename ... on ScenarioEdit { version } } }`);
  const scenario = (await queryOverHttp(server.baseUrl, gql(`query($id: ID!) { scenario(id: $id) { version } }`), { id: Buffer.from(`Scenario:${scenarioKey}`).toString("base64") })).scenario;
  if (!scenario) throw new Error(`no scenario ${scenarioKey}`);
  let version = scenario.version;
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    // A different amount every time, so every request commits a new version.
    const amount = `${(round * count + index) % 900}.${index % 10}`;
    const data = await queryOverHttp(server.baseUrl, mutation, { input: { scenarioId: scenarioKey, initiativeId: "vmk", year: 2025, amount, expectedVersion: version } });
    if (data.setAllocation.__typename !== "ScenarioEdit") throw new Error(`edit refused: ${JSON.stringify(data)}`);
    version = data.setAllocation.version;
  }
  return (performance.now() - started) / count;
}

const directory = mkdtempSync(path.join(tmpdir(), "ramme-durability-"));
const servers: ServerProcess[] = [];
try {
  console.log(`SQLite synchronous=FULL against NORMAL (WAL), in ${directory}: ${rounds} rounds.`);
  const commitRatios: number[] = [];
  const commitTimes: Record<Level, number[]> = { FULL: [], NORMAL: [] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? LEVELS : [...LEVELS].reverse();
    const times = Object.fromEntries(order.map((level) => [level, commitsPerLevel(directory, level, edits * 5)])) as Record<Level, number>;
    for (const level of LEVELS) commitTimes[level].push(times[level]);
    commitRatios.push(times.FULL / times.NORMAL);
  }
  console.log(`commits (${edits * 5} per round): FULL ${median(commitTimes.FULL).toFixed(3)} ms, NORMAL ${median(commitTimes.NORMAL).toFixed(3)} ms per commit (medians); FULL/NORMAL ${summary(commitRatios)}`);

  const template = path.join(directory, "template.db");
  migrateAndSeed(`file:${template}`);
  const scenarioKeys = {} as Record<Level, string>;
  for (const level of LEVELS) {
    const file = path.join(directory, `server-${level}.db`);
    copyFileSync(template, file);
    const server = await startServer({ databaseUrl: `file:${file}`, env: { RAMME_SQLITE_SYNCHRONOUS: level } });
    servers.push(server);
    const forked = await queryOverHttp(server.baseUrl, gql(`mutation($input: ForkScenarioInput!) { forkScenario(input: $input) { __typename ... on ScenarioEdit { scenario { key } } } }`), { input: { sourceId: "aftale-2024", name: "Bench" } });
    if (forked.forkScenario.__typename !== "ScenarioEdit") throw new Error(`fork refused: ${JSON.stringify(forked)}`);
    scenarioKeys[level] = forked.forkScenario.scenario.key;
  }
  const serverOf = (level: Level) => servers[LEVELS.indexOf(level)]!;
  const editRatios: number[] = [];
  const editTimes: Record<Level, number[]> = { FULL: [], NORMAL: [] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? LEVELS : [...LEVELS].reverse();
    const times = {} as Record<Level, number>;
    for (const level of order) times[level] = await editsPerLevel(serverOf(level), scenarioKeys[level], edits, round);
    for (const level of LEVELS) editTimes[level].push(times[level]);
    editRatios.push(times.FULL / times.NORMAL);
  }
  console.log(`edits over HTTP (${edits} per round): FULL ${median(editTimes.FULL).toFixed(2)} ms, NORMAL ${median(editTimes.NORMAL).toFixed(2)} ms per edit (medians); FULL/NORMAL ${summary(editRatios)}`);
} finally {
  await Promise.all(servers.map((server) => server.stop()));
  rmSync(directory, { recursive: true, force: true });
}
