/**
 * What the user does to a block of cells: paste (TSV from a spreadsheet), copy, clear (Delete) and
 * fill (Ctrl+D, Ctrl+R, and Ctrl+Enter's typed value). Each is planned whole (pasteBlock.ts) and
 * then stored whole as one write, or refused whole with a message saying why.
 */
import type { GridApi } from "ag-grid-community";
import { useCallback, type RefObject } from "react";
import { shortTitle } from "../../app/shortTitle.ts";
import { useI18n } from "../../i18n/I18n.tsx";
import { message } from "../../i18n/messages.ts";
import { cellKey } from "./gridColumns.ts";
import { REASONS, type SetStatus } from "./gridStatus.ts";
import { parseClipboardBlock, planClear, planFill, planPaste, type TargetBounds } from "./pasteBlock.ts";
import { blockToTsv } from "./selection.ts";
import type { BlockSelection } from "./useBlockSelection.ts";
import type { CellWrites } from "./useCellWrites.ts";
import type { GridData } from "./useGridData.ts";

export function useBlockCommands(input: {
  apiRef: RefObject<GridApi | null>;
  grid: GridData;
  selection: BlockSelection;
  writes: Pick<CellWrites, "sendCells" | "setCellErrors">;
  setStatus: SetStatus;
}) {
  const { apiRef, grid, selection, writes, setStatus } = input;
  const { editable, years, scenario, amountOf, lineTitleOf } = grid;
  const { lineKeys, currentBlock, selectedTarget } = selection;
  const { sendCells, setCellErrors } = writes;
  const { t } = useI18n();

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
    [editable, lineKeys, years, scenario, sendCells, setCellErrors, setStatus, t, lineTitleOf],
  );

  /** Delete: the target's cells to 0, as one write. */
  const clear = useCallback((target: TargetBounds) => sendCells(planClear(target, lineKeys, years), "clear"), [sendCells, lineKeys, years]);

  /** Ctrl+D and Ctrl+R: the first row (column) of the target copied down (right) through it. */
  const fill = useCallback(
    (direction: "down" | "right", target: TargetBounds) => {
      const cells = planFill(direction, target, lineKeys, years, amountOf);
      if (cells.length > 0) sendCells(cells, "fill");
    },
    [sendCells, lineKeys, years, amountOf],
  );

  const onPaste = useCallback(
    (event: React.ClipboardEvent) => {
      if (apiRef.current?.getEditingCells().length) return;
      const target = selectedTarget();
      if (!target) return;
      event.preventDefault();
      writeText(event.clipboardData.getData("text/plain"), target, "paste");
    },
    [selectedTarget, writeText, apiRef],
  );

  const onCopy = useCallback(
    (event: React.ClipboardEvent) => {
      if (apiRef.current?.getEditingCells().length) return;
      const block = currentBlock();
      if (!block) return;
      const { text, count } = blockToTsv(block, lineKeys, years, amountOf);
      if (count === 0) return;
      event.preventDefault();
      event.clipboardData.setData("text/plain", text);
      setStatus({ message: message("copied", { count }), tone: "info" });
    },
    [currentBlock, lineKeys, years, amountOf, setStatus, apiRef],
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
        clear(target);
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
        fill(key === "d" ? "down" : "right", target);
      }
    },
    [editable, selectedTarget, clear, fill, setStatus, apiRef],
  );

  return { writeText, clear, fill, onPaste, onCopy, onKeyDown };
}

export type BlockCommands = ReturnType<typeof useBlockCommands>;
