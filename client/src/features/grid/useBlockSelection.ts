/**
 * The block of selected cells: where it is anchored and where its moving corner is, which lines it
 * runs over (as shown: sorted or filtered), the cell with the focus, and Shift+arrows extending it.
 *
 * AG Grid reports focus moves late (its `cellFocused` handlers run in a later task), and a key or a
 * click can come in between: a Shift+arrow pressed right after a click must extend from the clicked
 * cell, and the clicked cell's late report must not then undo the extension. So the block is never
 * taken from those reports. It is held with the cell that had the grid's focus when it was set, and
 * it counts only while the grid's focus (which the grid updates at once) is still on that cell: once
 * the focus is on another line cell, the selection is that cell alone. The late report only redraws.
 * The selection signal fires whenever the block changes.
 */
import type { CellFocusedEvent, GridApi, ModelUpdatedEvent, SortChangedEvent } from "ag-grid-community";
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from "react";
import { yearField } from "./gridColumns.ts";
import type { BodyRow, SummaryRow } from "./gridRows.ts";
import type { TargetBounds } from "./pasteBlock.ts";
import { blockBounds, isInBlock, sameCell, type Block, type CellPosition } from "./selection.ts";
import { createSelectionSignal } from "./selectionSignal.ts";
import { focusLineCell } from "./gridFocus.ts";

/** Whether the block is drawn: a single cell is the grid's own focus, not a selection. */
const spansCells = (block: Block | null) => !!block && !sameCell(block.anchor, block.focus);

/** A block, and the line cell that had the grid's focus when it was set (null: none). */
interface HeldBlock {
  block: Block;
  focusedAt: CellPosition | null;
}

