/**
 * Pasting, filling and clearing blocks as Excel does, planned as pure functions of (target, clipboard,
 * grid) → cells to write: the clipboard's tab-separated text lands from the selection's top-left,
 * going down through the lines (theme heading rows are skipped) and right through the years. Every value is checked like a typed one; a block with any bad cell or reaching outside the
 * table is refused whole, never half-pasted.
 */
import { checkAllocationAmount, formatDanishAmount, parseDanishAmount, type AmountError, type Oere } from "@ramme/domain";

/** Rows of cells from clipboard text: tabs between cells, newlines between rows, Excel's trailing newline dropped. */
export function parseClipboardBlock(text: string): string[][] {
  const rows = text.replace(/\r\n?/g, "\n").split("\n");
  if (rows.length > 1 && rows.at(-1) === "") rows.pop();
  return rows.map((row) => row.split("\t"));
}

export interface PastedCell {
  initiativeKey: string;
  year: number;
  text: string;
  amount: Oere;
}

export interface PasteProblem {
  initiativeKey: string;
  year: number;
  text: string;
  error: AmountError;
}

/** Where a paste, fill or clear lands: rows are indexes into the lines in grid order, columns into the years. */
export interface TargetBounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type PastePlan =
  | { kind: "ok"; cells: PastedCell[] }
  /** The block does not fit below and right of the target's top-left; `fits` is what would. */
  | { kind: "outside"; rows: number; columns: number; fits: { rows: number; columns: number } }
  | { kind: "invalid"; problems: PasteProblem[] };

