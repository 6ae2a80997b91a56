/**
 * The pure parts of the grid's Excel keys: where Home/End, Ctrl+Home/End and Ctrl+arrows lead
 * (against a straightforward model of Excel's rule), the selection's sum/count/average, and the
 * grammatical counts.
 */
import { mio, OERE_PER_MIO } from "@ramme/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jumpKeyOf, jumpTarget, pageTarget, type GridPoint } from "../../client/src/features/grid/gridNavigation.ts";
import { roundedAverage, summarizeSelection } from "../../client/src/features/grid/selectionStatus.ts";
import { translate } from "../../client/src/i18n/messages.ts";

/** A grid from rows of 0/1 (1 = data). */
const gridOf = (rows: number[][]) => (row: number, column: number) => rows[row]![column] === 1;

describe("Excel's jumps", () => {
  const data = gridOf([
    [1, 1, 0, 1],
    [1, 0, 0, 0],
    [1, 0, 1, 1],
    [0, 0, 0, 1],
  ]);
  const at = (row: number, column: number): GridPoint => ({ row, column });

  it("Home and End stay in the row; Ctrl+Home and Ctrl+End go to the corners", () => {
    expect(jumpTarget("Home", at(2, 2), 4, 4, data)).toEqual(at(2, 0));
    expect(jumpTarget("End", at(2, 1), 4, 4, data)).toEqual(at(2, 3));
    expect(jumpTarget("CtrlHome", at(2, 2), 4, 4, data)).toEqual(at(0, 0));
    expect(jumpTarget("CtrlEnd", at(1, 1), 4, 4, data)).toEqual(at(3, 3));
  });

  it("Ctrl+arrows run to the end of a run of data, jump a gap to the next data, or stop at the edge", () => {
    expect(jumpTarget("CtrlDown", at(0, 0), 4, 4, data)).toEqual(at(2, 0)); // along the run
    expect(jumpTarget("CtrlDown", at(2, 0), 4, 4, data)).toEqual(at(3, 0)); // no more data: the edge
    expect(jumpTarget("CtrlRight", at(0, 1), 4, 4, data)).toEqual(at(0, 3)); // over the gap to the next data
    expect(jumpTarget("CtrlRight", at(1, 0), 4, 4, data)).toEqual(at(1, 3)); // no data to the right: the edge
    expect(jumpTarget("CtrlUp", at(3, 3), 4, 4, data)).toEqual(at(2, 3));
    expect(jumpTarget("CtrlLeft", at(0, 0), 4, 4, data)).toEqual(at(0, 0)); // already at the edge
  });

  it("reads the keys as Excel does: ⌘ as Ctrl, a plain arrow is no jump, Alt is none", () => {
    const key = (name: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
      jumpKeyOf({ key: name, ctrlKey: false, metaKey: false, altKey: false, ...modifiers });
    expect(key("Home")).toBe("Home");
    expect(key("End", { metaKey: true })).toBe("CtrlEnd");
    expect(key("ArrowDown")).toBeNull();
    expect(key("ArrowDown", { ctrlKey: true })).toBe("CtrlDown");
    expect(key("ArrowLeft", { ctrlKey: true, altKey: true })).toBeNull();
    expect(key("PageDown", { ctrlKey: true })).toBeNull();
  });

  it("always lands inside the table, in the direction of the arrow, on data or at the edge, never past data (property)", () => {
    const steps = { CtrlUp: [-1, 0], CtrlDown: [1, 0], CtrlLeft: [0, -1], CtrlRight: [0, 1] } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((rows) =>
          fc.integer({ min: 1, max: 6 }).chain((columns) =>
            fc.record({
              rows: fc.constant(rows),
              columns: fc.constant(columns),
              cells: fc.array(fc.array(fc.boolean(), { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
              from: fc.record({ row: fc.integer({ min: 0, max: rows - 1 }), column: fc.integer({ min: 0, max: columns - 1 }) }),
              key: fc.constantFrom("CtrlUp", "CtrlDown", "CtrlLeft", "CtrlRight") as fc.Arbitrary<keyof typeof steps>,
            }),
          ),
        ),
        ({ rows, columns, cells, from, key }) => {
          const filled = (row: number, column: number) => cells[row]![column]!;
          const to = jumpTarget(key, from, rows, columns, filled);
          expect(to.row >= 0 && to.row < rows && to.column >= 0 && to.column < columns).toBe(true);
          const [dr, dc] = steps[key];
          // The path from `from` to `to` is a straight line in the arrow's direction.
          const distance = Math.abs(to.row - from.row) + Math.abs(to.column - from.column);
          expect(to).toEqual({ row: from.row + dr * distance, column: from.column + dc * distance });
          const beyond = { row: to.row + dr, column: to.column + dc };
          const atEdge = beyond.row < 0 || beyond.row >= rows || beyond.column < 0 || beyond.column >= columns;
          expect(atEdge || filled(to.row, to.column)).toBe(true);
          // Excel's rule, step by step: the cells passed over are all data (a run) or all empty (a gap).
          const passed = Array.from({ length: Math.max(0, distance - 1) }, (_, index) => filled(from.row + dr * (index + 1), from.column + dc * (index + 1)));
          const run = filled(from.row, from.column) && distance > 0 && filled(from.row + dr, from.column + dc);
          if (run) expect(passed.every(Boolean) && (atEdge || !filled(beyond.row, beyond.column))).toBe(true);
          else expect(passed.every((value) => !value)).toBe(true);
        },
      ),
    );
  });
});

describe("the selection's status line", () => {
  const lineKeys = ["a", "b", "c"];
  const years = [2024, 2025];
  const amounts = new Map([["a:2024", mio("1.1")], ["a:2025", mio("2.2")], ["b:2024", mio("0.1")], ["b:2025", 0n], ["c:2024", mio("1000000")], ["c:2025", mio("0.2")]]);
  const amountOf = (key: string, year: number) => amounts.get(`${key}:${year}`) ?? 0n;

  it("sums exactly, counts every cell (zeros too) and averages without binary floating point", () => {
    const summary = summarizeSelection({ top: 0, left: 0, bottom: 1, right: 1 }, lineKeys, years, amountOf, 3);
    // 1,1 + 2,2 + 0,1 + 0 = 3,4 (in binary floating point 1.1 + 2.2 + 0.1 is 3.4000000000000004).
    expect(summary).toEqual({ count: 4, sum: mio("3.4"), average: mio("0.85"), averageRounded: false });
    const all = summarizeSelection({ top: 0, left: 0, bottom: 2, right: 1 }, lineKeys, years, amountOf, 3);
    expect(all.sum).toBe(mio("1000003.6"));
    expect(all.count).toBe(6);
    expect(all.average).toBe(mio("166667.267"));
    expect(all.averageRounded).toBe(true);
  });

  it("rounds the average half away from zero at the given decimals", () => {
    expect(roundedAverage(mio("10"), 3, 3)).toEqual({ amount: mio("3.333"), rounded: true });
    expect(roundedAverage(mio("20"), 3, 3)).toEqual({ amount: mio("6.667"), rounded: true });
    expect(roundedAverage(mio("-20"), 3, 3)).toEqual({ amount: mio("-6.667"), rounded: true });
    expect(roundedAverage(mio("0.0005"), 1, 3)).toEqual({ amount: mio("0.001"), rounded: true });
    expect(roundedAverage(0n, 0, 3)).toEqual({ amount: 0n, rounded: false });
  });

  it("the average times the count is the sum to within half a unit of the last decimal (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 0, max: 8 }), (sum, count, decimals) => {
        const { amount, rounded } = roundedAverage(sum, count, decimals);
        const unit = OERE_PER_MIO / 10n ** BigInt(decimals);
        expect(amount % unit).toBe(0n);
        const error = amount * BigInt(count) - sum;
        expect((error < 0n ? -error : error) * 2n <= unit * BigInt(count)).toBe(true);
        expect(rounded).toBe(sum % (BigInt(count) * unit) !== 0n);
      }),
    );
  });
});

