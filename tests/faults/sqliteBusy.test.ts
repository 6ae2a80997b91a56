/**
 * Another process holding the SQLite file's write lock for a moment (the sqlite3 shell, a
 * maintenance script) makes an edit wait for it, within the busy timeout, instead of failing with
 * "database is locked".
 */
import Sqlite from "better-sqlite3";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, inject, it } from "vitest";
import { startServer, type ServerProcess } from "../support/serverProcess.ts";
import { forkOverHttp, mutateOverHttp, readScenario } from "./support/scenarioOverHttp.ts";

/** How long the other process holds the lock: well inside the server's busy timeout (5 s). */
const HOLD_MS = 1_000;

const scratch = mkdtempSync(path.join(tmpdir(), "ramme-busy-"));
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

it("an edit waits while another process holds the file's write lock, and is saved once it lets go", async () => {
  const file = path.join(scratch, "ramme.db");
  copyFileSync(inject("templateDatabase"), file);
  server = await startServer({ databaseUrl: `file:${file}` });
  const key = await forkOverHttp(server.baseUrl, "Låst fil");
  const { version } = await readScenario(server.baseUrl, key);

  const other = new Sqlite(file);
  other.exec("BEGIN IMMEDIATE");
  const edit = mutateOverHttp(server.baseUrl, "setAllocation", "SetAllocationInput", { scenarioId: key, initiativeId: "vmk", year: 2024, amount: "7.7", expectedVersion: version });
  let answered = false;
  void edit.then(() => (answered = true));
  await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
  expect(answered).toBe(false);
  other.exec("ROLLBACK");
  other.close();

  const response = await edit;
  expect(response.status).toBe(200);
  expect(response.errors).toBeUndefined();
  expect(response.data?.setAllocation).toMatchObject({ __typename: "ScenarioEdit", version: version + 1 });
  expect((await readScenario(server.baseUrl, key)).cells.get("vmk/2024")).toBe("7.7");
});
