/**
 * Three-way merge of scenario cells: bring what changed in a source scenario since a common base
 * into a target scenario that may have changed too. Only real disagreements become conflicts, and
 * a line is added or removed as a whole, never left half present.
 */
import type { Oere } from "./money.ts";

/** initiativeId → year → amount; a line is present iff its initiativeId is a key. */
export type CellState = ReadonlyMap<string, ReadonlyMap<number, Oere>>;

export type MergeSide = "SOURCE" | "TARGET";

/** How a conflicting cell is settled: a side's value, or an amount given for it (typed by the user). */
export type MergeResolution = MergeSide | { amount: Oere };

export interface CellEdit {
  initiativeId: string;
  year: number;
  /** null = the line is absent. */
  before: Oere | null;
  /** null = the line is absent (the edit removes the whole line). */
  after: Oere | null;
}

export interface MergeConflict {
  initiativeId: string;
  year: number;
  base: Oere | null;
  source: Oere | null;
  target: Oere | null;
}

export interface MergeResult {
  /** Edits to apply to the target; `before` is the target's value. */
  edits: CellEdit[];
  /** Conflicts no resolution settles. */
  conflicts: MergeConflict[];
  /** Conflicts settled by a resolution. */
  resolved: MergeConflict[];
}

/** The key of a cell in a resolutions map. */
export const cellKey = (initiativeId: string, year: number): string => `${initiativeId}:${year}`;

/** A cell's value: null when the line is absent, 0 when the line is present without a cell that year. */
export function cellValue(state: CellState, initiativeId: string, year: number): Oere | null {
  const line = state.get(initiativeId);
  return line ? (line.get(year) ?? 0n) : null;
}

/**
 * Merges the changes from `base` to `source` into `target`, cell by cell over the union of lines and
 * the given years. Per cell: source unchanged → nothing; target unchanged → take the source; both
 * made the same change → nothing; otherwise a conflict, which a resolution settles (SOURCE takes the
 * source's value, TARGET keeps the target's, an amount sets the cell to that amount).
 *
 * Where one side has a line and the other does not (one added or removed it), the line is merged as a
 * whole: its conflicts are settled only when every one of them is resolved, and the line then takes
 * the source's state entirely if all are resolved SOURCE, else stays as in the target. An amount
 * counts as the side that has the line (the line stays, with that amount in that cell), so it is applied
 * whenever the line ends up present. Until then nothing of that line is edited.
 */
export function threeWayMerge(
  base: CellState,
  source: CellState,
  target: CellState,
  years: readonly number[],
  resolutions: ReadonlyMap<string, MergeResolution> = new Map(),
): MergeResult {
  const edits: CellEdit[] = [];
  const conflicts: MergeConflict[] = [];
  const resolved: MergeConflict[] = [];

  for (const initiativeId of unionOfLines([base, source, target])) {
    const cells = years.map((year) => ({
      initiativeId,
      year,
      base: cellValue(base, initiativeId, year),
      source: cellValue(source, initiativeId, year),
      target: cellValue(target, initiativeId, year),
    }));
    const takeSource = (cell: MergeConflict): CellEdit => ({
      initiativeId,
      year: cell.year,
      before: cell.target,
      after: cell.source,
    });
    const lineConflicts = cells.filter(
      (cell) => cell.source !== cell.base && cell.target !== cell.base && cell.target !== cell.source,
    );

    if (source.has(initiativeId) === target.has(initiativeId)) {
      for (const cell of cells) {
        if (cell.source === cell.base || cell.target === cell.source) continue;
        if (cell.target === cell.base) {
          edits.push(takeSource(cell));
          continue;
        }
        const resolution = resolutions.get(cellKey(initiativeId, cell.year));
        if (resolution === undefined) conflicts.push(cell);
        else {
          resolved.push(cell);
          if (resolution === "SOURCE") edits.push(takeSource(cell));
          else if (resolution !== "TARGET") edits.push({ initiativeId, year: cell.year, before: cell.target, after: resolution.amount });
        }
      }
      continue;
    }

    // One side has the line and the other does not: all or nothing for the line.
    if (lineConflicts.length === 0) {
      // Without conflicts every cell either takes the source (the source added or removed the line) or none does.
      edits.push(...cells.filter((cell) => cell.source !== cell.base && cell.target === cell.base).map(takeSource));
      continue;
    }
    const present: MergeSide = source.has(initiativeId) ? "SOURCE" : "TARGET";
    const given = lineConflicts.map((cell) => resolutions.get(cellKey(initiativeId, cell.year)));
    for (const [index, cell] of lineConflicts.entries()) (given[index] === undefined ? conflicts : resolved).push(cell);
    if (given.some((resolution) => resolution === undefined)) continue;
    const sides = given.map((resolution) => (typeof resolution === "object" ? present : resolution));
    const lineTakesSource = sides.every((side) => side === "SOURCE");
    if (lineTakesSource) edits.push(...cells.map(takeSource));
    if (lineTakesSource !== (present === "SOURCE")) continue;
    // The line ends present: typed amounts go into their cells, over what the line takes.
    for (const [index, cell] of lineConflicts.entries()) {
      const resolution = given[index];
      if (typeof resolution !== "object") continue;
      const at = edits.findIndex((edit) => edit.initiativeId === initiativeId && edit.year === cell.year);
      if (at >= 0) edits[at] = { ...edits[at]!, after: resolution.amount };
      else edits.push({ initiativeId, year: cell.year, before: cell.target, after: resolution.amount });
    }
  }

  // A typed amount equal to the target's value changes nothing.
  return { edits: edits.filter((edit) => edit.before !== edit.after), conflicts, resolved };
}

/** Lines in order of first appearance across the states. */
function unionOfLines(states: readonly CellState[]): string[] {
  const ids = new Set<string>();
  for (const state of states) for (const initiativeId of state.keys()) ids.add(initiativeId);
  return [...ids];
}

/**
 * The edits that turn `from` into `to` over the given years: changed cells, and every year of a
 * line that one state has and the other does not.
 */
export function diffStates(from: CellState, to: CellState, years: readonly number[]): CellEdit[] {
  const edits: CellEdit[] = [];
  for (const initiativeId of unionOfLines([from, to])) {
    for (const year of years) {
      const before = cellValue(from, initiativeId, year);
      const after = cellValue(to, initiativeId, year);
      if (before !== after) edits.push({ initiativeId, year, before, after });
    }
  }
  return edits;
}

/**
 * Applies edits to a state and returns the new state (the given one is not changed). An edit to
 * null removes the whole line; an edit to an amount on an absent line creates the line. Every
 * edit's `before` must match the given state, else the edits are stale and this throws.
 */
export function applyEdits(state: CellState, edits: readonly CellEdit[]): CellState {
  for (const edit of edits) {
    const current = cellValue(state, edit.initiativeId, edit.year);
    if (current !== edit.before) {
      throw new Error(
        `Stale edit for ${cellKey(edit.initiativeId, edit.year)}: expected ${String(edit.before)}, found ${String(current)}`,
      );
    }
  }
  const next = new Map<string, Map<number, Oere>>();
  for (const [initiativeId, line] of state) next.set(initiativeId, new Map(line));
  for (const edit of edits) {
    if (edit.after === null) {
      next.delete(edit.initiativeId);
      continue;
    }
    let line = next.get(edit.initiativeId);
    if (!line) {
      line = new Map();
      next.set(edit.initiativeId, line);
    }
    line.set(edit.year, edit.after);
  }
  return next;
}
