/**
 * The history as a way back: a scenario's state at any earlier version is its current state with
 * the later changes undone, in reverse. Restore and merge are built on that, and the changeset
 * since a version or a time is the net of the changes after it.
 */
import type { CellEdit } from "@ramme/domain";
import type { Transaction } from "../db.ts";
import { commitChange, type CommittedChange } from "./commitChange.ts";
import { InvalidInputError } from "./errors.ts";
import { editScenario } from "./editScenario.ts";
import { assertVersion } from "./scenarioAccess.ts";
import { changeBetween, copyState, currentState, undoChange, type ScenarioState } from "./scenarioState.ts";

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
  for (const change of later) undoChange(state, change);
  return state;
}

export interface RestoreInput {
  scenarioId: string;
  version: number;
  expectedVersion: number;
  comment?: string | null;
}

/** Makes a new version whose lines and cells equal those of an old one. History is never rewritten. */
export function restoreScenarioVersion(input: RestoreInput, actor: string): Promise<CommittedChange> {
  return editScenario(input, () => {}, async ({ tx, scenario, comment }) => {
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

export interface RevertInput {
  scenarioId: string;
  version: number;
  expectedVersion: number;
  comment?: string | null;
}

/**
 * Undoes one change as a new version: its cells go back to their `before`, lines it added go, lines
 * it removed come back in place. Refused if any of those cells has changed again since (that later
 * change would be silently overwritten). Reverting a REVERTED change redoes the original.
 */
export function revertChange(input: RevertInput, actor: string): Promise<CommittedChange> {
  return editScenario(input, () => {}, async ({ tx, scenario, problems, comment }) => {
    const change = await tx.scenarioChange.findUnique({
      where: { scenarioId_version: { scenarioId: scenario.id, version: input.version } },
      select: { cells: true, lines: true },
    });
    if (!change) throw InvalidInputError.of("input.version", "UNKNOWN_VERSION", `the scenario has no version ${input.version}.`, String(input.version));
    if (change.cells.length === 0 && change.lines.length === 0) {
      throw InvalidInputError.of("input.version", "NOT_REVERTIBLE", `version ${input.version} changed no lines or cells.`, String(input.version));
    }
    const now = await currentState(tx, scenario.id);
    const changedSince = change.cells.filter((cell) => (now.cells.get(cell.initiativeId)?.get(cell.year) ?? null) !== cell.after);
    // The refusal names the lines by their titles (people read titles, not keys); the value keeps the key.
    const titles = new Map(
      changedSince.length === 0 ? [] : (await tx.initiative.findMany({ where: { id: { in: [...new Set(changedSince.map((cell) => cell.initiativeId))] } }, select: { id: true, title: true } })).map((row) => [row.id, row.title]),
    );
    for (const cell of changedSince) {
      problems.add("input.version", "CHANGED_SINCE", `“${titles.get(cell.initiativeId) ?? cell.initiativeId}” ${cell.year} has been changed again since version ${input.version}.`, `${cell.initiativeId}:${cell.year}`);
    }
    const target = undoChange(copyState(now), change);
    problems.throwIfAny();
    assertVersion(scenario, input.expectedVersion);
    const years = scenario.frame.years.map((entry) => entry.year);
    return commitChange(tx, scenario, { kind: "REVERTED", ...changeBetween(now, target, years), comment, details: { version: input.version } }, actor);
  });
}
