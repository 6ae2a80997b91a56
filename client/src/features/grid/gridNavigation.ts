/**
 * Where Excel's navigation keys take the active cell, as pure functions over the amount cells (rows:
 * the lines in grid order, columns: the years). Home/End go to the row's first/last year,
 * Ctrl+Home/Ctrl+End to the first/last amount cell, Ctrl+arrows to the edge of the data: from a
 * filled cell whose neighbour is filled, to the last filled cell of that run; otherwise to the next
 * filled cell, or the table's edge when there is none. A cell holding 0 (shown "-") counts as empty.
 */
export interface GridPoint {
  row: number;
  column: number;
}

export type JumpKey = "Home" | "End" | "CtrlHome" | "CtrlEnd" | "CtrlUp" | "CtrlDown" | "CtrlLeft" | "CtrlRight";

const STEPS: Record<"CtrlUp" | "CtrlDown" | "CtrlLeft" | "CtrlRight", GridPoint> = {
  CtrlUp: { row: -1, column: 0 },
  CtrlDown: { row: 1, column: 0 },
  CtrlLeft: { row: 0, column: -1 },
  CtrlRight: { row: 0, column: 1 },
};

/** The key's name as the jump table knows it, or null for a key that is no jump (modifiers as Excel reads them; ⌘ counts as Ctrl). */
export function jumpKeyOf(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): JumpKey | null {
  if (event.altKey) return null;
  const command = event.ctrlKey || event.metaKey;
  const names: Record<string, [JumpKey, JumpKey]> = {
    Home: ["Home", "CtrlHome"],
    End: ["End", "CtrlEnd"],
    ArrowUp: ["CtrlUp", "CtrlUp"],
    ArrowDown: ["CtrlDown", "CtrlDown"],
    ArrowLeft: ["CtrlLeft", "CtrlLeft"],
    ArrowRight: ["CtrlRight", "CtrlRight"],
  };
  const pair = names[event.key];
  if (!pair) return null;
  // A plain arrow is the grid's own one-cell move, not a jump.
  if (event.key.startsWith("Arrow") && !command) return null;
  return command ? pair[1] : pair[0];
}

/** Where `key` takes the active cell from `from` in a rows × columns table; `filled` says whether a cell holds data. */
export function jumpTarget(key: JumpKey, from: GridPoint, rows: number, columns: number, filled: (row: number, column: number) => boolean): GridPoint {
  if (rows <= 0 || columns <= 0) return from;
  switch (key) {
    case "Home":
      return { row: from.row, column: 0 };
    case "End":
      return { row: from.row, column: columns - 1 };
    case "CtrlHome":
      return { row: 0, column: 0 };
    case "CtrlEnd":
      return { row: rows - 1, column: columns - 1 };
    default:
      return edgeOfData(from, STEPS[key], rows, columns, filled);
  }
}

function edgeOfData(from: GridPoint, step: GridPoint, rows: number, columns: number, filled: (row: number, column: number) => boolean): GridPoint {
  const inside = (point: GridPoint) => point.row >= 0 && point.row < rows && point.column >= 0 && point.column < columns;
  const next = (point: GridPoint) => ({ row: point.row + step.row, column: point.column + step.column });
  let at = from;
  if (!inside(next(at))) return at;
  if (filled(at.row, at.column) && filled(next(at).row, next(at).column)) {
    // Along a run of data to its last cell.
    while (inside(next(at)) && filled(next(at).row, next(at).column)) at = next(at);
    return at;
  }
  // Over the gap to the next cell with data, or to the edge.
  at = next(at);
  while (inside(next(at)) && !filled(at.row, at.column)) at = next(at);
  return at;
}

/**
 * Shift+PageDown/Shift+PageUp: the displayed row a screenful (`pageRows`) down (`direction` 1) or up
 * (-1) from `from`, kept inside the `rowCount` displayed rows; when that row is no line (a theme's
 * heading), the nearest line back towards `from`. Null when there is none (the selection stays).
 */
export function pageTarget(from: number, direction: 1 | -1, pageRows: number, rowCount: number, isLine: (row: number) => boolean): number | null {
  if (rowCount <= 0) return null;
  let row = Math.min(Math.max(from + direction * Math.max(1, pageRows), 0), rowCount - 1);
  while (row !== from && !isLine(row)) row -= direction;
  return row === from ? null : row;
}
