/**
 * Writing cells and taking writes back: every edit, paste, clear and fill goes to the server as one
 * setAllocations (one version, one undo step), in order, after any still on its way; undo and redo
 * revert a version. The totals move locally at once and settle on the server's answer. Also holds
 * what the writes leave behind: the undo stacks, the red marks of refused cells, a conflict to settle.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../graphql.ts";
import { InputProblemsFragment } from "../../app/problemText.ts";
import { toApi } from "../../app/amounts.ts";
import { failureMessage } from "../../app/failures.ts";
import { unexpected } from "../../app/unexpected.ts";
import { message, type MessageKey } from "../../i18n/messages.ts";
import { advance, type ChangedCell } from "../live/liveChanges.ts";
import type { Conflict } from "./ConflictDialog.tsx";
import { cellKey } from "./gridColumns.ts";
import { withCells } from "./gridRows.ts";
import type { SetStatus } from "./gridStatus.ts";
import { parseCellInput, type PastedCell } from "./pasteBlock.ts";
import type { CellPosition } from "./selection.ts";
import { loadStacks, recordEdit, recordRedo, recordUndo, saveStacks, type UndoStacks } from "./undoStack.ts";
import type { GridData } from "./useGridData.ts";

const SetAllocations = graphql(`
  mutation SetAllocations($input: SetAllocationsInput!) {
    setAllocations(input: $input) { ...EditResult }
  }
  fragment EditResult on SetAllocationsResult {
    __typename
    ... on ScenarioEdit { version changed cells { initiative { key } year after } yearTotals { year allocated } }
    ... on VersionConflictError { message currentVersion cellsChangedSince { initiative { key title } year before after } changesSince { version actor at kind } }
    ... on FrameExceededError { message years { year overBy } }
    ...InputProblems
    ... on ScenarioLockedError { message reason }
  }
`, [InputProblemsFragment]);

const RevertChange = graphql(`
  mutation RevertChange($input: RevertChangeInput!) {
    revertChange(input: $input) {
      __typename
      ... on ScenarioEdit { version changed cells { initiative { key } year after } }
      ... on VersionConflictError { currentVersion }
      ...InputProblems
      ... on Error { message }
    }
  }
`, [InputProblemsFragment]);

/** How cells came to be written: a typed edit says nothing when saved; the block operations say how many cells. */
export type CellWriteKind = "edit" | "paste" | "clear" | "fill";
const WRITE_DONE: Record<Exclude<CellWriteKind, "edit">, MessageKey> = { paste: "pasted", clear: "cleared", fill: "filled" };

export function useCellWrites(scenarioKey: string, grid: GridData, setStatus: SetStatus) {
  const { cellsRef, versionRef, showCells, holdVersion, reload } = grid;
  const [, setAllocations] = useMutation(SetAllocations);
  const [, revertChange] = useMutation(RevertChange);
  /** Saves and undos of ours on their way to the server. */
  const inFlightRef = useRef(0);
  /** Versions this browser made (answers to its own edits), so their live echo is not announced as someone else's. */
  const madeHereRef = useRef(new Set<number>());
  /** Cells someone else changed while this user was editing them, with the version before: saving one meets the conflict dialog. */
  const changedUnderEditRef = useRef(new Map<string, number>());
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [saving, setSaving] = useState(0);
  const [cellErrors, setCellErrors] = useState<Map<string, string>>(new Map());
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [stacks, setStacks] = useState<UndoStacks>(() => loadStacks(scenarioKey));
  useEffect(() => saveStacks(scenarioKey, stacks), [scenarioKey, stacks]);

  /** The cell's red mark goes (it holds a right value again). */
  const clearCellError = useCallback((key: string) => {
    setCellErrors((current) => (current.has(key) ? new Map([...current].filter(([cell]) => cell !== key)) : current));
  }, []);

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
      holdVersion(madeVersion);
    },
    [reload, showCells, holdVersion, versionRef, cellsRef],
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
            setStatus({ message: message("editFailed", { message: failureMessage(result, undefined) }), tone: "error" });
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
    [scenarioKey, setAllocations, applyAnswer, showCells, reload, setStatus, cellsRef, versionRef],
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
        const blocked = result?.__typename === "InvalidInputError" && result.inputProblems.some((problem) => problem.code === "CHANGED_SINCE");
        setStatus({ message: blocked ? message("undoBlocked") : message("editFailed", { message: failureMessage(result, response.error) }), tone: "error" });
      };
      inFlightRef.current += 1;
      queue.current = queue.current.then(run, run).finally(() => {
        inFlightRef.current -= 1;
      });
    },
    [stacks, scenarioKey, revertChange, applyAnswer, reload, setStatus, versionRef],
  );

  /** A dialog made this version (a line added or removed, a file imported): it is one step to undo. */
  const recordVersionMade = useCallback((madeVersion: number) => {
    madeHereRef.current.add(madeVersion);
    setStacks((current) => recordEdit(current, madeVersion));
  }, []);

  /**
   * Enter or Tab in an editor, before the grid reads it: the grid sends no edit when the text is what
   * the editor started with, so a refused cell typed back to its stored amount loses its mark here.
   */
  const committing = useCallback(
    (cell: CellPosition, text: string) => {
      const parsed = parseCellInput(text.trim() === "" ? "0" : text, grid.scenario?.frame.precisionDecimals ?? 1);
      if (parsed.ok && parsed.amount === (cellsRef.current.get(cell.initiativeKey)?.get(cell.year) ?? 0n)) clearCellError(cellKey(cell.initiativeKey, cell.year));
    },
    [grid.scenario, cellsRef, clearCellError],
  );

  return {
    sendCells, undoOrRedo, recordVersionMade, committing,
    saving, cellErrors, setCellErrors, clearCellError, conflict, setConflict, stacks,
    inFlightRef, madeHereRef, changedUnderEditRef,
  };
}

export type CellWrites = ReturnType<typeof useCellWrites>;
