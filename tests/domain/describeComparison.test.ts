/**
 * The plain-language summary of a comparison, in Danish and English. The expected sentences are
 * written out in full; their amounts are hand arithmetic on the printed tables.
 */
import { describe, expect, test } from "vitest";
import { compareScenarios, describeComparison, mio, type ScenarioSnapshot, type SnapshotLine } from "@ramme/domain";
import { agreement, frame, proposal, titleOf, withAmount } from "./fixtures/baselines.ts";

const KLINISK = "Analyse af tiltag og incitamenter i andre lande til fremme af klinisk forskning";
const VAERDI = "Videreudvikle den datadrevne model for værdibaseret indkøb";
const UDE = "Life science ude i landet";
const FORMANDSKAB = "Markedsføring og konference under EU-formandskabet";
const GEBYR = "Indføre gebyrreduktion for afprøvninger med medicinsk udstyr";
const TILLID = "Tillid og gennemsigtighed i brugen af borgernes egne sundhedsdata";
const SPILDEVAND = "Analyse af byspildevand";
const ATMP = "Fremme udvikling og ibrugtagning af ATMP'er";

describe("describeComparison: proposal → agreement, as the negotiation went", () => {
  const comparison = compareScenarios(proposal, agreement, frame);

  test("in Danish", () => {
    expect(describeComparison(comparison, titleOf, "da")).toEqual([
      "6 linjer tilføjet, 1 fjernet og 1 ændret.",
      "Reserven på 7,6 mio. kr. i 2024, 6,1 i 2025, 7,3 i 2026 og 6,8 i 2027 er fjernet.",
      // 1,0 + 1,6 + 2,0 + 2,8 = 7,4
      `I 2024 går 7,4 mio. kr. til »${KLINISK}« (ny: 1,0), »${VAERDI}« (forhøjet med 1,6), »${UDE}« (ny: 2,0) og »${FORMANDSKAB}« (ny: 2,8).`,
      // 2,0 + 2,5 + 1,1 + 0,5 = 6,1
      `I 2025 går 6,1 mio. kr. til »${GEBYR}« (ny: 2,0), »${TILLID}« (ny: 2,5), »${UDE}« (ny: 1,1) og »${SPILDEVAND}« (ny: 0,5).`,
      // 2,0 + 2,5 + 1,8 + 1,0 = 7,3
      `I 2026 går 7,3 mio. kr. til »${GEBYR}« (ny: 2,0), »${TILLID}« (ny: 2,5), »${UDE}« (ny: 1,8) og »${SPILDEVAND}« (ny: 1,0).`,
      // 2,0 + 2,5 + 2,3 = 6,8 (byspildevand has nothing in 2027)
      `I 2027 går 6,8 mio. kr. til »${GEBYR}« (ny: 2,0), »${TILLID}« (ny: 2,5) og »${UDE}« (ny: 2,3).`,
      // 2024: 100 - 99,1 = 0,9 before, 100 - 98,9 = 1,1 after; 2025–2027 use the frame exactly both times.
      "Det uudmøntede beløb under rammen går fra 0,9 til 1,1 mio. kr. i 2024.",
    ]);
  });

  test("in English", () => {
    expect(describeComparison(comparison, titleOf, "en")).toEqual([
      "6 lines added, 1 removed and 1 changed.",
      "The reserve of DKK 7.6 million in 2024, 6.1 in 2025, 7.3 in 2026 and 6.8 in 2027 has been removed.",
      `In 2024, DKK 7.4 million goes to “${KLINISK}” (new: 1.0), “${VAERDI}” (raised by 1.6), “${UDE}” (new: 2.0) and “${FORMANDSKAB}” (new: 2.8).`,
      `In 2025, DKK 6.1 million goes to “${GEBYR}” (new: 2.0), “${TILLID}” (new: 2.5), “${UDE}” (new: 1.1) and “${SPILDEVAND}” (new: 0.5).`,
      `In 2026, DKK 7.3 million goes to “${GEBYR}” (new: 2.0), “${TILLID}” (new: 2.5), “${UDE}” (new: 1.8) and “${SPILDEVAND}” (new: 1.0).`,
      `In 2027, DKK 6.8 million goes to “${GEBYR}” (new: 2.0), “${TILLID}” (new: 2.5) and “${UDE}” (new: 2.3).`,
      "The unallocated amount under the frame goes from 0.9 to DKK 1.1 million in 2024.",
    ]);
  });
});

