/**
 * The comparison grid's rows. The input is the compare view's own query (CompareScenariosQuery) as
 * the API answers it for the government's proposal against the agreement, recorded in
 * fixtures/comparisonProposalAgreement.ts; every expected figure is worked out by hand from the two
 * printed tables (tests/domain/fixtures/baselines.ts), in the comments.
 */
import { mio } from "@ramme/domain";
import { describe, expect, it } from "vitest";
import {
  buildCompareBodyRows,
  buildCompareSummaryRows,
  lineMarks,
  type CompareLineRow,
  type CompareThemeRow,
  type ComparisonResult,
} from "../../client/src/features/compare/compareRows.ts";
import { comparison, themes } from "./fixtures/comparisonProposalAgreement.ts";

const four = (a: string, b: string, c: string, d: string) => ({ 2024: mio(a), 2025: mio(b), 2026: mio(c), 2027: mio(d) });

describe("the comparison's rows: the government's proposal against the agreement", () => {
  const rows = buildCompareBodyRows(comparison, themes);
  const theme = (key: string) => rows.find((row) => row.id === `theme:${key}`) as CompareThemeRow;
  const line = (key: string) => rows.find((row) => row.id === key) as CompareLineRow;

  it("puts every line under its theme heading, themes in display order, lines in the comparison's order (added lines where the agreement prints them)", () => {
    expect(rows.map((row) => row.id)).toEqual([
      "theme:forskning-sundhedsdata",
      "vmk", "klinisk-forskning-analyse", "gebyrreduktion-medicinsk-udstyr", "trial-nation", "sundhedsdata-vision", "sundhedsdata-tillid", "kunstig-intelligens",
      "theme:innovation",
      "digitale-sundhedsloesninger", "vaerdibaseret-indkoeb", "brugersamarbejde", "arbejdskraftfrigoerende-loesninger", "alternative-prismodeller", "atmp",
      "theme:produktion-investeringer",
      "industriparker", "one-stop-shop", "elitesommerskole", "life-science-ude-i-landet",
      "theme:international",
      "bilateralt-myndighedssamarbejde", "sundhedsdiplomater", "healthcare-denmark", "eu-indsats", "byspildevand", "hma-ema", "eu-formandskab",
      "theme:samarbejde",
      "life-science-enheder", "reserve",
    ]);
    // Themes without a line in either scenario (vækstlag, hele Danmark, EU) get no heading.
    expect(rows.filter((row) => row.kind === "theme")).toHaveLength(5);
    expect(theme("samarbejde").title).toBe("Sammen om udviklingen af life science-sektoren");
  });

  it("gives each theme its subtotals per year in both scenarios and their difference", () => {
    // Forskning: proposal vmk 3.5 + trial nation 4.7 + sundhedsdata 6.1 + KI 1.0 = 15.3 (2024); 2.5 + 4.7 + 7.5 = 14.7;
    // 2.5 + 4.7 + 2.5 = 9.7 twice; total 49.4. The agreement adds klinisk 1.0 (2024), gebyrreduktion 2.0 and tillid 2.5 (2025-27).
    const forskning = theme("forskning-sundhedsdata");
    expect(forskning.base).toEqual({ amounts: four("15.3", "14.7", "9.7", "9.7"), total: mio("49.4") });
    expect(forskning.others[0]).toMatchObject({
      scenarioKey: "aftale-2024",
      amounts: four("16.3", "19.2", "14.2", "14.2"),
      total: mio("63.9"),
      difference: four("1", "4.5", "4.5", "4.5"),
      totalDifference: mio("14.5"),
    });
    // Innovation: 1.0 + 4.0 + 0.1 + 0.8 + 6.0 = 11.9 (2024), 0.2 + 5.5 = 5.7, 2.5 + 7.0 = 9.5 twice; værdibaseret indkøb 4.0 → 5.6.
    expect(theme("innovation").base.amounts).toEqual(four("11.9", "5.7", "9.5", "9.5"));
    expect(theme("innovation").others[0]!.amounts).toEqual(four("13.5", "5.7", "9.5", "9.5"));
    expect(theme("innovation").others[0]!.totalDifference).toBe(mio("1.6"));
    // Produktion: 7.3 + 3.7 + 0.5 = 11.5, 4.4 + 9.6 + 3.5 = 17.5, 3.9 + 10.1 + 3.5 = 17.5 twice; life science ude i landet adds 2.0/1.1/1.8/2.3.
    expect(theme("produktion-investeringer").others[0]!.amounts).toEqual(four("13.5", "18.6", "19.3", "19.8"));
    expect(theme("produktion-investeringer").others[0]!.totalDifference).toBe(mio("7.2"));
    // International: 16.8 + 20.0 + 4.3 + 2.0 + 3.7 = 46.8 (2024), 50.0 after; byspildevand 0.5/1.0 and EU-formandskab 2.8 added.
    expect(theme("international").base.total).toBe(mio("196.8"));
    expect(theme("international").others[0]!.difference).toEqual(four("2.8", "0.5", "1", "0"));
    // Samarbejde: life science-enhederne 6.0/6.0/6.0/6.5 plus the reserve 7.6/6.1/7.3/6.8, which the agreement removes.
    expect(theme("samarbejde").base).toEqual({ amounts: four("13.6", "12.1", "13.3", "13.3"), total: mio("52.3") });
    expect(theme("samarbejde").others[0]).toMatchObject({ amounts: four("6", "6", "6", "6.5"), total: mio("24.5"), difference: four("-7.6", "-6.1", "-7.3", "-6.8"), totalDifference: mio("-27.8") });
    // The theme subtotals add up to the scenarios' allocations: 49.4 + 36.6 + 64.0 + 196.8 + 52.3 = 399.1 and
    // 63.9 + 38.2 + 71.2 + 201.1 + 24.5 = 398.9.
    const themeRows = rows.filter((row): row is CompareThemeRow => row.kind === "theme");
    expect(themeRows.reduce((sum, row) => sum + row.base.total!, 0n)).toBe(mio("399.1"));
    expect(themeRows.reduce((sum, row) => sum + row.others[0]!.total!, 0n)).toBe(mio("398.9"));
  });

  it("marks the six added lines and the removed reserve: absent years are null, not 0", () => {
    const added = rows.filter((row): row is CompareLineRow => row.kind === "line" && lineMarks(row).allAdded).map((row) => row.id);
    expect(added).toEqual(["klinisk-forskning-analyse", "gebyrreduktion-medicinsk-udstyr", "sundhedsdata-tillid", "life-science-ude-i-landet", "byspildevand", "eu-formandskab"]);
    expect(line("klinisk-forskning-analyse").base).toEqual({ amounts: { 2024: null, 2025: null, 2026: null, 2027: null }, total: null });
    expect(line("klinisk-forskning-analyse").others[0]).toMatchObject({ status: "ADDED", amounts: four("1", "0", "0", "0"), total: mio("1"), totalDifference: mio("1") });

    const reserve = line("reserve");
    expect(lineMarks(reserve)).toEqual({ added: [], removed: ["aftale-2024"], allAdded: false, allRemoved: true });
    expect(reserve.isReserve).toBe(true);
    expect(reserve.base).toEqual({ amounts: four("7.6", "6.1", "7.3", "6.8"), total: mio("27.8") });
    expect(reserve.others[0]).toMatchObject({ status: "REMOVED", amounts: { 2024: null, 2025: null, 2026: null, 2027: null }, total: null });
    expect(reserve.others[0]!.difference).toEqual(four("-7.6", "-6.1", "-7.3", "-6.8"));
    expect(reserve.others[0]!.totalDifference).toBe(mio("-27.8"));
  });

  it("shows værdibaseret indkøb raised from 4.0 to 5.6 in 2024 as the one changed line, and unchanged lines with no difference", () => {
    const raised = line("vaerdibaseret-indkoeb");
    expect(raised.base.amounts).toEqual(four("4", "0", "0", "0"));
    expect(raised.others[0]).toMatchObject({ status: "CHANGED", amounts: four("5.6", "0", "0", "0"), difference: four("1.6", "0", "0", "0"), totalDifference: mio("1.6") });
    expect(rows.filter((row) => row.kind === "line" && row.others[0]!.status === "CHANGED").map((row) => row.id)).toEqual(["vaerdibaseret-indkoeb"]);
    expect(line("vmk").others[0]).toMatchObject({ status: "UNCHANGED", amounts: four("3.5", "2.5", "2.5", "2.5"), totalDifference: 0n });
    expect(lineMarks(line("vmk"))).toEqual({ added: [], removed: [], allAdded: false, allRemoved: false });
  });

  it("pins allocated, frame and headroom: 99.1 → 98.9 in 2024, 100 after; nothing over the frame", () => {
    const summary = buildCompareSummaryRows(comparison);
    expect(summary.map((row) => row.kind)).toEqual(["allocated", "frame", "headroom"]);
    const [allocated, frame, headroom] = summary;
    expect(allocated!.base).toEqual({ amounts: four("99.1", "100", "100", "100"), total: mio("399.1") });
    expect(allocated!.others[0]).toMatchObject({ amounts: four("98.9", "100", "100", "100"), total: mio("398.9"), difference: four("-0.2", "0", "0", "0"), totalDifference: mio("-0.2") });
    expect(frame!.base.total).toBe(mio("400"));
    expect(frame!.others[0]!.totalDifference).toBe(0n);
    // Headroom: 100 − 99.1 = 0.9 and 100 − 98.9 = 1.1 in 2024.
    expect(headroom!.base).toEqual({ amounts: four("0.9", "0", "0", "0"), total: mio("0.9") });
    expect(headroom!.others[0]).toMatchObject({ amounts: four("1.1", "0", "0", "0"), difference: four("0.2", "0", "0", "0") });
    expect(allocated!.overBy).toEqual({ base: {}, others: [{}] });
  });
});

