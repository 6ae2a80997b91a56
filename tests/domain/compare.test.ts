/**
 * Comparing scenarios. The main cases are the government's proposal against the agreement of
 * 21 November 2024; every expected figure is hand arithmetic on the printed tables, written next to it.
 */
import { describe, expect, test } from "vitest";
import { compareScenarios, mio, type ScenarioSnapshot, type SnapshotLine, type YearFlow } from "@ramme/domain";
import { agreement, frame, proposal, withAmount } from "./fixtures/baselines.ts";

function find<T extends { initiativeId: string }>(items: readonly T[], initiativeId: string): T {
  const found = items.find((item) => item.initiativeId === initiativeId);
  if (!found) throw new Error(`No ${initiativeId}`);
  return found;
}

/** A YearFlow from mio. kr. texts, in the field order of the interface. */
function flow(
  year: number,
  baseAllocated: string,
  otherAllocated: string,
  released: string,
  spent: string,
  releasedFromReserve: string,
): YearFlow {
  const base = mio(baseAllocated);
  const other = mio(otherAllocated);
  const hundred = mio("100");
  return {
    year,
    frame: hundred,
    baseAllocated: base,
    otherAllocated: other,
    baseHeadroom: hundred - base,
    otherHeadroom: hundred - other,
    released: mio(released),
    spent: mio(spent),
    net: mio(spent) - mio(released),
    releasedFromReserve: mio(releasedFromReserve),
    baseOverBy: base > hundred ? base - hundred : 0n,
    otherOverBy: other > hundred ? other - hundred : 0n,
  };
}

