/**
 * Undo and redo on top of the server's history: the stacks hold the versions this browser made, and
 * undo reverts one on the server (revertChange), so they survive a refresh and never overwrite
 * someone else's later edit. Kept per scenario in sessionStorage.
 */
export interface UndoStacks {
  undo: number[];
  redo: number[];
}

const keyOf = (scenarioKey: string) => `ramme.undo.${scenarioKey}`;

export function loadStacks(scenarioKey: string, storage: Pick<Storage, "getItem"> = sessionStorage): UndoStacks {
  try {
    const parsed = JSON.parse(storage.getItem(keyOf(scenarioKey)) ?? "null") as UndoStacks | null;
    if (parsed && Array.isArray(parsed.undo) && Array.isArray(parsed.redo)) return parsed;
  } catch {
    // A damaged entry means an empty history of undo, not a broken grid.
  }
  return { undo: [], redo: [] };
}

export function saveStacks(scenarioKey: string, stacks: UndoStacks, storage: Pick<Storage, "setItem"> = sessionStorage): void {
  storage.setItem(keyOf(scenarioKey), JSON.stringify(stacks));
}

/** A new edit of ours: it can be undone, and whatever was undone before can no longer be redone. */
export const recordEdit = (stacks: UndoStacks, version: number): UndoStacks => ({ undo: [...stacks.undo, version].slice(-200), redo: [] });

/** After undoing `undone` (which made `revertVersion`): redo reverts the revert. */
export const recordUndo = (stacks: UndoStacks, revertVersion: number): UndoStacks => ({ undo: stacks.undo.slice(0, -1), redo: [...stacks.redo, revertVersion] });

/** After redoing (which made `redoVersion`): it can be undone again. */
export const recordRedo = (stacks: UndoStacks, redoVersion: number): UndoStacks => ({ undo: [...stacks.undo, redoVersion], redo: stacks.redo.slice(0, -1) });
