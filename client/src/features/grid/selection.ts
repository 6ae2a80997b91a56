/** A rectangular block of cells (AG Grid Community has no range selection): an anchor and a focus, over lines and years. */
import { formatDanishAmount, type Oere } from "@ramme/domain";

export interface CellPosition {
  initiativeKey: string;
  year: number;
}

export interface Block {
  anchor: CellPosition;
  focus: CellPosition;
}

export function sameCell(a: CellPosition | null, b: CellPosition | null): boolean {
  return a === b || (!!a && !!b && a.initiativeKey === b.initiativeKey && a.year === b.year);
}

export function blockBounds(block: Block, lineKeys: readonly string[], years: readonly number[]) {
  const rows = [lineKeys.indexOf(block.anchor.initiativeKey), lineKeys.indexOf(block.focus.initiativeKey)];
  const columns = [years.indexOf(block.anchor.year), years.indexOf(block.focus.year)];
  if (rows.includes(-1) || columns.includes(-1)) return null;
  return { top: Math.min(...rows), bottom: Math.max(...rows), left: Math.min(...columns), right: Math.max(...columns) };
}

export function isInBlock(block: Block | null, cell: CellPosition, lineKeys: readonly string[], years: readonly number[]): boolean {
  if (!block) return false;
  const bounds = blockBounds(block, lineKeys, years);
  if (!bounds) return false;
  const row = lineKeys.indexOf(cell.initiativeKey);
  const column = years.indexOf(cell.year);
  return row >= bounds.top && row <= bounds.bottom && column >= bounds.left && column <= bounds.right;
}

/** The block as tab-separated text with Danish decimal commas, as Excel pastes it back. */
export function blockToTsv(block: Block, lineKeys: readonly string[], years: readonly number[], amountOf: (initiativeKey: string, year: number) => Oere): { text: string; count: number } {
  const bounds = blockBounds(block, lineKeys, years);
  if (!bounds) return { text: "", count: 0 };
  const rows: string[] = [];
  for (let row = bounds.top; row <= bounds.bottom; row += 1) {
    const cells: string[] = [];
    for (let column = bounds.left; column <= bounds.right; column += 1) {
      cells.push(formatDanishAmount(amountOf(lineKeys[row]!, years[column]!), { minDecimals: 1, grouping: false }));
    }
    rows.push(cells.join("\t"));
  }
  return { text: `${rows.join("\r\n")}\r\n`, count: (bounds.bottom - bounds.top + 1) * (bounds.right - bounds.left + 1) };
}
