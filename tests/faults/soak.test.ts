/**
 * Concurrency soak: 50 writers at once, over HTTP, for a bounded time, editing overlapping cells of
 * the same three what-ifs, on SQLite (one server) and on PostgreSQL (two servers on one database,
 * the writers split between them). Cell edits name the version they are based on (the API requires
 * it); some edits (of the description, where it is optional) name none and must never be refused.
 * Afterwards every acknowledged edit must be in the history with the values its client was told, and
 * the history must replay to the cells.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { databaseFromTemplate } from "../support/globalSetupPostgres.ts";
import { startServer, type ServerProcess } from "../support/serverProcess.ts";
import { cellId, forkOverHttp, historyProblems, mutateOverHttp, readHistory, readScenario, type CellChange, type Cells } from "./support/scenarioOverHttp.ts";

const WRITERS = 50;
const SCENARIOS = 3;
/** Lines whose cells the writers fight over (all frame years of each). */
const CONTESTED_LINES = 6;
const SOAK_MS = Number(process.env.RAMME_SOAK_SECONDS ?? 4) * 1_000;
/** A request that takes this long is a hang, reported as such rather than as a test timeout. */
const REQUEST_LIMIT_MS = 30_000;

interface Ack {
  scenario: string;
  version: number;
  kind: "CELLS_SET" | "UPDATED";
  cells: CellChange[];
}

interface Tally {
  acks: Ack[];
  conflicts: number;
  unchanged: number;
  unconditionalAcks: number;
  /** Anything but an acknowledgement or a VersionConflictError: must stay empty. */
  unexpected: string[];
}

/** A small seeded generator (mulberry32), so a failing run can be repeated with RAMME_SOAK_SEED. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

interface Target {
  key: string;
  cells: Array<{ initiativeKey: string; year: number }>;
  /**
   * The share of edits to it that name no version. They always succeed and make every edit in the
   * queue stale, so only the first scenario gets them (many, to race across instances); the others
   * see cell edits alone, so that plenty of those succeed too.
   */
  unconditionalShare: number;
}

/**
 * One writer: edits until the deadline, basing each edit on the version it last saw itself, or, half
 * of the time, on the newest any writer has seen (as a client kept up to date by live updates would).
 */
async function writer(index: number, server: ServerProcess, targets: Target[], latest: Map<string, number>, deadline: number, seed: number, tally: Tally) {
  const random = randomSource(seed + index);
  const known = new Map(targets.map((target) => [target.key, 1]));
  const saw = (key: string, version: number) => {
    known.set(key, version);
    latest.set(key, Math.max(latest.get(key) ?? 1, version));
  };
  const actor = `Skribent ${index}`;
  for (let edit = 0; Date.now() < deadline; edit++) {
    const target = random.pick(targets);
    const expectedVersion = random.next() < 0.5 ? known.get(target.key)! : latest.get(target.key)!;
    const unconditional = random.next() < target.unconditionalShare;
    const amount = () => `${Math.floor(random.next() * 1000)}.${Math.floor(random.next() * 10)}`;
    let field: string;
    let inputType: string;
    let input: Record<string, unknown>;
    if (unconditional) {
      [field, inputType, input] = ["updateScenario", "UpdateScenarioInput", { scenarioId: target.key, description: `${actor}, ændring ${edit}` }];
    } else if (random.next() < 0.5) {
      const cell = random.pick(target.cells);
      [field, inputType, input] = ["setAllocation", "SetAllocationInput", { scenarioId: target.key, initiativeId: cell.initiativeKey, year: cell.year, amount: amount(), expectedVersion }];
    } else {
      const block = new Map<string, { initiativeKey: string; year: number }>();
      const size = 2 + Math.floor(random.next() * 4);
      while (block.size < size) {
        const cell = random.pick(target.cells);
        block.set(cellId(cell.initiativeKey, cell.year), cell);
      }
      const cells = [...block.values()].map((cell) => ({ initiativeId: cell.initiativeKey, year: cell.year, amount: amount() }));
      [field, inputType, input] = ["setAllocations", "SetAllocationsInput", { scenarioId: target.key, cells, expectedVersion }];
    }

    const label = `${actor} ${field} on ${target.key}`;
    let response;
    try {
      response = await mutateOverHttp(server.baseUrl, field, inputType, input, { actor, signal: AbortSignal.timeout(REQUEST_LIMIT_MS) });
    } catch (error) {
      tally.unexpected.push(`${label}: no HTTP answer (${(error as Error).message})`);
      continue;
    }
    if (response.status >= 500 || response.errors?.length) {
      tally.unexpected.push(`${label}: HTTP ${response.status} ${JSON.stringify(response.errors)}`);
      continue;
    }
    const result = response.data![field]!;
    if (result.__typename === "ScenarioEdit") {
      if (!result.changed) {
        tally.unchanged++;
        continue;
      }
      tally.acks.push({ scenario: target.key, version: result.version, kind: unconditional ? "UPDATED" : "CELLS_SET", cells: result.cells });
      if (unconditional) tally.unconditionalAcks++;
      saw(target.key, result.version);
    } else if (result.__typename === "VersionConflictError" && !unconditional) {
      tally.conflicts++;
      if (result.expectedVersion !== expectedVersion || result.currentVersion <= expectedVersion) {
        tally.unexpected.push(`${label}: a conflict that is not one (sent ${expectedVersion}, told ${JSON.stringify(result)})`);
      }
      saw(target.key, result.currentVersion);
    } else {
      tally.unexpected.push(`${label}${unconditional ? " (no expectedVersion)" : ""}: ${JSON.stringify(result)}`);
    }
  }
}

