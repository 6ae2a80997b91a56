/**
 * A scenario as a spreadsheet: one row per initiative under its theme heading, a column per frame
 * year and the total, pinned rows for the total, the frame, the headroom and the document's printed
 * total. Edits, pastes and undo go to the server; the totals change the instant a cell does, from
 * the local cells, and settle on the server's figures when it answers. Everyone else's changes
 * arrive live (features/live) and go into the same cells.
 */
import { AgGridReact } from "ag-grid-react";
import type { CellEditingStartedEvent, CellEditRequestEvent, CellFocusedEvent, GridApi, ModelUpdatedEvent, PostSortRowsParams, SortChangedEvent } from "ag-grid-community";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql, type ResultOf } from "../../graphql.ts";
import { gridTheme } from "../../app/agGrid.ts";
import { formatAmount, fromApi, toApi } from "../../app/amounts.ts";
import { scenarioGlobalId } from "../../app/ids.ts";
import { hrefOf, navigate } from "../../app/route.ts";
import { currentUser } from "../../urql.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { message, type Message, type MessageKey } from "../../i18n/messages.ts";
import { HistoryPanel, type HistoryPanelCell } from "../history/HistoryPanel.tsx";
import { adoptsFetched, advance, describeChange, planLiveChange, type ChangedCell, type ScenarioChange } from "../live/liveChanges.ts";
import { useScenarioLive } from "../live/useScenarioLive.ts";
import { PriceLevelBanner, PriceLevelSelect } from "../priceLevels/PriceLevelSelect.tsx";
import { usePricedScenario } from "../priceLevels/usePricedScenario.ts";
import { UnlockScenario } from "../scenarios/scenarioActions.ts";
import type { AccountUser } from "../account/accountDocuments.ts";
import { Ownership } from "../sharing/Ownership.tsx";
import { ShareDialog } from "../sharing/ShareDialog.tsx";
import { mayEdit, ownershipNote } from "../sharing/ownership.ts";
import { BalanceDialog } from "./BalanceDialog.tsx";
import { ConflictDialog, type Conflict } from "./ConflictDialog.tsx";
import { GridToolbar } from "./GridToolbar.tsx";
import { ResizablePanel } from "./ResizablePanel.tsx";
import { ScenarioNameDialog } from "./ScenarioNameDialog.tsx";
import { AddLineDialog, RemoveLineDialog } from "./LineDialogs.tsx";
import { ScenarioChart } from "./ScenarioChart.tsx";
import { cellKey, gridColumns, yearField } from "./gridColumns.ts";
import { ScenarioGridQuery } from "./gridQuery.ts";
import { buildBodyRows, buildSummaryRows, createRowCache, orderedLineKeys, withCells, yearsOverFrame, type BodyRow, type CellMap, type LineMeta, type StatedYear, type SummaryRow } from "./gridRows.ts";
import { parseCellInput, parseClipboardBlock, planClear, planFill, planPaste, type PastedCell, type TargetBounds } from "./pasteBlock.ts";
import { keepLinesUnderThemes } from "./themeOrder.ts";
import { sourceText } from "./sourceText.ts";
import { blockBounds, blockToTsv, isInBlock, type Block, type CellPosition } from "./selection.ts";
import { CellContextMenu, type CellMenuAction } from "./CellContextMenu.tsx";
import { SelectionStatusBar } from "./SelectionStatusBar.tsx";
import { createSelectionSignal } from "./selectionSignal.ts";
import { reopenEditor, useGridKeyboard } from "./useGridKeyboard.ts";
import { loadStacks, recordEdit, recordRedo, recordUndo, saveStacks, type UndoStacks } from "./undoStack.ts";
import type { AmountError, Oere } from "@ramme/domain";
import { failureMessage, failureText } from "../../app/failures.ts";
import { unexpected } from "../../app/unexpected.ts";
import { useSameByContent } from "../../app/useSameByContent.ts";
import { shortTitle } from "../../app/shortTitle.ts";
import { useCellComments } from "./CellComments.tsx";
import { DiffAmountCell, DiffTitleCell } from "./DiffCells.tsx";
import { DiffLegend, DiffToggle } from "./DiffToggle.tsx";
import { GridSearch } from "./GridSearch.tsx";
import { overlayColumns, overlayRowClassRules, withRemovedRows } from "./gridOverlays.ts";
import { useLineFilter } from "./useLineFilter.ts";
import { useGridReference, useReferenceDiff } from "./useReferenceDiff.ts";

const SetAllocations = graphql(`
  mutation SetAllocations($input: SetAllocationsInput!) {
    setAllocations(input: $input) { ...EditResult }
  }
  fragment EditResult on SetAllocationsResult {
    __typename
    ... on ScenarioEdit { version changed cells { initiativeKey year after } yearTotals { year allocated } }
    ... on VersionConflictError { message currentVersion cellsChangedSince { initiative { key title } year before after } changesSince { version actor at kind } }
    ... on FrameExceededError { message years { year overBy } }
    ... on InvalidInputError { message problems { field code message value } }
    ... on ScenarioLockedError { message reason }
  }
`);

const RevertChange = graphql(`
  mutation RevertChange($input: RevertChangeInput!) {
    revertChange(input: $input) {
      __typename
      ... on ScenarioEdit { version changed cells { initiativeKey year after } }
      ... on VersionConflictError { currentVersion }
      ... on InvalidInputError { problems { code } }
      ... on Error { message }
    }
  }
`);

/** The scenario as the grid's query answers it. */
type GridScenario = NonNullable<ResultOf<typeof ScenarioGridQuery>["scenario"]>;