describe("describeComparison: agreement → proposal, the way back", () => {
  const comparison = compareScenarios(agreement, proposal, frame);

  test("in Danish: the reserve is added, and the money is freed from the removed lines and værdibaseret indkøb", () => {
    expect(describeComparison(comparison, titleOf, "da")).toEqual([
      "1 linje tilføjet, 6 fjernet og 1 ændret.",
      "Reserven på 7,6 mio. kr. i 2024, 6,1 i 2025, 7,3 i 2026 og 6,8 i 2027 er tilføjet.",
      `I 2024 frigøres 7,4 mio. kr. fra »${KLINISK}« (fjernet: 1,0), »${VAERDI}« (sat ned med 1,6), »${UDE}« (fjernet: 2,0) og »${FORMANDSKAB}« (fjernet: 2,8).`,
      `I 2025 frigøres 6,1 mio. kr. fra »${GEBYR}« (fjernet: 2,0), »${TILLID}« (fjernet: 2,5), »${UDE}« (fjernet: 1,1) og »${SPILDEVAND}« (fjernet: 0,5).`,
      `I 2026 frigøres 7,3 mio. kr. fra »${GEBYR}« (fjernet: 2,0), »${TILLID}« (fjernet: 2,5), »${UDE}« (fjernet: 1,8) og »${SPILDEVAND}« (fjernet: 1,0).`,
      `I 2027 frigøres 6,8 mio. kr. fra »${GEBYR}« (fjernet: 2,0), »${TILLID}« (fjernet: 2,5) og »${UDE}« (fjernet: 2,3).`,
      "Det uudmøntede beløb under rammen går fra 1,1 til 0,9 mio. kr. i 2024.",
    ]);
  });

  test("in English", () => {
    expect(describeComparison(comparison, titleOf, "en")).toEqual([
      "1 line added, 6 removed and 1 changed.",
      "The reserve of DKK 7.6 million in 2024, 6.1 in 2025, 7.3 in 2026 and 6.8 in 2027 has been added.",
      `In 2024, DKK 7.4 million is freed from “${KLINISK}” (removed: 1.0), “${VAERDI}” (cut by 1.6), “${UDE}” (removed: 2.0) and “${FORMANDSKAB}” (removed: 2.8).`,
      `In 2025, DKK 6.1 million is freed from “${GEBYR}” (removed: 2.0), “${TILLID}” (removed: 2.5), “${UDE}” (removed: 1.1) and “${SPILDEVAND}” (removed: 0.5).`,
      `In 2026, DKK 7.3 million is freed from “${GEBYR}” (removed: 2.0), “${TILLID}” (removed: 2.5), “${UDE}” (removed: 1.8) and “${SPILDEVAND}” (removed: 1.0).`,
      `In 2027, DKK 6.8 million is freed from “${GEBYR}” (removed: 2.0), “${TILLID}” (removed: 2.5) and “${UDE}” (removed: 2.3).`,
      "The unallocated amount under the frame goes from 1.1 to DKK 0.9 million in 2024.",
    ]);
  });
});

