/**
 * While a column is sorted: which, and one click back to the document's order (the lines as the
 * document or the what-if has them). Without it, the way back is the header's third click.
 */
import type { GridApi } from "ag-grid-community";
import { useI18n } from "../../i18n/I18n.tsx";

export interface ColumnSort {
  /** The column's heading as shown ("2025", "I alt"). */
  column: string;
  direction: "asc" | "desc";
}

/** The grid's sort now, or null in the document's order. */
export function currentSort(api: GridApi): ColumnSort | null {
  const sorted = api.getColumnState().find((column) => column.sort);
  if (!sorted?.sort) return null;
  const column = api.getColumn(sorted.colId);
  return { column: (column && api.getDisplayNameForColumn(column, "header")) || sorted.colId, direction: sorted.sort };
}

export function SortNotice({ sort, onReset }: { sort: ColumnSort | null; onReset: () => void }) {
  const { t } = useI18n();
  if (!sort) return null;
  return (
    <p className="sort-notice" role="status">
      {t(sort.direction === "asc" ? "sortedAscending" : "sortedDescending", { column: sort.column })}{" "}
      <button type="button" onClick={onReset}>{t("sortReset")}</button>
    </p>
  );
}
