/**
 * Recommendation coverage: which recommendations a scenario puts money behind. The small cases are
 * built by hand; the last one is the two printed baselines with Life Science Rådet's links typed in
 * from seeds/recommendations.json, and every expected amount is hand arithmetic on the tables.
 */
import { describe, expect, test } from "vitest";
import { describeCoverage, formatMio, mio, recommendationCoverage, type CoverageLine, type RecommendationLink } from "@ramme/domain";
import { agreement, proposal, YEARS } from "./fixtures/baselines.ts";

const TWO_YEARS = [2024, 2025];

function line(initiativeId: string, amounts: readonly string[], years: readonly number[] = TWO_YEARS): CoverageLine {
  return { initiativeId, amounts: amounts.map((amount, index) => ({ year: years[index]!, amount: mio(amount) })) };
}

const perYear = (...amounts: string[]) => amounts.map((amount, index) => ({ year: TWO_YEARS[index], amount: mio(amount) }));

// "b" answers both 1 and 2; nothing answers 4.
const LINKS: RecommendationLink[] = [
  { recommendationNumber: 1, initiativeId: "a" },
  { recommendationNumber: 1, initiativeId: "b" },
  { recommendationNumber: 2, initiativeId: "b" },
  { recommendationNumber: 2, initiativeId: "c" },
  { recommendationNumber: 3, initiativeId: "d" },
];
const RECOMMENDATIONS = [1, 2, 3, 4];

const base = { key: "base", lines: [line("a", ["1.0", "0"]), line("b", ["0.5", "0.5"]), line("c", ["0", "0"]), line("x", ["9", "9"])] };
const names: Record<string, string> = { base: "Base", whatIf: "Hvad nu hvis", moved: "Flyttet", same: "Samme" };
const nameOf = (key: string) => names[key]!;

describe("recommendationCoverage of one scenario", () => {
  const [coverage] = recommendationCoverage(RECOMMENDATIONS, LINKS, [base], TWO_YEARS);

  test("sums each recommendation's answering lines per year, an initiative answering two counting fully toward each", () => {
    const [first, second] = coverage!.recommendations;
    // a + b = 1.0 + 0.5 and 0 + 0.5
    expect(first).toMatchObject({ status: "FUNDED", funded: true, amounts: perYear("1.5", "0.5"), total: mio("2.0"), absentInitiativeIds: [] });
    expect(first!.lines.map((answering) => [answering.initiativeId, answering.total])).toEqual([
      ["a", mio("1.0")],
      ["b", mio("1.0")],
    ]);
    // b + c = 0.5 + 0 each year; c is listed although it has nothing.
    expect(second).toMatchObject({ status: "FUNDED", amounts: perYear("0.5", "0.5"), total: mio("1.0") });
    expect(second!.lines.map((answering) => answering.initiativeId)).toEqual(["b", "c"]);
  });

  test("tells a recommendation whose initiatives are not in the scenario from one nothing answers", () => {
    const [, , third, fourth] = coverage!.recommendations;
    expect(third).toMatchObject({ status: "INITIATIVES_NOT_IN_SCENARIO", funded: false, lines: [], absentInitiativeIds: ["d"], total: 0n });
    expect(third!.amounts).toEqual(perYear("0", "0"));
    expect(fourth).toMatchObject({ status: "NO_INITIATIVE", funded: false, lines: [], absentInitiativeIds: [] });
  });

  test("counts 2 of 4 funded, and the money answering any recommendation counts b once: 2.0, not 2.0 + 1.0", () => {
    expect(coverage).toMatchObject({ scenarioKey: "base", fundedCount: 2, recommendationCount: 4, changes: [] });
    // a + b + c; x answers nothing.
    expect(coverage!.answeringAmounts).toEqual(perYear("1.5", "0.5"));
    expect(coverage!.answeringTotal).toBe(mio("2.0"));
  });

  test("says which recommendations get no money", () => {
    const coverages = [coverage!];
    expect(describeCoverage(coverages, 0, nameOf, "da")).toBe("»Base« finansierer 2 af 4 anbefalinger; anbefaling 3 og 4 får ingen penge.");
    expect(describeCoverage(coverages, 0, nameOf, "en")).toBe("“Base” funds 2 of 4 recommendations; recommendations 3 and 4 get no money.");
  });

  test("counts a line with only zeros as answering without money, and ignores cells outside the frame", () => {
    const zeros = { key: "zeros", lines: [line("b", ["0", "0"]), line("c", ["0", "0", "7"], [2024, 2025, 2030]), line("a", ["0", "3"], [2024, 2030])] };
    const [result] = recommendationCoverage(RECOMMENDATIONS, LINKS, [zeros], TWO_YEARS);
    expect(result!.recommendations.map((recommendation) => recommendation.status)).toEqual([
      "LINES_WITHOUT_MONEY",
      "LINES_WITHOUT_MONEY",
      "INITIATIVES_NOT_IN_SCENARIO",
      "NO_INITIATIVE",
    ]);
    expect(result!.fundedCount).toBe(0);
    // a's 2025 has no cell: it counts as 0.
    expect(result!.recommendations[0]!.lines[0]).toEqual({ initiativeId: "a", amounts: perYear("0", "0"), total: 0n });
  });
});

