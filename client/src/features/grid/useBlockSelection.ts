/**
 * The block of selected cells: where it is anchored and where its moving corner is, which lines it
 * runs over (as shown: sorted or filtered), the cell with the focus, and Shift+arrows extending it.
 * The block is held in a ref (the cells' styles and the status line read it when they draw); the
 * selection signal fires whenever it changes.
 */
import type { CellFocusedEvent, GridApi, ModelUpdatedEvent, SortChangedEvent } from "ag-grid-community";
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from "react";
import { yearField } from "./gridColumns.ts";
import type { BodyRow, SummaryRow } from "./gridRows.ts";
import type { TargetBounds } from "./pasteBlock.ts";
import { blockBounds, isInBlock, type Block, type CellPosition } from "./selection.ts";
import { createSelectionSignal } from "./selectionSignal.ts";
import { focusWhenDrawn } from "./gridFocus.ts";

export function useBlockSelection(apiRef: RefObject<GridApi | null>, documentLineKeys: readonly string[], years: readonly number[]) {
  const blockRef = useRef<Block | null>(null);
  /**
   * The cells our own Shift+arrow handling focused whose focus events have not come yet: those must
   * not reset the block. A list, because the grid may report a move after the next key was handled.
   */
  const ownFocusRef = useRef<CellPosition[]>([]);
  /** Fires whenever the block changes (it is held in a ref): the status line recounts. */
  const selection = useMemo(() => createSelectionSignal(), []);
  const selectionChanged = selection.notify;
  const currentBlock = useCallback(() => blockRef.current, []);

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

  const onCellFocused = useCallback(
    (event: CellFocusedEvent<BodyRow | SummaryRow>) => {
      if (!event.column) return;
      const position = lineCellAt(event.api, event.rowIndex, typeof event.column === "string" ? event.column : event.column.getColId(), event.rowPinned);
      if (!position) return;
      const ownMove = ownFocusRef.current.findIndex((own) => own.initiativeKey === position.initiativeKey && own.year === position.year);
      if (ownMove >= 0) {
        ownFocusRef.current = ownFocusRef.current.slice(ownMove + 1);
        return;
      }
      // A plain move (click, arrow, Tab): the block is the one cell.
      ownFocusRef.current = [];
      blockRef.current = { anchor: position, focus: position };
      event.api.refreshCells({ force: true, columns: years.map(yearField) });
      selectionChanged();
    },
    [years, lineCellAt, selectionChanged],
  );

  // Shift+arrows extend the block. We move the focus ourselves, from the block we hold, so the block
  // is right however late the grid reports focus changes (it can, on a loaded machine).
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
      const from = blockRef.current?.focus ?? focusedCell();
      if (!from) return;
      const row = Math.min(Math.max(lineKeys.indexOf(from.initiativeKey) + step[0], 0), lineKeys.length - 1);
      const column = Math.min(Math.max(years.indexOf(from.year) + step[1], 0), years.length - 1);
      const next = { initiativeKey: lineKeys[row]!, year: years[column]! };
      const rowIndex = api.getRowNode(next.initiativeKey)?.rowIndex;
      if (rowIndex === null || rowIndex === undefined) return;
      event.preventDefault();
      event.stopPropagation();
      blockRef.current = { anchor: blockRef.current?.anchor ?? from, focus: next };
      ownFocusRef.current = [...ownFocusRef.current, next];
      api.ensureIndexVisible(rowIndex);
      api.setFocusedCell(rowIndex, yearField(next.year));
      const gridElement = document.querySelector<HTMLElement>(".grid-wrap");
      if (gridElement) focusWhenDrawn(api, gridElement, rowIndex, yearField(next.year), () => (ownFocusRef.current = [...ownFocusRef.current, next]));
      api.refreshCells({ force: true, columns: years.map(yearField) });
      selectionChanged();
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [lineKeys, years, focusedCell, apiRef, selectionChanged]);

  /** The block when it holds the cell, else the cell alone. */
  const blockAround = useCallback(
    (cell: CellPosition): Block => (blockRef.current && isInBlock(blockRef.current, cell, lineKeys, years) ? blockRef.current : { anchor: cell, focus: cell }),
    [lineKeys, years],
  );

  /** What a paste, clear or fill acts on: the selected block while it holds the focused cell, else the focused cell. */
  const selectedTarget = useCallback((): TargetBounds | null => {
    const start = focusedCell();
    return start ? blockBounds(blockAround(start), lineKeys, years) : null;
  }, [focusedCell, blockAround, lineKeys, years]);

  return { blockRef, ownFocusRef, selection, selectionChanged, currentBlock, lineKeys, onRowOrderChanged, focusedCell, editingCell, lineCellAt, onCellFocused, blockAround, selectedTarget };
}

export type BlockSelection = ReturnType<typeof useBlockSelection>;