describe("compareScenarios: proposal → agreement", () => {
  const comparison = compareScenarios(proposal, agreement, frame);

  test("names the two scenarios", () => {
    expect(comparison.baseKey).toBe("regeringens-udspil-2024");
    expect(comparison.otherKey).toBe("aftale-2024");
  });

  test("counts 6 added, 1 removed (the reserve), 1 changed (værdibaseret indkøb) and 18 unchanged", () => {
    // 20 proposal lines - reserve - værdibaseret indkøb = 18 unchanged; 25 agreement lines = 18 + 1 + 6.
    expect(comparison.counts).toEqual({ ADDED: 6, REMOVED: 1, CHANGED: 1, UNCHANGED: 18 });
  });

  test("keeps the proposal's order and puts each added line where the agreement puts it", () => {
    expect(comparison.lines.map((line) => line.initiativeId)).toEqual([
      "vmk",
      "klinisk-forskning-analyse",
      "gebyrreduktion-medicinsk-udstyr",
      "trial-nation",
      "sundhedsdata-vision",
      "sundhedsdata-tillid",
      "kunstig-intelligens",
      "digitale-sundhedsloesninger",
      "vaerdibaseret-indkoeb",
      "brugersamarbejde",
      "arbejdskraftfrigoerende-loesninger",
      "alternative-prismodeller",
      "atmp",
      "industriparker",
      "one-stop-shop",
      "elitesommerskole",
      "life-science-ude-i-landet",
      "bilateralt-myndighedssamarbejde",
      "sundhedsdiplomater",
      "healthcare-denmark",
      "eu-indsats",
      "byspildevand",
      "hma-ema",
      "eu-formandskab",
      "life-science-enheder",
      "reserve",
    ]);
  });

  test("each line's status", () => {
    const statuses = Object.fromEntries(comparison.lines.map((line) => [line.initiativeId, line.status]));
    expect(statuses).toMatchObject({
      "klinisk-forskning-analyse": "ADDED",
      "gebyrreduktion-medicinsk-udstyr": "ADDED",
      "sundhedsdata-tillid": "ADDED",
      "life-science-ude-i-landet": "ADDED",
      byspildevand: "ADDED",
      "eu-formandskab": "ADDED",
      reserve: "REMOVED",
      "vaerdibaseret-indkoeb": "CHANGED",
      vmk: "UNCHANGED",
      atmp: "UNCHANGED",
      "life-science-enheder": "UNCHANGED",
    });
  });

  test("værdibaseret indkøb: 4,0 → 5,6 in 2024 only, total 4,0 → 5,6", () => {
    expect(find(comparison.lines, "vaerdibaseret-indkoeb")).toEqual({
      initiativeId: "vaerdibaseret-indkoeb",
      themeId: "innovation",
      isReserve: false,
      status: "CHANGED",
      cells: [
        { year: 2024, base: mio("4.0"), other: mio("5.6"), difference: mio("1.6") },
        { year: 2025, base: 0n, other: 0n, difference: 0n },
        { year: 2026, base: 0n, other: 0n, difference: 0n },
        { year: 2027, base: 0n, other: 0n, difference: 0n },
      ],
      baseTotal: mio("4.0"),
      otherTotal: mio("5.6"),
      totalDifference: mio("1.6"),
    });
  });

  test("the removed reserve has no amounts on the agreement side; its total 7,6 + 6,1 + 7,3 + 6,8 = 27,8 is released", () => {
    expect(find(comparison.lines, "reserve")).toEqual({
      initiativeId: "reserve",
      themeId: "samarbejde",
      isReserve: true,
      status: "REMOVED",
      cells: [
        { year: 2024, base: mio("7.6"), other: null, difference: -mio("7.6") },
        { year: 2025, base: mio("6.1"), other: null, difference: -mio("6.1") },
        { year: 2026, base: mio("7.3"), other: null, difference: -mio("7.3") },
        { year: 2027, base: mio("6.8"), other: null, difference: -mio("6.8") },
      ],
      baseTotal: mio("27.8"),
      otherTotal: null,
      totalDifference: -mio("27.8"),
    });
  });

  test("an added line has no amounts on the proposal side, and a printed dash is an amount of 0 (byspildevand: 0 + 0,5 + 1,0 + 0 = 1,5)", () => {
    expect(find(comparison.lines, "byspildevand")).toEqual({
      initiativeId: "byspildevand",
      themeId: "international",
      isReserve: false,
      status: "ADDED",
      cells: [
        { year: 2024, base: null, other: 0n, difference: 0n },
        { year: 2025, base: null, other: mio("0.5"), difference: mio("0.5") },
        { year: 2026, base: null, other: mio("1.0"), difference: mio("1.0") },
        { year: 2027, base: null, other: 0n, difference: 0n },
      ],
      baseTotal: null,
      otherTotal: mio("1.5"),
      totalDifference: mio("1.5"),
    });
  });

  test("an unchanged line has equal totals and no difference (VMK: 3,5 + 2,5 + 2,5 + 2,5 = 11,0)", () => {
    const vmk = find(comparison.lines, "vmk");
    expect(vmk.baseTotal).toBe(mio("11.0"));
    expect(vmk.otherTotal).toBe(mio("11.0"));
    expect(vmk.totalDifference).toBe(0n);
    expect(vmk.cells.every((cell) => cell.difference === 0n)).toBe(true);
  });

  test("per year: the reserve is released and spent on the new lines and værdibaseret indkøb; 2024 ends 0,2 lower", () => {
    // 2024: proposal 15,3 + 11,9 + 11,5 + 46,8 + 13,6 = 99,1 (0,9 of bridge financing is outside the table);
    //       released 7,6 (reserve); spent 1,6 + 1,0 + 2,0 + 2,8 = 7,4; agreement 99,1 - 7,6 + 7,4 = 98,9.
    // 2025: released 6,1; spent 2,0 + 2,5 + 1,1 + 0,5 = 6,1; both 100,0.
    // 2026: released 7,3; spent 2,0 + 2,5 + 1,8 + 1,0 = 7,3; both 100,0.
    // 2027: released 6,8; spent 2,0 + 2,5 + 2,3 = 6,8; both 100,0.
    expect(comparison.years).toEqual([
      flow(2024, "99.1", "98.9", "7.6", "7.4", "7.6"),
      flow(2025, "100", "100", "6.1", "6.1", "6.1"),
      flow(2026, "100", "100", "7.3", "7.3", "7.3"),
      flow(2027, "100", "100", "6.8", "6.8", "6.8"),
    ]);
  });

  test("2024 headroom goes from 0,9 to 1,1 and no year is over the frame", () => {
    const [year2024] = comparison.years;
    expect(year2024?.baseHeadroom).toBe(mio("0.9"));
    expect(year2024?.otherHeadroom).toBe(mio("1.1"));
    expect(year2024?.net).toBe(-mio("0.2"));
    expect(comparison.years.every((year) => year.otherOverBy === 0n && year.baseOverBy === 0n)).toBe(true);
  });

  test("per theme and year, in first-appearance order", () => {
    const themes = comparison.themes.map(({ themeId, year, base, other, difference }) => [
      themeId,
      year,
      base,
      other,
      difference,
    ]);
    expect(themes).toEqual([
      // forskning: 3,5+4,7+6,1+1,0 = 15,3 (+1,0 klinisk); 2,5+4,7+7,5 = 14,7 (+2,0 gebyr +2,5 tillid); 2,5+4,7+2,5 = 9,7 (+4,5) ×2
      ["forskning-sundhedsdata", 2024, mio("15.3"), mio("16.3"), mio("1.0")],
      ["forskning-sundhedsdata", 2025, mio("14.7"), mio("19.2"), mio("4.5")],
      ["forskning-sundhedsdata", 2026, mio("9.7"), mio("14.2"), mio("4.5")],
      ["forskning-sundhedsdata", 2027, mio("9.7"), mio("14.2"), mio("4.5")],
      // innovation: 1,0+4,0+0,1+0,8+6,0 = 11,9 (+1,6); 0,2+5,5 = 5,7; 2,5+7,0 = 9,5 ×2
      ["innovation", 2024, mio("11.9"), mio("13.5"), mio("1.6")],
      ["innovation", 2025, mio("5.7"), mio("5.7"), 0n],
      ["innovation", 2026, mio("9.5"), mio("9.5"), 0n],
      ["innovation", 2027, mio("9.5"), mio("9.5"), 0n],
      // produktion: 7,3+3,7+0,5 = 11,5; 4,4+9,6+3,5 = 17,5; 3,9+10,1+3,5 = 17,5 ×2; plus ude i landet 2,0/1,1/1,8/2,3
      ["produktion-investeringer", 2024, mio("11.5"), mio("13.5"), mio("2.0")],
      ["produktion-investeringer", 2025, mio("17.5"), mio("18.6"), mio("1.1")],
      ["produktion-investeringer", 2026, mio("17.5"), mio("19.3"), mio("1.8")],
      ["produktion-investeringer", 2027, mio("17.5"), mio("19.8"), mio("2.3")],
      // international: 16,8+20,0+4,3+2,0+3,7 = 46,8 (+2,8 EU-formandskab); 16,8+20,0+7,5+2,0+3,7 = 50,0 (+0,5 / +1,0 / 0 byspildevand)
      ["international", 2024, mio("46.8"), mio("49.6"), mio("2.8")],
      ["international", 2025, mio("50.0"), mio("50.5"), mio("0.5")],
      ["international", 2026, mio("50.0"), mio("51.0"), mio("1.0")],
      ["international", 2027, mio("50.0"), mio("50.0"), 0n],
      // samarbejde: enheder 6,0/6,0/6,0/6,5 plus reserve 7,6/6,1/7,3/6,8, which goes
      ["samarbejde", 2024, mio("13.6"), mio("6.0"), -mio("7.6")],
      ["samarbejde", 2025, mio("12.1"), mio("6.0"), -mio("6.1")],
      ["samarbejde", 2026, mio("13.3"), mio("6.0"), -mio("7.3")],
      ["samarbejde", 2027, mio("13.3"), mio("6.5"), -mio("6.8")],
    ]);
  });
});