/** Parses and checks one typed or pasted amount ("3,5", "3.5", "1.234,5", "-" for 0) at the frame's precision. */
export function parseCellInput(text: string, maxDecimals: number): { ok: true; amount: Oere } | { ok: false; error: AmountError } {
  const parsed = parseDanishAmount(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const error = checkAllocationAmount(parsed.value, { maxDecimals }, text);
  return error ? { ok: false, error } : { ok: true, amount: parsed.value };
}

/**
 * The area a clipboard block covers when pasted onto the target, as Excel decides it: the block
 * always starts at the target's top-left; one value fills the whole target; a block whose height and
 * width divide the target's is repeated to tile it; any other block is pasted once, at its own size.
 */
export function pasteArea(blockRows: number, blockColumns: number, target: TargetBounds): TargetBounds {
  const targetRows = target.bottom - target.top + 1;
  const targetColumns = target.right - target.left + 1;
  const tiles = targetRows % blockRows === 0 && targetColumns % blockColumns === 0;
  const rows = tiles ? targetRows : blockRows;
  const columns = tiles ? targetColumns : blockColumns;
  return { top: target.top, left: target.left, bottom: target.top + rows - 1, right: target.left + columns - 1 };
}

/**
 * Plans a paste of a clipboard block (rows of cell texts) onto the target: every cell of the paste area
 * gets the block's value at its position modulo the block's size. A ragged block counts short rows'
 * missing cells as empty (refused as EMPTY, never silently zero). Nothing is planned unless every cell
 * is valid and the whole area lies inside the grid: a paste is stored whole or not at all.
 */
export function planPaste(
  block: readonly (readonly string[])[],
  target: TargetBounds,
  lineKeys: readonly string[],
  years: readonly number[],
  maxDecimals: number,
): PastePlan {
  const blockRows = block.length;
  const blockColumns = Math.max(0, ...block.map((row) => row.length));
  if (blockRows === 0 || blockColumns === 0) return { kind: "ok", cells: [] };
  const area = pasteArea(blockRows, blockColumns, target);
  if (area.top < 0 || area.left < 0 || area.bottom >= lineKeys.length || area.right >= years.length) {
    const fits = { rows: Math.max(0, lineKeys.length - area.top), columns: Math.max(0, years.length - area.left) };
    return { kind: "outside", rows: blockRows, columns: blockColumns, fits };
  }
  const cells: PastedCell[] = [];
  const problems: PasteProblem[] = [];
  for (let row = area.top; row <= area.bottom; row += 1) {
    for (let column = area.left; column <= area.right; column += 1) {
      const text = block[(row - area.top) % blockRows]![(column - area.left) % blockColumns] ?? "";
      const initiativeKey = lineKeys[row]!;
      const year = years[column]!;
      const parsed = parseCellInput(text, maxDecimals);
      if (parsed.ok) cells.push({ initiativeKey, year, text, amount: parsed.amount });
      else problems.push({ initiativeKey, year, text, error: parsed.error });
    }
  }
  return problems.length > 0 ? { kind: "invalid", problems } : { kind: "ok", cells };
}

/** Delete on a selection: every cell of the target set to 0, as one edit. */
export function planClear(target: TargetBounds, lineKeys: readonly string[], years: readonly number[]): PastedCell[] {
  return cellsOf(target, lineKeys, years, () => 0n);
}

/**
 * Ctrl+D (down) and Ctrl+R (right), as in Excel: the target's first row (or first column) is copied
 * into the rest of the target. A one-row target fills down from the row above it, a one-column target
 * right from the column to its left, as Excel does for a single cell.
 */
export function planFill(
  direction: "down" | "right",
  target: TargetBounds,
  lineKeys: readonly string[],
  years: readonly number[],
  amountOf: (initiativeKey: string, year: number) => Oere,
): PastedCell[] {
  const down = direction === "down";
  const single = down ? target.top === target.bottom : target.left === target.right;
  const source = single ? (down ? target.top - 1 : target.left - 1) : down ? target.top : target.left;
  if (source < 0) return [];
  const area = single ? target : down ? { ...target, top: target.top + 1 } : { ...target, left: target.left + 1 };
  const sourceAmount = (row: number, column: number) =>
    down ? amountOf(lineKeys[source]!, years[column]!) : amountOf(lineKeys[row]!, years[source]!);
  return cellsOf(area, lineKeys, years, sourceAmount);
}

function cellsOf(
  area: TargetBounds,
  lineKeys: readonly string[],
  years: readonly number[],
  amountOf: (row: number, column: number) => Oere,
): PastedCell[] {
  const cells: PastedCell[] = [];
  for (let row = area.top; row <= area.bottom; row += 1) {
    for (let column = area.left; column <= area.right; column += 1) {
      const amount = amountOf(row, column);
      cells.push({ initiativeKey: lineKeys[row]!, year: years[column]!, text: formatDanishAmount(amount, { grouping: false }), amount });
    }
  }
  return cells;
}

/**
 * Where dragging the fill handle of `source` to the cell at (`row`, `column`) extends it, as Excel
 * decides: along the axis on which the cell lies further outside the source (rows on a tie), from the
 * source's edge to that cell; null while the cell is inside the source (nothing to fill).
 */
export function fillHandleArea(source: TargetBounds, row: number, column: number): TargetBounds | null {
  const rowsOut = row > source.bottom ? row - source.bottom : row < source.top ? source.top - row : 0;
  const columnsOut = column > source.right ? column - source.right : column < source.left ? source.left - column : 0;
  if (rowsOut === 0 && columnsOut === 0) return null;
  if (rowsOut >= columnsOut) return { ...source, top: Math.min(source.top, row), bottom: Math.max(source.bottom, row) };
  return { ...source, left: Math.min(source.left, column), right: Math.max(source.right, column) };
}

/**
 * The fill handle's write: every cell of `area` outside `source` gets the source's amount at its
 * position modulo the source's size, so the source repeats through the area in both directions, as
 * Excel copies a block when its handle is dragged (Excel's series, Ctrl+drag, is not done).
 */
export function planFillHandle(
  source: TargetBounds,
  area: TargetBounds,
  lineKeys: readonly string[],
  years: readonly number[],
  amountOf: (initiativeKey: string, year: number) => Oere,
): PastedCell[] {
  const height = source.bottom - source.top + 1;
  const width = source.right - source.left + 1;
  const wrap = (offset: number, size: number) => ((offset % size) + size) % size;
  const inSource = (row: number, column: number) => row >= source.top && row <= source.bottom && column >= source.left && column <= source.right;
  return cellsOf(area, lineKeys, years, (row, column) =>
    amountOf(lineKeys[source.top + wrap(row - source.top, height)]!, years[source.left + wrap(column - source.left, width)]!),
  ).filter((cell) => !inSource(lineKeys.indexOf(cell.initiativeKey), years.indexOf(cell.year)));
}