describe("describeComparison: the frame", () => {
  // ATMP 2025 raised 5,5 → 6,7: 2025 goes from 100,0 to 101,2.
  const overIn2025 = withAmount(agreement, "atmp", 2025, "6.7");

  test("a year pushed over the frame is named with the amount over", () => {
    const comparison = compareScenarios(agreement, overIn2025, frame);
    expect(describeComparison(comparison, titleOf, "da")).toEqual([
      "1 linje ændret.",
      `I 2025 går 1,2 mio. kr. til »${ATMP}« (forhøjet med 1,2).`,
      "2025 er 1,2 mio. kr. over rammen.",
    ]);
    expect(describeComparison(comparison, titleOf, "en")).toEqual([
      "1 line changed.",
      `In 2025, DKK 1.2 million goes to “${ATMP}” (raised by 1.2).`,
      "2025 is DKK 1.2 million over the frame.",
    ]);
  });

  test("a year brought back exactly onto the frame", () => {
    const comparison = compareScenarios(overIn2025, agreement, frame);
    expect(describeComparison(comparison, titleOf, "da")).toEqual([
      "1 linje ændret.",
      `I 2025 frigøres 1,2 mio. kr. fra »${ATMP}« (sat ned med 1,2).`,
      "2025 er nu inden for rammen; før var året 1,2 mio. kr. over.",
    ]);
    expect(describeComparison(comparison, titleOf, "en")).toEqual([
      "1 line changed.",
      `In 2025, DKK 1.2 million is freed from “${ATMP}” (cut by 1.2).`,
      "2025 is now within the frame; it was DKK 1.2 million over.",
    ]);
  });

  test("a year brought back under the frame with money to spare (ATMP 6,7 → 5,0: 101,2 - 1,7 = 99,5, 0,5 spare)", () => {
    const comparison = compareScenarios(overIn2025, withAmount(agreement, "atmp", 2025, "5.0"), frame);
    expect(describeComparison(comparison, titleOf, "da").at(-1)).toBe(
      "2025 er nu inden for rammen med 0,5 mio. kr. til overs; før var året 1,2 mio. kr. over.",
    );
    expect(describeComparison(comparison, titleOf, "en").at(-1)).toBe(
      "2025 is now within the frame with DKK 0.5 million to spare; it was DKK 1.2 million over.",
    );
  });

  test("a year still over says how much it was over before (ATMP 6,7 → 6,0: 1,2 over → 0,5 over)", () => {
    const comparison = compareScenarios(overIn2025, withAmount(agreement, "atmp", 2025, "6.0"), frame);
    expect(describeComparison(comparison, titleOf, "da").at(-1)).toBe("2025 er 0,5 mio. kr. over rammen (før: 1,2).");
    expect(describeComparison(comparison, titleOf, "en").at(-1)).toBe("2025 is DKK 0.5 million over the frame (before: 1.2).");
  });

  test("a year over by the same amount as before says so, after the headroom of a year that changed", () => {
    // Værdibaseret indkøb 2024 cut 5,6 → 5,0: 2024 goes from 98,9 to 98,3, headroom 1,1 → 1,7; 2025 stays 1,2 over.
    const comparison = compareScenarios(overIn2025, withAmount(overIn2025, "vaerdibaseret-indkoeb", 2024, "5.0"), frame);
    expect(describeComparison(comparison, titleOf, "da")).toEqual([
      "1 linje ændret.",
      `I 2024 frigøres 0,6 mio. kr. fra »${VAERDI}« (sat ned med 0,6).`,
      "Det uudmøntede beløb under rammen går fra 1,1 til 1,7 mio. kr. i 2024.",
      "2025 er 1,2 mio. kr. over rammen (uændret).",
    ]);
    expect(describeComparison(comparison, titleOf, "en").at(-1)).toBe("2025 is DKK 1.2 million over the frame (unchanged).");
  });

  test("headroom changes in several years make one sentence, the unit on the first", () => {
    // 2024: værdibaseret indkøb 5,6 → 5,0, headroom 1,1 → 1,7; 2025: gebyrreduktion 2,0 → 1,5, headroom 0,0 → 0,5.
    const cut2024 = withAmount(agreement, "vaerdibaseret-indkoeb", 2024, "5.0");
    const other = withAmount(cut2024, "gebyrreduktion-medicinsk-udstyr", 2025, "1.5");
    const comparison = compareScenarios(agreement, other, frame);
    expect(describeComparison(comparison, titleOf, "da").at(-1)).toBe(
      "Det uudmøntede beløb under rammen går fra 1,1 til 1,7 mio. kr. i 2024 og fra 0,0 til 0,5 i 2025.",
    );
    expect(describeComparison(comparison, titleOf, "en").at(-1)).toBe(
      "The unallocated amount under the frame goes from 1.1 to DKK 1.7 million in 2024 and from 0.0 to 0.5 in 2025.",
    );
  });
});

describe("describeComparison: the reserve", () => {
  test("a reserve cut in one year and raised in another gets one sentence for each", () => {
    // Reserve 2024 7,6 → 8,5 uses the 0,9 of headroom; reserve 2025 6,1 → 5,1 pays for ATMP 5,5 → 6,5.
    const reserveMoved = withAmount(withAmount(proposal, "reserve", 2024, "8.5"), "reserve", 2025, "5.1");
    const other = withAmount(reserveMoved, "atmp", 2025, "6.5");
    const comparison = compareScenarios(proposal, other, frame);
    expect(describeComparison(comparison, titleOf, "da")).toEqual([
      "2 linjer ændret.",
      "Reserven er sat ned med 1,0 mio. kr. i 2025.",
      "Reserven er sat op med 0,9 mio. kr. i 2024.",
      `I 2025 går 1,0 mio. kr. til »${ATMP}« (forhøjet med 1,0).`,
      "Det uudmøntede beløb under rammen går fra 0,9 til 0,0 mio. kr. i 2024.",
    ]);
    expect(describeComparison(comparison, titleOf, "en").slice(1, 3)).toEqual([
      "The reserve has been cut by DKK 1.0 million in 2025.",
      "The reserve has been raised by DKK 0.9 million in 2024.",
    ]);
  });

  const line = (initiativeId: string, amounts: string[], isReserve = false): SnapshotLine => ({
    initiativeId,
    themeId: "t",
    isReserve,
    amounts: amounts.map((amount, index) => ({ year: 2024 + index, amount: mio(amount) })),
  });
  const twoYears = [
    { year: 2024, amount: mio("10") },
    { year: 2025, amount: mio("10") },
  ];
  const names = new Map([
    ["a", "Reserve A"],
    ["b", "Reserve B"],
    ["x", "Initiativ X"],
  ]);
  const nameOf = (id: string): string => names.get(id) ?? "?";

  test("a removed reserve with no money is just removed; a year with 0 is not listed", () => {
    const base: ScenarioSnapshot = { key: "b", lines: [line("x", ["1", "1"]), line("a", ["0", "0"], true)] };
    const other: ScenarioSnapshot = { key: "o", lines: [line("x", ["1", "1"])] };
    const comparison = compareScenarios(base, other, twoYears);
    expect(describeComparison(comparison, nameOf, "da")).toEqual(["1 linje fjernet.", "Reserven er fjernet."]);
    expect(describeComparison(comparison, nameOf, "en")).toEqual([
      "1 line removed.",
      "The reserve has been removed.",
    ]);
  });

  test("with several reserves each is named by its title", () => {
    const base: ScenarioSnapshot = { key: "b", lines: [line("a", ["0", "2.0"], true), line("b", ["1.5", "0"], true)] };
    const other: ScenarioSnapshot = { key: "o", lines: [line("b", ["1.5", "0"], true)] };
    // a is removed (2,0 in 2025 freed, 0 in 2024 not mentioned); b is unchanged, so nothing is said about it.
    expect(describeComparison(compareScenarios(base, other, twoYears), nameOf, "da")).toEqual([
      "1 linje fjernet.",
      "Reserven »Reserve A« på 2,0 mio. kr. i 2025 er fjernet.",
      "Det uudmøntede beløb under rammen går fra 8,0 til 10,0 mio. kr. i 2025.",
    ]);
    expect(describeComparison(compareScenarios(base, other, twoYears), nameOf, "en")[1]).toBe(
      "The reserve “Reserve A” of DKK 2.0 million in 2025 has been removed.",
    );
  });
});

