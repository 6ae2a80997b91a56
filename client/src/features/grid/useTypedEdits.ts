/**
 * A value typed into a cell's editor: read by the one number policy (parseCellInput), stored as one
 * write, or refused with the reason — the cell marked red, and the editor opened again with the
 * typed text when it was closed with Enter or Tab. A cell someone else changed while it was being
 * edited is saved on the version the user saw, so the server reports the conflict.
 */
import type { CellEditingStartedEvent, CellEditRequestEvent } from "ag-grid-community";
import { useCallback, useRef } from "react";
import { useI18n } from "../../i18n/I18n.tsx";
import { message } from "../../i18n/messages.ts";
import { cellKey } from "./gridColumns.ts";
import type { BodyRow, SummaryRow } from "./gridRows.ts";
import { REASONS, type SetStatus } from "./gridStatus.ts";
import { parseCellInput } from "./pasteBlock.ts";
import type { BlockSelection } from "./useBlockSelection.ts";
import type { CellWrites } from "./useCellWrites.ts";
import type { GridData } from "./useGridData.ts";
import { reopenEditor } from "./useGridKeyboard.ts";

export function useTypedEdits(input: {
  grid: GridData;
  writes: CellWrites;
  lineCellAt: BlockSelection["lineCellAt"];
  /** The editor was closed by Enter or Tab (not by a click elsewhere). */
  committedByKey: () => boolean;
  setStatus: SetStatus;
}) {
  const { grid, writes, lineCellAt, committedByKey, setStatus } = input;
  const { years, scenario, cellsRef } = grid;
  const { sendCells, setCellErrors, clearCellError, changedUnderEditRef } = writes;
  const { t } = useI18n();
  // Read at the moment of the edit: the keyboard's answer is a new function on every render.
  const committedByKeyRef = useRef(committedByKey);
  committedByKeyRef.current = committedByKey;

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
        if (committedByKeyRef.current() && typed.trim() !== "") reopenEditor(event.api, { initiativeKey: row.initiativeKey, year }, typed);
        return;
      }
      const key = cellKey(row.initiativeKey, year);
      const basedOn = changedUnderEditRef.current.get(key);
      changedUnderEditRef.current.delete(key);
      if ((cellsRef.current.get(row.initiativeKey)?.get(year) ?? 0n) === parsed.amount) {
        // Typed back to what it holds: nothing to store, but the cell is right again, so its mark goes.
        clearCellError(key);
        return;
      }
      sendCells([{ initiativeKey: row.initiativeKey, year, text, amount: parsed.amount }], "edit", basedOn);
    },
    [years, scenario, sendCells, setCellErrors, clearCellError, setStatus, t, cellsRef, changedUnderEditRef],
  );

  const onCellEditingStarted = useCallback(
    (event: CellEditingStartedEvent<BodyRow | SummaryRow>) => {
      const position = lineCellAt(event.api, event.rowIndex, event.column.getColId(), event.rowPinned);
      if (position) changedUnderEditRef.current.delete(cellKey(position.initiativeKey, position.year));
    },
    [lineCellAt, changedUnderEditRef],
  );

  return { onCellEditRequest, onCellEditingStarted };
}
