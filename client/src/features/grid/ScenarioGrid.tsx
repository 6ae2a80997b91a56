/**
 * A scenario as a spreadsheet: one row per initiative under its theme heading, a column per frame
 * year and the total, pinned rows for the total, the frame, the headroom and the document's printed
 * total. Edits, pastes and undo go to the server; the totals change the instant a cell does, from
 * the local cells, and settle on the server's figures when it answers. Everyone else's changes
 * arrive live (features/live) and go into the same cells.
 *
 * This component only composes; each job is a hook or part of its own:
 * - useGridData: the query, the version and cells held, and the rows drawn from them;
 * - useCellWrites: saves, undo/redo, refused cells' marks, conflicts; useTypedEdits: the editor's value;
 * - useLiveMerge: everyone else's changes, live;
 * - useBlockSelection: the selected block and Shift+arrows; useGridKeyboard: the other Excel keys;
 * - useBlockCommands: paste, copy, clear, fill; useCellMenu: the right-click menu;
 * - useGridOverlays: the columns, the difference to a reference, the search and filter;
 * - ScenarioHeader, GridToolbar, GridDialogs: what is drawn around the grid.
 */
import { AgGridReact } from "ag-grid-react";
import type { GetRowIdParams, GridApi, PostSortRowsParams, RowClassParams } from "ag-grid-community";
import { useMemo, useRef, useState } from "react";
import { gridTheme } from "../../app/agGrid.ts";
import { failureText } from "../../app/failures.ts";
import { hrefOf } from "../../app/route.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { message } from "../../i18n/messages.ts";
import type { AccountUser } from "../account/accountDocuments.ts";
import { HistoryPanel, type HistoryPanelCell } from "../history/HistoryPanel.tsx";
import { PriceLevelBanner, PriceLevelSelect } from "../priceLevels/PriceLevelSelect.tsx";
import { mayEdit, ownershipNote } from "../sharing/ownership.ts";
import { useCellComments } from "./CellComments.tsx";
import { DiffLegend, DiffToggle } from "./DiffToggle.tsx";
import { focusBeyond, tabWithinRow } from "./gridExit.ts";
import { GridDialogs, type GridDialog } from "./GridDialogs.tsx";
import { GridSearch } from "./GridSearch.tsx";
import { GridToolbar } from "./GridToolbar.tsx";
import { yearsOverFrame, type BodyRow, type SummaryRow } from "./gridRows.ts";
import type { StatusLine } from "./gridStatus.ts";
import { ResizablePanel } from "./ResizablePanel.tsx";
import { ScenarioChart } from "./ScenarioChart.tsx";
import { ReadOnlyNote, ScenarioTitleBar } from "./ScenarioHeader.tsx";
import { SelectionStatusBar } from "./SelectionStatusBar.tsx";
import { currentSort, SortNotice, type ColumnSort } from "./SortNotice.tsx";
import { keepLinesUnderThemes } from "./themeOrder.ts";
import { useBlockCommands } from "./useBlockCommands.ts";
import { useBlockSelection } from "./useBlockSelection.ts";
import { useCellMenu } from "./useCellMenu.tsx";
import { useCellWrites } from "./useCellWrites.ts";
import { useFillHandle } from "./useFillHandle.tsx";
import { useGridData } from "./useGridData.ts";
import { useGridKeyboard } from "./useGridKeyboard.ts";
import { useGridOverlays } from "./useGridOverlays.ts";
import { useLiveMerge } from "./useLiveMerge.ts";
import { useRevealLine } from "./useRevealLine.ts";
import { useTypedEdits } from "./useTypedEdits.ts";

/** AG Grid's hook after a sort: the nodes are reordered in place so lines stay under their theme. */
const keepThemesOnSort = ({ nodes }: PostSortRowsParams<BodyRow | SummaryRow>) => {
  const ordered = keepLinesUnderThemes(nodes, (node) => (node.data?.kind === "theme" || node.data?.kind === "line" ? node.data : undefined), (node) => node.sourceRowIndex);
  nodes.splice(0, nodes.length, ...ordered);
};
// Module-level, not inline: AG Grid takes a new function as a changed option, and a new getRowClass
// makes it restyle every drawn row — on each render, so on each edit.
const rowIdOf = (params: GetRowIdParams<BodyRow | SummaryRow>) => params.data.id;
const rowClassOf = (params: RowClassParams<BodyRow | SummaryRow>) => `row-${params.data?.kind ?? "line"}`;

