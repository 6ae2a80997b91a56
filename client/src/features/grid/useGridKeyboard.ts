/**
 * The planner's Excel keys and gestures that AG Grid Community lacks, on window listeners that run
 * before the grid's own: Ctrl+A, Home/End, Ctrl+Home/Ctrl+End, Ctrl+arrows (and their Shift forms,
 * which extend the block), Shift+PageDown/Shift+PageUp, Shift+click, Ctrl+Enter in an editor, the
 * context-menu key and Shift+F10, right-click, and Ctrl+Z/Ctrl+Y (⌘ on macOS) anywhere in the planner except a text
 * field. Where the keys lead is pure (gridNavigation.ts); this hook only reads the DOM and the grid.
 */
import type { GridApi } from "ag-grid-community";
import { useEffect, useRef, type RefObject } from "react";
import type { Oere } from "@ramme/domain";
import { yearField } from "./gridColumns.ts";
import type { BodyRow } from "./gridRows.ts";
import { jumpKeyOf, jumpTarget, pageTarget } from "./gridNavigation.ts";
import { blockBounds, isInBlock, type Block, type CellPosition } from "./selection.ts";
import type { TargetBounds } from "./pasteBlock.ts";
import { focusLineCell, lineCellElement } from "./gridFocus.ts";

export interface GridKeyboardInput {
  apiRef: RefObject<GridApi | null>;
  /** The grid's wrapper (the element with the grid's region role), once drawn. */
  gridElement: HTMLElement | null;
  /** The selection now (see useBlockSelection). */
  currentBlock: () => Block | null;
  /** Sets the selection; `focusedAt` is the cell that has, or is about to get, the grid's focus. */
  setBlock: (block: Block, focusedAt?: CellPosition | null) => void;
  lineKeys: readonly string[];
  years: readonly number[];
  amountOf: (initiativeKey: string, year: number) => Oere;
  focusedCell: () => CellPosition | null;
  editingCell: () => CellPosition | null;
  editable: boolean;
  undoOrRedo: (direction: "undo" | "redo") => void;
  /** Ctrl+Enter: the typed text into every cell of the target. */
  fillTyped: (text: string, target: TargetBounds) => void;
  /**
   * Enter or Tab in an editor, before the grid reads it: the grid sends no edit when the text is what
   * the editor started with, so a refused cell typed back to its stored amount is put right here.
   */
  committing: (cell: CellPosition, text: string) => void;
  /** The context menu for a cell, at a point on the screen. */
  openMenu: (cell: CellPosition, at: { x: number; y: number }) => void;
}

/** A field where Ctrl+Z belongs to the text being typed, not to the scenario. */
export function isTextField(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLTextAreaElement || (element instanceof HTMLElement && element.isContentEditable)) return true;
  if (!(element instanceof HTMLInputElement)) return false;
  return !["button", "checkbox", "radio", "submit", "reset", "range", "color", "file", "image"].includes(element.type);
}

/** The line amount cell a DOM element belongs to, if any. */
export function cellOfElement(element: Element | null, lineKeys: readonly string[], years: readonly number[]): CellPosition | null {
  const cellElement = element?.closest(".ag-cell");
  const rowId = cellElement?.closest(".ag-row")?.getAttribute("row-id");
  const colId = cellElement?.getAttribute("col-id");
  if (!rowId || !colId || !colId.startsWith("y")) return null;
  const year = Number(colId.slice(1));
  return lineKeys.includes(rowId) && years.includes(year) ? { initiativeKey: rowId, year } : null;
}

