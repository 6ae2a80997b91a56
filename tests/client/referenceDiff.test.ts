/**
 * The grid's difference to a reference (client/src/features/grid/referenceDiff.ts and the removed
 * rows of gridOverlays.ts), from a compareScenarios answer: per line, per theme, the pinned totals,
 * and lines only the reference has placed after their theme's lines.
 */
import { mio } from "@ramme/domain";
import { describe, expect, it } from "vitest";
import { buildReferenceDiff, cellDiff, type ReferenceComparison } from "../../client/src/features/grid/referenceDiff.ts";
import { differenceAt, isRemovedRow, withRemovedRows } from "../../client/src/features/grid/gridOverlays.ts";
import type { BodyRow } from "../../client/src/features/grid/gridRows.ts";

const cells = (pairs: Array<[number, string | null, string | null, string]>) => pairs.map(([year, base, other, difference]) => ({ year, base, other, difference }));
const comparison: ReferenceComparison = {
  years: [2024, 2025],
  base: { key: "parent", name: "Forælder", version: 3 },
  others: [{ key: "child", version: 5 }],
  lines: [
    { inBase: true, initiative: { key: "vmk", title: "VMK", theme: { key: "forskning" } }, versus: [{ status: "CHANGED", cells: cells([[2024, "3.5", "4.5", "1"], [2025, "2.5", "2.5", "0"]]) }] },
    { inBase: true, initiative: { key: "reserve", title: "Reserve", theme: { key: "forskning" } }, versus: [{ status: "REMOVED", cells: cells([[2024, "1", null, "-1"], [2025, null, null, "0"]]) }] },
    { inBase: false, initiative: { key: "ny", title: "Ny", theme: { key: "forskning" } }, versus: [{ status: "ADDED", cells: cells([[2024, null, "0", "0"], [2025, null, "2", "2"]]) }] },
  ],
  differences: [{
    counts: { added: 1, removed: 1, changed: 1, unchanged: 0 },
    themes: [{ theme: { key: "forskning" }, year: 2024, difference: "0" }, { theme: { key: "forskning" }, year: 2025, difference: "2" }],
    years: [
      { year: 2024, baseAllocated: "100", otherAllocated: "100", baseHeadroom: "0", otherHeadroom: "0" },
      { year: 2025, baseAllocated: "98", otherAllocated: "100", baseHeadroom: "2", otherHeadroom: "0" },
    ],
  }],
};

describe("the difference to a reference", () => {
  const diff = buildReferenceDiff(comparison);

  it("reads each line's difference and status, each theme's, and the pinned totals', exactly", () => {
    expect(diff.lines.get("vmk")).toEqual({ status: "CHANGED", years: { 2024: mio("1"), 2025: 0n }, total: mio("1") });
    expect(cellDiff(diff, { kind: "theme", themeKey: "forskning" }, 2025)).toEqual({ difference: mio("2"), status: null });
    expect(cellDiff(diff, { kind: "allocated" }, null)).toEqual({ difference: mio("2"), status: null });
    expect(cellDiff(diff, { kind: "headroom" }, 2025)).toEqual({ difference: mio("-2"), status: null });
    expect(cellDiff(diff, { kind: "frame" }, 2025)).toEqual({ difference: 0n, status: null });
    expect(cellDiff(diff, { kind: "stated" }, 2025)).toBeNull();
    expect([diff.referenceVersion, diff.scenarioVersion, diff.counts.changed]).toEqual([3, 5, 1]);
  });

  it("keeps a removed line with the reference's amounts, placed after its theme's lines, never as a line", () => {
    expect(diff.removed).toEqual([{ initiativeKey: "reserve", themeKey: "forskning", title: "Reserve", amounts: { 2024: mio("1"), 2025: 0n }, total: mio("1") }]);
    const line = (key: string, themeKey: string): BodyRow => ({ kind: "line", id: key, initiativeKey: key, themeKey, title: key, isReserve: false, isProposal: false, sources: "", amounts: {}, total: 0n });
    const theme = (key: string): BodyRow => ({ kind: "theme", id: `theme:${key}`, themeKey: key, title: key, amounts: {}, total: 0n });
    const rows = withRemovedRows([theme("forskning"), line("vmk", "forskning"), line("ny", "forskning"), theme("andet"), line("x", "andet")], diff.removed);
    expect(rows.map((row) => row.id)).toEqual(["theme:forskning", "vmk", "ny", "removed:reserve", "theme:andet", "x"]);
    const removed = rows[3]!;
    expect(isRemovedRow(removed)).toBe(true);
    expect(differenceAt(diff, removed, 2024)).toEqual({ difference: mio("-1"), status: "REMOVED" });
    expect(differenceAt(diff, removed, null)).toEqual({ difference: mio("-1"), status: "REMOVED" });
    // A theme's own heading is not a removed line.
    expect(isRemovedRow(rows[0]!)).toBe(false);
  });
});