describe("recommendationCoverage side by side", () => {
  // a cut to 1.0 in all; b and c to nothing; d added with 2.0 in 2025.
  const whatIf = { key: "whatIf", lines: [line("a", ["1.0", "0"]), line("b", ["0", "0"]), line("c", ["0", "0"]), line("d", ["0", "2.0"])] };
  // a's 1.0 moved from 2024 to 2025.
  const moved = { key: "moved", lines: [line("a", ["0", "1.0"]), line("b", ["0.5", "0.5"]), line("c", ["0", "0"])] };
  // The same amounts, other order, no x: the recommendations fare the same.
  const same = { key: "same", lines: [line("c", ["0", "0"]), line("b", ["0.5", "0.5"]), line("a", ["1.0", "0"])] };
  const coverages = recommendationCoverage(RECOMMENDATIONS, LINKS, [base, whatIf, moved, same], TWO_YEARS);

  test("lists what changed against the first scenario, new money first", () => {
    expect(coverages[1]!.fundedCount).toBe(2);
    expect(coverages[1]!.changes).toEqual([
      { recommendationNumber: 3, kind: "NEWLY_FUNDED", before: 0n, after: mio("2.0"), difference: mio("2.0") },
      { recommendationNumber: 2, kind: "NO_LONGER_FUNDED", before: mio("1.0"), after: 0n, difference: mio("-1.0") },
      { recommendationNumber: 1, kind: "LESS", before: mio("2.0"), after: mio("1.0"), difference: mio("-1.0") },
    ]);
    expect(coverages[1]!.recommendations[1]!.status).toBe("LINES_WITHOUT_MONEY");
    expect(coverages[2]!.changes).toEqual([{ recommendationNumber: 1, kind: "MOVED_BETWEEN_YEARS", before: mio("2.0"), after: mio("2.0"), difference: 0n }]);
    expect(coverages[3]!.changes).toEqual([]);
  });

  test("says it in a sentence per scenario, in Danish and English", () => {
    expect(describeCoverage(coverages, 1, nameOf, "da")).toBe(
      "»Base« finansierer 2 af 4 anbefalinger; »Hvad nu hvis« finansierer også 2: anbefaling 3 får nu penge (2,0 mio. kr. i alt), " +
        "anbefaling 2 får ikke længere penge (før 1,0 mio. kr. i alt) og anbefaling 1 får 1,0 mio. kr. mindre i alt.",
    );
    expect(describeCoverage(coverages, 1, nameOf, "en")).toBe(
      "“Base” funds 2 of 4 recommendations; “Hvad nu hvis” also funds 2: recommendation 3 is now funded (DKK 2.0 million in all), " +
        "recommendation 2 is no longer funded (was DKK 1.0 million in all) and recommendation 1 gets DKK 1.0 million less in all.",
    );
    expect(describeCoverage(coverages, 2, nameOf, "da")).toBe(
      "»Base« finansierer 2 af 4 anbefalinger; »Flyttet« finansierer også 2: anbefaling 1 får det samme i alt, fordelt anderledes på årene.",
    );
    expect(describeCoverage(coverages, 3, nameOf, "da")).toBe("»Base« finansierer 2 af 4 anbefalinger; »Samme« finansierer også 2, med samme beløb i alt til hver.");
    expect(describeCoverage(coverages, 3, nameOf, "en")).toBe("“Base” funds 2 of 4 recommendations; “Samme” also funds 2, with the same amount in all for each.");
  });

  test("a scenario funding one more says the new count", () => {
    const more = { key: "whatIf", lines: [...base.lines, line("d", ["0.3", "0"])] };
    const result = recommendationCoverage(RECOMMENDATIONS, LINKS, [base, more], TWO_YEARS);
    expect(describeCoverage(result, 1, nameOf, "da")).toBe(
      "»Base« finansierer 2 af 4 anbefalinger; »Hvad nu hvis« finansierer 3: anbefaling 3 får nu penge (0,3 mio. kr. i alt).",
    );
  });
});

