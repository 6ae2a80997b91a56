import { describe, expect, it } from "vitest";
import type { BodyRow } from "../../client/src/features/grid/gridRows.ts";
import { keepLinesUnderThemes } from "../../client/src/features/grid/themeOrder.ts";

const theme = (themeKey: string): BodyRow => ({ kind: "theme", id: `theme:${themeKey}`, themeKey, title: themeKey, amounts: {}, total: 0n });
const line = (initiativeKey: string, themeKey: string): BodyRow => ({
  kind: "line", id: initiativeKey, initiativeKey, themeKey, title: initiativeKey, isReserve: false, isProposal: false, sources: "", amounts: {}, total: 0n,
});

// The document's order: theme A with a1, a2, a3; theme B with b1, b2.
const documentRows = [theme("A"), line("a1", "A"), line("a2", "A"), line("a3", "A"), theme("B"), line("b1", "B"), line("b2", "B")];
const indexOf = (row: BodyRow) => documentRows.indexOf(row);

describe("sorting keeps the themes", () => {
  it("puts every line back under its own heading, headings in the document's order, lines in the sorted order", () => {
    // What a plain sort by a column might give: headings and lines mixed across themes.
    const sorted = [documentRows[5]!, documentRows[3]!, documentRows[4]!, documentRows[1]!, documentRows[0]!, documentRows[6]!, documentRows[2]!];
    expect(keepLinesUnderThemes(sorted, (row) => row, indexOf).map((row) => row.id)).toEqual(["theme:A", "a3", "a1", "a2", "theme:B", "b1", "b2"]);
  });

  it("leaves the document's order as it is", () => {
    expect(keepLinesUnderThemes(documentRows, (row) => row, indexOf)).toEqual(documentRows);
  });

  it("keeps every row exactly once, whatever the sorted order", () => {
    const reversed = [...documentRows].reverse();
    const kept = keepLinesUnderThemes(reversed, (row) => row, indexOf);
    expect(new Set(kept).size).toBe(documentRows.length);
    expect(kept.map((row) => row.id)).toEqual(["theme:A", "a3", "a2", "a1", "theme:B", "b2", "b1"]);
  });
});