/** `me`: the signed-in user (accounts mode), or null in local mode, where the one user owns everything and nothing is shared. */
export function ScenarioGrid({ scenarioKey, me }: { scenarioKey: string; me: AccountUser | null }) {
  const { t } = useI18n();
  const apiRef = useRef<GridApi | null>(null);
  const [gridElement, setGridElement] = useState<HTMLDivElement | null>(null);
  /** The status line's message, kept as key and values so it is worded in the language shown. */
  const [status, setStatus] = useState<StatusLine | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const [showChart, setShowChart] = useState(false);
  const [historyCell, setHistoryCell] = useState<HistoryPanelCell | null>(null);
  const [dialog, setDialog] = useState<GridDialog | null>(null);
  const [sort, setSort] = useState<ColumnSort | null>(null);

  const gridElementRef = useRef<HTMLDivElement | null>(null);
  gridElementRef.current = gridElement;
  const tabOut = useMemo(() => tabWithinRow(() => gridElementRef.current), []);
  const grid = useGridData(scenarioKey);
  const { scenario, editable, years, lines, reload } = grid;
  const writes = useCellWrites(scenarioKey, grid, setStatus);
  const selection = useBlockSelection(apiRef, grid.documentLineKeys, years);
  const { lineKeys } = selection;
  const reveal = useRevealLine(apiRef, lineKeys, years);
  const live = useLiveMerge({ scenarioKey, grid, writes, apiRef, editingCell: selection.editingCell, setStatus });
  const commands = useBlockCommands({ apiRef, grid, selection, writes, setStatus });
  const cellComments = useCellComments({ scenarioKey, comments: grid.comments, lineTitle: grid.lineTitleOf, onCommented: reload });
  const menu = useCellMenu({
    apiRef, grid, selection, commands, setStatus,
    onComment: (cell) => cellComments.openCommentFor(cell),
    onHistory: (cell, name) => {
      setShowHistory(true);
      setHistoryCell({ initiativeKey: cell.initiativeKey, year: cell.year, name });
    },
  });
  const keys = useGridKeyboard({
    apiRef,
    gridElement,
    currentBlock: selection.currentBlock,
    setBlock: selection.setBlock,
    lineKeys,
    years,
    amountOf: grid.amountOf,
    focusedCell: selection.focusedCell,
    editingCell: selection.editingCell,
    editable,
    undoOrRedo: writes.undoOrRedo,
    fillTyped: (text, target) => commands.writeText(text, target, "fill"),
    committing: writes.committing,
    openMenu: menu.openMenu,
  });
  const fillHandle = useFillHandle({ apiRef, gridElement, grid, selection, writes });
  const typed = useTypedEdits({ grid, writes, lineCellAt: selection.lineCellAt, committedByKey: keys.committedByKey, setStatus });
  const overlays = useGridOverlays({ scenarioKey, apiRef, grid, selection, cellErrors: writes.cellErrors, recentlyChanged: live.recentlyChanged, cellComments });

  if (grid.error) return <p role="alert">{t("loadError", { message: failureText(t, null, grid.error) })}</p>;
  if (!scenario) return <p>{grid.fetching ? t("loading") : t("loadError", { message: scenarioKey })}</p>;

  const { version, priceLevel, priced } = grid;
  const ownership = grid.ownership!;
  const access = ownership.access;
  const note = ownershipNote(ownership, me?.organisation.key ?? null);
  const over = yearsOverFrame(grid.summaryRows, years);
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
    reveal(addedKey ?? null);
    writes.recordVersionMade(madeVersion);
    reload();
  }

  /** A file imported: the whole import is one undo step (null: it changed nothing). */
  function imported(madeVersion: number | null) {
    if (madeVersion !== null) writes.recordVersionMade(madeVersion);
    reload();
  }

  // The chart goes below the scenario's view, with its own height: opening it never shrinks the grid.
  return (
    <>
    <section className="scenario-view" aria-labelledby="scenario-title">
      <ScenarioTitleBar
        scenario={scenario}
        note={note}
        mayRename={scenario.kind === "WHAT_IF" && !scenario.archived && mayEdit(access)}
        over={over}
        onRename={() => setDialog({ kind: "rename" })}
      />
      <GridToolbar
        scenario={scenario}
        editable={editable}
        canUndo={writes.stacks.undo.length > 0}
        canRedo={writes.stacks.redo.length > 0}
        onUndo={() => writes.undoOrRedo("undo")}
        onRedo={() => writes.undoOrRedo("redo")}
        onAddLine={() => setDialog({ kind: "add" })}
        onRemoveLine={() => {
          const focused = selection.focusedCell() ?? (selection.currentBlock()?.focus ?? null);
          const line = focused ? lines.find((entry) => entry.key === focused.initiativeKey) : undefined;
          if (line) setDialog({ kind: "remove", line: { key: line.key, title: line.title } });
          else setStatus({ message: message("removeLineHint"), tone: "info" });
        }}
        overFrame={over.length > 0}
        onBalance={() => setDialog({ kind: "balance" })}
        onImported={imported}
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
        <ReadOnlyNote
          reason={readOnlyReason}
          mayFork={mayFork}
          mayUnlock={scenario.locked && scenario.kind === "WHAT_IF" && !scenario.archived && mayEdit(access)}
          scenarioKey={scenario.key}
          onFork={() => setDialog({ kind: "fork" })}
          onUnlocked={reload}
        />
      )}
      <p className="muted small">
        {scenario.frame.name} · {t("mio")} <PriceLevelSelect value={priceLevel} onChange={grid.setPriceLevel} compact />{editable ? ` · ${t("selectionHint")}` : ""} · <a href={hrefOf({ view: "lineage", key: scenario.key })}>{t("lineageLink")}</a>
      </p>
      <div className="grid-tools">
        <GridSearch state={overlays.lineFilter} diffOn={overlays.reference !== null} />
        <DiffToggle
          scenario={{ key: scenario.key, frameKey: scenario.frame.key, parent: scenario.parent, forkedFromVersion: scenario.forkedFromVersion ?? null }}
          reference={overlays.reference}
          state={overlays.referenceDiff}
          onChange={overlays.setReference}
        />
      </div>
      {overlays.reference && <DiffLegend state={overlays.referenceDiff} />}
      <SortNotice sort={sort} onReset={() => apiRef.current?.applyColumnState({ defaultState: { sort: null } })} />
      <div className="grid-and-panel">
        <a
          href="#"
          className="skip-link"
          onClick={(event) => {
            event.preventDefault();
            if (gridElement) focusBeyond(gridElement, "after");
          }}
        >
          {t("skipGrid")}
        </a>
        <div ref={setGridElement} className="grid-wrap" role="region" aria-label={t("gridLabel", { name: scenario.name })} onPasteCapture={commands.onPaste} onCopyCapture={commands.onCopy} onKeyDownCapture={commands.onKeyDown}>
          <AgGridReact<BodyRow | SummaryRow>
            theme={gridTheme}
            rowData={overlays.rows}
            pinnedBottomRowData={grid.summaryRows}
            columnDefs={overlays.columns}
            rowClassRules={overlays.rowClassRules}
            isExternalFilterPresent={overlays.lineFilter.isExternalFilterPresent}
            doesExternalFilterPass={overlays.lineFilter.doesExternalFilterPass}
            getRowId={rowIdOf}
            getRowClass={rowClassOf}
            postSortRows={keepThemesOnSort}
            onModelUpdated={selection.onRowOrderChanged}
            onSortChanged={(event) => {
              selection.onRowOrderChanged(event);
              setSort(currentSort(event.api));
            }}
            readOnlyEdit
            onCellEditRequest={typed.onCellEditRequest}
            onCellFocused={selection.onCellFocused}
            onCellEditingStarted={typed.onCellEditingStarted}
            onGridReady={(event) => { apiRef.current = event.api; cellComments.attach(event.api); }}
            tabToNextCell={tabOut}
            enterNavigatesVertically
            enterNavigatesVerticallyAfterEdit
            stopEditingWhenCellsLoseFocus
            tooltipShowDelay={300}
            suppressMovableColumns
            animateRows={false}
          />
          {fillHandle.element}
        </div>
        {showHistory && (
          <ResizablePanel label={t("historyResize")} storageKey="ramme.historyWidth">
            <HistoryPanel scenarioKey={scenario.key} version={version} lines={lines} years={years} onRestored={reload} onCommented={reload} onClose={() => setShowHistory(false)} cell={historyCell} />
          </ResizablePanel>
        )}
      </div>
      <SelectionStatusBar block={selection.currentBlock} lineKeys={lineKeys} years={years} amountOf={grid.amountOf} decimals={scenario.frame.precisionDecimals} selection={selection.selection} />
      {menu.element}
      <p className={`status ${status?.tone ?? ""}`} role="status" aria-live="polite">
        {writes.saving > 0 ? t("saving") : (status ? t(status.message.key, status.message.params) : t("savedVersion", { version }))}
      </p>
      {cellComments.element}
      <GridDialogs
        dialog={dialog}
        onClose={() => setDialog(null)}
        scenario={scenario}
        latest={grid.fetched ?? scenario}
        version={version}
        lines={lines}
        lineKeys={lineKeys}
        themes={grid.themes}
        onLineChanged={lineDialogDone}
        onBalance={(cells) => { setDialog(null); writes.sendCells(cells, "paste"); }}
        onRenamed={reload}
        conflict={writes.conflict}
        lineTitle={grid.lineTitleOf}
        onKeepTheirs={() => { writes.setConflict(null); reload(); }}
        onApplyMine={(conflict) => {
          writes.setConflict(null);
          // Live changes may already have brought the grid past the version the conflict reported.
          grid.versionRef.current = Math.max(grid.versionRef.current, conflict.current);
          writes.sendCells(conflict.mine, "edit");
        }}
      />
    </section>
    {showChart && <ScenarioChart name={scenario.name} rows={grid.bodyRows} years={years} frame={grid.frame} />}
    </>
  );
}
