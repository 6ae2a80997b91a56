/**
 * The note's table of differences, picked from the recorded comparison of the government's proposal
 * with the agreement (fixtures/comparisonProposalAgreement.ts, the API's answer). Every expected
 * figure is worked out by hand from the two printed tables, in the comments.
 */
import { mio } from "@ramme/domain";
import { describe, expect, it } from "vitest";
import { buildBriefTable } from "../../client/src/features/brief/briefRows.ts";
import type { ComparisonResult } from "../../client/src/features/compare/compareRows.ts";
import { comparison, themes } from "./fixtures/comparisonProposalAgreement.ts";

const four = (a: string, b: string, c: string, d: string) => ({ 2024: mio(a), 2025: mio(b), 2026: mio(c), 2027: mio(d) });

describe("the note's table: the proposal against the agreement", () => {
  const table = buildBriefTable(comparison, themes);
  const line = (key: string) => table.themes.flatMap((theme) => theme.lines).find((entry) => entry.initiativeKey === key)!;

  it("keeps only the eight lines that differ, under the five themes that have one, in the grid's order", () => {
    expect(table.themes.map((theme) => [theme.themeKey, theme.lines.map((entry) => `${entry.initiativeKey}:${entry.status}`)])).toEqual([
      ["forskning-sundhedsdata", ["klinisk-forskning-analyse:ADDED", "gebyrreduktion-medicinsk-udstyr:ADDED", "sundhedsdata-tillid:ADDED"]],
      ["innovation", ["vaerdibaseret-indkoeb:CHANGED"]],
      ["produktion-investeringer", ["life-science-ude-i-landet:ADDED"]],
      ["international", ["byspildevand:ADDED", "eu-formandskab:ADDED"]],
      ["samarbejde", ["reserve:REMOVED"]],
    ]);
    expect(line("reserve").isReserve).toBe(true);
  });

  it("gives each line both scenarios' amounts (null where it is absent) and the difference", () => {
    // The reserve: 7,6 6,1 7,3 6,8 (27,8) in the proposal, gone from the agreement.
    expect(line("reserve")).toMatchObject({
      base: { amounts: four("7.6", "6.1", "7.3", "6.8"), total: mio("27.8") },
      other: { amounts: { 2024: null, 2025: null, 2026: null, 2027: null }, total: null },
      difference: four("-7.6", "-6.1", "-7.3", "-6.8"),
      totalDifference: mio("-27.8"),
    });
    // Værdibaseret indkøb: 4,0 → 5,6 in 2024.
    expect(line("vaerdibaseret-indkoeb")).toMatchObject({
      base: { amounts: four("4", "0", "0", "0"), total: mio("4") },
      other: { amounts: four("5.6", "0", "0", "0"), total: mio("5.6") },
      difference: four("1.6", "0", "0", "0"),
    });
    // Life science ude i landet: new, 2,0 1,1 1,8 2,3 (7,2).
    expect(line("life-science-ude-i-landet")).toMatchObject({
      base: { total: null },
      other: { amounts: four("2", "1.1", "1.8", "2.3"), total: mio("7.2") },
      totalDifference: mio("7.2"),
    });
  });

  it("gives each theme its difference: the sum of its changed lines", () => {
    // Forskning: klinisk 1,0 (2024); gebyrreduktion 2,0 + tillid 2,5 in 2025-27.
    expect(table.themes[0]).toMatchObject({ difference: four("1", "4.5", "4.5", "4.5"), totalDifference: mio("14.5") });
    // International: EU-formandskab 2,8 (2024), byspildevand 0,5 and 1,0 (2025-26).
    expect(table.themes[3]).toMatchObject({ difference: four("2.8", "0.5", "1", "0"), totalDifference: mio("4.3") });
  });

  it("folds the 18 unchanged lines into one: the proposal's totals less the reserve and værdibaseret indkøb's 4,0", () => {
    // 99,1 − 7,6 − 4,0 = 87,5; 100 − 6,1 = 93,9; 100 − 7,3 = 92,7; 100 − 6,8 = 93,2.
    expect(table.unchanged).toEqual({ count: 18, amounts: four("87.5", "93.9", "92.7", "93.2"), total: mio("367.3") });
  });

  it("sums every line of both scenarios: 99,1 against 98,9 in 2024, 100 in the other years", () => {
    expect(table.totals).toEqual({
      base: four("99.1", "100", "100", "100"),
      other: four("98.9", "100", "100", "100"),
      difference: four("-0.2", "0", "0", "0"),
      baseTotal: mio("399.1"),
      otherTotal: mio("398.9"),
      totalDifference: mio("-0.2"),
    });
  });
});

describe("the note's table when nothing differs", () => {
  // The proposal against itself: only its 20 lines, every one unchanged.
  const same: ComparisonResult = {
    ...comparison,
    others: [comparison.base],
    lines: comparison.lines
      .filter((entry) => entry.inBase)
      .map((entry) => ({
        ...entry,
        versus: entry.versus.map((versus) => ({
          ...versus,
          scenarioKey: comparison.base.key,
          status: "UNCHANGED" as const,
          cells: versus.cells.map((cell) => ({ ...cell, other: cell.base, difference: "0" })),
        })),
      })),
  };

  it("has no theme, and one unchanged line with every line's amounts", () => {
    const table = buildBriefTable(same, themes);
    expect(table.themes).toEqual([]);
    expect(table.unchanged).toEqual({ count: 20, amounts: four("99.1", "100", "100", "100"), total: mio("399.1") });
    expect(table.totals.difference).toEqual(four("0", "0", "0", "0"));
  });
});
