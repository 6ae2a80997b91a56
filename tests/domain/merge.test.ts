/**
 * Three-way merge of cell states, and the diff/apply pair used to restore history. States are
 * written out as tables; the expected edits are read off them by hand.
 */
import { describe, expect, test } from "vitest";
import {
  applyEdits,
  cellKey,
  diffStates,
  mio,
  threeWayMerge,
  type CellEdit,
  type CellState,
  type MergeResolution,
  type MergeSide,
  type Oere,
  type ScenarioSnapshot,
} from "@ramme/domain";
import { agreement, proposal } from "./fixtures/baselines.ts";

const YEARS = [2024, 2025] as const;

/** A state from rows of [initiativeId, amount 2024, amount 2025] in mio. kr. */
function state(...rows: Array<[string, string, string]>): CellState {
  return new Map(
    rows.map(([initiativeId, first, second]) => [
      initiativeId,
      new Map<number, Oere>([
        [2024, mio(first)],
        [2025, mio(second)],
      ]),
    ]),
  );
}

/** A state as plain rows, for comparing states regardless of Map identity. */
function rows(cells: CellState): Record<string, Record<number, Oere>> {
  return Object.fromEntries([...cells].map(([initiativeId, line]) => [initiativeId, Object.fromEntries(line)]));
}

const edit = (initiativeId: string, year: number, before: string | null, after: string | null): CellEdit => ({
  initiativeId,
  year,
  before: before === null ? null : mio(before),
  after: after === null ? null : mio(after),
});

const conflict = (initiativeId: string, year: number, base: string | null, source: string | null, target: string | null) => ({
  initiativeId,
  year,
  base: base === null ? null : mio(base),
  source: source === null ? null : mio(source),
  target: target === null ? null : mio(target),
});

const resolve = (...entries: Array<[string, number, MergeSide | string]>): ReadonlyMap<string, MergeResolution> =>
  new Map(
    entries.map(([initiativeId, year, side]): [string, MergeResolution] => [
      cellKey(initiativeId, year),
      side === "SOURCE" || side === "TARGET" ? side : { amount: mio(side) },
    ]),
  );

const base = state(["a", "1.0", "2.0"], ["b", "3.0", "4.0"]);