/** Forks the targets, runs the writers until the deadline, then checks everything against the history. */
async function soak(servers: ServerProcess[], name: string) {
  const first = servers[0]!;
  const seed = Number(process.env.RAMME_SOAK_SEED ?? Date.now() % 1_000_000);
  const targets: Target[] = [];
  const startCells = new Map<string, Cells>();
  for (let index = 0; index < SCENARIOS; index++) {
    const key = await forkOverHttp(first.baseUrl, `Soak ${index + 1}`);
    const { cells, lineKeys } = await readScenario(first.baseUrl, key);
    startCells.set(key, cells);
    const contested = new Set(lineKeys.slice(0, CONTESTED_LINES));
    const targetCells = [...cells.keys()].map((id) => id.split("/")).filter(([line]) => contested.has(line!)).map(([initiativeKey, year]) => ({ initiativeKey: initiativeKey!, year: Number(year) }));
    targets.push({ key, cells: targetCells, unconditionalShare: index === 0 ? 0.3 : 0 });
  }

  const tally: Tally = { acks: [], conflicts: 0, unchanged: 0, unconditionalAcks: 0, unexpected: [] };
  const latest = new Map(targets.map((target) => [target.key, 1]));
  const deadline = Date.now() + SOAK_MS;
  await Promise.all(Array.from({ length: WRITERS }, (_, index) => writer(index, servers[index % servers.length]!, targets, latest, deadline, seed, tally)));
  console.log(
    `soak on ${name} (${servers.length} server${servers.length > 1 ? "s" : ""}, ${WRITERS} writers, ${SOAK_MS / 1000} s, seed ${seed}): ` +
      `${tally.acks.length} acknowledged (${tally.acks.length - tally.unconditionalAcks} cell edits, ${tally.unconditionalAcks} without expectedVersion), ${tally.conflicts} version conflicts, ${tally.unchanged} unchanged, ${tally.unexpected.length} unexpected`,
  );

  expect(tally.unexpected.slice(0, 20)).toEqual([]);
  // The run must have had contention to prove anything: acknowledged edits of both kinds, and refusals.
  expect(tally.acks.length - tally.unconditionalAcks).toBeGreaterThan(0);
  expect(tally.unconditionalAcks).toBeGreaterThan(0);
  expect(tally.conflicts).toBeGreaterThan(0);

  for (const target of targets) {
    const current = await readScenario(first.baseUrl, target.key);
    const history = await readHistory(first.baseUrl, target.key);
    expect(historyProblems(startCells.get(target.key)!, history, current), target.key).toEqual([]);

    const acks = tally.acks.filter((ack) => ack.scenario === target.key).sort((a, b) => a.version - b.version);
    // Every version after the fork was acknowledged to exactly one client: nothing committed unseen, no version told twice.
    expect(acks.map((ack) => ack.version)).toEqual(Array.from({ length: current.version - 1 }, (_, index) => index + 2));
    const byVersion = new Map(history.map((entry) => [entry.version, entry]));
    const lastWrite = new Map<string, string | null>();
    for (const ack of acks) {
      const entry = byVersion.get(ack.version);
      const sortCells = (cells: CellChange[]) => [...cells].sort((a, b) => cellId(a.initiativeKey, a.year).localeCompare(cellId(b.initiativeKey, b.year)));
      expect({ version: entry?.version, kind: entry?.kind, cells: sortCells(entry?.cells ?? []) }).toEqual({ version: ack.version, kind: ack.kind, cells: sortCells(ack.cells) });
      for (const cell of ack.cells) lastWrite.set(cellId(cell.initiativeKey, cell.year), cell.after);
    }
    // Each cell holds what the highest acknowledged version that touched it wrote.
    for (const [id, after] of lastWrite) expect(current.cells.get(id) ?? null, id).toBe(after);
  }
}

const running: ServerProcess[] = [];
const scratch = mkdtempSync(path.join(tmpdir(), "ramme-soak-"));
afterAll(async () => {
  await Promise.all(running.map((server) => server.stop()));
  rmSync(scratch, { recursive: true, force: true });
});

describe("concurrency soak", () => {
  it("SQLite, one server: no acknowledged edit is lost, every refusal is a VersionConflictError, the history replays to the cells", async () => {
    const file = path.join(scratch, "soak.db");
    copyFileSync(inject("templateDatabase"), file);
    const server = await startServer({ databaseUrl: `file:${file}` });
    running.push(server);
    await soak([server], "SQLite");
    expect(server.isRunning()).toBe(true);
  });

  it("PostgreSQL, two servers on one database: the same, with writers split between the instances", async () => {
    const databaseUrl = await databaseFromTemplate(inject("postgresRun"), inject("postgresTemplate"));
    const servers = await Promise.all([startServer({ databaseUrl }), startServer({ databaseUrl })]);
    running.push(...servers);
    await soak(servers, "PostgreSQL");
    for (const server of servers) expect(server.isRunning()).toBe(true);
  });
});
