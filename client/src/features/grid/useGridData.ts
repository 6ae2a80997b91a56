/**
 * The grid's data: the scenario as its query answers it, the version and cells the grid holds, and
 * everything drawn from them (lines, years, frame, rows, totals, comments, whether it may be edited).
 *
 * The version and cells are state (to render) and refs (for the handlers of answers and live
 * changes, which may run several times before React renders). The server's answer replaces them
 * only when it is another scenario or another version (a version is exactly one state) no older
 * than the one held (live changes overtake a query in flight; see adoptsFetched), and during render,
 * so the grid never draws a frame with stale or empty cells — and a background refresh of the same
 * version disturbs nothing (not the focus, not a selection in progress).
 */
import { useCallback, useMemo, useRef, useState } from "react";
import { useQuery } from "urql";
import type { ResultOf } from "../../graphql.ts";
import { fromApi } from "../../app/amounts.ts";
import { scenarioGlobalId } from "../../app/ids.ts";
import { useSameByContent } from "../../app/useSameByContent.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { adoptsFetched } from "../live/liveChanges.ts";
import { usePricedScenario } from "../priceLevels/usePricedScenario.ts";
import { mayEdit } from "../sharing/ownership.ts";
import { ScenarioGridQuery } from "./gridQuery.ts";
import { buildBodyRows, buildSummaryRows, createRowCache, keepUnchangedSummaryRows, orderedLineKeys, type CellMap, type LineMeta, type StatedYear, type SummaryRow } from "./gridRows.ts";
import { sourceText } from "./sourceText.ts";

/** The scenario as the grid's query answers it. */
export type GridScenario = NonNullable<ResultOf<typeof ScenarioGridQuery>["scenario"]>;

const NO_LINES: CellMap = new Map();
const NO_COMMENTS: GridScenario["comments"] = [];
const NO_THEMES: ResultOf<typeof ScenarioGridQuery>["themes"] = [];

