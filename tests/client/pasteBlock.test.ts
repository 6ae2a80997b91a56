import { mio } from "@ramme/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fillHandleArea, parseCellInput, parseClipboardBlock, pasteArea, planClear, planFill, planFillHandle, planPaste, type TargetBounds } from "../../client/src/features/grid/pasteBlock.ts";

const lines = ["a", "b", "c", "d"];
const years = [2024, 2025, 2026, 2027];
const cellAt = (row: number, column: number): TargetBounds => ({ top: row, left: column, bottom: row, right: column });

describe("pasting from Excel", () => {
  it("reads tab-separated rows, dropping Excel's trailing newline, with CRLF or LF", () => {
    expect(parseClipboardBlock("1,5\t2\r\n3\t-\r\n")).toEqual([["1,5", "2"], ["3", "-"]]);
    expect(parseClipboardBlock("7\n")).toEqual([["7"]]);
  });

  it("fills a 3×4 block from the focused cell down the lines and right through the years", () => {
    const block = parseClipboardBlock("1\t2\t3\t4\n1,5\t2,5\t3,5\t4,5\n-\t0\t1.234,5\t0,1\n");
    const plan = planPaste(block, cellAt(1, 0), lines, years, 1);
    expect(plan.kind).toBe("ok");
    if (plan.kind !== "ok") return;
    expect(plan.cells).toHaveLength(12);
    expect(plan.cells[0]).toEqual({ initiativeKey: "b", year: 2024, text: "1", amount: mio("1") });
    expect(plan.cells[5]).toMatchObject({ initiativeKey: "c", year: 2025, amount: mio("2.5") });
    expect(plan.cells[8]).toMatchObject({ initiativeKey: "d", year: 2024, amount: 0n });
    expect(plan.cells[10]).toMatchObject({ initiativeKey: "d", year: 2026, amount: mio("1234.5") });
  });

  it("starts at the selection's top-left, not where the selection ended", () => {
    const plan = planPaste([["7"], ["8"]], { top: 1, left: 1, bottom: 2, right: 1 }, lines, years, 1);
    expect(plan).toMatchObject({ kind: "ok", cells: [{ initiativeKey: "b", year: 2025, text: "7" }, { initiativeKey: "c", year: 2025, text: "8" }] });
  });

  it("fills the whole selection with one copied value", () => {
    const plan = planPaste([["2,5"]], { top: 0, left: 1, bottom: 2, right: 2 }, lines, years, 1);
    expect(plan.kind === "ok" && plan.cells.map((cell) => [cell.initiativeKey, cell.year, cell.amount])).toEqual([
      ["a", 2025, mio("2.5")], ["a", 2026, mio("2.5")],
      ["b", 2025, mio("2.5")], ["b", 2026, mio("2.5")],
      ["c", 2025, mio("2.5")], ["c", 2026, mio("2.5")],
    ]);
  });

  it("tiles a selection whose size is a multiple of the block's, and pastes an odd-sized block once", () => {
    const tiled = planPaste([["1", "2"]], { top: 0, left: 0, bottom: 1, right: 3 }, lines, years, 1);
    expect(tiled.kind === "ok" && tiled.cells.map((cell) => cell.text).join(" ")).toBe("1 2 1 2 1 2 1 2");
    const once = planPaste([["1", "2"]], { top: 0, left: 0, bottom: 0, right: 2 }, lines, years, 1);
    expect(once.kind === "ok" && once.cells.map((cell) => `${cell.year}=${cell.text}`)).toEqual(["2024=1", "2025=2"]);
  });

  it("refuses a block that reaches past the last line or year, whole, saying what fits", () => {
    expect(planPaste([["1", "2"]], cellAt(0, 3), lines, years, 1)).toEqual({ kind: "outside", rows: 1, columns: 2, fits: { rows: 4, columns: 1 } });
    expect(planPaste([["1"], ["2"]], cellAt(3, 0), lines, years, 1)).toEqual({ kind: "outside", rows: 2, columns: 1, fits: { rows: 1, columns: 4 } });
  });

  it("refuses a block with any bad cell, naming every one, and a ragged row's missing cell as empty", () => {
    const plan = planPaste([["1", "abc"], ["0,05", "-2"], ["2.000"]], cellAt(0, 0), lines, years, 1);
    expect(plan.kind).toBe("invalid");
    if (plan.kind !== "invalid") return;
    expect(plan.problems.map((problem) => [problem.initiativeKey, problem.year, problem.error.code])).toEqual([
      ["a", 2025, "NOT_A_NUMBER"],
      ["b", 2024, "TOO_PRECISE"],
      ["b", 2025, "NEGATIVE"],
      ["c", 2024, "AMBIGUOUS"],
      ["c", 2025, "EMPTY"],
    ]);
  });

  it("reads a typed cell as Danish or with a decimal point, at the frame's precision", () => {
    expect(parseCellInput("3,5", 1)).toEqual({ ok: true, amount: mio("3.5") });
    expect(parseCellInput("3.5", 1)).toEqual({ ok: true, amount: mio("3.5") });
    expect(parseCellInput("", 1)).toMatchObject({ ok: false, error: { code: "EMPTY" } });
    expect(parseCellInput("3,55", 1)).toMatchObject({ ok: false, error: { code: "TOO_PRECISE" } });
  });
});

