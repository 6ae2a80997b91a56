/**
 * The grid's columns: the initiative's title, a column per frame year and the total. Pure: what
 * each cell shows, its tooltip and its classes follow from the rows and the arguments alone (the
 * block and the recently changed cells are read when AG Grid asks, so a selection or a live change
 * restyles cells without new columns). Unit-tested.
 */
import type { CellClassParams, ColDef, ValueFormatterParams } from "ag-grid-community";
import type { ComponentType } from "react";
import type { Oere } from "@ramme/domain";
import { formatAmount } from "../../app/amounts.ts";
import type { Locale, MessageKey } from "../../i18n/messages.ts";
import type { BodyRow, SummaryRow } from "./gridRows.ts";
import { isInBlock, sameCell, type Block } from "./selection.ts";

export const yearField = (year: number) => `y${year}`;
export const cellKey = (initiativeKey: string, year: number) => `${initiativeKey}:${year}`;

export interface GridColumnsInput {
  years: readonly number[];
  /** Whether line cells may be edited (a what-if the caller may change, in its own price level). */
  editable: boolean;
  locale: Locale;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** Why a cell's typed text was refused, by cellKey. */
  cellErrors: ReadonlyMap<string, string>;
  /** The comments on each line, as their tooltip lines. */
  commentsByLine: ReadonlyMap<string, readonly string[]>;
  /** The lines in display order, for the block's extent. */
  lineKeys: readonly string[];
  block: () => Block | null;
  /** Cells someone else just changed, by cellKey, with what the announcement said. */
  recentlyChanged: () => ReadonlyMap<string, string>;
  /** The title cell of a proposal or reserve line (a React renderer; other cells are plain text). */
  titleWithBadges: ComponentType<{ data?: BodyRow | SummaryRow; value: string }>;
}

export function gridColumns({ years, editable, locale, t, cellErrors, commentsByLine, lineKeys, block, recentlyChanged, titleWithBadges }: GridColumnsInput): ColDef<BodyRow | SummaryRow>[] {
  const amountText = (amount: Oere) => formatAmount(amount, locale);
  const summaryLabel: Record<SummaryRow["kind"], MessageKey> = { allocated: "rowAllocated", frame: "rowFrame", headroom: "rowHeadroom", stated: "rowStated" };
  const isSummary = (row: BodyRow | SummaryRow | undefined): row is SummaryRow => !!row && row.kind !== "theme" && row.kind !== "line";
  const column = (definition: ColDef<BodyRow | SummaryRow>) => definition;
  return [
    column({
      colId: "title",
      headerName: t("columnInitiative"),
      flex: 1,
      minWidth: 240,
      valueGetter: (params) => {
        const row = params.data;
        if (!row) return "";
        if (isSummary(row)) return t(summaryLabel[row.kind]);
        return row.title;
      },
      tooltipValueGetter: (params) => {
        if (params.data?.kind !== "line") return null;
        // The full title first: a long one is cut in a narrow column.
        const parts = [params.data.title, params.data.sources ? t("sourceTooltip", { sources: params.data.sources }) : null, ...(commentsByLine.get(params.data.initiativeKey) ?? [])];
        return parts.filter(Boolean).join("\n") || null;
      },
      cellClassRules: { "has-comment": (params: CellClassParams<BodyRow | SummaryRow>) => params.data?.kind === "line" && commentsByLine.has(params.data.initiativeKey) },
      // A React renderer only for the few lines with a badge; every other cell is plain text (cheaper to draw).
      cellRendererSelector: (params) => (params.data?.kind === "line" && (params.data.isProposal || params.data.isReserve) ? { component: titleWithBadges } : undefined),
    }),
    ...years.map<ColDef<BodyRow | SummaryRow>>((year) => ({
      colId: yearField(year),
      field: yearField(year) as never,
      headerName: String(year),
      width: 104,
      type: "rightAligned",
      editable: (params) => editable && params.data?.kind === "line",
      valueGetter: (params) => params.data?.amounts[year] ?? null,
      valueFormatter: (params: ValueFormatterParams<BodyRow | SummaryRow, Oere | null>) => {
        // While an edit is being committed the grid may hand back the typed text; show it as typed.
        if (typeof params.value !== "bigint") return params.value === null || params.value === undefined ? "" : String(params.value);
        return formatAmount(params.value, locale, { zeroAsDash: params.data?.kind === "line" });
      },
      cellEditor: "agTextCellEditor",
      cellEditorParams: { useFormatter: true },
      tooltipValueGetter: (params) => {
        const row = params.data;
        if (row?.kind === "line") return cellErrors.get(cellKey(row.initiativeKey, year)) ?? recentlyChanged().get(cellKey(row.initiativeKey, year)) ?? null;
        if (row?.kind === "stated") {
          const check = row.stated?.[year];
          if (!check) return null;
          const markers = check.footnoteMarkers.join(" ");
          if (check.status === "MATCHES") return t("statedMatches");
          if (check.status === "EXPLAINED") return t("statedExplained", { difference: amountText(check.difference), markers });
          if (check.status === "PARTLY_EXPLAINED") return t("statedPartly", { difference: amountText(check.difference), markers, explained: amountText(check.explained), unexplained: amountText(check.unexplained) });
          return t("statedUnexplained", { difference: amountText(check.difference) });
        }
        if (row?.kind === "headroom" && (row.amounts[year] ?? 0n) < 0n) return t("overBy", { amount: amountText(-(row.amounts[year] ?? 0n)) });
        return null;
      },
      cellClassRules: {
        "cell-error": (params: CellClassParams<BodyRow | SummaryRow>) => params.data?.kind === "line" && cellErrors.has(cellKey(params.data.initiativeKey, year)),
        "cell-selected": (params: CellClassParams<BodyRow | SummaryRow>) => {
          if (params.data?.kind !== "line") return false;
          const selected = block();
          return !!selected && !sameCell(selected.anchor, selected.focus) && isInBlock(selected, { initiativeKey: params.data.initiativeKey, year }, lineKeys, years);
        },
        "cell-negative": (params: CellClassParams<BodyRow | SummaryRow>) => params.data?.kind === "headroom" && (params.data.amounts[year] ?? 0n) < 0n,
        "cell-stated-off": (params: CellClassParams<BodyRow | SummaryRow>) => params.data?.kind === "stated" && !!params.data.stated?.[year] && params.data.stated[year]!.status !== "MATCHES",
        "cell-live-changed": (params: CellClassParams<BodyRow | SummaryRow>) => params.data?.kind === "line" && recentlyChanged().has(cellKey(params.data.initiativeKey, year)),
      },
    })),
    column({
      colId: "total",
      headerName: t("total"),
      width: 112,
      // Pinned: the total stays in full view however narrow the grid (a history panel open, classic scrollbars).
      pinned: "right",
      type: "rightAligned",
      valueGetter: (params) => params.data?.total ?? null,
      valueFormatter: (params: ValueFormatterParams<BodyRow | SummaryRow, Oere | null>) => (params.value === null || params.value === undefined ? "" : formatAmount(params.value, locale)),
      cellClassRules: { "cell-negative": (params: CellClassParams<BodyRow | SummaryRow>) => params.data?.kind === "headroom" && (params.data.total ?? 0n) < 0n },
    }),
  ];
}
