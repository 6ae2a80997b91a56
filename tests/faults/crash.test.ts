/**
 * The server process killed (SIGKILL: no shutdown code runs) in the middle of a stream of edits and
 * in the middle of a large paste, then started again on the same database. Every edit a client was
 * told was saved must still be there; the edit in flight is there whole or not at all; a paste is
 * never half-applied; the history still replays to the cells; and the SQLite file passes
 * `PRAGMA integrity_check`.
 */
import Sqlite from "better-sqlite3";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { gql, type ResultOf } from "../support/documents.ts";
import { queryOverHttp } from "../support/graphqlHttp.ts";
import { databaseFromTemplate } from "../support/globalSetupPostgres.ts";
import { startServer, type ServerProcess } from "../support/serverProcess.ts";
import { acknowledgedEdit, cellId, forkOverHttp, historyProblems, mutateOverHttp, readHistory, readScenario, type CellChange, type Cells, type HistoryEntry } from "./support/scenarioOverHttp.ts";

const YEARS = [2024, 2025, 2026, 2027];
/** Lines added for the paste: with the agreement's 25, 500 lines × 4 years = 2,000 cells. */
const ADDED_LINES = 475;
const PASTE_ATTEMPTS = 6;
const PASTE = gql(`mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { __typename ... on ScenarioEdit { version } } }`);
/** The version a paste was acknowledged with (a refusal is no acknowledgement). */
function pastedVersion(answer: ResultOf<typeof PASTE>): number {
  if (answer.setAllocations.__typename !== "ScenarioEdit") throw new Error(`paste refused: ${JSON.stringify(answer)}`);
  return answer.setAllocations.version;
}

const scratch = mkdtempSync(path.join(tmpdir(), "ramme-crash-"));
const running = new Set<ServerProcess>();
afterAll(async () => {
  await Promise.all([...running].map((server) => server.stop()));
  rmSync(scratch, { recursive: true, force: true });
});

async function start(databaseUrl: string) {
  const server = await startServer({ databaseUrl });
  running.add(server);
  return server;
}
async function restart(server: ServerProcess) {
  running.delete(server);
  return start(server.databaseUrl);
}

interface SentCell {
  initiativeId: string;
  year: number;
  amount: string;
}
interface Ack {
  version: number;
  cells: CellChange[];
}

/** fetch's TypeError: the connection closed before an answer came (the process was killed). */
const noAnswer = (error: unknown) => error instanceof TypeError;

/** An amount with a non-zero tenth, so it reads back exactly as sent ("12.3", never "12.0" → "12"). */
const amount = (whole: number, tenth: number) => `${whole}.${1 + (tenth % 9)}`;
const sortedCells = (cells: readonly CellChange[]) => [...cells].sort((a, b) => cellId(a.initiativeKey, a.year).localeCompare(cellId(b.initiativeKey, b.year)));

/**
 * Sends edits one after another (each on the version the last one returned) until a request gets
 * no answer; kills the server after `killAfterMs`, wherever the stream is by then.
 */
async function editUntilKilled(server: ServerProcess, key: string, lines: string[], version: number, killAfterMs: number) {
  const acks: Ack[] = [];
  let inFlight: SentCell[] | null = null;
  const killer = setTimeout(() => void server.kill("SIGKILL"), killAfterMs);
  for (let index = 0; ; index++) {
    const cells = Array.from({ length: 1 + (index % 3) }, (_, offset) => ({
      initiativeId: lines[(index + offset * 7) % lines.length]!,
      year: YEARS[(index + offset) % YEARS.length]!,
      amount: amount(index % 500, index + offset),
    }));
    try {
      const response =
        cells.length === 1
          ? await mutateOverHttp<"setAllocation" | "setAllocations">(server.baseUrl, "setAllocation", "SetAllocationInput", { scenarioId: key, ...cells[0], expectedVersion: version })
          : await mutateOverHttp<"setAllocation" | "setAllocations">(server.baseUrl, "setAllocations", "SetAllocationsInput", { scenarioId: key, cells, expectedVersion: version });
      const result = response.data?.[cells.length === 1 ? "setAllocation" : "setAllocations"];
      if (result?.__typename !== "ScenarioEdit") throw new Error(`edit refused: ${JSON.stringify(response)}`);
      if (result.changed) acks.push({ version: result.version, cells: result.cells });
      version = result.version;
    } catch (error) {
      if (!noAnswer(error)) throw error;
      inFlight = cells;
      break;
    }
  }
  clearTimeout(killer);
  return { acks, inFlight, exit: await server.exited };
}

