/**
 * The history as a way back: a scenario's state at any earlier version is its current state with
 * the later changes undone, in reverse. Restore and merge are built on that, and the changeset
 * since a version or a time is the net of the changes after it.
 */
import { diffStates, type CellEdit, type CellState, type Oere } from "@ramme/domain";
import { writeTransaction, type Transaction } from "../db.ts";
import { commitChange, type CommittedChange } from "./commitChange.ts";
import { InvalidInputError } from "./errors.ts";
import { ProblemList, TEXT_LIMITS } from "./input.ts";
import { assertEditable, assertVersion, findScenario } from "./scenarioAccess.ts";

/** A scenario's lines and cells: what a version is. */
export interface ScenarioState {
  cells: Map<string, Map<number, Oere>>;
  /** Position of each line in the scenario. */
  positions: Map<string, number>;
}

export async function currentState(client: Transaction, scenarioId: string): Promise<ScenarioState> {
  const [lines, allocations] = await Promise.all([
    client.scenarioLine.findMany({ where: { scenarioId }, select: { initiativeId: true, position: true } }),
    client.allocation.findMany({ where: { scenarioId }, select: { initiativeId: true, year: true, amount: true } }),
  ]);
  const cells = new Map<string, Map<number, Oere>>(lines.map((line) => [line.initiativeId, new Map()]));
  for (const cell of allocations) cells.get(cell.initiativeId)?.set(cell.year, cell.amount);
  return { cells, positions: new Map(lines.map((line) => [line.initiativeId, line.position])) };
}

/** The changes after `version`, newest first, with their cells and lines. */
function changesAfter(client: Transaction, scenarioId: string, version: number) {
  return client.scenarioChange.findMany({
    where: { scenarioId, version: { gt: version } },
    orderBy: { version: "desc" },
    select: { version: true, cells: true, lines: true },
  });
}

/** The scenario as it was at `version`: the current state with every later change undone. */
export async function stateAtVersion(client: Transaction, scenarioId: string, version: number): Promise<ScenarioState> {
  const [state, later] = await Promise.all([currentState(client, scenarioId), changesAfter(client, scenarioId, version)]);
  for (const change of later) {
    for (const cell of change.cells) {
      if (cell.before === null) {
        state.cells.get(cell.initiativeId)?.delete(cell.year);
      } else {
        const line = state.cells.get(cell.initiativeId) ?? new Map<number, Oere>();
        line.set(cell.year, cell.before);
        state.cells.set(cell.initiativeId, line);
      }
    }
    for (const line of change.lines) {
      if (line.added) {
        state.cells.delete(line.initiativeId);
        state.positions.delete(line.initiativeId);
      } else {
        state.positions.set(line.initiativeId, line.position);
        if (!state.cells.has(line.initiativeId)) state.cells.set(line.initiativeId, new Map());
      }
    }
  }
  return state;
}

/** The edits, lines added and lines removed that turn `from` into `to`. */
export function changeBetween(from: ScenarioState, to: ScenarioState, years: readonly number[]) {
  const cells = diffStates(from.cells as CellState, to.cells as CellState, years);
  const linesAdded = [...to.positions].filter(([id]) => !from.positions.has(id)).map(([initiativeId, position]) => ({ initiativeId, position }));
  const linesRemoved = [...from.positions].filter(([id]) => !to.positions.has(id)).map(([initiativeId, position]) => ({ initiativeId, position }));
  return { cells, linesAdded, linesRemoved };
}

export interface RestoreInput {
  scenarioId: string;
  version: number;
  expectedVersion: number;
  comment?: string | null;
}

/** Makes a new version whose lines and cells equal those of an old one. History is never rewritten. */
export function restoreScenarioVersion(input: RestoreInput, actor: string): Promise<CommittedChange> {
  const problems = new ProblemList();
  const scenarioId = problems.id("input.scenarioId", input.scenarioId, "Scenario");
  const comment = problems.text("input.comment", input.comment, { max: TEXT_LIMITS.comment, required: false });
  problems.throwIfAny();

  return writeTransaction(async (tx) => {
    const scenario = await findScenario(tx, scenarioId!, "input.scenarioId");
    assertEditable(scenario);
    if (!Number.isInteger(input.version) || input.version < 1 || input.version > scenario.version) {
      throw InvalidInputError.of("input.version", "UNKNOWN_VERSION", `the scenario has versions 1 to ${scenario.version}.`, String(input.version));
    }
    assertVersion(scenario, input.expectedVersion);
    const years = scenario.frame.years.map((entry) => entry.year);
    const [now, then] = await Promise.all([currentState(tx, scenario.id), stateAtVersion(tx, scenario.id, input.version)]);
    const change = changeBetween(now, then, years);
    return commitChange(tx, scenario, { kind: "RESTORED", ...change, comment, details: { version: input.version } }, actor);
  });
}

/** The net effect of a list of changes (oldest first) per cell: the first `before`, the last `after`. */
export function netCellChanges(changes: ReadonlyArray<{ cells: readonly CellEdit[] }>): CellEdit[] {
  const net = new Map<string, CellEdit>();
  for (const change of changes) {
    for (const cell of change.cells) {
      const key = `${cell.initiativeId}:${cell.year}`;
      const earlier = net.get(key);
      net.set(key, { initiativeId: cell.initiativeId, year: cell.year, before: earlier ? earlier.before : cell.before, after: cell.after });
    }
  }
  return [...net.values()].filter((cell) => cell.before !== cell.after);
}
