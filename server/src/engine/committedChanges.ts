/**
 * Who is told about a committed change. The engine knows nothing of how changes reach viewers (the
 * live transport sits above it): at startup the live layer registers an after-commit hook here
 * (live/publishCommits.ts), and commitChange hands every committed change to the hooks once its
 * transaction has committed — never for one rolled back.
 */
import type { CellEdit, FrameYearTotal } from "@ramme/domain";
import type { ChangeKind } from "./changeKinds.ts";

/** A committed change as it is handed on: who changed what, which cells from what to what, and the totals afterwards. */
export interface ScenarioChangedEvent {
  scenarioId: string;
  /** The scenario's version after the change. */
  version: number;
  changeId: number;
  kind: ChangeKind;
  actor: string;
  at: Date;
  comment: string | null;
  cells: CellEdit[];
  /** Initiative keys of lines that entered or left the scenario. */
  linesAdded: string[];
  linesRemoved: string[];
  yearTotals: FrameYearTotal[];
}

export type CommitHook = (change: ScenarioChangedEvent) => void;

const hooks = new Set<CommitHook>();

/** Registers `hook` for every change committed from now on; returns how to take it off again. */
export function onChangeCommitted(hook: CommitHook): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

/** Hands a committed change to every hook. A failing hook does not keep the change from the others (nor undo it). */
export function changeCommitted(change: ScenarioChangedEvent): void {
  for (const hook of hooks) {
    try {
      hook(change);
    } catch {
      // The change is stored; a viewer that missed it reads it from the database (live/scenarioStream.ts).
    }
  }
}
