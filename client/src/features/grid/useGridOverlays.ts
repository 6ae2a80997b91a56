/**
 * The grid's columns and what is laid over them: the difference to a reference scenario (removed
 * lines shown as rows, changed cells marked), the search and line filter, and the comment marks.
 * The columns themselves are a pure module (gridColumns.ts, gridOverlays.ts); this hook keeps them
 * stable across renders and redraws the cells when an overlay changes.
 */
import type { GridApi } from "ag-grid-community";
import { useEffect, useMemo, useRef, type RefObject } from "react";
import { useI18n } from "../../i18n/I18n.tsx";
import type { CellCommentsApi } from "./CellComments.tsx";
import { DiffAmountCell, DiffTitleCell } from "./DiffCells.tsx";
import { gridColumns } from "./gridColumns.ts";
import { overlayColumns, overlayRowClassRules, withRemovedRows } from "./gridOverlays.ts";
import { TitleWithBadges } from "./TitleWithBadges.tsx";
import type { BlockSelection } from "./useBlockSelection.ts";
import type { GridData } from "./useGridData.ts";
import { useLineFilter } from "./useLineFilter.ts";
import { useGridReference, useReferenceDiff } from "./useReferenceDiff.ts";

export function useGridOverlays(input: {
  scenarioKey: string;
  apiRef: RefObject<GridApi | null>;
  grid: GridData;
  selection: Pick<BlockSelection, "lineKeys" | "currentBlock">;
  cellErrors: ReadonlyMap<string, string>;
  recentlyChanged: () => ReadonlyMap<string, string>;
  cellComments: CellCommentsApi;
}) {
  const { scenarioKey, apiRef, grid, selection, cellErrors, recentlyChanged, cellComments } = input;
  const { scenario, years, editable, commentsByLine, bodyRows, themes, version, priceLevel } = grid;
  const { lineKeys, currentBlock } = selection;
  const { t, locale } = useI18n();

  const columnDefs = useMemo(
    () => gridColumns({ years, editable, locale, t, cellErrors, commentsByLine, lineKeys, block: currentBlock, recentlyChanged, titleWithBadges: TitleWithBadges }),
    [years, editable, locale, t, cellErrors, lineKeys, commentsByLine, currentBlock, recentlyChanged],
  );
  // New comments change the title cells' marks: AG Grid keeps drawn cells across new column definitions (the total is pinned), so redraw them.
  useEffect(() => {
    const api = apiRef.current;
    if (api && !api.isDestroyed()) api.refreshCells({ force: true, columns: ["title"] });
  }, [commentsByLine, apiRef]);

  const [reference, setReference] = useGridReference(scenarioKey);
  const referenceDiff = useReferenceDiff(scenarioKey, reference, reference !== null && reference.key === scenario?.parent?.key ? scenario.forkedFromVersion ?? null : null, version, priceLevel);
  const overlayRef = useRef({ diff: referenceDiff, filtering: false, threads: new Map<string, readonly string[]>() as ReadonlyMap<string, readonly string[]> });
  const lineFilter = useLineFilter(scenario?.lines ?? [], themes, bodyRows, cellComments.commentedLines, referenceDiff.diff, () => apiRef.current);
  overlayRef.current = { diff: referenceDiff, filtering: lineFilter.active, threads: cellComments.threads };
  const rows = useMemo(() => withRemovedRows(bodyRows, referenceDiff.diff?.removed ?? []), [bodyRows, referenceDiff.diff]);
  const columns = useMemo(
    () =>
      overlayColumns(columnDefs, {
        diff: () => overlayRef.current.diff.diff,
        pending: () => overlayRef.current.diff.pending,
        filtering: () => overlayRef.current.filtering,
        comments: () => overlayRef.current.threads,
        t,
        amountCell: DiffAmountCell,
        titleCell: DiffTitleCell,
      }),
    [columnDefs, t],
  );
  const rowClassRules = useMemo(() => overlayRowClassRules(() => overlayRef.current.diff.diff), []);
  // The row rules read the difference through a ref (stable options keep AG Grid from restyling every
  // row on each render): a new difference redraws the rows, so added and removed lines get their marks.
  useEffect(() => {
    const api = apiRef.current;
    if (api && !api.isDestroyed()) api.redrawRows();
  }, [referenceDiff.diff, apiRef]);
  useEffect(() => {
    const api = apiRef.current;
    if (api && !api.isDestroyed()) api.refreshCells({ force: true });
  }, [referenceDiff.diff, referenceDiff.pending, cellComments.threads, lineFilter.active, apiRef]);

  return { reference, setReference, referenceDiff, lineFilter, rows, columns, rowClassRules };
}