describe("clearing and filling a selection", () => {
  const amounts = new Map([["a:2024", mio("1")], ["a:2025", mio("2")], ["b:2024", mio("3")], ["b:2025", mio("4")]]);
  const amountOf = (key: string, year: number) => amounts.get(`${key}:${year}`) ?? 0n;

  it("Delete sets every selected cell to 0", () => {
    expect(planClear({ top: 0, left: 0, bottom: 1, right: 1 }, lines, years).map((cell) => [cell.initiativeKey, cell.year, cell.amount])).toEqual([
      ["a", 2024, 0n], ["a", 2025, 0n], ["b", 2024, 0n], ["b", 2025, 0n],
    ]);
  });

  it("Ctrl+D copies the selection's first row down; on one cell, the cell above", () => {
    expect(planFill("down", { top: 0, left: 0, bottom: 2, right: 1 }, lines, years, amountOf).map((cell) => [cell.initiativeKey, cell.year, cell.amount])).toEqual([
      ["b", 2024, mio("1")], ["b", 2025, mio("2")], ["c", 2024, mio("1")], ["c", 2025, mio("2")],
    ]);
    expect(planFill("down", cellAt(1, 1), lines, years, amountOf)).toMatchObject([{ initiativeKey: "b", year: 2025, amount: mio("2") }]);
    expect(planFill("down", cellAt(0, 1), lines, years, amountOf)).toEqual([]);
  });

  it("Ctrl+R copies the selection's first column right; on one cell, the cell to its left", () => {
    expect(planFill("right", { top: 0, left: 0, bottom: 1, right: 2 }, lines, years, amountOf).map((cell) => [cell.initiativeKey, cell.year, cell.amount])).toEqual([
      ["a", 2025, mio("1")], ["a", 2026, mio("1")], ["b", 2025, mio("3")], ["b", 2026, mio("3")],
    ]);
    expect(planFill("right", cellAt(1, 1), lines, years, amountOf)).toMatchObject([{ initiativeKey: "b", year: 2025, amount: mio("3") }]);
  });
});

describe("paste planning, for generated selections, clipboard shapes and grid sizes", () => {
  const gridAndTarget = fc
    .record({ rows: fc.integer({ min: 1, max: 12 }), columns: fc.integer({ min: 1, max: 6 }) })
    .chain(({ rows, columns }) =>
      fc.record({
        rows: fc.constant(rows),
        columns: fc.constant(columns),
        top: fc.nat({ max: rows - 1 }),
        left: fc.nat({ max: columns - 1 }),
        height: fc.integer({ min: 1, max: rows }),
        width: fc.integer({ min: 1, max: columns }),
        blockRows: fc.integer({ min: 1, max: 5 }),
        blockColumns: fc.integer({ min: 1, max: 5 }),
      }),
    );

  it("writes only inside the paste area, from the target's top-left, with each cell's value from the block at its offset", () => {
    fc.assert(
      fc.property(gridAndTarget, ({ rows, columns, top, left, height, width, blockRows, blockColumns }) => {
        const keys = Array.from({ length: rows }, (_, index) => `line-${index}`);
        const gridYears = Array.from({ length: columns }, (_, index) => 2024 + index);
        const target = { top, left, bottom: Math.min(rows - 1, top + height - 1), right: Math.min(columns - 1, left + width - 1) };
        const block = Array.from({ length: blockRows }, (_, row) => Array.from({ length: blockColumns }, (_, column) => `${row * 10 + column}`));
        const plan = planPaste(block, target, keys, gridYears, 1);
        const area = pasteArea(blockRows, blockColumns, target);
        const fitsGrid = area.bottom < rows && area.right < columns;
        if (!fitsGrid) {
          expect(plan).toMatchObject({ kind: "outside", fits: { rows: rows - top, columns: columns - left } });
          return;
        }
        expect(plan.kind).toBe("ok");
        if (plan.kind !== "ok") return;
        expect(plan.cells).toHaveLength((area.bottom - area.top + 1) * (area.right - area.left + 1));
        for (const cell of plan.cells) {
          const row = keys.indexOf(cell.initiativeKey);
          const column = gridYears.indexOf(cell.year);
          expect(row >= area.top && row <= area.bottom && column >= area.left && column <= area.right).toBe(true);
          expect(cell.text).toBe(block[(row - top) % blockRows]![(column - left) % blockColumns]);
        }
        // Excel's rule: one value or an exact divisor of the target fills the whole selection; anything else pastes once.
        const targetRows = target.bottom - target.top + 1;
        const targetColumns = target.right - target.left + 1;
        const tiles = targetRows % blockRows === 0 && targetColumns % blockColumns === 0;
        expect(area.bottom - area.top + 1).toBe(tiles ? targetRows : blockRows);
        expect(area.right - area.left + 1).toBe(tiles ? targetColumns : blockColumns);
      }),
      { numRuns: 500 },
    );
  });
});