/** Every acknowledged change is in the history as acknowledged; anything after them is the one in flight, whole. */
function expectAcknowledgedPresent(history: readonly HistoryEntry[], current: { version: number; cells: Cells }, acks: readonly Ack[], inFlight: readonly SentCell[] | null) {
  const byVersion = new Map(history.map((entry) => [entry.version, entry]));
  for (const ack of acks) expect(sortedCells(byVersion.get(ack.version)?.cells ?? []), `version ${ack.version}`).toEqual(sortedCells(ack.cells));
  const lastAcknowledged = acks.at(-1)?.version ?? 1;
  expect([lastAcknowledged, lastAcknowledged + 1]).toContain(current.version);
  if (current.version === lastAcknowledged + 1) {
    // Committed just before the kill, never answered: all of what was sent is there, and nothing else.
    for (const cell of inFlight ?? []) expect(current.cells.get(cellId(cell.initiativeId, cell.year)), `in flight: ${cell.initiativeId}/${cell.year}`).toBe(cell.amount);
    const sent = new Set((inFlight ?? []).map((cell) => cellId(cell.initiativeId, cell.year)));
    for (const cell of byVersion.get(current.version)!.cells) expect(sent.has(cellId(cell.initiativeKey, cell.year))).toBe(true);
  }
}

