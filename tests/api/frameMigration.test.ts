/**
 * Existing databases migrate to first-class frames (issue 22): a database made BEFORE the change —
 * the fixtures in api/fixtures were made by main's code at commit cd32152: its migrations, its seed,
 * and a what-if forked from the agreement with one edit — is migrated by the committed migrations
 * (prisma migrate deploy for SQLite, db:deploy:postgres's migrator for PostgreSQL) and seeded again
 * as `npm start` does; afterwards everything it held belongs to the life science frame, nothing is
 * lost, and the API serves it.
 */
import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import Database from "better-sqlite3";
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { gql } from "../support/documents.ts";
import { migrateAndSeed } from "../support/serverProcess.ts";

const LIFE_SCIENCE = "life-science-2024-2027";
const fixtures = path.join(import.meta.dirname, "fixtures");
const postgres = process.env.DATABASE_URL?.startsWith("postgres") ?? false;

/** Runs SQL on the migrated database and gives its rows, whichever database it is. */
type Sql = (text: string) => Promise<Array<Record<string, unknown>>>;

const TABLES = ["Document", "FrameYear", "Theme", "Initiative", "Scenario", "ScenarioLine", "Allocation", "ScenarioChange", "CellChange", "SourceTable", "StatedTotal", "Footnote", "OutsideFrameAmount", "Recommendation", "StatedAmount"];

async function beforeDatabase(): Promise<{ url: string; sql: Sql }> {
  if (!postgres) {
    const file = path.join(inject("scratchDirectory"), `before-frames-${randomUUID()}.db`);
    writeFileSync(file, gunzipSync(readFileSync(path.join(fixtures, "before-frames.sqlite.db.gz"))));
    return {
      url: `file:${file}`,
      sql: async (text) => {
        const connection = new Database(file, { readonly: true });
        try {
          return connection.prepare(text).all() as Array<Record<string, unknown>>;
        } finally {
          connection.close();
        }
      },
    };
  }
  const server = new URL(process.env.RAMME_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  const name = `${inject("postgresRun")}_before_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  server.pathname = `/${name}`;
  const url = server.toString();
  // pg_dump's plain SQL, without psql's own commands (\restrict).
  const dump = gunzipSync(readFileSync(path.join(fixtures, "before-frames.postgresql.sql.gz")))
    .toString("utf8")
    .split("\n")
    .filter((line) => !line.startsWith("\\"))
    .join("\n");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(dump);
  await client.end();
  return {
    url,
    sql: async (text) => {
      const connection = new pg.Client({ connectionString: url });
      await connection.connect();
      try {
        return (await connection.query(text)).rows;
      } finally {
        await connection.end();
      }
    },
  };
}

describe(`a database made before frames were first-class migrates (${postgres ? "PostgreSQL" : "SQLite"})`, () => {
  let sql: Sql;
  let url: string;
  const countsBefore = new Map<string, number>();
  let changesBefore: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    ({ sql, url } = await beforeDatabase());
    // The old database really is old: its themes have no frame.
    const themeColumns = postgres
      ? await sql(`SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'Theme'`)
      : await sql(`PRAGMA table_info("Theme")`);
    expect(themeColumns.map((column) => column.name)).not.toContain("frameId");
    for (const table of TABLES) countsBefore.set(table, Number((await sql(`SELECT COUNT(*) AS n FROM "${table}"`))[0]!.n));
    changesBefore = await sql(`SELECT "id", "scenarioId", "version", "kind" FROM "ScenarioChange" ORDER BY "id"`);
    migrateAndSeed(url);
  }, 120_000);

  it("puts every theme in the life science frame and marks the frame as the documents'", async () => {
    const themes = await sql(`SELECT "id", "frameId" FROM "Theme"`);
    expect(themes.length).toBeGreaterThan(5);
    expect(new Set(themes.map((theme) => theme.frameId))).toEqual(new Set([LIFE_SCIENCE]));
    const frames = await sql(`SELECT "id", "name", "createdBy", "archivedAt", "organisationId" FROM "Frame"`);
    expect(frames).toEqual([{ id: LIFE_SCIENCE, name: "Reserve til life science-strategien (FL24)", createdBy: "Dokumenterne", archivedAt: null, organisationId: null }]);
  });

  it("keeps every row it held, and the what-if's edit", async () => {
    for (const table of TABLES.filter((name) => name !== "ScenarioChange")) {
      expect([table, Number((await sql(`SELECT COUNT(*) AS n FROM "${table}"`))[0]!.n)]).toEqual([table, countsBefore.get(table)]);
    }
    // The history keeps every entry; seeding anew after a change to seeds/ adds only the baselines'
    // re-transcriptions (IMPORTED, by the documents), never touching what was there.
    const changesAfter = await sql(`SELECT "id", "scenarioId", "version", "kind", "actor" FROM "ScenarioChange" ORDER BY "id"`);
    const key = (row: Record<string, unknown>) => `${String(row.id)}:${String(row.scenarioId)}:${String(row.version)}:${String(row.kind)}`;
    expect(changesAfter.slice(0, changesBefore.length).map(key)).toEqual(changesBefore.map(key));
    expect(changesAfter.slice(changesBefore.length).map((row) => [row.kind, row.actor])).toEqual(changesAfter.slice(changesBefore.length).map(() => ["IMPORTED", "Dokumenterne"]));
    const whatIf = await sql(`SELECT "id", "version", "frameId" FROM "Scenario" WHERE "kind" = 'WHAT_IF'`);
    expect(whatIf).toHaveLength(1);
    expect(Number(whatIf[0]!.version)).toBe(2);
    expect(whatIf[0]!.frameId).toBe(LIFE_SCIENCE);
    const edited = await sql(`SELECT "amount" FROM "Allocation" WHERE "scenarioId" = '${String(whatIf[0]!.id)}' AND "initiativeId" = 'vmk' AND "year" = 2025`);
    expect(edited.map((row) => Number(row.amount))).toEqual([50_000_000]);
  });

  it("serves the migrated data through the API: one frame, its themes, its scenarios", async () => {
    process.env.DATABASE_URL = url;
    const { query } = await import("../support/graphql.ts");
    const data = await query(
      gql(`query($frameId: ID) {
        frames { key description archivedAt themes { key } years { year amount } }
        scenarios(frameId: $frameId) { edges { node { key fitsFrame } } }
      }`),
      { frameId: LIFE_SCIENCE },
    );
    expect(data.frames).toHaveLength(1);
    expect(data.frames[0]?.key).toBe(LIFE_SCIENCE);
    expect(data.frames[0]?.themes.length).toBeGreaterThan(5);
    expect(data.frames[0]?.years).toEqual([2024, 2025, 2026, 2027].map((year) => ({ year, amount: "100" })));
    expect(data.scenarios.edges.map((edge) => edge.node.key)).toEqual(expect.arrayContaining(["aftale-2024", "regeringens-udspil-2024"]));
    expect(data.scenarios.edges).toHaveLength(3);
  }, 60_000);
});