describe("compareScenarios: agreement → proposal (the other way round)", () => {
  const comparison = compareScenarios(agreement, proposal, frame);

  test("counts 1 added (the reserve), 6 removed, 1 changed", () => {
    expect(comparison.counts).toEqual({ ADDED: 1, REMOVED: 6, CHANGED: 1, UNCHANGED: 18 });
  });

  test("the reserve comes after life science-enhederne, the line it follows in the proposal", () => {
    const ids = comparison.lines.map((line) => line.initiativeId);
    expect(ids.length).toBe(26);
    expect(ids.slice(-2)).toEqual(["life-science-enheder", "reserve"]);
    expect(ids.slice(0, 3)).toEqual(["vmk", "klinisk-forskning-analyse", "gebyrreduktion-medicinsk-udstyr"]);
  });

  test("2024 releases 1,0 + 1,6 + 2,0 + 2,8 = 7,4 and spends 7,6 on the reserve; nothing is released from a reserve", () => {
    expect(comparison.years).toEqual([
      flow(2024, "98.9", "99.1", "7.4", "7.6", "0"),
      flow(2025, "100", "100", "6.1", "6.1", "0"),
      flow(2026, "100", "100", "7.3", "7.3", "0"),
      flow(2027, "100", "100", "6.8", "6.8", "0"),
    ]);
  });
});