const NO_LINES: CellMap = new Map();
const NO_COMMENTS: GridScenario["comments"] = [];
const NO_THEMES: ResultOf<typeof ScenarioGridQuery>["themes"] = [];
/** How long a cell someone else just changed stays marked. */
const HIGHLIGHT_MS = 6_000;

/** AG Grid's hook after a sort: the nodes are reordered in place so lines stay under their theme. */
const keepThemesOnSort = ({ nodes }: PostSortRowsParams<BodyRow | SummaryRow>) => {
  const ordered = keepLinesUnderThemes(nodes, (node) => (node.data?.kind === "theme" || node.data?.kind === "line" ? node.data : undefined), (node) => node.sourceRowIndex);
  nodes.splice(0, nodes.length, ...ordered);
};

/** How cells came to be written: a typed edit says nothing when saved; the block operations say how many cells. */
type CellWriteKind = "edit" | "paste" | "clear" | "fill";
const WRITE_DONE: Record<Exclude<CellWriteKind, "edit">, MessageKey> = { paste: "pasted", clear: "cleared", fill: "filled" };

const REASONS: Record<AmountError["code"], MessageKey> = {
  EMPTY: "reasonEmpty",
  NOT_A_NUMBER: "reasonNotANumber",
  AMBIGUOUS: "reasonAmbiguous",
  TOO_PRECISE: "reasonTooPrecise",
  NEGATIVE: "reasonNegative",
  TOO_LARGE: "reasonTooLarge",
};

