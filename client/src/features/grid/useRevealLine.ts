/**
 * A line just added lands under its theme, often below the fold: once the reload has drawn it, it is
 * brought into view and its first year focused, so the user can type its amounts at once.
 */
import type { GridApi } from "ag-grid-community";
import { useCallback, useEffect, useRef, type RefObject } from "react";
import { yearField } from "./gridColumns.ts";

export function useRevealLine(apiRef: RefObject<GridApi | null>, lineKeys: readonly string[], years: readonly number[]): (key: string | null) => void {
  const revealRef = useRef<string | null>(null);
  useEffect(() => {
    const api = apiRef.current;
    const key = revealRef.current;
    if (!api || !key || !lineKeys.includes(key)) return;
    const node = api.getRowNode(key);
    if (node?.rowIndex === null || node?.rowIndex === undefined) return;
    revealRef.current = null;
    api.ensureNodeVisible(node, "middle");
    if (years[0] !== undefined) api.setFocusedCell(node.rowIndex, yearField(years[0]));
  }, [lineKeys, years, apiRef]);
  return useCallback((key: string | null) => {
    revealRef.current = key;
  }, []);
}
