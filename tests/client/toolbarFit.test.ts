/** The grid toolbar keeps to one line: which view actions stay, which move into "More…". */
import { describe, expect, it } from "vitest";
import { fittingItems } from "../../client/src/features/grid/toolbarFit.ts";

const items = [
  { id: "compare", width: 200, priority: 5 },
  { id: "chart", width: 80, priority: 7 },
  { id: "history", width: 80, priority: 8 },
  { id: "coverage", width: 120, priority: 1 },
];

describe("fittingItems", () => {
  it("keeps every action when the line has room for all", () => {
    expect(fittingItems(items, 480 + 3 * 6, 6, 70)).toEqual(new Set(["compare", "chart", "history", "coverage"]));
  });

  it("keeps room for More… and the most important actions when it has not", () => {
    // 300 - 70 (More…) - 6 = 224: history 80, chart 6+80 = 166, compare would need 206 more, coverage 126.
    expect(fittingItems(items, 300, 6, 70)).toEqual(new Set(["history", "chart"]));
  });

  it("moves everything into More… when nothing else fits", () => {
    expect(fittingItems(items, 100, 6, 70)).toEqual(new Set());
  });
});