function expectSqliteFileIntact(file: string) {
  const database = new Sqlite(file, { readonly: true });
  try {
    expect(database.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(database.pragma("foreign_key_check")).toEqual([]);
  } finally {
    database.close();
  }
}

async function sqliteFile(name: string) {
  const file = path.join(scratch, name);
  copyFileSync(inject("templateDatabase"), file);
  return file;
}

describe("SIGKILL during a stream of edits", () => {
  const databases: Array<[string, () => Promise<{ url: string; file?: string }>]> = [
    ["SQLite", async () => ({ url: `file:${await sqliteFile("stream.db")}`, file: path.join(scratch, "stream.db") })],
    ["PostgreSQL", async () => ({ url: await databaseFromTemplate(inject("postgresRun"), inject("postgresTemplate")) })],
  ];
  it.each(databases)("%s: after a restart every acknowledged edit is there, and the one in flight whole or not at all", async (name, database) => {
    const { url, file } = await database();
    let server = await start(url);
    const key = await forkOverHttp(server.baseUrl, "Nedbrud under redigering");
    const startState = await readScenario(server.baseUrl, key);
    const lines = startState.lineKeys.slice(0, 10);

    const { acks, inFlight, exit } = await editUntilKilled(server, key, lines, startState.version, 400 + Math.random() * 1_200);
    console.log(`${name}: killed after ${acks.length} acknowledged edits, with ${inFlight?.length ?? 0} cells in flight`);
    expect(exit.signal).toBe("SIGKILL");
    expect(acks.length).toBeGreaterThan(0);
    expect(inFlight).not.toBeNull(); // the kill landed in the stream, not after it

    server = await restart(server);
    const current = await readScenario(server.baseUrl, key);
    const history = await readHistory(server.baseUrl, key);
    expect(historyProblems(startState.cells, history, current)).toEqual([]);
    expectAcknowledgedPresent(history, current, acks, inFlight);
    await server.stop();
    if (file) expectSqliteFileIntact(file);
  });
});

describe("SIGKILL during a large paste (SQLite)", () => {
  it(`a paste of ${(ADDED_LINES + 25) * YEARS.length} cells is after a restart wholly there or wholly absent`, async () => {
    const file = await sqliteFile("paste.db");
    let server = await start(`file:${file}`);
    const key = await forkOverHttp(server.baseUrl, "Nedbrud under indsættelse");
    const forked = await readScenario(server.baseUrl, key);
    let version = forked.version;
    for (let index = 0; index < ADDED_LINES; index++) {
      const result = await mutateOverHttp(server.baseUrl, "addInitiative", "AddInitiativeInput", {
        scenarioId: key,
        expectedVersion: version,
        title: `Forslag ${index + 1}`,
        themeId: "innovation",
        amounts: YEARS.map((year) => ({ year, amount: "1" })),
      });
      expect(result.data?.addInitiative.__typename).toBe("ScenarioEdit");
      version = acknowledgedEdit(result.data?.addInitiative).version;
    }
    const startState = await readScenario(server.baseUrl, key);
    const cellIds = [...startState.cells.keys()];
    expect(cellIds).toHaveLength((ADDED_LINES + 25) * YEARS.length);

    // Every paste gives every cell a value no earlier paste gave it (the tenth is the attempt's).
    const pasteOf = (attempt: number) => cellIds.map((id, index) => {
      const [initiativeId, year] = id.split("/");
      return { initiativeId: initiativeId!, year: Number(year), amount: `${index % 1000}.${attempt + 1}` };
    });
    const paste = (attempt: number, signal?: AbortSignal) =>
      queryOverHttp(server.baseUrl, PASTE, { input: { scenarioId: key, cells: pasteOf(attempt), expectedVersion: version } }, { signal });

    // One paste answered, to learn how long one takes here.
    const began = performance.now();
    const first = await paste(0);
    const duration = performance.now() - began;
    expect(first.setAllocations).toMatchObject({ __typename: "ScenarioEdit", version: version + 1 });
    version = pastedVersion(first);
    let acknowledged = 0;

    // Then pastes with a kill at a random moment while the answer is awaited, until a kill lands first.
    let killed: number | null = null;
    for (let attempt = 1; attempt <= PASTE_ATTEMPTS && killed === null; attempt++) {
      const killAfter = duration * (0.15 + 0.6 * Math.random()) * 0.7 ** (attempt - 1);
      let killSent = false;
      const killer = setTimeout(() => {
        killSent = true;
        void server.kill("SIGKILL");
      }, killAfter);
      try {
        const answer = await paste(attempt);
        clearTimeout(killer);
        version = pastedVersion(answer);
        acknowledged = attempt;
        // The answer won the race, perhaps only just: start again if the kill went out all the same.
        if (killSent) {
          await server.exited;
          server = await restart(server);
        }
      } catch (error) {
        if (!noAnswer(error)) throw error;
        killed = attempt;
      }
    }
    console.log(`paste of ${cellIds.length} cells took ${duration.toFixed(0)} ms; killed during attempt ${killed}`);
    expect(killed, "no kill landed before the paste's answer").not.toBeNull();
    expect((await server.exited).signal).toBe("SIGKILL");

    server = await restart(server);
    const after = await readScenario(server.baseUrl, key);
    const history = await readHistory(server.baseUrl, key);
    expect(historyProblems(forked.cells, history, after)).toEqual([]);
    const fromKilled = pasteOf(killed!).filter((cell) => after.cells.get(cellId(cell.initiativeId, cell.year)) === cell.amount).length;
    const fromAcknowledged = pasteOf(acknowledged).filter((cell) => after.cells.get(cellId(cell.initiativeId, cell.year)) === cell.amount).length;
    console.log(`after the restart: ${fromKilled === cellIds.length ? "the killed paste is wholly there" : "the killed paste is absent"}`);
    if (after.version === version) {
      expect(fromKilled).toBe(0);
      expect(fromAcknowledged).toBe(cellIds.length);
    } else {
      expect(after.version).toBe(version + 1);
      expect(fromKilled).toBe(cellIds.length);
      expect(history.at(-1)!.cells).toHaveLength(cellIds.length);
    }
    await server.stop();
    expectSqliteFileIntact(file);
  });
});
