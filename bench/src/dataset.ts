/**
 * The synthetic dataset: a migrated, seeded database (a SQLite file in a temp dir, or a fresh
 * PostgreSQL database) plus, written with raw SQL in one transaction, extra themes, initiatives and
 * one locked baseline per size (N lines × the seeded frame's years). The what-ifs are then forked
 * from a baseline THROUGH THE API and given realistic edits through it, as planners would. Seeded
 * random numbers: every run builds the same data.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { migrateAndSeed } from "../../tests/support/serverProcess.ts";
import { documents, edit, fork } from "./graphql.ts";
import { postgresSql, sqliteSql, valuesList, type Dialect, type Sql, type Value } from "./sql.ts";
import { seededRandom } from "./stats.ts";

/** 0.1 mio. kr. in øre: the seeded frame's precision (one decimal). */
const STEP = 10_000_000n;
const ACTOR = "bench";

export interface DatasetSizes {
  /** Lines of the main baseline (the what-ifs' parent). */
  lines: number;
  themes: number;
  /** What-ifs forked from the main baseline. */
  scenarios: number;
  /** Line counts of the growth curve; each gets a baseline and two what-ifs. */
  growth: number[];
}

export interface Database {
  dialect: Dialect;
  databaseUrl: string;
  years: number[];
  themeKeys: string[];
  /** Baseline key per line count. */
  baselines: Map<number, string>;
  /** Each baseline's cells, [line][year index] in øre, to pick edits that keep amounts valid. */
  amounts: Map<number, bigint[][]>;
  /** A raw connection for the data floors. */
  sql: Sql;
  drop(): Promise<void>;
}

export const initiativeKey = (index: number) => `bench-${String(index + 1).padStart(5, "0")}`;

