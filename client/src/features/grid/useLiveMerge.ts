/**
 * Everyone else's changes, live: a change from the scenario's stream (anyone's, ours included) goes
 * into the cells the grid holds and the totals follow; anything else (lines, settings, a missed
 * version) reloads. Cells someone else just changed are marked for a few seconds, and a change to
 * the cell being edited makes saving it meet the conflict dialog.
 */
import type { GridApi } from "ag-grid-community";
import { useCallback, useEffect, useRef, type RefObject } from "react";
import { formatAmount, fromApi } from "../../app/amounts.ts";
import { currentUser } from "../../urql.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { message, type Message } from "../../i18n/messages.ts";
import { describeChange, planLiveChange, type ScenarioChange } from "../live/liveChanges.ts";
import { useScenarioLive } from "../live/useScenarioLive.ts";
import { cellKey, yearField } from "./gridColumns.ts";
import type { SetStatus } from "./gridStatus.ts";
import type { CellPosition } from "./selection.ts";
import type { CellWrites } from "./useCellWrites.ts";
import type { GridData } from "./useGridData.ts";

/** How long a cell someone else just changed stays marked. */
const HIGHLIGHT_MS = 6_000;

export function useLiveMerge(input: {
  scenarioKey: string;
  grid: GridData;
  writes: Pick<CellWrites, "madeHereRef" | "inFlightRef" | "changedUnderEditRef">;
  apiRef: RefObject<GridApi | null>;
  editingCell: () => CellPosition | null;
  setStatus: SetStatus;
}) {
  const { scenarioKey, grid, writes, apiRef, editingCell, setStatus } = input;
  const { scenario, lines, versionRef, cellsRef, showCells, holdVersion, reload } = grid;
  const { madeHereRef, inFlightRef, changedUnderEditRef } = writes;
  const { t, locale } = useI18n();
  /** Cells someone else changed a moment ago, with the tooltip saying who and what: marked in the grid. */
  const recentRef = useRef(new Map<string, string>());
  const highlightTimers = useRef(new Set<ReturnType<typeof setTimeout>>());
  /** A live change asked for a reload: later changes wait for it, then the stream starts again after it. */
  const liveReloadRef = useRef(false);
  useEffect(() => {
    const timers = highlightTimers.current;
    return () => timers.forEach(clearTimeout);
  }, []);

  /** Marks cells someone else changed, for a few seconds: a flash, a bar at the cell's edge, and a tooltip saying who and what. */
  const highlight = useCallback((change: ScenarioChange) => {
    const when = new Intl.DateTimeFormat(locale === "da" ? "da-DK" : "en-GB", { timeStyle: "short" }).format(new Date(change.at));
    const amount = (text: string | null) => (text === null ? "–" : formatAmount(fromApi(text), locale));
    const notes = change.cells.map((cell) => {
      const note = t("liveCellTooltip", { who: change.actor, time: when, before: amount(cell.before), after: amount(cell.after) });
      recentRef.current.set(cellKey(cell.initiative.key, cell.year), note);
      return { cell, note };
    });
    const timer = setTimeout(() => {
      highlightTimers.current.delete(timer);
      // A later change to the same cell keeps its own mark.
      const ended = notes.filter(({ cell, note }) => recentRef.current.get(cellKey(cell.initiative.key, cell.year)) === note);
      for (const { cell } of ended) recentRef.current.delete(cellKey(cell.initiative.key, cell.year));
      const api = apiRef.current;
      if (!api || api.isDestroyed() || ended.length === 0) return;
      const rowNodes = ended.flatMap(({ cell }) => api.getRowNode(cell.initiative.key) ?? []);
      api.refreshCells({ rowNodes, columns: [...new Set(ended.map(({ cell }) => yearField(cell.year)))] });
    }, HIGHLIGHT_MS);
    highlightTimers.current.add(timer);
  }, [locale, t, apiRef]);

  const reloadFromLive = useCallback(() => {
    liveReloadRef.current = true;
    reload();
  }, [reload]);

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
      holdVersion(change.version);
      // Our unsaved edits make the local totals differ from the server's; otherwise they must agree.
      if (!plan.totalsAgree && inFlightRef.current === 0) return reloadFromLive();
      if (own) return;
      highlight(change);
      const editing = editingCell();
      const underEdit = editing ? change.cells.find((cell) => cell.initiative.key === editing.initiativeKey && cell.year === editing.year) : undefined;
      if (underEdit) {
        // The editor keeps what the user typed; saving it is then based on the version before this change.
        const key = cellKey(underEdit.initiative.key, underEdit.year);
        if (!changedUnderEditRef.current.has(key)) changedUnderEditRef.current.set(key, before);
        const after = underEdit.after;
        announce(message("liveChangedWhileEditing", { who: change.actor, after: (shownIn) => (after === null ? "–" : formatAmount(fromApi(after), shownIn)) }));
      } else {
        announce(describeChange(change, lineTitle));
      }
    },
    [lines, showCells, holdVersion, reloadFromLive, highlight, editingCell, setStatus, versionRef, cellsRef, madeHereRef, inFlightRef, changedUnderEditRef],
  );

  const live = useScenarioLive(scenarioKey, scenario !== null, { heldVersion: () => versionRef.current, onChange: onLiveChange, onRefused: reloadFromLive });
  const restartLive = live.restart;
  // The reload a live change asked for has landed: the stream starts again after the version it brought.
  useEffect(() => {
    if (!liveReloadRef.current) return;
    liveReloadRef.current = false;
    restartLive();
  }, [scenario, restartLive]);

  const recentlyChanged = useCallback(() => recentRef.current, []);
  return { status: live.status, recentlyChanged };
}
