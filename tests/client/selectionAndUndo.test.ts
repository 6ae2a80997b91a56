import { mio } from "@ramme/domain";
import { describe, expect, it } from "vitest";
import { blockToTsv, isInBlock } from "../../client/src/features/grid/selection.ts";
import { loadStacks, recordEdit, recordRedo, recordUndo, saveStacks } from "../../client/src/features/grid/undoStack.ts";

const lines = ["a", "b", "c"];
const years = [2024, 2025, 2026];

describe("a selected block", () => {
  it("covers the rectangle between anchor and focus, whichever way it was dragged", () => {
    const block = { anchor: { initiativeKey: "c", year: 2025 }, focus: { initiativeKey: "b", year: 2024 } };
    expect(isInBlock(block, { initiativeKey: "b", year: 2025 }, lines, years)).toBe(true);
    expect(isInBlock(block, { initiativeKey: "a", year: 2025 }, lines, years)).toBe(false);
    expect(isInBlock(block, { initiativeKey: "c", year: 2026 }, lines, years)).toBe(false);
  });

  it("copies as tab-separated text with decimal commas, which pastes back into Excel and into the grid", () => {
    const amounts: Record<string, bigint> = { "a:2024": mio("1234.5"), "a:2025": 0n, "b:2024": mio("0.1"), "b:2025": mio("7") };
    const copied = blockToTsv({ anchor: { initiativeKey: "a", year: 2024 }, focus: { initiativeKey: "b", year: 2025 } }, lines, years, (key, year) => amounts[`${key}:${year}`]!);
    expect(copied).toEqual({ text: "1234,5\t0,0\r\n0,1\t7,0\r\n", count: 4 });
  });
});

describe("undo and redo stacks", () => {
  it("undo takes the newest own edit, redo reverts the revert, and a new edit clears redo", () => {
    let stacks = recordEdit(recordEdit({ undo: [], redo: [] }, 2), 3);
    stacks = recordUndo(stacks, 4); // reverting version 3 made version 4
    expect(stacks).toEqual({ undo: [2], redo: [4] });
    stacks = recordRedo(stacks, 5); // reverting 4 made 5
    expect(stacks).toEqual({ undo: [2, 5], redo: [] });
    stacks = recordUndo(stacks, 6);
    expect(recordEdit(stacks, 7)).toEqual({ undo: [2, 7], redo: [] });
  });

  it("survive a refresh through storage, and a damaged entry reads as empty", () => {
    const store = new Map<string, string>();
    const storage = { getItem: (key: string) => store.get(key) ?? null, setItem: (key: string, value: string) => void store.set(key, value) };
    saveStacks("s", { undo: [2, 3], redo: [] }, storage);
    expect(loadStacks("s", storage)).toEqual({ undo: [2, 3], redo: [] });
    store.set("ramme.undo.s", "{not json");
    expect(loadStacks("s", storage)).toEqual({ undo: [], redo: [] });
  });
});