describe("the two printed baselines", () => {
  // seeds/recommendations.json's initiativeLinks; recommendations 4, 5, 6 and 11 have none.
  const links: RecommendationLink[] = [
    [2, "vmk"], [2, "klinisk-forskning-analyse"], [2, "gebyrreduktion-medicinsk-udstyr"], [2, "trial-nation"],
    [3, "sundhedsdata-vision"],
    [1, "digitale-sundhedsloesninger"], [1, "vaerdibaseret-indkoeb"], [1, "brugersamarbejde"], [1, "arbejdskraftfrigoerende-loesninger"], [1, "alternative-prismodeller"],
    [10, "industriparker"], [10, "one-stop-shop"],
    [9, "bilateralt-myndighedssamarbejde"], [9, "sundhedsdiplomater"],
    [7, "healthcare-denmark"],
    [8, "eu-indsats"], [8, "eu-formandskab"],
    [12, "life-science-enheder"],
  ].map(([recommendationNumber, initiativeId]) => ({ recommendationNumber: recommendationNumber as number, initiativeId: initiativeId as string }));
  const twelve = Array.from({ length: 12 }, (_, index) => index + 1);
  const [fromProposal, fromAgreement] = recommendationCoverage(twelve, links, [proposal, agreement], YEARS);
  const inMio = (amounts: ReadonlyArray<{ amount: bigint }>) => amounts.map((cell) => formatMio(cell.amount));

  test("both fund the same 8 of 12", () => {
    const funded = (coverage: typeof fromProposal) => coverage!.recommendations.filter((entry) => entry.funded).map((entry) => entry.recommendationNumber);
    expect(funded(fromProposal)).toEqual([1, 2, 3, 7, 8, 9, 10, 12]);
    expect(funded(fromAgreement)).toEqual([1, 2, 3, 7, 8, 9, 10, 12]);
  });

  test("recommendation 2: the proposal lacks two of its four initiatives, the agreement has them all", () => {
    const proposal2 = fromProposal!.recommendations[1]!;
    // vmk 3,5/2,5/2,5/2,5 + Trial Nation 4,7 a year.
    expect(inMio(proposal2.amounts)).toEqual(["8.2", "7.2", "7.2", "7.2"]);
    expect(proposal2.total).toBe(mio("29.8"));
    expect(proposal2.absentInitiativeIds).toEqual(["klinisk-forskning-analyse", "gebyrreduktion-medicinsk-udstyr"]);
    // + klinisk forskning 1,0 in 2024 and gebyrreduktion 2,0 in 2025-2027: 9,2 every year.
    expect(inMio(fromAgreement!.recommendations[1]!.amounts)).toEqual(["9.2", "9.2", "9.2", "9.2"]);
  });

  test("the sentence names the three recommendations the agreement gives more", () => {
    const coverages = [fromProposal!, fromAgreement!];
    const name = (key: string) => (key === proposal.key ? "Regeringens udspil" : "Aftalen");
    // 1: værdibaseret indkøb 4,0 → 5,6; 2: 29,8 → 36,8; 8: + EU-formandskabet 2,8.
    expect(describeCoverage(coverages, 1, name, "da")).toBe(
      "»Regeringens udspil« finansierer 8 af 12 anbefalinger; »Aftalen« finansierer også 8: anbefaling 1 får 1,6 mio. kr. mere i alt, " +
        "anbefaling 2 får 7,0 mio. kr. mere i alt og anbefaling 8 får 2,8 mio. kr. mere i alt.",
    );
    expect(describeCoverage(coverages, 0, name, "da")).toBe("»Regeringens udspil« finansierer 8 af 12 anbefalinger; anbefaling 4, 5, 6 og 11 får ingen penge.");
  });
});