export function useGridKeyboard(input: GridKeyboardInput): { committedByKey: () => boolean } {
  // The handlers are installed once; they read the latest input through this ref.
  const latest = useRef(input);
  latest.current = input;
  /** The line cell that last had the focus, to return to when a dialog closes. */
  const lastCellRef = useRef<CellPosition | null>(null);
  /** The editor being closed was closed by Enter or Tab (a refused value then reopens it), not by a click elsewhere. */
  const committedByKeyRef = useRef(false);

  useEffect(() => {
    const focusCell = (api: GridApi, cell: CellPosition) => focusLineCell(api, latest.current.gridElement, cell);
    const inPlanner = (element: Element | null) => {
      const grid = latest.current.gridElement;
      if (!element || element === document.body) return true;
      const planner = grid?.closest(".scenario-view");
      return !!planner && planner.contains(element);
    };
    const inGrid = (element: Element | null) => {
      const grid = latest.current.gridElement;
      return !element || element === document.body || (!!grid && grid.contains(element));
    };
    const menuAtCell = (cell: CellPosition) => {
      const grid = latest.current.gridElement;
      const element = grid ? lineCellElement(grid, cell) : null;
      const rect = element?.getBoundingClientRect();
      latest.current.openMenu(cell, rect ? { x: rect.left + rect.width / 2, y: rect.bottom } : { x: 0, y: 0 });
    };

    const onKeyDown = (event: KeyboardEvent) => {
      const current = latest.current;
      const api = current.apiRef.current;
      if (!api || api.isDestroyed()) return;
      const active = document.activeElement;
      const command = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();

      if (api.getEditingCells().length > 0) {
        if (!inGrid(active)) return;
        const editing = current.editingCell();
        if (event.key === "Enter" && command && editing && active instanceof HTMLInputElement) {
          // Ctrl+Enter: the typed value into every selected cell, as Excel does.
          event.preventDefault();
          event.stopPropagation();
          const text = active.value;
          const selected = current.currentBlock();
          const block = selected && isInBlock(selected, editing, current.lineKeys, current.years) ? selected : { anchor: editing, focus: editing };
          api.stopEditing(true);
          const bounds = blockBounds(block, current.lineKeys, current.years);
          if (bounds) current.fillTyped(text, bounds);
          focusCell(api, editing);
          return;
        }
        // Read (and reset) by the edit's handler; a click or any key outside an editor resets it too.
        committedByKeyRef.current = event.key === "Enter" || event.key === "Tab";
        if (committedByKeyRef.current && editing && active instanceof HTMLInputElement) current.committing(editing, active.value);
        return;
      }
      committedByKeyRef.current = false;

      // Undo and redo wherever the focus is in the planner, except while typing in a field or under a dialog.
      if (command && !event.altKey && (key === "z" || key === "y")) {
        if (!current.editable || isTextField(active) || !inPlanner(active) || active?.closest("dialog")) return;
        event.preventDefault();
        event.stopPropagation();
        current.undoOrRedo(key === "y" || event.shiftKey ? "redo" : "undo");
        return;
      }
      if (!inGrid(active) || isTextField(active)) return;

      if (command && key === "a" && !event.altKey && !event.shiftKey) {
        const { lineKeys, years } = current;
        if (lineKeys.length === 0 || years.length === 0) return;
        event.preventDefault();
        event.stopPropagation();
        current.setBlock({ anchor: { initiativeKey: lineKeys[0]!, year: years[0]! }, focus: { initiativeKey: lineKeys.at(-1)!, year: years.at(-1)! } });
        return;
      }
      if (event.key === "ContextMenu" || (event.key === "F10" && event.shiftKey)) {
        const cell = current.focusedCell();
        if (!cell) return;
        event.preventDefault();
        event.stopPropagation();
        menuAtCell(cell);
        return;
      }
      if ((event.key === "PageDown" || event.key === "PageUp") && event.shiftKey && !command && !event.altKey) {
        // Shift+PageDown/PageUp extend the block a screenful (AG Grid's own PageDown only moves).
        const block = current.currentBlock();
        const from = block?.focus ?? null;
        const fromRow = from ? api.getRowNode(from.initiativeKey)?.rowIndex : null;
        if (!from || fromRow === null || fromRow === undefined) return;
        const { top, bottom } = api.getVerticalPixelRange();
        const rowHeight = api.getDisplayedRowAtIndex(fromRow)?.rowHeight ?? 0;
        const pageRows = rowHeight > 0 ? Math.floor((bottom - top) / rowHeight) : 1;
        const lineAt = (row: number) => {
          const data = api.getDisplayedRowAtIndex(row)?.data as BodyRow | undefined;
          return data?.kind === "line" ? data.initiativeKey : null;
        };
        const row = pageTarget(fromRow, event.key === "PageDown" ? 1 : -1, pageRows, api.getDisplayedRowCount(), (index) => lineAt(index) !== null);
        event.preventDefault();
        event.stopPropagation();
        const line = row === null ? null : lineAt(row);
        if (!line) return;
        const next = { initiativeKey: line, year: from.year };
        focusCell(api, next);
        current.setBlock({ anchor: block?.anchor ?? from, focus: next }, next);
        return;
      }
      const jump = jumpKeyOf(event);
      if (!jump) return;
      const { lineKeys, years, amountOf } = current;
      const block = current.currentBlock();
      const from = event.shiftKey ? block?.focus ?? null : current.focusedCell();
      if (!from && jump !== "CtrlHome" && jump !== "CtrlEnd") return;
      const start = from ? { row: lineKeys.indexOf(from.initiativeKey), column: years.indexOf(from.year) } : { row: 0, column: 0 };
      if (start.row < 0 || start.column < 0) return;
      const target = jumpTarget(jump, start, lineKeys.length, years.length, (row, column) => amountOf(lineKeys[row]!, years[column]!) !== 0n);
      const next = { initiativeKey: lineKeys[target.row]!, year: years[target.column]! };
      event.preventDefault();
      event.stopPropagation();
      focusCell(api, next);
      current.setBlock(event.shiftKey && block ? { anchor: block.anchor, focus: next } : { anchor: next, focus: next }, next);
    };

    let blockAtRightClick: Block | null = null;
    // A click selects the clicked cell; Shift+click extends the block from its anchor to it; a right-click
    // inside the block keeps it, as in Excel. Taken on pointerdown, before the grid moves its focus there.
    const onPointerDown = (event: PointerEvent) => {
      committedByKeyRef.current = false;
      const current = latest.current;
      const api = current.apiRef.current;
      if (!api || api.getEditingCells().length > 0) return;
      const cell = cellOfElement(event.target instanceof Element ? event.target : null, current.lineKeys, current.years);
      if (!cell) return;
      const block = current.currentBlock();
      if (event.button === 2) {
        blockAtRightClick = block;
        return;
      }
      if (event.button !== 0) return;
      current.setBlock(event.shiftKey && block ? { anchor: block.anchor, focus: cell } : { anchor: cell, focus: cell }, cell);
    };

    // Right-click on an amount cell: its menu instead of the browser's. A cell outside the block becomes the selection.
    const onContextMenu = (event: MouseEvent) => {
      const current = latest.current;
      const api = current.apiRef.current;
      if (!api) return;
      const cell = cellOfElement(event.target instanceof Element ? event.target : null, current.lineKeys, current.years);
      if (!cell) return;
      event.preventDefault();
      if (api.getEditingCells().length > 0) api.stopEditing();
      const kept = blockAtRightClick && isInBlock(blockAtRightClick, cell, current.lineKeys, current.years) ? blockAtRightClick : null;
      blockAtRightClick = null;
      focusCell(api, cell);
      current.setBlock(kept ?? { anchor: cell, focus: cell }, cell);
      current.openMenu(cell, { x: event.clientX, y: event.clientY });
    };

    const onFocusIn = (event: FocusEvent) => {
      const cell = cellOfElement(event.target instanceof Element ? event.target : null, latest.current.lineKeys, latest.current.years);
      if (cell) lastCellRef.current = cell;
    };

    window.addEventListener("keydown", onKeyDown, true);
    const grid = input.gridElement;
    grid?.addEventListener("pointerdown", onPointerDown, true);
    grid?.addEventListener("contextmenu", onContextMenu, true);
    grid?.addEventListener("focusin", onFocusIn);

    // After any dialog of the planner closes, the focus goes back to the cell that was active.
    const planner = grid?.closest(".scenario-view");
    let dialogsOpen = !!planner?.querySelector("dialog");
    const observer = new MutationObserver(() => {
      const open = !!planner?.querySelector("dialog");
      if (dialogsOpen && !open) {
        // After the dialog's own clean-up, which hands the focus to whatever opened it.
        setTimeout(() => {
          const api = latest.current.apiRef.current;
          const cell = lastCellRef.current;
          if (!api || api.isDestroyed() || !cell || planner?.querySelector("dialog")) return;
          if (isTextField(document.activeElement) && !document.activeElement?.closest(".grid-wrap")) return;
          focusCell(api, cell);
        }, 0);
      }
      dialogsOpen = open;
    });
    if (planner) observer.observe(planner, { childList: true, subtree: true });

    return () => {
      window.removeEventListener("keydown", onKeyDown, true);
      grid?.removeEventListener("pointerdown", onPointerDown, true);
      grid?.removeEventListener("contextmenu", onContextMenu, true);
      grid?.removeEventListener("focusin", onFocusIn);
      observer.disconnect();
    };
    // Installed again only when the grid's wrapper is drawn anew; the rest is read through `latest`.
  }, [input.gridElement]);

  return {
    committedByKey: () => {
      const committed = committedByKeyRef.current;
      committedByKeyRef.current = false;
      return committed;
    },
  };
}

/**
 * Opens the editor of a cell again with the text the user typed (a refused value), after AG Grid has
 * finished closing it and moving on.
 */
export function reopenEditor(api: GridApi, cell: CellPosition, text: string): void {
  setTimeout(() => {
    if (api.isDestroyed()) return;
    const rowIndex = api.getRowNode(cell.initiativeKey)?.rowIndex;
    if (rowIndex === null || rowIndex === undefined) return;
    api.setFocusedCell(rowIndex, yearField(cell.year));
    api.startEditingCell({ rowIndex, colKey: yearField(cell.year) });
    // The editor is drawn in a later frame: put the text in once it is there.
    let frames = 0;
    const fill = () => {
      const input = lineCellElement(document, cell)?.querySelector("input");
      if (!input) {
        if ((frames += 1) < 30) requestAnimationFrame(fill);
        return;
      }
      input.value = text;
      input.setAttribute("aria-invalid", "true");
      input.focus();
      input.select();
    };
    fill();
  }, 0);
}