describe("threeWayMerge", () => {
  test("without conflicts: the source's changed cell and added line are taken, the target's own change kept", () => {
    const source = state(["a", "1.5", "2.0"], ["b", "3.0", "4.0"], ["n", "0.5", "0.7"]);
    const target = state(["a", "1.0", "2.0"], ["b", "3.0", "4.4"]);
    const result = threeWayMerge(base, source, target, YEARS);
    expect(result).toEqual({
      edits: [edit("a", 2024, "1.0", "1.5"), edit("n", 2024, null, "0.5"), edit("n", 2025, null, "0.7")],
      conflicts: [],
      resolved: [],
    });
    expect(rows(applyEdits(target, result.edits))).toEqual(
      rows(state(["a", "1.5", "2.0"], ["b", "3.0", "4.4"], ["n", "0.5", "0.7"])),
    );
  });

  test("the same cell changed differently on both sides is a conflict and nothing is applied", () => {
    const source = state(["a", "1.5", "2.0"], ["b", "3.0", "4.0"]);
    const target = state(["a", "1.8", "2.0"], ["b", "3.0", "4.0"]);
    expect(threeWayMerge(base, source, target, YEARS)).toEqual({
      edits: [],
      conflicts: [conflict("a", 2024, "1.0", "1.5", "1.8")],
      resolved: [],
    });
  });

  test("both sides making the same change is no conflict and needs no edit", () => {
    const both = state(["a", "1.0", "2.5"], ["b", "3.0", "4.0"]);
    expect(threeWayMerge(base, both, both, YEARS)).toEqual({ edits: [], conflicts: [], resolved: [] });
  });

  test("a conflict resolved SOURCE takes the source's value; one resolved TARGET keeps the target's; each is listed as resolved", () => {
    const source = state(["a", "1.5", "2.5"], ["b", "3.0", "4.0"]);
    const target = state(["a", "1.8", "2.8"], ["b", "3.0", "4.0"]);
    const result = threeWayMerge(base, source, target, YEARS, resolve(["a", 2024, "SOURCE"], ["a", 2025, "TARGET"]));
    expect(result).toEqual({
      edits: [edit("a", 2024, "1.8", "1.5")],
      conflicts: [],
      resolved: [conflict("a", 2024, "1.0", "1.5", "1.8"), conflict("a", 2025, "2.0", "2.5", "2.8")],
    });
  });

  test("resolutions are per cell: an unresolved conflict stays while its neighbour is settled", () => {
    const source = state(["a", "1.5", "2.5"], ["b", "3.0", "4.0"]);
    const target = state(["a", "1.8", "2.8"], ["b", "3.0", "4.0"]);
    const result = threeWayMerge(base, source, target, YEARS, resolve(["a", 2025, "SOURCE"], ["b", 2024, "SOURCE"]));
    expect(result).toEqual({
      edits: [edit("a", 2025, "2.8", "2.5")],
      conflicts: [conflict("a", 2024, "1.0", "1.5", "1.8")],
      resolved: [conflict("a", 2025, "2.0", "2.5", "2.8")],
    });
  });

  test("an amount given for a conflict sets the cell to it, whichever side had what", () => {
    const source = state(["a", "1.5", "2.5"], ["b", "3.0", "4.0"]);
    const target = state(["a", "1.8", "2.8"], ["b", "3.0", "4.0"]);
    const result = threeWayMerge(base, source, target, YEARS, resolve(["a", 2024, "1.6"], ["a", 2025, "2.8"]));
    // 2025's amount equals the target's: settled, with nothing to change.
    expect(result).toEqual({
      edits: [edit("a", 2024, "1.8", "1.6")],
      conflicts: [],
      resolved: [conflict("a", 2024, "1.0", "1.5", "1.8"), conflict("a", 2025, "2.0", "2.5", "2.8")],
    });
  });

  test("an amount where one side removed the line keeps the line, with that amount in the cell", () => {
    const removedInSource = state(["a", "1.0", "2.0"]);
    const changedInTarget = state(["a", "1.0", "2.0"], ["b", "3.0", "4.4"]);
    const kept = threeWayMerge(base, removedInSource, changedInTarget, YEARS, resolve(["b", 2025, "4.2"]));
    expect(kept.edits).toEqual([edit("b", 2025, "4.4", "4.2")]);

    const changedInSource = state(["a", "1.0", "2.0"], ["b", "3.3", "4.0"]);
    const removedInTarget = state(["a", "1.0", "2.0"]);
    const back = threeWayMerge(base, changedInSource, removedInTarget, YEARS, resolve(["b", 2024, "3.1"]));
    expect(back.edits).toEqual([edit("b", 2024, null, "3.1"), edit("b", 2025, null, "4.0")]);
    expect(back.conflicts).toEqual([]);
  });

  test("a line removed in the source, untouched in the target, is removed: every year to null", () => {
    const source = state(["a", "1.0", "2.0"]);
    const result = threeWayMerge(base, source, base, YEARS);
    expect(result).toEqual({ edits: [edit("b", 2024, "3.0", null), edit("b", 2025, "4.0", null)], conflicts: [], resolved: [] });
    expect(rows(applyEdits(base, result.edits))).toEqual(rows(state(["a", "1.0", "2.0"])));
  });

  test("a line removed in the source but changed in the target conflicts, and nothing of it is removed", () => {
    const source = state(["a", "1.0", "2.0"]);
    const target = state(["a", "1.0", "2.0"], ["b", "3.0", "4.4"]);
    expect(threeWayMerge(base, source, target, YEARS)).toEqual({
      edits: [],
      conflicts: [conflict("b", 2025, "4.0", null, "4.4")],
      resolved: [],
    });
  });

  test("that removal resolved SOURCE removes the whole line; resolved TARGET keeps it whole", () => {
    const source = state(["a", "1.0", "2.0"]);
    const target = state(["a", "1.0", "2.0"], ["b", "3.0", "4.4"]);
    const bySource = threeWayMerge(base, source, target, YEARS, resolve(["b", 2025, "SOURCE"]));
    expect(bySource).toEqual({
      edits: [edit("b", 2024, "3.0", null), edit("b", 2025, "4.4", null)],
      conflicts: [],
      resolved: [conflict("b", 2025, "4.0", null, "4.4")],
    });
    expect(rows(applyEdits(target, bySource.edits))).toEqual(rows(state(["a", "1.0", "2.0"])));

    const byTarget = threeWayMerge(base, source, target, YEARS, resolve(["b", 2025, "TARGET"]));
    expect(byTarget).toEqual({ edits: [], conflicts: [], resolved: [conflict("b", 2025, "4.0", null, "4.4")] });
  });

  test("a line the target removed and the source changed conflicts on the changed cells; SOURCE brings the whole line back", () => {
    const source = state(["a", "1.0", "2.0"], ["b", "3.3", "4.0"]);
    const target = state(["a", "1.0", "2.0"]);
    expect(threeWayMerge(base, source, target, YEARS)).toEqual({
      edits: [],
      conflicts: [conflict("b", 2024, "3.0", "3.3", null)],
      resolved: [],
    });
    const restored = threeWayMerge(base, source, target, YEARS, resolve(["b", 2024, "SOURCE"]));
    expect(restored.edits).toEqual([edit("b", 2024, null, "3.3"), edit("b", 2025, null, "4.0")]);
    expect(rows(applyEdits(target, restored.edits))).toEqual(rows(source));
  });

  test("a line the target removed and the source left alone stays removed", () => {
    const target = state(["a", "1.0", "2.0"]);
    expect(threeWayMerge(base, base, target, YEARS)).toEqual({ edits: [], conflicts: [], resolved: [] });
  });

  test("a line only the target added is kept; a line both removed stays removed", () => {
    const source = state(["a", "1.0", "2.0"]);
    const target = state(["a", "1.0", "2.0"], ["t", "9.0", "9.0"]);
    expect(threeWayMerge(base, source, target, YEARS)).toEqual({ edits: [], conflicts: [], resolved: [] });
  });

  test("the same new line added on both sides conflicts only where the amounts differ (base null)", () => {
    const source = state(["a", "1.0", "2.0"], ["b", "3.0", "4.0"], ["n", "0.5", "0.7"]);
    const target = state(["a", "1.0", "2.0"], ["b", "3.0", "4.0"], ["n", "0.5", "0.9"]);
    expect(threeWayMerge(base, source, target, YEARS)).toEqual({
      edits: [],
      conflicts: [conflict("n", 2025, null, "0.7", "0.9")],
      resolved: [],
    });
    const bySource = threeWayMerge(base, source, target, YEARS, resolve(["n", 2025, "SOURCE"]));
    expect(bySource.edits).toEqual([edit("n", 2025, "0.9", "0.7")]);
  });

  test("a present line without a cell for a year counts as 0 there", () => {
    const sparse: CellState = new Map([["a", new Map<number, Oere>([[2024, mio("1.0")]])]]);
    const explicit: CellState = new Map([
      [
        "a",
        new Map<number, Oere>([
          [2024, mio("1.0")],
          [2025, 0n],
        ]),
      ],
    ]);
    expect(threeWayMerge(sparse, explicit, sparse, YEARS)).toEqual({ edits: [], conflicts: [], resolved: [] });
  });
});

