/** Moving the browser's focus along with the grid's, where the grid alone would leave it behind. */
import type { GridApi } from "ag-grid-community";
import { yearField } from "./gridColumns.ts";
import type { CellPosition } from "./selection.ts";

/**
 * A cell the grid was told to focus in a row it had not drawn yet (a jump far down: the grid scrolls
 * there and draws the row a frame later) has the grid's focus but not the browser's, which stays on
 * the cell left behind, or on the page once that cell is gone: typing then went nowhere. Once the row
 * is drawn, its cell gets the browser's focus too, unless something outside the grid (a menu, a
 * dialog) has taken it meanwhile. Gives up when the focus has moved on, or after some frames.
 */
export function focusWhenDrawn(api: GridApi, gridElement: HTMLElement, rowIndex: number, colId: string): void {
  let frames = 0;
  const attempt = () => {
    const focused = api.getFocusedCell();
    if (!focused || focused.rowIndex !== rowIndex || focused.rowPinned || focused.column.getColId() !== colId) return;
    const element = gridElement.querySelector<HTMLElement>(`.ag-row[row-index="${rowIndex}"]:not(.ag-row-pinned) .ag-cell[col-id="${colId}"]`);
    if (element) {
      // Only where the browser's focus was left behind in the grid or dropped to the page: a menu or
      // dialog opened meanwhile keeps it.
      const active = document.activeElement;
      const leftBehind = active === null || active === document.body || gridElement.contains(active);
      if (leftBehind && !element.contains(active)) {
        element.focus();
      }
      return;
    }
    if ((frames += 1) < 20) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

/** The drawn element of a line's amount cell (not a pinned total row's), or null while its row is not drawn. */
export function lineCellElement(root: ParentNode, cell: CellPosition): HTMLElement | null {
  return root.querySelector<HTMLElement>(`.ag-row[row-id="${CSS.escape(cell.initiativeKey)}"]:not(.ag-row-pinned) .ag-cell[col-id="${yearField(cell.year)}"]`);
}

/**
 * Gives a line's cell the grid's focus, scrolling it into view, and the browser's focus once its row
 * is drawn (focusWhenDrawn). False when the line is not among the rows shown.
 */
export function focusLineCell(api: GridApi, gridElement: HTMLElement | null, cell: CellPosition): boolean {
  const rowIndex = api.getRowNode(cell.initiativeKey)?.rowIndex;
  if (rowIndex === null || rowIndex === undefined) return false;
  api.ensureIndexVisible(rowIndex);
  api.ensureColumnVisible(yearField(cell.year));
  api.setFocusedCell(rowIndex, yearField(cell.year));
  if (gridElement) focusWhenDrawn(api, gridElement, rowIndex, yearField(cell.year));
  return true;
}
