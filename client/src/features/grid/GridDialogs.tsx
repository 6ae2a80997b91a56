/**
 * The scenario view's dialogs, one at a time: add or remove a line, balance the frame, fork or
 * rename, share — and the conflict dialog when a save met someone else's change.
 */
import { ShareDialog } from "../sharing/ShareDialog.tsx";
import { BalanceDialog } from "./BalanceDialog.tsx";
import { ConflictDialog, type Conflict } from "./ConflictDialog.tsx";
import type { LineMeta } from "./gridRows.ts";
import { AddLineDialog, RemoveLineDialog } from "./LineDialogs.tsx";
import type { PastedCell } from "./pasteBlock.ts";
import { ScenarioNameDialog } from "./ScenarioNameDialog.tsx";
import type { GridScenario } from "./useGridData.ts";

export type GridDialog =
  | { kind: "add" }
  | { kind: "balance" }
  | { kind: "share" }
  | { kind: "fork" }
  | { kind: "rename" }
  | { kind: "remove"; line: { key: string; title: string } };

export function GridDialogs(props: {
  dialog: GridDialog | null;
  onClose: () => void;
  /** The version shown, and the latest answer (whose name and description a rename starts from). */
  scenario: GridScenario;
  latest: GridScenario;
  version: number;
  lines: readonly LineMeta[];
  lineKeys: readonly string[];
  themes: ReadonlyArray<{ key: string; title: string }>;
  /** A line added or removed: the version it made, and the line added. */
  onLineChanged: (madeVersion: number, addedKey?: string) => void;
  /** The balance dialog's cells, to be written as one paste. */
  onBalance: (cells: PastedCell[]) => void;
  onRenamed: () => void;
  conflict: Conflict | null;
  lineTitle: (key: string) => string;
  onKeepTheirs: () => void;
  onApplyMine: (conflict: Conflict) => void;
}) {
  const { dialog, onClose, scenario, conflict } = props;
  return (
    <>
      {dialog?.kind === "add" && (
        <AddLineDialog
          scenarioKey={scenario.key}
          scenarioName={scenario.name}
          version={props.version}
          lineKeys={props.lineKeys}
          themes={props.themes}
          onClose={onClose}
          onDone={props.onLineChanged}
        />
      )}
      {dialog?.kind === "remove" && (
        <RemoveLineDialog
          scenarioKey={scenario.key}
          version={props.version}
          line={dialog.line}
          onClose={onClose}
          onDone={props.onLineChanged}
        />
      )}
      {dialog?.kind === "balance" && (
        <BalanceDialog
          scenarioKey={scenario.key}
          lines={props.lines}
          onClose={onClose}
          onApply={props.onBalance}
        />
      )}
      {(dialog?.kind === "fork" || dialog?.kind === "rename") && (
        <ScenarioNameDialog kind={dialog.kind} scenario={props.latest} onClose={onClose} onRenamed={props.onRenamed} />
      )}
      {dialog?.kind === "share" && <ShareDialog scenarioKey={scenario.key} scenarioName={scenario.name} onClose={onClose} />}
      {conflict && (
        <ConflictDialog
          conflict={conflict}
          lineTitle={props.lineTitle}
          onKeepTheirs={props.onKeepTheirs}
          onApplyMine={() => props.onApplyMine(conflict)}
        />
      )}
    </>
  );
}
