/**
 * The fill handle, as in Excel: a small square on the selection's bottom-right corner; dragging it
 * down, up, left or right outlines where the selection will be repeated, and letting go stores those
 * cells as one edit (one version, one undo step), the selection then covering the filled area. What
 * lands where is pure (`fillHandleArea`, `planFillHandle` in pasteBlock.ts). Mouse and pen only: the
 * keyboard has Ctrl+D and Ctrl+R. Not drawn where the scenario cannot be changed, or while editing.
 */
import type { GridApi } from "ag-grid-community";
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type ReactNode, type RefObject } from "react";
import { fillHandleArea, planFillHandle, type TargetBounds } from "./pasteBlock.ts";
import { blockBounds } from "./selection.ts";
import type { BlockSelection } from "./useBlockSelection.ts";
import type { CellWrites } from "./useCellWrites.ts";
import type { GridData } from "./useGridData.ts";
import { lineCellElement } from "./gridFocus.ts";
import { cellOfElement } from "./useGridKeyboard.ts";

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function useFillHandle(input: {
  apiRef: RefObject<GridApi | null>;
  gridElement: HTMLElement | null;
  grid: Pick<GridData, "editable" | "years" | "amountOf">;
  selection: Pick<BlockSelection, "currentBlock" | "setBlock" | "lineKeys" | "selection">;
  writes: Pick<CellWrites, "sendCells">;
}): { element: ReactNode } {
  const { apiRef, gridElement, grid, selection, writes } = input;
  const { editable, years, amountOf } = grid;
  const { lineKeys } = selection;
  const [corner, setCorner] = useState<{ left: number; top: number } | null>(null);
  const [outline, setOutline] = useState<Box | null>(null);
  const dragRef = useRef<{ source: TargetBounds; area: TargetBounds | null } | null>(null);

  /** A cell's box relative to the grid's wrapper, or null when its row is not drawn. */
  const cellBox = useCallback(
    (row: number, column: number): DOMRect | null => {
      const key = lineKeys[row];
      const year = years[column];
      if (!gridElement || key === undefined || year === undefined) return null;
      return lineCellElement(gridElement, { initiativeKey: key, year })?.getBoundingClientRect() ?? null;
    },
    [gridElement, lineKeys, years],
  );

  /** The band of the screen where the lines scroll: below the header, above the pinned total rows. */
  const bodyBand = useCallback((): { top: number; bottom: number } | null => {
    if (!gridElement) return null;
    const wrap = gridElement.getBoundingClientRect();
    const header = gridElement.querySelector(".ag-header")?.getBoundingClientRect();
    const pinnedTops = [...gridElement.querySelectorAll(".ag-row-pinned")].map((row) => row.getBoundingClientRect().top);
    return { top: header?.bottom ?? wrap.top, bottom: Math.min(wrap.bottom, ...pinnedTops) };
  }, [gridElement]);

  /** The box of an area: its drawn corner cells, clipped to the lines' band where a corner is out of sight. */
  const areaBox = useCallback(
    (area: TargetBounds): Box | null => {
      const body = bodyBand();
      const wrap = gridElement?.getBoundingClientRect();
      const topLeft = cellBox(area.top, area.left);
      const bottomRight = cellBox(area.bottom, area.right);
      const leftColumn = topLeft ?? cellBox(area.bottom, area.left);
      const rightColumn = bottomRight ?? cellBox(area.top, area.right);
      if (!body || !wrap || !leftColumn || !rightColumn) return null;
      const top = topLeft?.top ?? body.top;
      const bottom = bottomRight?.bottom ?? body.bottom;
      return { left: leftColumn.left - wrap.left, top: Math.max(top, body.top) - wrap.top, width: rightColumn.right - leftColumn.left, height: Math.min(bottom, body.bottom) - Math.max(top, body.top) };
    },
    [gridElement, cellBox, bodyBand],
  );

  const place = useCallback(() => {
    const api = apiRef.current;
    const block = selection.currentBlock();
    const bounds = block ? blockBounds(block, lineKeys, years) : null;
    const wrap = gridElement?.getBoundingClientRect();
    const body = bodyBand();
    const box = bounds ? cellBox(bounds.bottom, bounds.right) : null;
    const shown = editable && api && !api.isDestroyed() && api.getEditingCells().length === 0 && wrap && body && box && box.bottom <= body.bottom + 1 && box.bottom >= body.top;
    setCorner(shown ? { left: box.right - wrap.left, top: box.bottom - wrap.top } : null);
  }, [apiRef, selection, lineKeys, years, gridElement, cellBox, bodyBand, editable]);

  // Follows the selection, and whatever moves or redraws its corner: scrolling (captured: scroll does
  // not bubble), keys and clicks (an editor opened or closed, a sort), the grid's size.
  useEffect(() => {
    let frame = 0;
    const later = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(place);
    };
    later();
    const unsubscribe = selection.selection.subscribe(later);
    const events = ["scroll", "keyup", "pointerup", "dblclick", "focusin", "focusout"] as const;
    for (const event of events) gridElement?.addEventListener(event, later, true);
    window.addEventListener("resize", later);
    // A panel opened beside the grid, or the page's scrollbar coming or going, moves the columns.
    const resized = new ResizeObserver(later);
    if (gridElement) resized.observe(gridElement);
    return () => {
      cancelAnimationFrame(frame);
      unsubscribe();
      resized.disconnect();
      for (const event of events) gridElement?.removeEventListener(event, later, true);
      window.removeEventListener("resize", later);
    };
  }, [place, selection.selection, gridElement]);

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    const block = selection.currentBlock();
    const source = block ? blockBounds(block, lineKeys, years) : null;
    if (!source || event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    dragRef.current = { source, area: null };
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const drag = dragRef.current;
    if (!drag) return;
    const cell = cellOfElement(document.elementFromPoint(event.clientX, event.clientY), lineKeys, years);
    if (!cell) return;
    drag.area = fillHandleArea(drag.source, lineKeys.indexOf(cell.initiativeKey), years.indexOf(cell.year));
    setOutline(drag.area ? areaBox(drag.area) : null);
  };

  const onPointerUp = () => {
    const drag = dragRef.current;
    dragRef.current = null;
    setOutline(null);
    if (!drag?.area) return;
    const cells = planFillHandle(drag.source, drag.area, lineKeys, years, amountOf);
    if (cells.length > 0) writes.sendCells(cells, "fill");
    selection.setBlock({
      anchor: { initiativeKey: lineKeys[drag.area.top]!, year: years[drag.area.left]! },
      focus: { initiativeKey: lineKeys[drag.area.bottom]!, year: years[drag.area.right]! },
    });
  };

  const onPointerCancel = () => {
    dragRef.current = null;
    setOutline(null);
  };

  const element = (
    <>
      {outline && <div className="fill-outline" aria-hidden="true" style={outline} />}
      {corner && (
        <div
          className="fill-handle"
          aria-hidden="true"
          data-testid="fill-handle"
          style={{ left: corner.left, top: corner.top }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerCancel}
        />
      )}
    </>
  );
  return { element };
}
