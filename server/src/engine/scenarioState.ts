/**
 * A scenario's state — its lines with their positions and cells — read from the database, and the
 * change that turns one state into another. Used by history, import and seeding alike.
 */
import { diffStates, type CellState, type Oere } from "@ramme/domain";
import { Prisma } from "../generated/prisma/client.ts";
import { jsonArrayOfRows } from "./jsonRows.ts";

type Reader = Prisma.TransactionClient;

/** A scenario's lines and cells: what a version is. */
export interface ScenarioState {
  cells: Map<string, Map<number, Oere>>;
  /** Position of each line in the scenario. */
  positions: Map<string, number>;
}

/**
 * The scenario's lines and cells as stored. With `onlyLines`, just those lines (absent ones are
 * simply missing) — past a few hundred, the whole scenario is read instead, which is cheaper than a
 * long IN list and never reaches a parameter limit.
 */
export async function currentState(client: Reader, scenarioId: string, onlyLines?: readonly string[]): Promise<ScenarioState> {
  const wanted = onlyLines ? [...new Set(onlyLines)] : [];
  if (onlyLines && wanted.length === 0) return { cells: new Map(), positions: new Map() };
  const byLine = onlyLines && wanted.length <= 500 ? Prisma.sql` AND l."initiativeId" IN (${Prisma.join(wanted)})` : Prisma.empty;
  // Lines and their cells in one statement (a line without cells comes once, with a null year), as
  // one JSON text: [initiativeId, position, year, amount as text].
  const [result] = await client.$queryRaw<Array<{ rows: string | null }>>`
    SELECT ${jsonArrayOfRows([Prisma.sql`l."initiativeId"`, Prisma.sql`l."position"`, Prisma.sql`a."year"`, Prisma.sql`CAST(a."amount" AS TEXT)`])} AS "rows"
    FROM "ScenarioLine" l
    LEFT JOIN "Allocation" a ON a."scenarioId" = l."scenarioId" AND a."initiativeId" = l."initiativeId"
    WHERE l."scenarioId" = ${scenarioId}${byLine}`;
  const rows = JSON.parse(result?.rows ?? "[]") as Array<[string, number, number | null, string | null]>;
  const cells = new Map<string, Map<number, Oere>>();
  const positions = new Map<string, number>();
  for (const [initiativeId, position, year, amount] of rows) {
    let line = cells.get(initiativeId);
    if (!line) {
      line = new Map();
      cells.set(initiativeId, line);
      positions.set(initiativeId, position);
    }
    if (year !== null && amount !== null) line.set(year, BigInt(amount));
  }
  return { cells, positions };
}

/** The edits, lines added and lines removed that turn `from` into `to`. */
export function changeBetween(from: ScenarioState, to: ScenarioState, years: readonly number[]) {
  const cells = diffStates(from.cells as CellState, to.cells as CellState, years);
  const linesAdded = [...to.positions].filter(([id]) => !from.positions.has(id)).map(([initiativeId, position]) => ({ initiativeId, position }));
  const linesRemoved = [...from.positions].filter(([id]) => !to.positions.has(id)).map(([initiativeId, position]) => ({ initiativeId, position }));
  return { cells, linesAdded, linesRemoved };
}


export function copyState(state: ScenarioState): ScenarioState {
  return { cells: new Map([...state.cells].map(([id, cells]) => [id, new Map(cells)])), positions: new Map(state.positions) };
}

/**
 * Undoes one change on a state, in place: its cells go back to their `before` (null: the cell goes),
 * lines it added go, lines it removed come back at their position. Returns the state.
 */
export function undoChange(
  state: ScenarioState,
  change: { cells: ReadonlyArray<{ initiativeId: string; year: number; before: Oere | null }>; lines: ReadonlyArray<{ initiativeId: string; added: boolean; position: number }> },
): ScenarioState {
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
  return state;
}