describe("the comparison's rows with two compared scenarios", () => {
  // A small hand-made comparison, frame 100 in 2024 and 60 in 2025: the base has a (theme t2: 40/50) and b (theme t1,
  // 5/5), 45/55 in all; "one" raises a to 60 in 2025, so 65 is 5 over the frame; "two" removes b and adds c (1/0, in
  // theme "unknown", which the themes list does not have).
  const cells = (base: [string | null, string | null], other: [string | null, string | null]) =>
    [2024, 2025].map((year, index) => {
      const b = base[index] ?? null;
      const o = other[index] ?? null;
      // Whole amounts only, so the difference is exact as a number.
      return { year, base: b, other: o, difference: String(Number(o ?? 0) - Number(b ?? 0)) };
    });
  const small: ComparisonResult = {
    __typename: "ScenarioComparison",
    years: [2024, 2025],
    baseYearsOverFrame: [],
    base: { key: "base", name: "Base" },
    others: [{ key: "one", name: "One" }, { key: "two", name: "Two" }],
    lines: [
      {
        inBase: true, initiative: { key: "a", title: "A", isReserve: false, theme: { key: "t2" } },
        versus: [
          { scenario: { key: "one" }, status: "CHANGED", cells: cells(["40", "50"], ["40", "60"]), comments: [{ text: "Mere", author: "Anna", createdAt: "2024-11-22T10:00:00.000Z", year: 2025 }] },
          { scenario: { key: "two" }, status: "UNCHANGED", cells: cells(["40", "50"], ["40", "50"]), comments: [] },
        ],
      },
      {
        inBase: true, initiative: { key: "b", title: "B", isReserve: true, theme: { key: "t1" } },
        versus: [
          { scenario: { key: "one" }, status: "UNCHANGED", cells: cells(["5", "5"], ["5", "5"]), comments: [] },
          { scenario: { key: "two" }, status: "REMOVED", cells: cells(["5", "5"], [null, null]), comments: [] },
        ],
      },
      {
        inBase: false, initiative: { key: "c", title: "C", isReserve: false, theme: { key: "unknown" } },
        versus: [
          { scenario: { key: "one" }, status: "UNCHANGED", cells: cells([null, null], [null, null]), comments: [] },
          { scenario: { key: "two" }, status: "ADDED", cells: cells([null, null], ["1", "0"]), comments: [] },
        ],
      },
    ],
    differences: [
      {
        scenario: { key: "one", name: "One" },
        counts: { added: 0, removed: 0, changed: 1, unchanged: 1 },
        summary: [],
        yearsOverFrame: [2025],
        themes: [
          { theme: { key: "t1" }, year: 2024, base: "5", other: "5", difference: "0" },
          { theme: { key: "t1" }, year: 2025, base: "5", other: "5", difference: "0" },
          { theme: { key: "t2" }, year: 2024, base: "40", other: "40", difference: "0" },
          { theme: { key: "t2" }, year: 2025, base: "50", other: "60", difference: "10" },
        ],
        years: [
          { year: 2024, frame: "100", baseAllocated: "45", otherAllocated: "45", baseHeadroom: "55", otherHeadroom: "55", baseOverBy: "0", otherOverBy: "0" },
          { year: 2025, frame: "60", baseAllocated: "55", otherAllocated: "65", baseHeadroom: "5", otherHeadroom: "-5", baseOverBy: "0", otherOverBy: "5" },
        ],
      },
      {
        scenario: { key: "two", name: "Two" },
        counts: { added: 1, removed: 1, changed: 0, unchanged: 1 },
        summary: [],
        yearsOverFrame: [],
        themes: [
          { theme: { key: "t1" }, year: 2024, base: "5", other: "0", difference: "-5" },
          { theme: { key: "t1" }, year: 2025, base: "5", other: "0", difference: "-5" },
          { theme: { key: "t2" }, year: 2024, base: "40", other: "40", difference: "0" },
          { theme: { key: "t2" }, year: 2025, base: "50", other: "50", difference: "0" },
          { theme: { key: "unknown" }, year: 2024, base: "0", other: "1", difference: "1" },
        ],
        years: [
          { year: 2024, frame: "100", baseAllocated: "45", otherAllocated: "41", baseHeadroom: "55", otherHeadroom: "59", baseOverBy: "0", otherOverBy: "0" },
          { year: 2025, frame: "60", baseAllocated: "55", otherAllocated: "50", baseHeadroom: "5", otherHeadroom: "10", baseOverBy: "0", otherOverBy: "0" },
        ],
      },
    ],
  };
  const themes = [{ key: "t2", title: "Tema 2", position: 2 }, { key: "t1", title: "Tema 1", position: 1 }];

  it("orders themes by position whatever the lines' order, an unknown theme last under its key, and fills a missing subtotal with 0", () => {
    const rows = buildCompareBodyRows(small, themes);
    expect(rows.map((row) => row.id)).toEqual(["theme:t1", "b", "theme:t2", "a", "theme:unknown", "c"]);
    const unknown = rows[4] as CompareThemeRow;
    expect(unknown.title).toBe("unknown");
    // "one" has no subtotal for the unknown theme (no line there): 0; "two" has 1 in 2024 and none in 2025.
    expect(unknown.others.map((other) => other.amounts)).toEqual([{ 2024: 0n, 2025: 0n }, { 2024: mio("1"), 2025: 0n }]);
  });

  it("marks a line per compared scenario: removed in one only is not a removed row; a line in neither is absent in both", () => {
    const rows = buildCompareBodyRows(small, themes);
    const b = rows.find((row) => row.id === "b") as CompareLineRow;
    expect(lineMarks(b)).toEqual({ added: [], removed: ["two"], allAdded: false, allRemoved: false });
    expect(b.others.map((other) => other.total)).toEqual([mio("10"), null]);
    const c = rows.find((row) => row.id === "c") as CompareLineRow;
    expect(c.others.map((other) => [other.status, other.total])).toEqual([["UNCHANGED", null], ["ADDED", mio("1")]]);
    expect((rows.find((row) => row.id === "a") as CompareLineRow).others[0]!.comments.map((comment) => comment.author)).toEqual(["Anna"]);
  });

  it("flags the year a compared scenario is over the frame, with how much", () => {
    const [allocated, , headroom] = buildCompareSummaryRows(small);
    expect(allocated!.overBy).toEqual({ base: {}, others: [{ 2025: mio("5") }, {}] });
    expect(headroom!.others[0]!.amounts).toEqual({ 2024: mio("55"), 2025: mio("-5") });
    // Headroom difference: −5 − 5 = −10 in 2025 for "one"; 59 − 55 = 4 and 10 − 5 = 5 for "two".
    expect(headroom!.others.map((other) => other.difference)).toEqual([{ 2024: 0n, 2025: mio("-10") }, { 2024: mio("4"), 2025: mio("5") }]);
  });
});