describe("compareScenarios: other cases", () => {
  test("a scenario compared with itself has only unchanged lines and no money moving", () => {
    const comparison = compareScenarios(agreement, agreement, frame);
    expect(comparison.counts).toEqual({ ADDED: 0, REMOVED: 0, CHANGED: 0, UNCHANGED: 25 });
    expect(comparison.years.map((year) => [year.released, year.spent, year.net])).toEqual([
      [0n, 0n, 0n],
      [0n, 0n, 0n],
      [0n, 0n, 0n],
      [0n, 0n, 0n],
    ]);
    expect(comparison.themes.every((theme) => theme.difference === 0n)).toBe(true);
  });

  test("a year pushed over the frame: ATMP 2025 raised 5,5 → 6,7 puts 2025 at 101,2, 1,2 over", () => {
    const raised = withAmount(agreement, "atmp", 2025, "6.7");
    const comparison = compareScenarios(agreement, raised, frame);
    expect(comparison.counts).toEqual({ ADDED: 0, REMOVED: 0, CHANGED: 1, UNCHANGED: 24 });
    expect(comparison.years[1]).toEqual(flow(2025, "100", "101.2", "0", "1.2", "0"));
    expect(comparison.years[1]?.otherOverBy).toBe(mio("1.2"));
    expect(comparison.years[1]?.otherHeadroom).toBe(-mio("1.2"));
  });

  test("released and spent are gross: a cut in one line and a raise in another both count, net is their difference", () => {
    const changed = withAmount(withAmount(agreement, "vmk", 2026, "1.5"), "atmp", 2026, "7.4");
    // vmk 2,5 → 1,5 releases 1,0; atmp 7,0 → 7,4 spends 0,4; net -0,6; 2026 ends at 99,4.
    const comparison = compareScenarios(agreement, changed, frame);
    expect(comparison.years[2]).toEqual(flow(2026, "100", "99.4", "1.0", "0.4", "0"));
  });

  const line = (initiativeId: string, amounts: Array<[number, string]>, themeId = "t", isReserve = false): SnapshotLine => ({
    initiativeId,
    themeId,
    isReserve,
    amounts: amounts.map(([year, amount]) => ({ year, amount: mio(amount) })),
  });
  const smallFrame = [
    { year: 2024, amount: mio("10") },
    { year: 2025, amount: mio("10") },
  ];

  test("an added line that comes first in the other scenario comes first; consecutive added lines keep their order", () => {
    const base: ScenarioSnapshot = { key: "b", lines: [line("a", [[2024, "1"]]), line("b", [[2024, "1"]])] };
    const other: ScenarioSnapshot = {
      key: "o",
      lines: ["new1", "a", "new2", "new3", "b"].map((id) => line(id, [[2024, "1"]])),
    };
    expect(compareScenarios(base, other, smallFrame).lines.map((l) => l.initiativeId)).toEqual([
      "new1",
      "a",
      "new2",
      "new3",
      "b",
    ]);
  });

  test("a removed line stays where the base had it, before an added line that follows its predecessor", () => {
    const base: ScenarioSnapshot = { key: "b", lines: [line("a", []), line("gone", []), line("c", [])] };
    const other: ScenarioSnapshot = { key: "o", lines: [line("a", []), line("new", []), line("c", [])] };
    expect(compareScenarios(base, other, smallFrame).lines.map((l) => l.initiativeId)).toEqual(["a", "new", "gone", "c"]);
  });

  test("a missing cell is 0 where the line exists, and cells outside the frame are ignored", () => {
    const base: ScenarioSnapshot = { key: "b", lines: [line("a", [[2024, "2.0"], [2030, "9.0"]])] };
    const other: ScenarioSnapshot = { key: "o", lines: [line("a", [[2024, "2.0"], [2025, "0"], [2031, "5.0"]])] };
    const [only] = compareScenarios(base, other, smallFrame).lines;
    expect(only?.status).toBe("UNCHANGED");
    expect(only?.cells).toEqual([
      { year: 2024, base: mio("2.0"), other: mio("2.0"), difference: 0n },
      { year: 2025, base: 0n, other: 0n, difference: 0n },
    ]);
    expect(only?.baseTotal).toBe(mio("2.0"));
  });

  test("a line moved to another theme counts in its base theme on the base side and its new theme on the other", () => {
    const base: ScenarioSnapshot = { key: "b", lines: [line("a", [[2024, "3.0"]], "t1"), line("b", [[2024, "1.0"]], "t2")] };
    const other: ScenarioSnapshot = { key: "o", lines: [line("a", [[2024, "3.0"]], "t2"), line("b", [[2024, "1.0"]], "t2")] };
    const comparison = compareScenarios(base, other, [{ year: 2024, amount: mio("10") }]);
    expect(comparison.lines[0]?.themeId).toBe("t2");
    expect(comparison.themes).toEqual([
      { themeId: "t1", year: 2024, base: mio("3.0"), other: 0n, difference: -mio("3.0") },
      { themeId: "t2", year: 2024, base: mio("1.0"), other: mio("4.0"), difference: mio("3.0") },
    ]);
  });

  test("releasedFromReserve counts only decreases on lines that were a reserve", () => {
    const base: ScenarioSnapshot = {
      key: "b",
      lines: [line("r", [[2024, "5.0"]], "t", true), line("x", [[2024, "4.0"]])],
    };
    const other: ScenarioSnapshot = {
      key: "o",
      lines: [line("r", [[2024, "2.0"]], "t", true), line("x", [[2024, "3.0"]]), line("y", [[2024, "4.5"]])],
    };
    const [year2024] = compareScenarios(base, other, [{ year: 2024, amount: mio("10") }]).years;
    // released 3,0 (reserve) + 1,0 (x) = 4,0; spent 4,5 (y); allocated 9,0 → 9,5.
    expect(year2024).toMatchObject({
      released: mio("4.0"),
      releasedFromReserve: mio("3.0"),
      spent: mio("4.5"),
      net: mio("0.5"),
      baseAllocated: mio("9.0"),
      otherAllocated: mio("9.5"),
      otherHeadroom: mio("0.5"),
    });
  });

  test("a scenario with the same initiative twice is refused", () => {
    const twice: ScenarioSnapshot = { key: "x", lines: [line("a", []), line("a", [])] };
    expect(() => compareScenarios(twice, twice, smallFrame)).toThrow(/more than once/);
  });
});