describe("Shift+PageDown and Shift+PageUp", () => {
  it("lands a screenful away on a line, never past the table, never on a heading, and never further than a page", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }), fc.nat(59), fc.integer({ min: 1, max: 30 }), fc.constantFrom<1 | -1>(1, -1), (lines, fromIndex, pageRows, direction) => {
        const from = fromIndex % lines.length;
        const row = pageTarget(from, direction, pageRows, lines.length, (index) => lines[index]!);
        if (row === null) {
          // Nothing to go to: no line between the start (excluded) and a page away in that direction.
          const end = Math.min(Math.max(from + direction * pageRows, 0), lines.length - 1);
          for (let index = from + direction; direction * (end - index) >= 0; index += direction) expect(lines[index]).toBe(false);
          return;
        }
        expect(lines[row]).toBe(true);
        expect(direction * (row - from)).toBeGreaterThan(0);
        expect(Math.abs(row - from)).toBeLessThanOrEqual(pageRows);
        // The furthest line within the page: nothing beyond it up to the page's end is a line.
        const end = Math.min(Math.max(from + direction * pageRows, 0), lines.length - 1);
        for (let index = row + direction; direction * (end - index) >= 0; index += direction) expect(lines[index]).toBe(false);
      }),
    );
  });

  it("goes a full page when the row there is a line, and stops at the table's edge", () => {
    const lines = [false, true, true, true, false, true, true, true, true, true];
    expect(pageTarget(1, 1, 4, lines.length, (index) => lines[index]!)).toBe(5);
    expect(pageTarget(1, 1, 3, lines.length, (index) => lines[index]!)).toBe(3); // row 4 is a heading: back to the line above it
    expect(pageTarget(7, 1, 20, lines.length, (index) => lines[index]!)).toBe(9);
    expect(pageTarget(3, -1, 20, lines.length, (index) => lines[index]!)).toBe(1);
    expect(pageTarget(1, -1, 5, lines.length, (index) => lines[index]!)).toBeNull();
  });
});