export function useGridData(scenarioKey: string) {
  const { t, locale } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: ScenarioGridQuery,
    variables: { id: scenarioGlobalId(scenarioKey) },
  });
  const fetched = data?.scenario ?? null;

  const [cells, setCells] = useState<CellMap>(new Map());
  const cellsRef = useRef<CellMap>(cells);
  const [version, setVersion] = useState(0);
  const versionRef = useRef(0);
  /** reload() asked for the scenario: its answer replaces the grid even at the version shown. */
  const reloadRequestedRef = useRef(false);

  const [scenario, setScenario] = useState<GridScenario | null>(null);
  if (fetched && fetched !== scenario && adoptsFetched(scenario, fetched, version, reloadRequestedRef.current)) {
    reloadRequestedRef.current = false;
    setScenario(fetched);
    const fetchedCells: CellMap = new Map(fetched.lines.map((line) => [line.initiative.key, new Map(line.amounts.map((cell) => [cell.year, fromApi(cell.amount)]))]));
    cellsRef.current = fetchedCells;
    setCells(fetchedCells);
    setVersion(fetched.version);
    versionRef.current = fetched.version;
  }

  const showCells = useCallback((next: CellMap) => {
    cellsRef.current = next;
    setCells(next);
  }, []);
  /** The grid now holds this version (its cells already shown). */
  const holdVersion = useCallback((next: number) => {
    versionRef.current = next;
    setVersion(next);
  }, []);
  const reload = useCallback(() => {
    reloadRequestedRef.current = true;
    refetch({ requestPolicy: "network-only" });
  }, [refetch]);

  // Another price level is a view of the stored amounts, converted by the server: read-only.
  const [priceLevel, setPriceLevel] = useState<number | null>(null);
  const priced = usePricedScenario(scenarioKey, priceLevel, version);
  const shownCells = priceLevel === null ? cells : priced.cells ?? NO_LINES;
  const amountOf = useCallback((initiativeKey: string, year: number) => shownCells.get(initiativeKey)?.get(year) ?? 0n, [shownCells]);

  const years = useMemo(() => scenario?.frame.years.map((entry) => entry.year) ?? [], [scenario]);
  const frame = useMemo(() => new Map(scenario?.frame.years.map((entry) => [entry.year, fromApi(entry.amount)]) ?? []), [scenario]);
  // Who may do what comes from the latest answer, not the version shown: sharing changes no version.
  const ownership = fetched ?? scenario;
  const editable = priceLevel === null && scenario !== null && scenario.kind === "WHAT_IF" && !scenario.locked && !scenario.archived && mayEdit(ownership!.access);
  const lines: LineMeta[] = useMemo(
    () =>
      scenario?.lines.map(({ initiative }) => ({
        key: initiative.key,
        title: initiative.title,
        themeKey: initiative.theme.key,
        isReserve: initiative.isReserve,
        isProposal: initiative.origin === "PROPOSAL",
        sources: sourceText(initiative.sources, t, locale),
      })) ?? [],
    [scenario, t, locale],
  );
  /** An initiative's title by its key, for messages (people read titles, not keys). */
  const lineTitleOf = useCallback((key: string) => lines.find((line) => line.key === key)?.title ?? key, [lines]);
  const stated: StatedYear[] = useMemo(
    () =>
      scenario?.yearTotals.flatMap((total) =>
        total.statedTotalCheck
          ? [{
              year: total.year,
              stated: fromApi(total.statedTotalCheck.stated),
              difference: fromApi(total.statedTotalCheck.difference),
              explained: fromApi(total.statedTotalCheck.explained),
              unexplained: fromApi(total.statedTotalCheck.unexplained),
              status: total.statedTotalCheck.status,
              footnoteMarkers: total.statedTotalCheck.footnotes.map((note) => note.marker),
            }]
          : [],
      ) ?? [],
    [scenario],
  );
  // Comments change no version, so they come from the latest answer, not from the version shown —
  // keyed by their content, so a background refresh with the same comments rebuilds nothing (the
  // columns depend on them, and new columns would move the focus under a user's keyboard).
  const comments = useSameByContent(fetched?.comments ?? NO_COMMENTS);
  const commentsByLine = useMemo(() => {
    const byLine = new Map<string, string[]>();
    for (const comment of comments) {
      if (!comment.initiative) continue;
      const text = `${comment.year ? `${comment.year}: ` : ""}“${comment.text}” – ${comment.author}`;
      byLine.set(comment.initiative.key, [...(byLine.get(comment.initiative.key) ?? []), text]);
    }
    return byLine;
  }, [comments]);
  const rowCache = useMemo(() => createRowCache(), []);
  // The themes by content too: a refresh returns equal themes in a new array, which must not rebuild the columns.
  const themes = useSameByContent(data?.themes ?? NO_THEMES);
  const bodyRows = useMemo(() => buildBodyRows(lines, themes, shownCells, years, rowCache), [lines, themes, shownCells, years, rowCache]);
  // The printed totals are the documents' figures in their own price level: shown only there.
  // Rows whose figures an edit left as they were stay the same objects, so the grid does not redraw them.
  const summaryRowsRef = useRef<SummaryRow[]>([]);
  const summaryRows = useMemo(() => {
    const built = priceLevel === null ? buildSummaryRows(bodyRows, frame, years, stated) : buildSummaryRows(bodyRows, priced.frame ?? frame, years);
    return (summaryRowsRef.current = keepUnchangedSummaryRows(summaryRowsRef.current, built, years));
  }, [bodyRows, frame, years, stated, priceLevel, priced.frame]);
  // Derived from the lines, not the rows, so it (and the columns that use it) stay the same across edits.
  const documentLineKeys = useMemo(() => orderedLineKeys(lines, themes), [lines, themes]);

  return {
    error, fetching, fetched, scenario, ownership, editable,
    cellsRef, version, versionRef, showCells, holdVersion, reload,
    priceLevel, setPriceLevel, priced, amountOf,
    years, frame, lines, lineTitleOf, comments, commentsByLine, themes, bodyRows, summaryRows, documentLineKeys,
  };
}

export type GridData = ReturnType<typeof useGridData>;