/** A snapshot as a cell state over its own years. */
function stateOf(snapshot: ScenarioSnapshot): CellState {
  return new Map(
    snapshot.lines.map((line) => [line.initiativeId, new Map(line.amounts.map((cell) => [cell.year, cell.amount] as const))]),
  );
}

const FOUR_YEARS = [2024, 2025, 2026, 2027] as const;

describe("diffStates and applyEdits", () => {
  test("the edits from the agreement to the proposal: reserve back, six lines out, værdibaseret indkøb 5,6 → 4,0", () => {
    const edits = diffStates(stateOf(agreement), stateOf(proposal), FOUR_YEARS);
    // 6 removed lines × 4 years + 1 changed cell + reserve 4 years = 29 edits.
    expect(edits.length).toBe(29);
    expect(edits.filter((e) => e.initiativeId === "vaerdibaseret-indkoeb")).toEqual([
      edit("vaerdibaseret-indkoeb", 2024, "5.6", "4.0"),
    ]);
    expect(edits.filter((e) => e.initiativeId === "byspildevand")).toEqual([
      edit("byspildevand", 2024, "0", null),
      edit("byspildevand", 2025, "0.5", null),
      edit("byspildevand", 2026, "1.0", null),
      edit("byspildevand", 2027, "0", null),
    ]);
    expect(edits.slice(-4)).toEqual([
      edit("reserve", 2024, null, "7.6"),
      edit("reserve", 2025, null, "6.1"),
      edit("reserve", 2026, null, "7.3"),
      edit("reserve", 2027, null, "6.8"),
    ]);
  });

  test("applying the diff restores the other state exactly, and leaves the given state as it was", () => {
    const current = stateOf(agreement);
    const before = rows(current);
    const restored = applyEdits(current, diffStates(current, stateOf(proposal), FOUR_YEARS));
    expect(rows(restored)).toEqual(rows(stateOf(proposal)));
    expect(rows(current)).toEqual(before);
  });

  test("identical states need no edits", () => {
    expect(diffStates(stateOf(agreement), stateOf(agreement), FOUR_YEARS)).toEqual([]);
  });

  test("a line with amount 0 differs from no line at all", () => {
    expect(diffStates(state(), state(["z", "0", "0"]), YEARS)).toEqual([edit("z", 2024, null, "0"), edit("z", 2025, null, "0")]);
  });

  test("refuses stale edits whose before does not match the state", () => {
    expect(() => applyEdits(base, [edit("a", 2024, "9.9", "1.0")])).toThrow(/Stale edit for a:2024/);
    expect(() => applyEdits(base, [edit("nope", 2024, "1.0", "2.0")])).toThrow(/Stale edit/);
  });

  test("cellKey joins initiative and year with a colon", () => {
    expect(cellKey("vmk", 2025)).toBe("vmk:2025");
  });
});