describe("describeComparison: wording", () => {
  const line = (initiativeId: string, amount: string): SnapshotLine => ({
    initiativeId,
    themeId: "t",
    isReserve: false,
    amounts: [{ year: 2024, amount: mio(amount) }],
  });
  const bigFrame = [{ year: 2024, amount: mio("5000") }];
  const nameOf = (id: string): string => `Initiativ ${id.toUpperCase()}`;

  test("identical scenarios give one sentence", () => {
    const comparison = compareScenarios(agreement, agreement, frame);
    expect(describeComparison(comparison, titleOf, "da")).toEqual(["Ingen forskelle."]);
    expect(describeComparison(comparison, titleOf, "en")).toEqual(["No differences."]);
  });

  test("counts leave out empty categories and use the singular for one line", () => {
    const base: ScenarioSnapshot = { key: "b", lines: [line("a", "1.0")] };
    const other: ScenarioSnapshot = { key: "o", lines: [line("a", "2.0"), line("b", "1.0"), line("c", "1.0")] };
    const comparison = compareScenarios(base, other, bigFrame);
    expect(describeComparison(comparison, nameOf, "da")[0]).toBe("2 linjer tilføjet og 1 ændret.");
    expect(describeComparison(comparison, nameOf, "en")[0]).toBe("2 lines added and 1 changed.");
  });

  test("large amounts are grouped the Danish way in Danish and the English way in English, never rounded", () => {
    const base: ScenarioSnapshot = { key: "b", lines: [] };
    const other: ScenarioSnapshot = { key: "o", lines: [line("a", "1234.5"), line("b", "0.05")] };
    const comparison = compareScenarios(base, other, bigFrame);
    // 1.234,5 + 0,05 = 1.234,55; headroom 5.000 - 1.234,55 = 3.765,45.
    expect(describeComparison(comparison, nameOf, "da")).toEqual([
      "2 linjer tilføjet.",
      "I 2024 går 1.234,55 mio. kr. til »Initiativ A« (ny: 1.234,5) og »Initiativ B« (ny: 0,05).",
      "Det uudmøntede beløb under rammen går fra 5.000,0 til 3.765,45 mio. kr. i 2024.",
    ]);
    expect(describeComparison(comparison, nameOf, "en")).toEqual([
      "2 lines added.",
      "In 2024, DKK 1,234.55 million goes to “Initiativ A” (new: 1,234.5) and “Initiativ B” (new: 0.05).",
      "The unallocated amount under the frame goes from 5,000.0 to DKK 3,765.45 million in 2024.",
    ]);
  });

  test("a line that only changes outside the frame years is no difference at all", () => {
    const base: ScenarioSnapshot = { key: "b", lines: [line("a", "1.0")] };
    const other: ScenarioSnapshot = {
      key: "o",
      lines: [{ ...line("a", "1.0"), amounts: [{ year: 2024, amount: mio("1.0") }, { year: 2030, amount: mio("9") }] }],
    };
    expect(describeComparison(compareScenarios(base, other, bigFrame), nameOf, "da")).toEqual(["Ingen forskelle."]);
  });
});