export async function createDatabase(dialect: Dialect, sizes: DatasetSizes, postgresServerUrl: string): Promise<Database> {
  let databaseUrl: string;
  let sql: Sql;
  let dropStore: () => Promise<void>;
  if (dialect === "sqlite") {
    const directory = mkdtempSync(path.join(tmpdir(), "ramme-bench-"));
    databaseUrl = `file:${path.join(directory, "ramme.db")}`;
    migrateAndSeed(databaseUrl);
    sql = sqliteSql(path.join(directory, "ramme.db"));
    dropStore = async () => rmSync(directory, { recursive: true, force: true });
  } else {
    const name = `ramme_bench_${process.pid}_${Date.now().toString(36)}`;
    const url = new URL(postgresServerUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    await admin(postgresServerUrl, `CREATE DATABASE "${name}"`);
    migrateAndSeed(databaseUrl);
    sql = postgresSql(databaseUrl, 8);
    dropStore = () => admin(postgresServerUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  const written = await sql.transaction((tx) => writeSynthetic(tx, sizes));
  return {
    dialect,
    databaseUrl,
    sql,
    ...written,
    async drop() {
      await sql.close();
      await dropStore();
    },
  };
}

async function admin(serverUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Whether a PostgreSQL server answers at `url` (within two seconds). */
export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Multi-row INSERTs in chunks that stay under both drivers' parameter limits. */
async function insertRows(sql: Sql, table: string, columns: string[], rows: Value[][]) {
  const perChunk = Math.floor(30_000 / columns.length);
  const head = `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES `;
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    await sql.run(head + valuesList(chunk.length, columns.length), chunk.flat());
  }
}

async function writeSynthetic(sql: Sql, sizes: DatasetSizes) {
  const random = seededRandom(20241121);
  const now = new Date().toISOString();
  const [frame] = await sql.all(`SELECT "id" FROM "Frame" ORDER BY "id" LIMIT 1`);
  const frameId = String(frame!.id);
  const years = (await sql.all(`SELECT "year" FROM "FrameYear" WHERE "frameId" = $1 ORDER BY "year"`, [frameId])).map((row) => Number(row.year));

  const themeKeys = (await sql.all(`SELECT "id" FROM "Theme" WHERE "frameId" = $1 ORDER BY "position"`, [frameId])).map((row) => String(row.id));
  const newThemes: Value[][] = [];
  for (let index = themeKeys.length; index < sizes.themes; index += 1) {
    const key = `bench-tema-${String(index + 1).padStart(2, "0")}`;
    themeKeys.push(key);
    newThemes.push([key, frameId, `Syntetisk tema ${index + 1}`, 1000 + index, "[]"]);
  }
  // Themes belong to a frame (issue 22): the synthetic ones to the frame the baselines are in.
  await insertRows(sql, "Theme", ["id", "frameId", "title", "position", "sources"], newThemes);

  const counts = [...new Set([sizes.lines, ...sizes.growth])].sort((a, b) => a - b);
  const largest = counts.at(-1)!;
  const initiatives: Value[][] = Array.from({ length: largest }, (_, index) => [
    initiativeKey(index),
    themeKeys[Math.floor(random() * themeKeys.length)]!,
    `Syntetisk initiativ ${index + 1}`,
    index % 97 === 0,
    "DOCUMENT",
    JSON.stringify([{ document: "syntetisk", section: `Tabel ${1 + (index % 12)}` }]),
    now,
  ]);
  await insertRows(sql, "Initiative", ["id", "themeId", "title", "isReserve", "origin", "sources", "createdAt"], initiatives);

  const baselines = new Map<number, string>();
  const amounts = new Map<number, bigint[][]>();
  for (const count of counts) {
    const key = `bench-grundlag-${count}`;
    baselines.set(count, key);
    await insertRows(sql, "Scenario", ["id", "name", "kind", "frameId", "version", "createdBy", "locked", "mustFit", "createdAt", "updatedAt"], [
      [key, `Syntetisk grundlag, ${count} linjer`, "BASELINE", frameId, 1, ACTOR, true, false, now, now],
    ]);
    await insertRows(sql, "ScenarioChange", ["scenarioId", "version", "kind", "actor", "at", "details"], [[key, 1, "CREATED", ACTOR, now, JSON.stringify({ document: "bench" })]]);
    await insertRows(sql, "ScenarioLine", ["scenarioId", "initiativeId", "position"], Array.from({ length: count }, (_, index) => [key, initiativeKey(index), index + 1]));
    // Most cells a few mio. kr., one in five empty, as in the agreement's tables.
    const cells = Array.from({ length: count }, () => years.map(() => (random() < 0.2 ? 0n : BigInt(1 + Math.floor(random() * 150)) * STEP)));
    amounts.set(count, cells);
    await insertRows(sql, "Allocation", ["scenarioId", "initiativeId", "year", "amount"], cells.flatMap((line, index) => years.map((year, y) => [key, initiativeKey(index), year, line[y]!])));
  }
  return { years, themeKeys, baselines, amounts };
}

export interface WhatIf {
  key: string;
  version: number;
  lines: number;
}

const mio = (oere: bigint) => `${oere / 100_000_000n}.${String((oere % 100_000_000n) / STEP)}`;

/**
 * Forks `count` what-ifs from the baseline of `lines` lines through the API, each with the edits a
 * planner makes: a paste of a few hundred cells, an amount moved between two lines, a line taken
 * out and a new proposal added.
 */
export async function forkWhatIfs(endpoint: string, database: Database, lines: number, count: number, label: string): Promise<WhatIf[]> {
  const random = seededRandom(lines * 31 + count);
  const pick = (below: number) => Math.floor(random() * below);
  const baseline = database.baselines.get(lines)!;
  const cells = database.amounts.get(lines)!;
  const { years, themeKeys } = database;
  const whatIfs: WhatIf[] = [];
  for (let index = 0; index < count; index += 1) {
    const made = await fork(endpoint, baseline, `${label} ${index + 1}`);
    let version = made.version;
    const scenarioId = made.key;

    const pasted = new Map<string, { initiativeId: string; year: number; amount: string }>();
    const wanted = Math.min(lines * years.length, 200 + pick(200));
    while (pasted.size < wanted) {
      const line = pick(lines);
      const year = years[pick(years.length)]!;
      pasted.set(`${line}/${year}`, { initiativeId: initiativeKey(line), year, amount: mio(BigInt(pick(200)) * STEP) });
    }
    const paste = [...pasted.values()];
    version = (await edit(endpoint, "setAllocations", documents.setAllocations, { input: { scenarioId, expectedVersion: version, cells: paste, comment: "Omprioritering" } })).version;

    // A move between two lines the paste left alone, from one whose later years all hold enough.
    const untouched = (line: number) => !paste.some((cell) => cell.initiativeId === initiativeKey(line));
    const from = cells.findIndex((line, at) => untouched(at) && line.slice(1).every((amount) => amount >= STEP));
    const to = cells.findIndex((_, at) => at !== from && untouched(at));
    if (from >= 0 && to >= 0) {
      version = (
        await edit(endpoint, "moveAmount", documents.moveAmount, {
          input: { scenarioId, expectedVersion: version, fromInitiativeId: initiativeKey(from), toInitiativeId: initiativeKey(to), amount: "0.1", fromYear: years[1], toYear: years.at(-1) },
        })
      ).version;
    }
    // The last line: the measurements edit and paste from the first lines, which stay in every what-if.
    const removed = lines - 1;
    version = (await edit(endpoint, "removeInitiative", documents.removeInitiative, { input: { scenarioId, expectedVersion: version, initiativeId: initiativeKey(removed) } })).version;
    version = (
      await edit(endpoint, "addInitiative", documents.addInitiative, {
        input: {
          scenarioId,
          expectedVersion: version,
          title: `Nyt forslag ${index + 1}`,
          themeId: themeKeys[pick(themeKeys.length)],
          amounts: years.map((year) => ({ year, amount: mio(BigInt(pick(50)) * STEP) })),
        },
      })
    ).version;
    whatIfs.push({ key: scenarioId, version, lines });
  }
  return whatIfs;
}