export function useBlockSelection(apiRef: RefObject<GridApi | null>, documentLineKeys: readonly string[], years: readonly number[]) {
  const heldRef = useRef<HeldBlock | null>(null);
  /** The selection as the cells were last drawn. */
  const shownRef = useRef<Block | null>(null);
  /** Fires whenever the block changes (it is held in a ref): the status line recounts. */
  const selection = useMemo(() => createSelectionSignal(), []);
  const selectionChanged = selection.notify;

  // While a column is sorted or a search or filter hides lines, selection, paste and fill follow the
  // lines as they are shown (a pasted block skips no visible line and writes no hidden one).
  const [shownLineKeys, setShownLineKeys] = useState<readonly string[] | null>(null);
  const lineKeys = shownLineKeys ?? documentLineKeys;
  const onRowOrderChanged = useCallback((event: ModelUpdatedEvent<BodyRow | SummaryRow> | SortChangedEvent<BodyRow | SummaryRow>) => {
    const reordered = event.api.getColumnState().some((column) => column.sort) || event.api.isAnyFilterPresent();
    const keys: string[] = [];
    if (reordered) event.api.forEachNodeAfterFilterAndSort((node) => { if (node.data?.kind === "line") keys.push(node.data.initiativeKey); });
    setShownLineKeys((current) => (!reordered ? null : current && current.length === keys.length && current.every((key, index) => key === keys[index]) ? current : keys));
  }, []);

  /** The line cell at a displayed row and column, or null for headings, pinned rows and the title/total columns. */
  const lineCellAt = useCallback(
    (api: GridApi, rowIndex: number | null, colId: string, rowPinned: unknown): CellPosition | null => {
      if (rowIndex === null || rowPinned) return null;
      const row = api.getDisplayedRowAtIndex(rowIndex)?.data as BodyRow | undefined;
      const year = Number(colId.slice(1));
      return row && row.kind === "line" && years.includes(year) ? { initiativeKey: row.initiativeKey, year } : null;
    },
    [years],
  );

  const focusedCell = useCallback((): CellPosition | null => {
    const api = apiRef.current;
    const focused = api?.getFocusedCell();
    return api && focused ? lineCellAt(api, focused.rowIndex, focused.column.getColId(), focused.rowPinned) : null;
  }, [lineCellAt, apiRef]);

  /** The line cell whose editor is open, if any. */
  const editingCell = useCallback((): CellPosition | null => {
    const api = apiRef.current;
    const editing = api?.getEditingCells()[0];
    return api && editing?.column ? lineCellAt(api, editing.rowIndex, editing.column.getColId(), editing.rowPinned) : null;
  }, [lineCellAt, apiRef]);

  /**
   * The selection now: the held block while the grid's focus is where it was when the block was set
   * (or the grid has no focus, e.g. after its columns were made anew), else the focused cell alone.
   */
  const currentBlock = useCallback((): Block | null => {
    const held = heldRef.current;
    const api = apiRef.current;
    const focused = focusedCell();
    if (held && (sameCell(held.focusedAt, focused) || !api?.getFocusedCell())) return held.block;
    return focused ? { anchor: focused, focus: focused } : held?.block ?? null;
  }, [focusedCell, apiRef]);

  /**
   * Sets the block: `focusedAt` is the cell that has, or is about to get, the grid's focus (by default
   * the focused one). Restyles the cells and recounts.
   */
  const setBlock = useCallback(
    (block: Block, focusedAt: CellPosition | null = focusedCell()) => {
      heldRef.current = { block, focusedAt };
      // What is drawn now: until the grid's focus reaches `focusedAt`, still the focused cell alone.
      shownRef.current = currentBlock();
      apiRef.current?.refreshCells({ force: true, columns: years.map(yearField) });
      selectionChanged();
    },
    [focusedCell, currentBlock, apiRef, years, selectionChanged],
  );

  /** The grid's late report of a focus move: the selection already follows the focus; this redraws it if it changed. */
  const onCellFocused = useCallback(
    (event: CellFocusedEvent<BodyRow | SummaryRow>) => {
      const shown = currentBlock();
      const before = shownRef.current;
      shownRef.current = shown;
      if (before && shown && sameCell(before.anchor, shown.anchor) && sameCell(before.focus, shown.focus)) return;
      // Only a block of more than one cell is drawn (cell-selected): from one cell to another, as
      // Enter does after every edit, nothing drawn changes, and redrawing every amount cell would
      // cost the edit's totals a frame.
      if (spansCells(before) || spansCells(shown)) event.api.refreshCells({ force: true, columns: years.map(yearField) });
      selectionChanged();
    },
    [years, currentBlock, selectionChanged],
  );

  // Shift+arrows extend the block. We move the focus ourselves, from the block as it is now, so the
  // block is right however late the grid reports focus changes (it can, on a loaded machine).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const api = apiRef.current;
      const steps: Record<string, [number, number]> = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowRight: [0, 1], ArrowLeft: [0, -1] };
      const step = steps[event.key];
      if (!api || !event.shiftKey || !step || api.getEditingCells().length > 0) return;
      // In the grid, or with the focus nowhere in particular (the grid may not have taken the browser's
      // focus yet after a click); never while typing in a field elsewhere on the page.
      const active = document.activeElement;
      if (active && active !== document.body && !active.closest(".grid-wrap")) return;
      const block = currentBlock();
      if (!block) return;
      const from = block.focus;
      const row = Math.min(Math.max(lineKeys.indexOf(from.initiativeKey) + step[0], 0), lineKeys.length - 1);
      const column = Math.min(Math.max(years.indexOf(from.year) + step[1], 0), years.length - 1);
      const next = { initiativeKey: lineKeys[row]!, year: years[column]! };
      if (!focusLineCell(api, document.querySelector<HTMLElement>(".grid-wrap"), next)) return;
      event.preventDefault();
      event.stopPropagation();
      setBlock({ anchor: block.anchor, focus: next }, next);
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [lineKeys, years, currentBlock, setBlock, apiRef]);

  /** The block when it holds the cell, else the cell alone. */
  const blockAround = useCallback(
    (cell: CellPosition): Block => {
      const block = currentBlock();
      return block && isInBlock(block, cell, lineKeys, years) ? block : { anchor: cell, focus: cell };
    },
    [currentBlock, lineKeys, years],
  );

  /** What a paste, clear or fill acts on: the selected block while it holds the focused cell, else the focused cell. */
  const selectedTarget = useCallback((): TargetBounds | null => {
    const start = focusedCell();
    return start ? blockBounds(blockAround(start), lineKeys, years) : null;
  }, [focusedCell, blockAround, lineKeys, years]);

  return { selection, currentBlock, setBlock, lineKeys, onRowOrderChanged, focusedCell, editingCell, lineCellAt, onCellFocused, blockAround, selectedTarget };
}

export type BlockSelection = ReturnType<typeof useBlockSelection>;
