/**
 * The grid's search and filter chips as AG Grid's external filter: which lines pass (lineFilter.ts
 * decides), theme headings kept while one of their lines passes; the pinned totals are never
 * filtered (AG Grid does not filter pinned rows), so they stay the whole scenario's.
 */
import type { GridApi, IRowNode } from "ag-grid-community";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ResultOf } from "../../graphql.ts";
import type { BodyRow, SummaryRow } from "./gridRows.ts";
import type { ScenarioGridQuery } from "./gridQuery.ts";
import { isRemovedRow } from "./gridOverlays.ts";
import { filterLines, isFilterActive, NO_FILTER, type FilterableLine, type LineFilter } from "./lineFilter.ts";
import type { ReferenceDiff } from "./referenceDiff.ts";

type Row = BodyRow | SummaryRow;
type GridLine = NonNullable<ResultOf<typeof ScenarioGridQuery>["scenario"]>["lines"][number];
type Theme = ResultOf<typeof ScenarioGridQuery>["themes"][number];

export interface LineFilterState {
  filter: LineFilter;
  setFilter: (update: (current: LineFilter) => LineFilter) => void;
  active: boolean;
  shown: number;
  total: number;
  isExternalFilterPresent: () => boolean;
  doesExternalFilterPass: (node: IRowNode<Row>) => boolean;
}

export function useLineFilter(
  lines: readonly GridLine[],
  themes: readonly Theme[],
  rows: readonly BodyRow[],
  commentedLines: ReadonlySet<string>,
  diff: ReferenceDiff | null,
  api: () => GridApi | null,
): LineFilterState {
  const [filter, setFilterState] = useState<LineFilter>(NO_FILTER);
  const active = isFilterActive(filter);
  const themeTitles = useMemo(() => new Map(themes.map((theme) => [theme.key, theme.title])), [themes]);
  // Every edit makes new rows: with no filter on, what a filter would read is not built at all (a
  // what-if of 5,000 lines would rebuild 5,000 entries on each edit for nothing).
  const totals = useMemo(() => (active ? new Map(rows.flatMap((row) => (row.kind === "line" ? [[row.initiativeKey, row.total] as const] : []))) : null), [active, rows]);
  const filterable: FilterableLine[] = useMemo(() => {
    if (!totals) return [];
    const shown = lines.map(({ initiative }) => ({
      key: initiative.key,
      title: initiative.title,
      themeKey: initiative.theme.key,
      themeTitle: themeTitles.get(initiative.theme.key) ?? "",
      initiativeNumbers: initiative.sources.flatMap((source) => (source.initiativeNumber ? [source.initiativeNumber] : [])),
      paragraphs: initiative.sources.flatMap((source) => (source.paragraph !== null && source.paragraph !== undefined ? [source.paragraph] : [])),
      isProposal: initiative.origin === "PROPOSAL",
      hasComments: commentedLines.has(initiative.key),
      total: totals.get(initiative.key) ?? 0n,
      changed: diff ? (diff.lines.get(initiative.key)?.status ?? "UNCHANGED") !== "UNCHANGED" : null,
    }));
    // The reference's removed lines are rows too, found by their title.
    const removed = (diff?.removed ?? []).map((line) => ({
      key: `removed:${line.initiativeKey}`,
      title: line.title,
      themeKey: line.themeKey,
      themeTitle: themeTitles.get(line.themeKey) ?? "",
      initiativeNumbers: [],
      paragraphs: [],
      isProposal: false,
      hasComments: false,
      total: 0n,
      changed: true,
    }));
    return [...shown, ...removed];
  }, [lines, themeTitles, commentedLines, totals, diff]);
  const passing = useMemo(() => (active ? filterLines(filterable, filter) : null), [active, filterable, filter]);

  // AG Grid asks again only when told — and only when the lines passing change: filtering again
  // stops an editor, so it must not happen on every render (a live change renders the grid).
  const apiRef = useRef(api);
  apiRef.current = api;
  const told = useRef<typeof passing | undefined>(undefined);
  useEffect(() => {
    if (told.current === passing) return;
    const grid = apiRef.current();
    if (told.current === undefined && passing === null) {
      told.current = passing;
      return;
    }
    told.current = passing;
    if (grid && !grid.isDestroyed()) grid.onFilterChanged();
  }, [passing]);

  const isExternalFilterPresent = useCallback(() => passing !== null, [passing]);
  const doesExternalFilterPass = useCallback(
    (node: IRowNode<Row>) => {
      const row = node.data;
      if (!passing || !row) return true;
      // A line only the reference has is found by its title and as a change, never by this scenario's amounts, comments or proposals.
      if (isRemovedRow(row)) return passing.lines.has(row.id) && filter.threshold === null && !filter.comments && !filter.proposals;
      if (row.kind === "line") return passing.lines.has(row.initiativeKey);
      if (row.kind === "theme") return passing.themes.has(row.themeKey);
      return true;
    },
    [passing, filter],
  );
  const setFilter = useCallback((update: (current: LineFilter) => LineFilter) => setFilterState(update), []);
  return {
    filter,
    setFilter,
    active,
    shown: passing ? [...passing.lines].filter((key) => !key.startsWith("removed:")).length : lines.length,
    total: lines.length,
    isExternalFilterPresent,
    doesExternalFilterPass,
  };
}