/** `me`: the signed-in user (accounts mode), or null in local mode, where the one user owns everything and nothing is shared. */
export function ScenarioGrid({ scenarioKey, me }: { scenarioKey: string; me: AccountUser | null }) {
  const { t, locale } = useI18n();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: ScenarioGridQuery,
    variables: { id: scenarioGlobalId(scenarioKey) },
  });
  const [, setAllocations] = useMutation(SetAllocations);
  const [, revertChange] = useMutation(RevertChange);
  const [, unlock] = useMutation(UnlockScenario);
  const fetched = data?.scenario ?? null;

  // The version the grid holds and its cells, as state (to render) and as refs (for the handlers of
  // answers and live changes, which may run several times before React renders).
  const [cells, setCells] = useState<CellMap>(new Map());
  const cellsRef = useRef<CellMap>(cells);
  const [version, setVersion] = useState(0);
  const versionRef = useRef(0);
  /** reload() asked for the scenario: its answer replaces the grid even at the version shown. */
  const reloadRequestedRef = useRef(false);
  /** A live change asked for that reload: later changes wait for it, then the stream starts again after it. */
  const liveReloadRef = useRef(false);
  /** Saves and undos of ours on their way to the server. */
  const inFlightRef = useRef(0);
  /** Versions this browser made (answers to its own edits), so their live echo is not announced as someone else's. */
  const madeHereRef = useRef(new Set<number>());
  /** Cells someone else changed a moment ago, with the tooltip saying who and what: marked in the grid. */
  const recentRef = useRef(new Map<string, string>());
  const highlightTimers = useRef(new Set<ReturnType<typeof setTimeout>>());
  /** Cells someone else changed while this user was editing them, with the version before: saving one meets the conflict dialog. */
  const changedUnderEditRef = useRef(new Map<string, number>());
  /** The status line's message, kept as key and values so it is worded in the language shown. */
  const [status, setStatus] = useState<{ message: Message; tone: "info" | "error" } | null>(null);
  const [saving, setSaving] = useState(0);
  const [cellErrors, setCellErrors] = useState<Map<string, string>>(new Map());
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [stacks, setStacks] = useState<UndoStacks>(() => loadStacks(scenarioKey));
  const [showHistory, setShowHistory] = useState(false);
  const [showChart, setShowChart] = useState(false);
  const [dialog, setDialog] = useState<{ kind: "add" } | { kind: "balance" } | { kind: "share" } | { kind: "fork" } | { kind: "rename" } | { kind: "remove"; line: { key: string; title: string } } | null>(null);
  const blockRef = useRef<Block | null>(null);
  /**
   * The cells our own Shift+arrow handling focused whose focus events have not come yet: those must
   * not reset the block. A list, because the grid may report a move after the next key was handled.
   */
  const ownFocusRef = useRef<CellPosition[]>([]);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const apiRef = useRef<GridApi | null>(null);
  const [gridElement, setGridElement] = useState<HTMLDivElement | null>(null);
  /** Fires whenever the block changes (it is held in a ref): the status line recounts. */
  const selection = useMemo(() => createSelectionSignal(), []);
  const selectionChanged = selection.notify;
  const currentBlock = useCallback(() => blockRef.current, []);
  const [menu, setMenu] = useState<{ cell: CellPosition; at: { x: number; y: number } } | null>(null);
  const [historyCell, setHistoryCell] = useState<HistoryPanelCell | null>(null);

  // What the grid shows. The server's answer replaces it only when it is another scenario or another
  // version (a version is exactly one state) no older than the one held (live changes overtake a query
  // in flight; see adoptsFetched), and during render, so the grid never draws a frame with stale or
  // empty cells — and a background refresh of the same version disturbs nothing (not the focus, not a
  // selection in progress).
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
  useEffect(() => saveStacks(scenarioKey, stacks), [scenarioKey, stacks]);
  // Another price level is a view of the stored amounts, converted by the server: read-only.
  const [priceLevel, setPriceLevel] = useState<number | null>(null);
  const priced = usePricedScenario(scenarioKey, priceLevel, version);
  const shownCells = priceLevel === null ? cells : priced.cells ?? NO_LINES;
  useEffect(() => {
    const timers = highlightTimers.current;
    return () => timers.forEach(clearTimeout);
  }, []);

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
  const summaryRows = useMemo(
    () => (priceLevel === null ? buildSummaryRows(bodyRows, frame, years, stated) : buildSummaryRows(bodyRows, priced.frame ?? frame, years)),
    [bodyRows, frame, years, stated, priceLevel, priced.frame],
  );
  // Derived from the lines, not the rows, so it (and the columns that use it) stay the same across edits.
  const documentLineKeys = useMemo(() => orderedLineKeys(lines, themes), [lines, themes]);
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
  // A line just added lands under its theme, often below the fold: bring it into view and focus
  // its first year once the reload has drawn it, so the user can type its amounts at once.
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
  }, [lineKeys, years]);
  const over = yearsOverFrame(summaryRows, years);

  const amountText = useCallback((amount: Oere) => formatAmount(amount, locale), [locale]);

  const showCells = useCallback((next: CellMap) => {
    cellsRef.current = next;
    setCells(next);
  }, []);

  const reload = useCallback(() => {
    reloadRequestedRef.current = true;
    refetch({ requestPolicy: "network-only" });
  }, [refetch]);

  /**
   * The server's answer to a save or undo of ours: the version it made and the cells it changed. Its
   * live echo may have come first (then this changes nothing); a version beyond the next one means
   * changes we have not seen yet, which only a reload brings.
   */
  const applyAnswer = useCallback(
    (madeVersion: number, changed: ChangedCell[] | undefined) => {
      madeHereRef.current.add(madeVersion);
      const step = advance({ version: versionRef.current, cells: cellsRef.current }, madeVersion, changed ?? []);
      if (step.kind === "gap") return reload();
      if (step.kind !== "next") return;
      showCells(step.cells);
      versionRef.current = madeVersion;
      setVersion(madeVersion);
    },
    [reload, showCells],
  );

  /**
   * Sends cells as one setAllocations, after any edit still on its way; totals have already moved
   * locally. `basedOn` is the version the user saw when the cell changed under their editor, so the
   * server reports the conflict instead of silently overwriting the other person's value.
   */
  const sendCells = useCallback(
    (edits: PastedCell[], kind: CellWriteKind, basedOn?: number) => {
      showCells(withCells(cellsRef.current, edits.map(({ initiativeKey, year, amount }) => ({ initiativeKey, year, amount }))));
      // A new map only when an error is cleared: the columns depend on it, and rebuilding them redraws every cell.
      setCellErrors((current) => {
        if (!edits.some((edit) => current.has(cellKey(edit.initiativeKey, edit.year)))) return current;
        const next = new Map(current);
        for (const edit of edits) next.delete(cellKey(edit.initiativeKey, edit.year));
        return next;
      });
      setSaving((count) => count + 1);
      inFlightRef.current += 1;
      const run = async () => {
        const response = await setAllocations({
          input: {
            scenarioId: scenarioKey,
            expectedVersion: basedOn ?? versionRef.current,
            cells: edits.map((edit) => ({ initiativeId: edit.initiativeKey, year: edit.year, amount: toApi(edit.amount) })),
          },
        });
        const result = response.data?.setAllocations;
        if (!result) {
          reload();
          setStatus({ message: message("editFailed", { message: failureMessage(null, response.error) }), tone: "error" });
          return;
        }
        switch (result.__typename) {
          case "ScenarioEdit":
            applyAnswer(result.version, result.cells);
            if (result.changed) setStacks((current) => recordEdit(current, result.version));
            setStatus(kind === "edit" ? null : { message: message(WRITE_DONE[kind], { count: edits.length }), tone: "info" });
            return;
          case "VersionConflictError":
            reload();
            setConflict({ current: result.currentVersion, theirs: result.cellsChangedSince, changes: result.changesSince, mine: edits });
            return;
          case "FrameExceededError":
            reload();
            setStatus({ message: message("frameExceeded", { years: result.years.map((year) => year.year).join(", ") }), tone: "error" });
            return;
          case "InvalidInputError":
          case "ScenarioLockedError":
            reload();
            setStatus({ message: message("editFailed", { message: result.message }), tone: "error" });
            return;
          default:
            return unexpected(result);
        }
      };
      queue.current = queue.current.then(run, run).finally(() => {
        inFlightRef.current -= 1;
        setSaving((count) => count - 1);
      });
    },
    [scenarioKey, setAllocations, applyAnswer, showCells, reload, t, locale],
  );

  const undoOrRedo = useCallback(
    (direction: "undo" | "redo") => {
      const stack = direction === "undo" ? stacks.undo : stacks.redo;
      const target = stack.at(-1);
      if (target === undefined) {
        setStatus({ message: message(direction === "undo" ? "nothingToUndo" : "nothingToRedo"), tone: "info" });
        return;
      }
      const run = async () => {
        const send = (expectedVersion: number) => revertChange({ input: { scenarioId: scenarioKey, version: target, expectedVersion } });
        let response = await send(versionRef.current);
        // Someone else saved meanwhile: undoing our own change is still safe (the server refuses if it touched the same cells).
        if (response.data?.revertChange.__typename === "VersionConflictError") response = await send(response.data.revertChange.currentVersion);
        const result = response.data?.revertChange;
        if (result?.__typename === "ScenarioEdit") {
          applyAnswer(result.version, result.cells);
          setStacks((current) => (direction === "undo" ? recordUndo(current, result.version) : recordRedo(current, result.version)));
          setStatus({ message: message(direction === "undo" ? "undone" : "redone"), tone: "info" });
          return;
        }
        reload();
        const blocked = result?.__typename === "InvalidInputError" && result.problems.some((problem) => problem.code === "CHANGED_SINCE");
        setStatus({ message: blocked ? message("undoBlocked") : message("editFailed", { message: result?.message ?? "?" }), tone: "error" });
      };
      inFlightRef.current += 1;
      queue.current = queue.current.then(run, run).finally(() => {
        inFlightRef.current -= 1;
      });
    },
    [stacks, scenarioKey, revertChange, applyAnswer, reload, t],
  );

  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<BodyRow | SummaryRow>) => {
      const row = event.data;
      const year = Number(event.column.getColId().slice(1));
      if (row.kind !== "line" || !years.includes(year)) return;
      // An emptied cell is 0, as in a spreadsheet (Backspace empties the cell and opens the editor).
      const typed = String(event.newValue ?? "");
      const text = typed.trim() === "" ? "0" : typed;
      const parsed = parseCellInput(text, scenario?.frame.precisionDecimals ?? 1);
      if (!parsed.ok) {
        const reason = message(REASONS[parsed.error.code], { decimals: scenario?.frame.precisionDecimals ?? 1 });
        setCellErrors((current) => new Map(current).set(cellKey(row.initiativeKey, year), t(reason.key, reason.params)));
        setStatus({ message: message("invalidCell", { text, reason }), tone: "error" });
        // Closed with Enter or Tab: the editor opens again with the typed text, to be put right.
        if (keys.committedByKey() && typed.trim() !== "") reopenEditor(event.api, { initiativeKey: row.initiativeKey, year }, typed);
        return;
      }
      const key = cellKey(row.initiativeKey, year);
      const basedOn = changedUnderEditRef.current.get(key);
      changedUnderEditRef.current.delete(key);
      if ((cellsRef.current.get(row.initiativeKey)?.get(year) ?? 0n) === parsed.amount) {
        // Typed back to what it holds: nothing to store, but the cell is right again, so its mark goes.
        setCellErrors((current) => (current.has(key) ? new Map([...current].filter(([cell]) => cell !== key)) : current));
        return;
      }
      sendCells([{ initiativeKey: row.initiativeKey, year, text, amount: parsed.amount }], "edit", basedOn);
    },
    [years, scenario, sendCells, t, locale],
  );

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
  }, [lineCellAt]);

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
    [years, lineCellAt],
  );

  /** The line cell whose editor is open, if any. */
  const editingCell = useCallback((): CellPosition | null => {
    const api = apiRef.current;
    const editing = api?.getEditingCells()[0];
    return api && editing?.column ? lineCellAt(api, editing.rowIndex, editing.column.getColId(), editing.rowPinned) : null;
  }, [lineCellAt]);

  const onCellEditingStarted = useCallback(
    (event: CellEditingStartedEvent<BodyRow | SummaryRow>) => {
      const position = lineCellAt(event.api, event.rowIndex, event.column.getColId(), event.rowPinned);
      if (position) changedUnderEditRef.current.delete(cellKey(position.initiativeKey, position.year));
    },
    [lineCellAt],
  );

  /** Marks cells someone else changed, for a few seconds: a flash, a bar at the cell's edge, and a tooltip saying who and what. */
  const highlight = useCallback((change: ScenarioChange) => {
    const when = new Intl.DateTimeFormat(locale === "da" ? "da-DK" : "en-GB", { timeStyle: "short" }).format(new Date(change.at));
    const amount = (text: string | null) => (text === null ? "–" : amountText(fromApi(text)));
    const notes = change.cells.map((cell) => {
      const note = t("liveCellTooltip", { who: change.actor, time: when, before: amount(cell.before), after: amount(cell.after) });
      recentRef.current.set(cellKey(cell.initiativeKey, cell.year), note);
      return { cell, note };
    });
    const timer = setTimeout(() => {
      highlightTimers.current.delete(timer);
      // A later change to the same cell keeps its own mark.
      const ended = notes.filter(({ cell, note }) => recentRef.current.get(cellKey(cell.initiativeKey, cell.year)) === note);
      for (const { cell } of ended) recentRef.current.delete(cellKey(cell.initiativeKey, cell.year));
      const api = apiRef.current;
      if (!api || api.isDestroyed() || ended.length === 0) return;
      const rowNodes = ended.flatMap(({ cell }) => api.getRowNode(cell.initiativeKey) ?? []);
      api.refreshCells({ rowNodes, columns: [...new Set(ended.map(({ cell }) => yearField(cell.year)))] });
    }, HIGHLIGHT_MS);
    highlightTimers.current.add(timer);
  }, [locale, t, amountText]);

  const reloadFromLive = useCallback(() => {
    liveReloadRef.current = true;
    reload();
  }, [reload]);

  /**
   * A change from the live stream (anyone's, ours included). New amounts go into the cells the grid
   * holds and the totals follow; anything else (lines, settings, a missed version) reloads.
   */
  const onLiveChange = useCallback(
    (change: ScenarioChange) => {
      if (liveReloadRef.current) return;
      const before = versionRef.current;
      const plan = planLiveChange(change, { version: before, cells: cellsRef.current });
      if (plan.kind === "ignore") return;
      const me = currentUser();
      // Our own edit's echo, when it overtakes the server's answer. Without a name, an echo can only
      // be told from someone else's change while an edit of ours is on its way.
      const own = madeHereRef.current.has(change.version) || (me !== "" ? change.actor === me : inFlightRef.current > 0);
      const lineTitle = (key: string) => lines.find((line) => line.key === key)?.title ?? key;
      const announce = (said: Message) => {
        if (!own) setStatus({ message: said, tone: "info" });
      };
      if (plan.kind === "reload") {
        reloadFromLive();
        announce(describeChange(change, lineTitle));
        return;
      }
      showCells(plan.cells);
      versionRef.current = change.version;
      setVersion(change.version);
      // Our unsaved edits make the local totals differ from the server's; otherwise they must agree.
      if (!plan.totalsAgree && inFlightRef.current === 0) return reloadFromLive();
      if (own) return;
      highlight(change);
      const editing = editingCell();
      const underEdit = editing ? change.cells.find((cell) => cell.initiativeKey === editing.initiativeKey && cell.year === editing.year) : undefined;
      if (underEdit) {
        // The editor keeps what the user typed; saving it is then based on the version before this change.
        const key = cellKey(underEdit.initiativeKey, underEdit.year);
        if (!changedUnderEditRef.current.has(key)) changedUnderEditRef.current.set(key, before);
        const after = underEdit.after;
        announce(message("liveChangedWhileEditing", { who: change.actor, after: (shownIn) => (after === null ? "–" : formatAmount(fromApi(after), shownIn)) }));
      } else {
        announce(describeChange(change, lineTitle));
      }
    },
    [lines, t, amountText, showCells, reloadFromLive, highlight, editingCell],
  );

  const live = useScenarioLive(scenarioKey, scenario !== null, { heldVersion: () => versionRef.current, onChange: onLiveChange, onRefused: reloadFromLive });
  const restartLive = live.restart;
  // The reload a live change asked for has landed: the stream starts again after the version it brought.
  useEffect(() => {
    if (!liveReloadRef.current) return;
    liveReloadRef.current = false;
    restartLive();
  }, [scenario, restartLive]);

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
      api.refreshCells({ force: true, columns: years.map(yearField) });
      selectionChanged();
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [lineKeys, years, focusedCell]);

  /** What a paste, clear or fill acts on: the selected block while it holds the focused cell, else the focused cell. */
  const selectedTarget = useCallback((): TargetBounds | null => {
    const start = focusedCell();
    if (!start) return null;
    const selection = blockRef.current && isInBlock(blockRef.current, start, lineKeys, years) ? blockRef.current : { anchor: start, focus: start };
    return blockBounds(selection, lineKeys, years);
  }, [focusedCell, lineKeys, years]);

  /** Pasted text (or Ctrl+Enter's typed value, kind "fill") onto a target: planned whole, stored whole or refused whole. */
  const writeText = useCallback(
    (text: string, target: TargetBounds, kind: "paste" | "fill") => {
      if (!editable) {
        setStatus({ message: message(kind === "paste" ? "readOnlyPaste" : "readOnlyChange"), tone: "error" });
        return;
      }
      const block = parseClipboardBlock(text);
      const plan = planPaste(block, target, lineKeys, years, scenario!.frame.precisionDecimals);
      if (plan.kind === "outside") {
        const topLeft = message("cellAt", { line: shortTitle(lineTitleOf(lineKeys[target.top]!)), year: years[target.left]! });
        setStatus({ message: message("pasteOutside", { rows: plan.rows, columns: plan.columns, start: topLeft, fitRows: plan.fits.rows, fitColumns: plan.fits.columns }), tone: "error" });
      } else if (plan.kind === "invalid") {
        const first = plan.problems[0]!;
        setCellErrors((current) => {
          const next = new Map(current);
          for (const problem of plan.problems) next.set(cellKey(problem.initiativeKey, problem.year), t(REASONS[problem.error.code], { decimals: scenario!.frame.precisionDecimals }));
          return next;
        });
        const reason = message(REASONS[first.error.code], { decimals: scenario!.frame.precisionDecimals });
        setStatus({
          message:
            kind === "fill"
              ? message("invalidCell", { text: first.text, reason })
              : message("pasteRefused", { count: plan.problems.length, first: message("pasteFirst", { text: first.text, line: shortTitle(lineTitleOf(first.initiativeKey)), year: first.year }) }),
          tone: "error",
        });
      } else {
        sendCells(plan.cells, kind);
      }
    },
    [editable, lineKeys, years, scenario, sendCells, t, lineTitleOf],
  );

  const onPaste = useCallback(
    (event: React.ClipboardEvent) => {
      if (apiRef.current?.getEditingCells().length) return;
      const target = selectedTarget();
      if (!target) return;
      event.preventDefault();
      writeText(event.clipboardData.getData("text/plain"), target, "paste");
    },
    [selectedTarget, writeText],
  );

  const onCopy = useCallback(
    (event: React.ClipboardEvent) => {
      if (apiRef.current?.getEditingCells().length) return;
      const block = blockRef.current ?? (focusedCell() ? { anchor: focusedCell()!, focus: focusedCell()! } : null);
      if (!block) return;
      const { text, count } = blockToTsv(block, lineKeys, years, (key, year) => shownCells.get(key)?.get(year) ?? 0n);
      if (count === 0) return;
      event.preventDefault();
      event.clipboardData.setData("text/plain", text);
      setStatus({ message: message("copied", { count }), tone: "info" });
    },
    [focusedCell, lineKeys, years, shownCells, t, locale],
  );

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent) => {
      if (apiRef.current?.getEditingCells().length) return;
      const command = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (!editable) {
        // A change refused here says so rather than doing nothing.
        if ((event.key === "Delete" && !command) || (command && (key === "d" || key === "r") && !event.shiftKey && !event.altKey)) {
          event.preventDefault();
          setStatus({ message: message("readOnlyChange"), tone: "error" });
        }
        return;
      }
      // Delete clears the selection to 0 as one edit (AG Grid would send each cell an empty value, which is refused).
      if (event.key === "Delete" && !command && !event.altKey) {
        const target = selectedTarget();
        if (!target) return;
        event.preventDefault();
        event.stopPropagation();
        sendCells(planClear(target, lineKeys, years), "clear");
        return;
      }
      // Ctrl+Z and Ctrl+Y are handled for the whole planner (useGridKeyboard).
      if (!command) return;
      if ((key === "d" || key === "r") && !event.shiftKey && !event.altKey) {
        // Ctrl+D fills down, Ctrl+R right, as in Excel (and instead of the browser's bookmark and reload).
        const target = selectedTarget();
        if (!target) return;
        event.preventDefault();
        event.stopPropagation();
        const cells = planFill(key === "d" ? "down" : "right", target, lineKeys, years, (initiativeKey, year) => shownCells.get(initiativeKey)?.get(year) ?? 0n);
        if (cells.length > 0) sendCells(cells, "fill");
      }
    },
    [editable, selectedTarget, sendCells, lineKeys, years, shownCells, t],
  );

  const amountOf = useCallback((initiativeKey: string, year: number) => shownCells.get(initiativeKey)?.get(year) ?? 0n, [shownCells]);
  const keys = useGridKeyboard({
    apiRef,
    gridElement,
    blockRef,
    ownFocusRef,
    lineKeys,
    years,
    amountOf,
    focusedCell,
    editingCell,
    editable,
    selectionChanged,
    undoOrRedo,
    fillTyped: (text, target) => writeText(text, target, "fill"),
    committing: (cell, text) => {
      const parsed = parseCellInput(text.trim() === "" ? "0" : text, scenario?.frame.precisionDecimals ?? 1);
      const key = cellKey(cell.initiativeKey, cell.year);
      if (parsed.ok && parsed.amount === (cellsRef.current.get(cell.initiativeKey)?.get(cell.year) ?? 0n)) {
        setCellErrors((current) => (current.has(key) ? new Map([...current].filter(([marked]) => marked !== key)) : current));
      }
    },
    openMenu: (cell, at) => setMenu({ cell, at }),
  });

  /** The block when it holds the cell, else the cell: what the cell menu acts on. */
  const menuTarget = (cell: CellPosition): TargetBounds | null =>
    blockBounds(blockRef.current && isInBlock(blockRef.current, cell, lineKeys, years) ? blockRef.current : { anchor: cell, focus: cell }, lineKeys, years);
  const cellName = (cell: CellPosition) => `${lines.find((line) => line.key === cell.initiativeKey)?.title ?? cell.initiativeKey} ${cell.year}`;
  const onMenuAction = (action: CellMenuAction) => {
    if (!menu) return;
    const { cell } = menu;
    const target = menuTarget(cell);
    setMenu(null);
    const api = apiRef.current;
    const rowIndex = api?.getRowNode(cell.initiativeKey)?.rowIndex;
    if (api && rowIndex !== null && rowIndex !== undefined && action !== "comment" && action !== "history") api.setFocusedCell(rowIndex, yearField(cell.year));
    if (!target) return;
    if (action === "copy") {
      const { text, count } = blockToTsv(blockRef.current && isInBlock(blockRef.current, cell, lineKeys, years) ? blockRef.current : { anchor: cell, focus: cell }, lineKeys, years, amountOf);
      navigator.clipboard.writeText(text).then(
        () => setStatus({ message: message("copied", { count }), tone: "info" }),
        () => setStatus({ message: message("clipboardUnreadable"), tone: "error" }),
      );
    } else if (action === "paste") {
      navigator.clipboard.readText().then((text) => writeText(text, target, "paste"), () => setStatus({ message: message("clipboardUnreadable"), tone: "error" }));
    } else if (!editable && (action === "clear" || action === "fillDown")) {
      setStatus({ message: message("readOnlyChange"), tone: "error" });
    } else if (action === "clear") {
      sendCells(planClear(target, lineKeys, years), "clear");
    } else if (action === "fillDown") {
      const cells = planFill("down", target, lineKeys, years, amountOf);
      if (cells.length > 0) sendCells(cells, "fill");
    } else if (action === "comment") {
      // The one way to comment a cell, as Shift+F2 does.
      cellComments.openCommentFor({ initiativeKey: cell.initiativeKey, year: cell.year });
    } else {
      setShowHistory(true);
      setHistoryCell({ initiativeKey: cell.initiativeKey, year: cell.year, name: cellName(cell) });
    }
  };

  const columnDefs = useMemo(
    () =>
      gridColumns({
        years,
        editable,
        locale,
        t,
        cellErrors,
        commentsByLine,
        lineKeys,
        block: () => blockRef.current,
        recentlyChanged: () => recentRef.current,
        titleWithBadges: TitleWithBadges,
      }),
    [years, editable, locale, t, cellErrors, lineKeys, commentsByLine],
  );
  // New comments change the title cells' marks: AG Grid keeps drawn cells across new column definitions (the total is pinned), so redraw them.
  useEffect(() => {
    const api = apiRef.current;
    if (api && !api.isDestroyed()) api.refreshCells({ force: true, columns: ["title"] });
  }, [commentsByLine]);

  // The difference to a reference, the search and the comments on cells (issue 19), each in its own module.
  const [reference, setReference] = useGridReference(scenarioKey);
  const referenceDiff = useReferenceDiff(scenarioKey, reference, reference !== null && reference.key === scenario?.parent?.key ? scenario.forkedFromVersion ?? null : null, version, priceLevel);
  const overlayRef = useRef({ diff: referenceDiff, filtering: false, threads: new Map<string, readonly string[]>() as ReadonlyMap<string, readonly string[]> });
  const cellComments = useCellComments({ scenarioKey, comments, lineTitle: (key) => lines.find((line) => line.key === key)?.title ?? key, onCommented: reload });
  const lineFilter = useLineFilter(scenario?.lines ?? [], themes, bodyRows, cellComments.commentedLines, referenceDiff.diff, () => apiRef.current);
  overlayRef.current = { diff: referenceDiff, filtering: lineFilter.active, threads: cellComments.threads };
  const gridRows = useMemo(() => withRemovedRows(bodyRows, referenceDiff.diff?.removed ?? []), [bodyRows, referenceDiff.diff]);
  const overlaidColumns = useMemo(
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
  useEffect(() => {
    const api = apiRef.current;
    if (api && !api.isDestroyed()) api.refreshCells({ force: true });
  }, [referenceDiff.diff, referenceDiff.pending, cellComments.threads, lineFilter.active]);

  if (error) return <p role="alert">{t("loadError", { message: failureText(t, null, error) })}</p>;
  if (!scenario) return <p>{fetching ? t("loading") : t("loadError", { message: scenarioKey })}</p>;

  const access = ownership!.access;
  const note = ownershipNote(ownership!, me?.organisation.key ?? null);
  // A viewer (or a share to read) may not change it; a viewer may not fork either (the fork would be a change).
  const mayFork = me === null || me.role !== "VIEWER";
  const readOnlyReason =
    scenario.kind === "BASELINE" ? t("readOnlyBaseline")
    : scenario.archived ? t("readOnlyArchived")
    : !mayEdit(access) ? t(note.kind === "sharedWithUs" && note.access === "READ" ? "readOnlyShared" : "readOnlyRole")
    : scenario.locked ? t("readOnlyLocked")
    : null;

  /** A line added or removed: it can be undone, and only a reload shows the lines as they are now. */
  function lineDialogDone(madeVersion: number, addedKey?: string) {
    setDialog(null);
    revealRef.current = addedKey ?? null;
    madeHereRef.current.add(madeVersion);
    setStacks((current) => recordEdit(current, madeVersion));
    reload();
  }


  // The chart goes below the scenario's view, with its own height: opening it never shrinks the grid.
  return (
    <>
    <section className="scenario-view" aria-labelledby="scenario-title">
      <div className="toolbar title-bar">
        <a href={hrefOf({ view: "list" })}>← {t("backToList")}</a>
        <h2 id="scenario-title">{scenario.name}</h2>
        {scenario.kind === "WHAT_IF" && !scenario.archived && mayEdit(access) && (
          <button type="button" className="link-button" onClick={() => setDialog({ kind: "rename" })} title={t("renameTitle", { name: scenario.name })}>{t("rename")}</button>
        )}
        <span className="badge">{scenario.kind === "BASELINE" ? t("baseline") : t("whatIf")}</span>
        {scenario.mustFit && <span className="badge">{t("mustFit")}</span>}
        <Ownership note={note} />
        <span className={over.length ? "frame-flag over" : "frame-flag fits"} role="status">
          {over.length ? t("breaks", { years: over.map((entry) => `${entry.year} (${amountText(entry.overBy)})`).join(", ") }) : t("fits")}
        </span>
      </div>
      <GridToolbar
        scenario={scenario}
        editable={editable}
        canUndo={stacks.undo.length > 0}
        canRedo={stacks.redo.length > 0}
        onUndo={() => undoOrRedo("undo")}
        onRedo={() => undoOrRedo("redo")}
        onAddLine={() => setDialog({ kind: "add" })}
        onRemoveLine={() => {
          const focused = focusedCell() ?? (blockRef.current?.focus ?? null);
          const line = focused ? lines.find((entry) => entry.key === focused.initiativeKey) : undefined;
          if (line) setDialog({ kind: "remove", line: { key: line.key, title: line.title } });
          else setStatus({ message: message("removeLineHint"), tone: "info" });
        }}
        overFrame={over.length > 0}
        onBalance={() => setDialog({ kind: "balance" })}
        onImported={reload}
        mayShare={me !== null && scenario.kind === "WHAT_IF" && access === "OWNER"}
        onShare={() => setDialog({ kind: "share" })}
        showChart={showChart}
        onToggleChart={() => setShowChart((shown) => !shown)}
        showHistory={showHistory}
        onToggleHistory={() => setShowHistory((shown) => !shown)}
        priceLevel={priceLevel}
        liveStatus={live.status}
      />
      {priced.level && <PriceLevelBanner level={priced.level} />}
      {priceLevel !== null && !priced.level && (
        <p className={priced.failure ? "status error" : "status"} role="status">
          {priced.failure ? t("priceLevelFailed", { label: `${priceLevel}-pl`, message: priced.failure }) : t("priceLevelLoading", { label: `${priceLevel}-pl` })}
        </p>
      )}
      {readOnlyReason && (
        <p className="read-only-note">
          {readOnlyReason}{" "}
          {mayFork && <button type="button" className="primary" onClick={() => setDialog({ kind: "fork" })}>{t("forkToEdit")}</button>}
          {scenario.locked && scenario.kind === "WHAT_IF" && !scenario.archived && mayEdit(access) && (
            <button type="button" onClick={async () => { await unlock({ input: { scenarioId: scenario.key } }); reload(); }}>{t("unlockToEdit")}</button>
          )}
        </p>
      )}
      <p className="muted small">
        {scenario.frame.name} · {t("mio")} <PriceLevelSelect value={priceLevel} onChange={setPriceLevel} compact />{editable ? ` · ${t("selectionHint")}` : ""} · <a href={hrefOf({ view: "lineage", key: scenario.key })}>{t("lineageLink")}</a>
      </p>
      <div className="grid-tools">
        <GridSearch state={lineFilter} diffOn={reference !== null} />
        <DiffToggle
          scenario={{ key: scenario.key, frameKey: scenario.frame.key, parent: scenario.parent, forkedFromVersion: scenario.forkedFromVersion ?? null }}
          reference={reference}
          state={referenceDiff}
          onChange={setReference}
        />
      </div>
      {reference && <DiffLegend state={referenceDiff} />}
      <div className="grid-and-panel">
        <div ref={setGridElement} className="grid-wrap" role="region" aria-label={t("gridLabel", { name: scenario.name })} onPasteCapture={onPaste} onCopyCapture={onCopy} onKeyDownCapture={onKeyDown}>
          <AgGridReact<BodyRow | SummaryRow>
            theme={gridTheme}
            rowData={gridRows}
            pinnedBottomRowData={summaryRows}
            columnDefs={overlaidColumns}
            rowClassRules={rowClassRules}
            isExternalFilterPresent={lineFilter.isExternalFilterPresent}
            doesExternalFilterPass={lineFilter.doesExternalFilterPass}
            getRowId={(params) => params.data.id}
            getRowClass={(params) => `row-${params.data?.kind ?? "line"}`}
            postSortRows={keepThemesOnSort}
            onModelUpdated={onRowOrderChanged}
            onSortChanged={onRowOrderChanged}
            readOnlyEdit
            onCellEditRequest={onCellEditRequest}
            onCellFocused={onCellFocused}
            onCellEditingStarted={onCellEditingStarted}
            onGridReady={(event) => { apiRef.current = event.api; cellComments.attach(event.api); }}
            enterNavigatesVertically
            enterNavigatesVerticallyAfterEdit
            stopEditingWhenCellsLoseFocus
            tooltipShowDelay={300}
            suppressMovableColumns
            animateRows={false}
          />
        </div>
        {showHistory && (
          <ResizablePanel label={t("historyResize")} storageKey="ramme.historyWidth">
            <HistoryPanel scenarioKey={scenario.key} version={version} lines={lines} years={years} onRestored={reload} onCommented={reload} onClose={() => setShowHistory(false)} cell={historyCell} />
          </ResizablePanel>
        )}
      </div>
      <SelectionStatusBar block={currentBlock} lineKeys={lineKeys} years={years} amountOf={amountOf} decimals={scenario.frame.precisionDecimals} selection={selection} />
      {menu && (
        <CellContextMenu
          at={menu.at}
          cellName={cellName(menu.cell)}
          editable={editable}
          onAction={onMenuAction}
          onClose={(returnFocus) => {
            const cell = menu.cell;
            setMenu(null);
            const rowIndex = apiRef.current?.getRowNode(cell.initiativeKey)?.rowIndex;
            if (returnFocus && rowIndex !== null && rowIndex !== undefined) apiRef.current?.setFocusedCell(rowIndex, yearField(cell.year));
          }}
        />
      )}
      <p className={`status ${status?.tone ?? ""}`} role="status" aria-live="polite">
        {saving > 0 ? t("saving") : (status ? t(status.message.key, status.message.params) : t("savedVersion", { version }))}
      </p>
      {dialog?.kind === "add" && (
        <AddLineDialog
          scenarioKey={scenario.key}
          scenarioName={scenario.name}
          version={version}
          lineKeys={lineKeys}
          themes={themes}
          onClose={() => setDialog(null)}
          onDone={lineDialogDone}
        />
      )}
      {dialog?.kind === "remove" && (
        <RemoveLineDialog
          scenarioKey={scenario.key}
          version={version}
          line={dialog.line}
          onClose={() => setDialog(null)}
          onDone={lineDialogDone}
        />
      )}
      {dialog?.kind === "balance" && (
        <BalanceDialog
          scenarioKey={scenario.key}
          lines={lines}
          onClose={() => setDialog(null)}
          onApply={(cells) => { setDialog(null); sendCells(cells, "paste"); }}
        />
      )}
      {(dialog?.kind === "fork" || dialog?.kind === "rename") && (
        <ScenarioNameDialog kind={dialog.kind} scenario={fetched ?? scenario} onClose={() => setDialog(null)} onRenamed={reload} />
      )}
      {dialog?.kind === "share" && <ShareDialog scenarioKey={scenario.key} scenarioName={scenario.name} onClose={() => setDialog(null)} />}
      {cellComments.element}
      {conflict && (
        <ConflictDialog
          conflict={conflict}
          lineTitle={lineTitleOf}
          onKeepTheirs={() => { setConflict(null); reload(); }}
          onApplyMine={() => {
            const mine = conflict.mine;
            setConflict(null);
            // Live changes may already have brought the grid past the version the conflict reported.
            versionRef.current = Math.max(versionRef.current, conflict.current);
            sendCells(mine, "edit");
          }}
        />
      )}
    </section>
    {showChart && <ScenarioChart name={scenario.name} rows={bodyRows} years={years} frame={frame} />}
    </>
  );
}

function TitleWithBadges({ data, value }: { data?: BodyRow | SummaryRow; value: string }) {
  const { t } = useI18n();
  if (data?.kind !== "line") return <>{value}</>;
  return (
    <span className="line-title">
      {value}
      {data.isProposal && <span className="badge">{t("newProposal")}</span>}
      {data.isReserve && <span className="badge">{t("reserve")}</span>}
    </span>
  );
}
