/**
 * A scenario's state — its lines with their positions and cells — read from the database, and the
 * change that turns one state into another. Used by history, import and seeding alike.
 */
import { diffStates, type CellState, type Oere } from "@ramme/domain";
import type { Prisma } from "../generated/prisma/client.ts";

type Reader = Prisma.TransactionClient;

/** A scenario's lines and cells: what a version is. */
export interface ScenarioState {
  cells: Map<string, Map<number, Oere>>;
  /** Position of each line in the scenario. */
  positions: Map<string, number>;
}

export async function currentState(client: Reader, scenarioId: string): Promise<ScenarioState> {
  const [lines, allocations] = await Promise.all([
    client.scenarioLine.findMany({ where: { scenarioId }, select: { initiativeId: true, position: true } }),
    client.allocation.findMany({ where: { scenarioId }, select: { initiativeId: true, year: true, amount: true } }),
  ]);
  const cells = new Map<string, Map<number, Oere>>(lines.map((line) => [line.initiativeId, new Map()]));
  for (const cell of allocations) cells.get(cell.initiativeId)?.set(cell.year, cell.amount);
  return { cells, positions: new Map(lines.map((line) => [line.initiativeId, line.position])) };
}

/** The edits, lines added and lines removed that turn `from` into `to`. */
export function changeBetween(from: ScenarioState, to: ScenarioState, years: readonly number[]) {
  const cells = diffStates(from.cells as CellState, to.cells as CellState, years);
  const linesAdded = [...to.positions].filter(([id]) => !from.positions.has(id)).map(([initiativeId, position]) => ({ initiativeId, position }));
  const linesRemoved = [...from.positions].filter(([id]) => !to.positions.has(id)).map(([initiativeId, position]) => ({ initiativeId, position }));
  return { cells, linesAdded, linesRemoved };
}

