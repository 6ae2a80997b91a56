import { mio } from "@ramme/domain";
import { describe, expect, it } from "vitest";
import { parseCellInput, parseClipboardBlock, planPaste } from "../../client/src/features/grid/pasteBlock.ts";

const lines = ["a", "b", "c", "d"];
const years = [2024, 2025, 2026, 2027];

describe("pasting from Excel", () => {
  it("reads tab-separated rows, dropping Excel's trailing newline, with CRLF or LF", () => {
    expect(parseClipboardBlock("1,5\t2\r\n3\t-\r\n")).toEqual([["1,5", "2"], ["3", "-"]]);
    expect(parseClipboardBlock("7\n")).toEqual([["7"]]);
  });

  it("fills a 3×4 block from the focused cell down the lines and right through the years", () => {
    const block = parseClipboardBlock("1\t2\t3\t4\n1,5\t2,5\t3,5\t4,5\n-\t0\t1.234,5\t0,1\n");
    const plan = planPaste(block, { initiativeKey: "b", year: 2024 }, lines, years, 1);
    expect(plan.kind).toBe("ok");
    if (plan.kind !== "ok") return;
    expect(plan.cells).toHaveLength(12);
    expect(plan.cells[0]).toEqual({ initiativeKey: "b", year: 2024, text: "1", amount: mio("1") });
    expect(plan.cells[5]).toMatchObject({ initiativeKey: "c", year: 2025, amount: mio("2.5") });
    expect(plan.cells[8]).toMatchObject({ initiativeKey: "d", year: 2024, amount: 0n });
    expect(plan.cells[10]).toMatchObject({ initiativeKey: "d", year: 2026, amount: mio("1234.5") });
  });

  it("refuses a block that reaches past the last line or year, whole", () => {
    expect(planPaste([["1", "2"]], { initiativeKey: "a", year: 2027 }, lines, years, 1)).toEqual({ kind: "outside", rows: 1, columns: 2 });
    expect(planPaste([["1"], ["2"]], { initiativeKey: "d", year: 2024 }, lines, years, 1)).toEqual({ kind: "outside", rows: 2, columns: 1 });
  });

  it("refuses a block with any bad cell, naming every one", () => {
    const plan = planPaste([["1", "abc"], ["0,05", "-2"]], { initiativeKey: "a", year: 2024 }, lines, years, 1);
    expect(plan.kind).toBe("invalid");
    if (plan.kind !== "invalid") return;
    expect(plan.problems.map((problem) => [problem.initiativeKey, problem.year, problem.error.code])).toEqual([
      ["a", 2025, "NOT_A_NUMBER"],
      ["b", 2024, "TOO_PRECISE"],
      ["b", 2025, "NEGATIVE"],
    ]);
  });

  it("reads a typed cell as Danish or with a decimal point, at the frame's precision", () => {
    expect(parseCellInput("3,5", 1)).toEqual({ ok: true, amount: mio("3.5") });
    expect(parseCellInput("3.5", 1)).toEqual({ ok: true, amount: mio("3.5") });
    expect(parseCellInput("", 1)).toMatchObject({ ok: false, error: { code: "EMPTY" } });
    expect(parseCellInput("3,55", 1)).toMatchObject({ ok: false, error: { code: "TOO_PRECISE" } });
  });
});