describe("the fill handle, as Excel drags a selection's corner", () => {
  it("extends along the axis the pointer went further out on, and not at all inside the source", () => {
    const source = { top: 2, left: 1, bottom: 3, right: 2 };
    expect(fillHandleArea(source, 3, 2)).toBeNull();
    expect(fillHandleArea(source, 6, 3)).toEqual({ top: 2, left: 1, bottom: 6, right: 2 });
    expect(fillHandleArea(source, 4, 3)).toEqual({ top: 2, left: 1, bottom: 4, right: 2 });
    expect(fillHandleArea(source, 4, 3 + 1)).toEqual({ top: 2, left: 1, bottom: 3, right: 4 });
    expect(fillHandleArea(source, 0, 1)).toEqual({ top: 0, left: 1, bottom: 3, right: 2 });
  });

  it("repeats the source through the area: a column of two dragged down three rows gives a, b, a", () => {
    const lines = ["a", "b", "c", "d", "e"];
    const years = [2024, 2025];
    const amounts = new Map([["a:2024", mio("1")], ["b:2024", mio("2.5")]]);
    const cells = planFillHandle({ top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 0, bottom: 4, right: 0 }, lines, years, (key, year) => amounts.get(`${key}:${year}`) ?? 0n);
    expect(cells.map((cell) => [cell.initiativeKey, cell.year, cell.amount])).toEqual([["c", 2024, mio("1")], ["d", 2024, mio("2.5")], ["e", 2024, mio("1")]]);
  });

  it("for generated sources and pointer cells, writes only the area outside the source, each cell the source's value at its offset modulo the source's size", () => {
    fc.assert(
      fc.property(
        fc.record({ rows: fc.integer({ min: 1, max: 10 }), columns: fc.integer({ min: 1, max: 6 }) }).chain(({ rows, columns }) =>
          fc.record({
            rows: fc.constant(rows), columns: fc.constant(columns),
            rowA: fc.nat({ max: rows - 1 }), rowB: fc.nat({ max: rows - 1 }), columnA: fc.nat({ max: columns - 1 }), columnB: fc.nat({ max: columns - 1 }),
            pointerRow: fc.nat({ max: rows - 1 }), pointerColumn: fc.nat({ max: columns - 1 }),
          }),
        ),
        ({ rows, columns, rowA, rowB, columnA, columnB, pointerRow, pointerColumn }) => {
          const keys = Array.from({ length: rows }, (_, index) => `line-${index}`);
          const gridYears = Array.from({ length: columns }, (_, index) => 2024 + index);
          const source = { top: Math.min(rowA, rowB), bottom: Math.max(rowA, rowB), left: Math.min(columnA, columnB), right: Math.max(columnA, columnB) };
          const amountOf = (key: string, year: number) => BigInt(keys.indexOf(key) * 100 + gridYears.indexOf(year)) * 100n;
          const area = fillHandleArea(source, pointerRow, pointerColumn);
          const inside = pointerRow >= source.top && pointerRow <= source.bottom && pointerColumn >= source.left && pointerColumn <= source.right;
          expect(area === null).toBe(inside);
          if (!area) return;
          // The area holds the source and reaches the pointer on one axis; the other axis is the source's.
          const vertical = area.left === source.left && area.right === source.right;
          const horizontal = area.top === source.top && area.bottom === source.bottom;
          expect(vertical || horizontal).toBe(true);
          expect(vertical ? pointerRow === area.top || pointerRow === area.bottom : pointerColumn === area.left || pointerColumn === area.right).toBe(true);
          const cells = planFillHandle(source, area, keys, gridYears, amountOf);
          const height = source.bottom - source.top + 1;
          const width = source.right - source.left + 1;
          expect(cells).toHaveLength((area.bottom - area.top + 1) * (area.right - area.left + 1) - height * width);
          for (const cell of cells) {
            const row = keys.indexOf(cell.initiativeKey);
            const column = gridYears.indexOf(cell.year);
            expect(row >= area.top && row <= area.bottom && column >= area.left && column <= area.right).toBe(true);
            expect(row >= source.top && row <= source.bottom && column >= source.left && column <= source.right).toBe(false);
            const sourceRow = source.top + ((((row - source.top) % height) + height) % height);
            const sourceColumn = source.left + ((((column - source.left) % width) + width) % width);
            expect(cell.amount).toBe(amountOf(keys[sourceRow]!, gridYears[sourceColumn]!));
          }
        },
      ),
    );
  });
});
