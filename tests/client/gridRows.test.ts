import { mio } from "@ramme/domain";
import { describe, expect, it } from "vitest";
import { buildBodyRows, buildSummaryRows, createRowCache, orderedLineKeys, withCells, yearsOverFrame, type LineMeta } from "../../client/src/features/grid/gridRows.ts";

const years = [2024, 2025];
const line = (key: string, themeKey: string): LineMeta => ({ key, title: key.toUpperCase(), themeKey, isReserve: false, isProposal: false, sources: "" });
const themes = [
  { key: "b", title: "Tema B", position: 2 },
  { key: "a", title: "Tema A", position: 1 },
  { key: "unused", title: "Ubrugt", position: 3 },
];
const cells = new Map([
  ["x", new Map([[2024, mio("3.5")], [2025, mio("2.5")]])],
  ["y", new Map([[2024, mio("0.1")]])],
  ["z", new Map([[2024, mio("60")], [2025, mio("98")]])],
]);

describe("the grid's rows", () => {
  it("puts each theme heading, with its subtotals, before its lines, in the themes' order; themes without lines are left out", () => {
    const rows = buildBodyRows([line("x", "b"), line("y", "a"), line("z", "b")], themes, cells, years);
    expect(rows.map((row) => row.id)).toEqual(["theme:a", "y", "theme:b", "x", "z"]);
    const themeB = rows.find((row) => row.id === "theme:b")!;
    // 3.5 + 60 = 63.5 and 2.5 + 98 = 100.5; total 164.
    expect(themeB.amounts).toEqual({ 2024: mio("63.5"), 2025: mio("100.5") });
    expect(themeB.total).toBe(mio("164"));
    // A line without a cell in a year shows 0 there.
    expect(rows.find((row) => row.id === "y")!.amounts).toEqual({ 2024: mio("0.1"), 2025: 0n });
  });

  it("pins the total, the frame and the headroom exactly, negative where a year is over", () => {
    const rows = buildBodyRows([line("x", "b"), line("y", "a"), line("z", "b")], themes, cells, years);
    const summary = buildSummaryRows(rows, new Map([[2024, mio("100")], [2025, mio("100")]]), years);
    expect(summary.map((row) => row.kind)).toEqual(["allocated", "frame", "headroom"]);
    // 2024: 3.5 + 0.1 + 60 = 63.6; 2025: 2.5 + 98 = 100.5.
    expect(summary[0]!.amounts).toEqual({ 2024: mio("63.6"), 2025: mio("100.5") });
    expect(summary[2]!.amounts).toEqual({ 2024: mio("36.4"), 2025: mio("-0.5") });
    expect(summary[2]!.total).toBe(mio("35.9"));
    expect(yearsOverFrame(summary, years)).toEqual([{ year: 2025, overBy: mio("0.5") }]);
  });

  it("adds the document's printed total as a row of its own when the scenario has one", () => {
    const stated = [{ year: 2024, stated: mio("100"), difference: mio("36.4"), explained: 0n, unexplained: mio("36.4"), status: "UNEXPLAINED" as const, footnoteMarkers: [] }];
    const rows = buildBodyRows([line("x", "b"), line("y", "a"), line("z", "b")], themes, cells, years);
    const summary = buildSummaryRows(rows, new Map([[2024, mio("100")], [2025, mio("100")]]), years, stated);
    expect(summary[3]).toMatchObject({ kind: "stated", amounts: { 2024: mio("100"), 2025: null }, total: null });
  });
});

describe("rows kept between edits", () => {
  it("reuses every row object whose cells did not change, so the grid redraws only the edited line and its theme", () => {
    const cache = createRowCache();
    const lines = [line("x", "b"), line("y", "a"), line("z", "b")];
    const before = buildBodyRows(lines, themes, cells, years, cache);
    // An edit replaces only the edited line's cell map, as the grid does.
    const edited = new Map(cells).set("x", new Map(cells.get("x")!).set(2024, mio("4")));
    const after = buildBodyRows(lines, themes, edited, years, cache);
    const changed = after.filter((row, index) => row !== before[index]).map((row) => row.id);
    expect(changed).toEqual(["theme:b", "x"]);
    expect(after.find((row) => row.id === "theme:b")!.amounts[2024]).toBe(mio("64"));
  });
});

describe("cells changed by an edit, an answer or a live change", () => {
  it("get new maps for the touched lines only, leave the old cells as they were, and lose a cell whose amount is gone", () => {
    const next = withCells(cells, [{ initiativeKey: "x", year: 2024, amount: mio("4") }, { initiativeKey: "x", year: 2025, amount: null }, { initiativeKey: "w", year: 2025, amount: mio("1") }]);
    expect(next.get("x")).toEqual(new Map([[2024, mio("4")]]));
    expect(next.get("w")).toEqual(new Map([[2025, mio("1")]]));
    expect(next.get("y")).toBe(cells.get("y"));
    expect(cells.get("x")).toEqual(new Map([[2024, mio("3.5")], [2025, mio("2.5")]]));
    expect(withCells(cells, [])).toBe(cells);
  });
});

describe("the order paste and selection walk", () => {
  it("is the lines' order on screen: by theme position, then as in the scenario, skipping headings", () => {
    const lines = [line("x", "b"), line("y", "a"), line("z", "b")];
    expect(orderedLineKeys(lines, themes)).toEqual(["y", "x", "z"]);
    expect(orderedLineKeys(lines, themes)).toEqual(buildBodyRows(lines, themes, cells, years).filter((row) => row.kind === "line").map((row) => row.id));
  });
});
