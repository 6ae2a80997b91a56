/**
 * Leaving the grid without tabbing through every cell: Tab on a row's last column (Shift+Tab on its
 * first) takes the focus to what follows (precedes) the grid on the page, as the users expect
 * of a table in a form; inside a row Tab moves cell by cell as before. The skip link before the grid
 * uses the same `focusBeyond`.
 */
import type { CellPosition, TabToNextCellParams } from "ag-grid-community";

/** What Tab reaches, and the selection's status line right after the grid (focusable by code only), so there is always a place to go. */
const FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1']), [data-after-grid]";

/** Focuses the first focusable element after the grid (or the last before it); false when there is none. */
export function focusBeyond(gridElement: HTMLElement, direction: "after" | "before"): boolean {
  const candidates = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => !gridElement.contains(element) && !element.matches(":disabled") && element.getClientRects().length > 0 && !element.closest("[inert], [hidden]"),
  );
  const following = (element: HTMLElement) => (gridElement.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  const target = direction === "after" ? candidates.find(following) : candidates.filter((element) => !following(element)).at(-1);
  if (!target) return false;
  target.focus();
  return true;
}

/**
 * AG Grid's `tabToNextCell`: the next cell within the row, as AG Grid would; at the row's end (the
 * next cell would be on another row, or there is none) the focus leaves the grid. While editing, Tab
 * at the row's end stores the value and stays on the cell.
 */
export function tabWithinRow(gridElement: () => HTMLElement | null) {
  return (params: TabToNextCellParams): CellPosition | boolean => {
    const { previousCellPosition: previous, nextCellPosition: next, backwards, editing } = params;
    const sameRow = !!next && next.rowIndex === previous.rowIndex && (next.rowPinned ?? null) === (previous.rowPinned ?? null);
    if (sameRow) return next;
    if (editing) return true;
    const element = gridElement();
    // After AG Grid has handled the key (it keeps the focus on the cell): then out of the grid.
    if (element) setTimeout(() => focusBeyond(element, backwards ? "before" : "after"), 0);
    return true;
  };
}
