/**
 * The cells' right-click menu (also the context-menu key and Shift+F10): copy, paste, clear and fill
 * down act on the block when it holds the cell, else on the cell; comment and history on the cell.
 * Focus goes back to the cell when the menu closes.
 */
import type { GridApi } from "ag-grid-community";
import { useState, type RefObject } from "react";
import { message } from "../../i18n/messages.ts";
import { CellContextMenu, type CellMenuAction } from "./CellContextMenu.tsx";
import { yearField } from "./gridColumns.ts";
import type { SetStatus } from "./gridStatus.ts";
import { blockBounds, blockToTsv, type CellPosition } from "./selection.ts";
import type { BlockCommands } from "./useBlockCommands.ts";
import type { BlockSelection } from "./useBlockSelection.ts";
import type { GridData } from "./useGridData.ts";

export function useCellMenu(input: {
  apiRef: RefObject<GridApi | null>;
  grid: GridData;
  selection: BlockSelection;
  commands: BlockCommands;
  setStatus: SetStatus;
  onComment: (cell: CellPosition) => void;
  onHistory: (cell: CellPosition, name: string) => void;
}) {
  const { apiRef, grid, selection, commands, setStatus, onComment, onHistory } = input;
  const { editable, years, amountOf, lineTitleOf } = grid;
  const { lineKeys, blockAround } = selection;
  const [menu, setMenu] = useState<{ cell: CellPosition; at: { x: number; y: number } } | null>(null);

  const cellName = (cell: CellPosition) => `${lineTitleOf(cell.initiativeKey)} ${cell.year}`;
  const focusCell = (cell: CellPosition) => {
    const api = apiRef.current;
    const rowIndex = api?.getRowNode(cell.initiativeKey)?.rowIndex;
    if (api && rowIndex !== null && rowIndex !== undefined) api.setFocusedCell(rowIndex, yearField(cell.year));
  };

  const onAction = (action: CellMenuAction) => {
    if (!menu) return;
    const { cell } = menu;
    const target = blockBounds(blockAround(cell), lineKeys, years);
    setMenu(null);
    if (action !== "comment" && action !== "history") focusCell(cell);
    if (!target) return;
    if (action === "copy") {
      const { text, count } = blockToTsv(blockAround(cell), lineKeys, years, amountOf);
      navigator.clipboard.writeText(text).then(
        () => setStatus({ message: message("copied", { count }), tone: "info" }),
        () => setStatus({ message: message("clipboardUnreadable"), tone: "error" }),
      );
    } else if (action === "paste") {
      navigator.clipboard.readText().then((text) => commands.writeText(text, target, "paste"), () => setStatus({ message: message("clipboardUnreadable"), tone: "error" }));
    } else if (!editable && (action === "clear" || action === "fillDown")) {
      setStatus({ message: message("readOnlyChange"), tone: "error" });
    } else if (action === "clear") {
      commands.clear(target);
    } else if (action === "fillDown") {
      commands.fill("down", target);
    } else if (action === "comment") {
      // The one way to comment a cell, as Shift+F2 does.
      onComment(cell);
    } else {
      onHistory(cell, cellName(cell));
    }
  };

  const element = menu && (
    <CellContextMenu
      at={menu.at}
      cellName={cellName(menu.cell)}
      editable={editable}
      onAction={onAction}
      onClose={(returnFocus) => {
        setMenu(null);
        if (returnFocus) focusCell(menu.cell);
      }}
    />
  );
  return { openMenu: (cell: CellPosition, at: { x: number; y: number }) => setMenu({ cell, at }), element };
}
