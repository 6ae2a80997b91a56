/**
 * What the difference view, the search and the cell comments add to the grid's columns and rows,
 * laid over gridColumns.ts' definitions rather than written into them: each column keeps what it
 * does and gains the difference (a renderer showing the amount and its difference), the comment
 * marker and thread (a class and the tooltip), Shift+F2 kept from the grid's own editor, and the
 * pinned total's note while a filter is on. The difference, comments and filter are read when AG
 * Grid asks (getters), so a new comparison restyles cells without new columns. Pure but for the
 * renderer components it names.
 */
import type { CellClassParams, ColDef, ICellRendererParams, ITooltipParams, RowClassParams, SuppressKeyboardEventParams, ValueGetterParams } from "ag-grid-community";
import type { ComponentType } from "react";
import type { Oere } from "@ramme/domain";
import type { MessageKey } from "../../i18n/messages.ts";
import { cellKey } from "./gridColumns.ts";
import type { BodyRow, SummaryRow, ThemeRow } from "./gridRows.ts";
import { cellDiff, type DiffStatus, type ReferenceDiff, type RemovedLine } from "./referenceDiff.ts";

type Row = BodyRow | SummaryRow;

/** A line only the reference has, shown struck out at the end of its theme: a heading-like row nobody can edit or select. */
export interface RemovedRow extends ThemeRow {
  removed: RemovedLine;
}

export const isRemovedRow = (row: Row | undefined): row is RemovedRow => !!row && row.kind === "theme" && "removed" in row;

/** The body rows with the reference's removed lines after the last line of their theme (at the end when the scenario has no such theme). */
export function withRemovedRows(rows: readonly BodyRow[], removed: readonly RemovedLine[]): BodyRow[] {
  if (removed.length === 0) return [...rows];
  const byTheme = new Map<string, RemovedRow[]>();
  for (const line of removed) {
    const row: RemovedRow = { kind: "theme", id: `removed:${line.initiativeKey}`, themeKey: line.themeKey, title: line.title, amounts: line.amounts, total: line.total, removed: line };
    byTheme.set(line.themeKey, [...(byTheme.get(line.themeKey) ?? []), row]);
  }
  const result: BodyRow[] = [];
  rows.forEach((row, index) => {
    result.push(row);
    const next = rows[index + 1];
    if (row.kind === "line" && (!next || next.kind === "theme")) {
      result.push(...(byTheme.get(row.themeKey) ?? []));
      byTheme.delete(row.themeKey);
    }
  });
  for (const orphans of byTheme.values()) result.push(...orphans);
  return result;
}

/** The difference a cell shows, and the line's status; null when there is none to show. */
export function differenceAt(diff: ReferenceDiff, row: Row | undefined, year: number | null): { difference: Oere; status: DiffStatus | null } | null {
  if (!row || row.kind === "stated") return null;
  if (isRemovedRow(row)) {
    const line = diff.lines.get(row.removed.initiativeKey);
    return line ? { difference: year === null ? line.total : line.years[year] ?? 0n, status: "REMOVED" } : null;
  }
  return cellDiff(diff, row, year);
}

export interface OverlayInput {
  /** The difference shown, null when off. */
  diff: () => ReferenceDiff | null;
  /** The comparison is not yet for the version shown. */
  pending: () => boolean;
  /** A filter hides lines: the pinned totals say they are the whole scenario's. */
  filtering: () => boolean;
  /** The comment thread of each commented cell, by cellKey (a year) or line key (the whole line). */
  comments: () => ReadonlyMap<string, readonly string[]>;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  amountCell: ComponentType<ICellRendererParams<Row> & AmountCellParams>;
  titleCell: ComponentType<ICellRendererParams<Row> & TitleCellParams>;
}

export interface AmountCellParams {
  year: number | null;
  overlay: Pick<OverlayInput, "diff" | "pending">;
}

export interface TitleCellParams {
  overlay: Pick<OverlayInput, "diff">;
}

const yearOf = (colId: string | undefined) => (colId && /^y\d+$/.test(colId) ? Number(colId.slice(1)) : null);

/** Shift+F2 opens the comment on the cell, never the grid's editor (which takes F2). */
export const isCommentKey = (event: KeyboardEvent) => event.key === "F2" && event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey;

export function overlayColumns(columns: readonly ColDef<Row>[], input: OverlayInput): ColDef<Row>[] {
  const { diff, pending, filtering, comments, t } = input;
  const keepShiftF2 = (original: ColDef<Row>["suppressKeyboardEvent"]) => (params: SuppressKeyboardEventParams<Row>) => isCommentKey(params.event) || (original?.(params) ?? false);
  return columns.map((column) => {
    const year = yearOf(column.colId);
    if (column.colId === "title") {
      const originalSelector = column.cellRendererSelector;
      const originalGetter = column.valueGetter;
      const originalTooltip = column.tooltipValueGetter;
      return {
        ...column,
        suppressKeyboardEvent: keepShiftF2(column.suppressKeyboardEvent),
        valueGetter: (params: ValueGetterParams<Row>) => {
          const value = typeof originalGetter === "function" ? originalGetter(params) : params.data?.kind === "theme" || params.data?.kind === "line" ? params.data.title : "";
          return params.data?.kind === "allocated" && filtering() ? `${String(value)} (${t("totalsWholeScenario").toLocaleLowerCase()})` : value;
        },
        tooltipValueGetter: (params: ITooltipParams<Row>) => {
          if (isRemovedRow(params.data) && diff()) return t("diffRemovedTitle", { name: diff()!.referenceName });
          return originalTooltip ? originalTooltip(params) : null;
        },
        cellRendererSelector: (params) => {
          const fallback = originalSelector?.(params);
          const row = params.data;
          const status = diff() && row ? (isRemovedRow(row) ? "REMOVED" : row.kind === "line" ? diff()!.lines.get(row.initiativeKey)?.status : undefined) : undefined;
          if (status === "ADDED" || status === "REMOVED") return { component: input.titleCell, params: { overlay: { diff } } satisfies TitleCellParams };
          return fallback;
        },
      };
    }
    if (year === null && column.colId !== "total") return column;
    const originalTooltip = column.tooltipValueGetter;
    return {
      ...column,
      suppressKeyboardEvent: keepShiftF2(column.suppressKeyboardEvent),
      cellRendererSelector: () => (diff() ? { component: input.amountCell, params: { year, overlay: { diff, pending } } satisfies AmountCellParams } : undefined),
      tooltipValueGetter: (params: ITooltipParams<Row>) => {
        const own = originalTooltip ? originalTooltip(params) : null;
        const row = params.data;
        const thread = year !== null && row?.kind === "line" ? comments().get(cellKey(row.initiativeKey, year)) : undefined;
        const parts = [own, ...(thread ?? [])].filter((part) => part !== null && part !== undefined && part !== "");
        return parts.length > 0 ? parts.join("\n") : null;
      },
      cellClassRules: {
        ...column.cellClassRules,
        "cell-has-comment": (params: CellClassParams<Row>) => year !== null && params.data?.kind === "line" && comments().has(cellKey(params.data.initiativeKey, year)),
        "diff-pending": () => diff() !== null && pending(),
      },
    };
  });
}

/** The rows' marks: a line the reference lacks (added) and one only it has (removed), as in the comparison view. */
export function overlayRowClassRules(diff: () => ReferenceDiff | null) {
  return {
    "diff-row-added": (params: RowClassParams<Row>) => params.data?.kind === "line" && diff()?.lines.get(params.data.initiativeKey)?.status === "ADDED",
    "diff-row-removed": (params: RowClassParams<Row>) => isRemovedRow(params.data),
  };
}
