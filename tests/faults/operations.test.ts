/**
 * What running Ramme in production relies on: several instances may start at once on an empty
 * database, health checks tell a load balancer the truth, and a backup taken while people edit is
 * a consistent database.
 */
import Sqlite from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { databaseUrl, postgresServerUrl } from "../support/globalSetupPostgres.ts";
import { serverDirectory, startServer, type ServerProcess } from "../support/serverProcess.ts";
import { acknowledgedEdit, forkOverHttp, mutateOverHttp, readScenario } from "./support/scenarioOverHttp.ts";

const scratch = mkdtempSync(path.join(tmpdir(), "ramme-operations-"));
const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  rmSync(scratch, { recursive: true, force: true });
});

const tsx = path.join(serverDirectory, "node_modules", ".bin", "tsx");

describe("several instances on one PostgreSQL", () => {
  it("start at once on an empty, migrated database: one seeds it, the others wait and find it seeded; all are ready", async () => {
    const name = `${inject("postgresRun")}_empty_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: postgresServerUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = databaseUrl(name);
    execFileSync(tsx, ["src/db/migratePostgres.ts"], { cwd: serverDirectory, env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });

    const started = await Promise.all([startServer({ databaseUrl: url }), startServer({ databaseUrl: url }), startServer({ databaseUrl: url })]);
    servers.push(...started);
    const outputs = started.map((server) => server.output());
    expect(outputs.filter((output) => output.includes("Seeded the documents' data."))).toHaveLength(1);
    expect(outputs.filter((output) => output.includes("Documents' data already in the database."))).toHaveLength(2);

    for (const server of started) {
      const ready = await fetch(`${server.baseUrl}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: "ready", database: "ok", liveUpdates: "in-process" });
      expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    }
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const { rows } = await check.query(`SELECT "scenarioId", count(*)::int AS created FROM "ScenarioChange" WHERE kind = 'CREATED' GROUP BY "scenarioId" ORDER BY 1`);
    await check.end();
    expect(rows).toEqual([
      { scenarioId: "aftale-2024", created: 1 },
      { scenarioId: "regeringens-udspil-2024", created: 1 },
    ]);
  });
});

describe("backup of the SQLite database", () => {
  it("copies a consistent database while edits are being made, and refuses to overwrite a file", async () => {
    const file = path.join(scratch, "live.db");
    copyFileSync(inject("templateDatabase"), file);
    const server = await startServer({ databaseUrl: `file:${file}` });
    servers.push(server);
    const scenario = await forkOverHttp(server.baseUrl, "Sikkerhedskopi");

    let version = 1;
    let editing = true;
    const edits = (async () => {
      for (let amount = 1; editing; amount += 1) {
        const answer = await mutateOverHttp(server.baseUrl, "setAllocation", "SetAllocationInput", { scenarioId: scenario, initiativeId: "vmk", year: 2025, amount: String(amount), expectedVersion: version });
        expect(answer.data?.setAllocation.__typename).toBe("ScenarioEdit");
        version = acknowledgedEdit(answer.data?.setAllocation).version;
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const target = path.join(scratch, "backup.db");
    const printed = execFileSync(tsx, ["src/db/backup.ts", target], { cwd: serverDirectory, env: { ...process.env, DATABASE_URL: `file:${file}` }, encoding: "utf8" });
    editing = false;
    await edits;
    expect(printed).toContain("integrity_check ok");

    // The copy is a database as it stood at one moment: its scenario's cells agree with its own history.
    const copy = new Sqlite(target, { readonly: true });
    const copied = copy.prepare(`SELECT version FROM "Scenario" WHERE id = ?`).get(scenario) as { version: number };
    const lastChange = copy.prepare(`SELECT c.after FROM "CellChange" c JOIN "ScenarioChange" s ON s.id = c.changeId WHERE s.scenarioId = ? ORDER BY s.version DESC LIMIT 1`).get(scenario) as { after: bigint | number } | undefined;
    const cell = copy.prepare(`SELECT amount FROM "Allocation" WHERE scenarioId = ? AND initiativeId = 'vmk' AND year = 2025`).get(scenario) as { amount: bigint | number };
    const versions = copy.prepare(`SELECT count(*) AS n, max(version) AS top FROM "ScenarioChange" WHERE scenarioId = ?`).get(scenario) as { n: number; top: number };
    copy.close();
    expect(copied.version).toBeGreaterThan(1);
    expect(versions).toEqual({ n: copied.version, top: copied.version });
    expect(String(cell.amount)).toBe(String(lastChange!.after));
    expect((await readScenario(server.baseUrl, scenario)).version).toBeGreaterThanOrEqual(copied.version);

    expect(() => execFileSync(tsx, ["src/db/backup.ts", target], { cwd: serverDirectory, env: { ...process.env, DATABASE_URL: `file:${file}` }, stdio: "pipe" })).toThrow(/exists already/);
  });
});
