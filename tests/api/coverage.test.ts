/**
 * Recommendation coverage on the seeded documents. The expected figures are worked out by hand from
 * seeds/recommendations.json's links (recommendations 4, 5, 6 and 11 have none) and the two tables:
 *
 *   rec.  initiatives (agreement)                                  proposal 2024-27          agreement 2024-27
 *   1     digitale, værdibaseret, brugersamarbejde, arbejdskraft-   5,9 0,2 2,5 2,5 = 11,1    7,5 0,2 2,5 2,5 = 12,7
 *         frigørende, alternative prismodeller                      (værdibaseret 4,0 → 5,6 in 2024)
 *   2     VMK, klinisk forskning*, gebyrreduktion*, Trial Nation    8,2 7,2 7,2 7,2 = 29,8    9,2 each year = 36,8
 *   3     Vision for sundhedsdata                                   6,1 7,5 0 0 = 13,6        the same
 *   7     Healthcare Denmark                                        4,3 7,5 7,5 7,5 = 26,8    the same
 *   8     EU-indsats, EU-formandskab*                               2,0 each year = 8,0       4,8 2,0 2,0 2,0 = 10,8
 *   9     bilateralt myndighedssamarbejde, sundhedsdiplomater       36,8 each year = 147,2    the same
 *   10    industriparker, one-stop-shop                             11,0 14,0 14,0 14,0 = 53  the same
 *   12    life science-enhederne                                    6,0 6,0 6,0 6,5 = 24,5    the same
 *   (* only in the agreement)
 */
import { describe, expect, it } from "vitest";
import { gql } from "../support/documents.ts";
import { db, globalId, query, recordSql } from "../support/graphql.ts";
import { asMember, firstEntries } from "../support/unions.ts";
import { fork, mutate, setAllocations } from "../support/scenarios.ts";

const PROPOSAL = "regeringens-udspil-2024";
const AGREEMENT = "aftale-2024";
const PROPOSAL_NAME = "Regeringens udspil (november 2024)";
const AGREEMENT_NAME = "Aftale om strategi for life science (21. november 2024)";

const COVERAGE = gql(`query($ids: [ID!]!, $language: Language) {
  recommendationCoverage(scenarioIds: $ids, language: $language) {
    __typename
    ... on InvalidInputError { problems { field code value } }
    ... on RecommendationCoverageComparison { years scenarios { scenario { key name }
      scenarioKey fundedCount recommendationCount summary changes { number kind before after difference }
      answeringAmounts { year amount } answeringTotal
      recommendations {
        number title status funded total amounts { year amount }
        lines { initiativeKey initiative { key title } basis total amounts { year amount } }
        initiativesNotInScenario { key }
      } } }
  }
}`);

async function coverage(ids: string[], language?: "DA" | "EN") {
  const { recommendationCoverage: result } = await query(COVERAGE, { ids, language });
  expect(result.__typename).toBe("RecommendationCoverageComparison");
  return asMember(result, "RecommendationCoverageComparison");
}

const amounts = (entry: { amounts: ReadonlyArray<{ amount: string }> }) => entry.amounts.map((cell) => cell.amount);
/** A scenario's recommendation by its number; throws when the scenario has none by it. */
function byNumber<Recommendation extends { number: number }>(scenario: { recommendations: readonly Recommendation[] }, number: number): Recommendation {
  const found = scenario.recommendations.find((entry) => entry.number === number);
  if (!found) throw new Error(`no recommendation ${number}`);
  return found;
}

describe("recommendationCoverage of the two baselines", () => {
  it("funds the same 8 of 12 in both, with each recommendation's money per year from its initiatives' lines", async () => {
    const result = await coverage([PROPOSAL, AGREEMENT]);
    expect(result.years).toEqual([2024, 2025, 2026, 2027]);
    const [proposal, agreement] = firstEntries(result.scenarios, 2);
    expect(proposal.scenario.key).toBe(PROPOSAL);
    for (const scenario of [proposal, agreement]) {
      expect([scenario.fundedCount, scenario.recommendationCount]).toEqual([8, 12]);
      expect(scenario.recommendations.map((entry) => entry.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(scenario.recommendations.filter((entry) => entry.funded).map((entry) => entry.number)).toEqual([1, 2, 3, 7, 8, 9, 10, 12]);
      for (const number of [4, 5, 6, 11]) expect(byNumber(scenario, number)).toMatchObject({ status: "NO_INITIATIVE", funded: false, total: "0", lines: [], initiativesNotInScenario: [] });
    }

    expect(amounts(byNumber(proposal, 1))).toEqual(["5.9", "0.2", "2.5", "2.5"]);
    expect(byNumber(proposal, 1).total).toBe("11.1");
    expect(amounts(byNumber(agreement, 1))).toEqual(["7.5", "0.2", "2.5", "2.5"]);
    expect(byNumber(agreement, 1).total).toBe("12.7");
    // Arbejdskraftfrigørende løsninger is the one the text links explicitly.
    expect(byNumber(agreement, 1).lines.find((line) => line.initiativeKey === "arbejdskraftfrigoerende-loesninger")).toMatchObject({
      basis: "EXPLICIT", total: "5", amounts: [{ year: 2024, amount: "0" }, { year: 2025, amount: "0" }, { year: 2026, amount: "2.5" }, { year: 2027, amount: "2.5" }],
    });

    const proposal2 = byNumber(proposal, 2);
    expect(proposal2).toMatchObject({ status: "FUNDED", total: "29.8" });
    expect(amounts(proposal2)).toEqual(["8.2", "7.2", "7.2", "7.2"]);
    expect(proposal2.lines.map((line) => [line.initiative.key, line.total])).toEqual([["trial-nation", "18.8"], ["vmk", "11"]]);
    expect(proposal2.initiativesNotInScenario.map((initiative) => initiative.key)).toEqual(["gebyrreduktion-medicinsk-udstyr", "klinisk-forskning-analyse"]);
    expect(amounts(byNumber(agreement, 2))).toEqual(["9.2", "9.2", "9.2", "9.2"]);
    expect(byNumber(agreement, 2).initiativesNotInScenario).toEqual([]);

    expect(amounts(byNumber(proposal, 8))).toEqual(["2", "2", "2", "2"]);
    expect(byNumber(proposal, 8).initiativesNotInScenario).toEqual([{ key: "eu-formandskab" }]);
    expect(amounts(byNumber(agreement, 8))).toEqual(["4.8", "2", "2", "2"]);
    for (const [number, total] of [[3, "13.6"], [7, "26.8"], [9, "147.2"], [10, "53"], [12, "24.5"]] as const) {
      expect([byNumber(proposal, number).total, byNumber(agreement, number).total]).toEqual([total, total]);
    }
  });

  it("counts each answering line once in answeringAmounts: the agreement's 98,9 in 2024 less the 13,2 of lines that answer none", async () => {
    const [, agreement] = firstEntries((await coverage([PROPOSAL, AGREEMENT])).scenarios, 2);
    // 2024: KI 1,0 + ATMP 6,0 + elitesommerskole 0,5 + ude i landet 2,0 + HMA/EMA 3,7 = 13,2 answer none.
    expect(amounts({ amounts: agreement.answeringAmounts })).toEqual(["85.7", "83.2", "78", "78.5"]);
    expect(agreement.answeringTotal).toBe("325.4");
  });

  it("says it in Danish and English, the agreement measured against the proposal", async () => {
    const danish = await coverage([PROPOSAL, AGREEMENT]);
    expect(danish.scenarios[0]!.summary).toBe(`»${PROPOSAL_NAME}« finansierer 8 af 12 anbefalinger; anbefaling 4, 5, 6 og 11 får ingen penge.`);
    expect(danish.scenarios[1]!.changes).toEqual([
      { number: 1, kind: "MORE", before: "11.1", after: "12.7", difference: "1.6" },
      { number: 2, kind: "MORE", before: "29.8", after: "36.8", difference: "7" },
      { number: 8, kind: "MORE", before: "8", after: "10.8", difference: "2.8" },
    ]);
    expect(danish.scenarios[1]!.summary).toBe(
      `»${PROPOSAL_NAME}« finansierer 8 af 12 anbefalinger; »${AGREEMENT_NAME}« finansierer også 8: ` +
        "anbefaling 1 får 1,6 mio. kr. mere i alt, anbefaling 2 får 7,0 mio. kr. mere i alt og anbefaling 8 får 2,8 mio. kr. mere i alt.",
    );
    const english = await coverage([PROPOSAL, AGREEMENT], "EN");
    expect(english.scenarios[1]!.summary).toBe(
      `“${PROPOSAL_NAME}” funds 8 of 12 recommendations; “${AGREEMENT_NAME}” also funds 8: ` +
        "recommendation 1 gets DKK 1.6 million more in all, recommendation 2 gets DKK 7.0 million more in all and recommendation 8 gets DKK 2.8 million more in all.",
    );
  });

  it("is on every scenario too, and beside a comparison", async () => {
    const { scenario } = await query(gql(`query($id: ID!) { scenario(id: $id) { recommendationCoverage(language: EN) { fundedCount summary recommendations { number status } } } }`), {
      id: globalId("Scenario", AGREEMENT),
    });
    expect(scenario!.recommendationCoverage.fundedCount).toBe(8);
    expect(scenario!.recommendationCoverage.summary).toBe(`“${AGREEMENT_NAME}” funds 8 of 12 recommendations; recommendations 4, 5, 6 and 11 get no money.`);

    const { compareScenarios } = await query(
      gql(`query($base: ID!, $others: [ID!]!) { compareScenarios(baseId: $base, otherIds: $others) {
        __typename ... on ScenarioComparison { coverage { scenarios { scenarioKey fundedCount summary recommendations { number total } } } } } }`),
      { base: PROPOSAL, others: [AGREEMENT] },
    );
    const [base, other] = firstEntries(asMember(compareScenarios, "ScenarioComparison").coverage.scenarios, 2);
    expect([base.scenarioKey, other.scenarioKey]).toEqual([PROPOSAL, AGREEMENT]);
    expect(byNumber(base, 2).total).toBe("29.8");
    expect(byNumber(other, 8).total).toBe("10.8");
    expect(other.summary).toMatch(/finansierer også 8: anbefaling 1 får 1,6 mio\. kr\. mere i alt/);
  });
});

describe("recommendationCoverage of a what-if", () => {
  it("loses recommendation 3 when its one line is set to zero, and says which recommendations changed", async () => {
    const whatIf = await fork(AGREEMENT, "Uden datavision");
    // Vision for sundhedsdata has 6,1 and 7,5 in 2024-25; Trial Nation gets 1,0 more in 2025 (4,7 → 5,7).
    const edit = asMember(await setAllocations({
      scenarioId: whatIf.key,
      expectedVersion: whatIf.version,
      cells: [
        { initiativeId: "sundhedsdata-vision", year: 2024, amount: "0" },
        { initiativeId: "sundhedsdata-vision", year: 2025, amount: "0" },
        { initiativeId: "trial-nation", year: 2025, amount: "5.7" },
      ],
    }), "ScenarioEdit");
    expect(edit.__typename).toBe("ScenarioEdit");

    const [agreement, changed] = firstEntries((await coverage([AGREEMENT, whatIf.key])).scenarios, 2);
    expect(agreement.fundedCount).toBe(8);
    expect(changed.fundedCount).toBe(7);
    expect(byNumber(changed, 3)).toMatchObject({ status: "LINES_WITHOUT_MONEY", funded: false, total: "0", initiativesNotInScenario: [] });
    expect(byNumber(changed, 3).lines.map((line) => line.initiativeKey)).toEqual(["sundhedsdata-vision"]);
    expect(amounts(byNumber(changed, 2))).toEqual(["9.2", "10.2", "9.2", "9.2"]);
    expect(changed.summary).toBe(
      `»${AGREEMENT_NAME}« finansierer 8 af 12 anbefalinger; »Uden datavision« finansierer 7: ` +
        "anbefaling 3 får ikke længere penge (før 13,6 mio. kr. i alt) og anbefaling 2 får 1,0 mio. kr. mere i alt.",
    );

    // The other way round: measured against the what-if, the agreement funds one more.
    const [, reversed] = firstEntries((await coverage([whatIf.key, AGREEMENT])).scenarios, 2);
    expect(reversed.summary).toBe(
      `»Uden datavision« finansierer 7 af 12 anbefalinger; »${AGREEMENT_NAME}« finansierer 8: ` +
        "anbefaling 3 får nu penge (13,6 mio. kr. i alt) og anbefaling 2 får 1,0 mio. kr. mindre i alt.",
    );

    // Removing the line leaves an initiative that answers it but is not in the scenario.
    const removed = await mutate("removeInitiative", "RemoveInitiativeInput", { scenarioId: whatIf.key, initiativeId: "sundhedsdata-vision", expectedVersion: edit.version });
    expect(removed.__typename).toBe("ScenarioEdit");
    const [alone] = firstEntries((await coverage([whatIf.key])).scenarios, 1);
    expect(byNumber(alone, 3)).toMatchObject({ status: "INITIATIVES_NOT_IN_SCENARIO", lines: [], initiativesNotInScenario: [{ key: "sundhedsdata-vision" }] });
    expect(alone.summary).toBe("»Uden datavision« finansierer 7 af 12 anbefalinger; anbefaling 3, 4, 5, 6 og 11 får ingen penge.");
  });

  it("reads a fixed number of statements for one scenario as for three", async () => {
    const copy = await fork(PROPOSAL, "Kopi");
    const one = await recordSql(() => coverage([AGREEMENT]));
    const three = await recordSql(() => coverage([AGREEMENT, PROPOSAL, copy.key]));
    expect(three.length).toBe(one.length);
    expect(one.length).toBeLessThanOrEqual(8);
  });
});

describe("recommendationCoverage refuses bad input, naming the argument", () => {
  const problems = async (ids: string[]) => {
    const { recommendationCoverage: result } = await query(COVERAGE, { ids });
    expect(result.__typename).toBe("InvalidInputError");
    return asMember(result, "InvalidInputError").problems.map((problem) => [problem.field, problem.code]);
  };

  it("an empty list, an unknown key, another type's ID, a blank, a duplicate and too many", async () => {
    expect(await problems([])).toEqual([["scenarioIds", "REQUIRED"]]);
    expect(await problems([AGREEMENT, "findes-ikke"])).toEqual([["scenarioIds[1]", "UNKNOWN_SCENARIO"]]);
    expect(await problems([globalId("Initiative", "vmk"), ""])).toEqual([
      ["scenarioIds[0]", "MALFORMED_ID"],
      ["scenarioIds[1]", "REQUIRED"],
    ]);
    // A key and the global ID of the same scenario are the same scenario.
    expect(await problems([AGREEMENT, PROPOSAL, globalId("Scenario", AGREEMENT)])).toEqual([["scenarioIds[2]", "SAME_SCENARIO"]]);
    const twelve = Array.from({ length: 12 }, (_, index) => (index % 2 ? PROPOSAL : AGREEMENT) + "-" + index);
    expect(await problems(twelve)).toContainEqual(["scenarioIds", "TOO_MANY_CELLS"]);
  });
});

describe("an initiative that answers two recommendations", () => {
  it("counts fully toward each, once in answeringAmounts, and the agreement then funds 9 of 12", async () => {
    // Not in the documents: link Trial Nation (4,7 a year) to recommendation 6 as well.
    await db.initiativeRecommendation.create({
      data: { initiativeId: "trial-nation", recommendationNumber: 6, basis: "SUBPOINT", quote: "(testens eget)", source: { document: "test", section: "test" } },
    });
    const [agreement] = firstEntries((await coverage([AGREEMENT])).scenarios, 1);
    expect(agreement.fundedCount).toBe(9);
    expect(byNumber(agreement, 6)).toMatchObject({ status: "FUNDED", total: "18.8" });
    expect(byNumber(agreement, 2).total).toBe("36.8");
    // Unchanged: Trial Nation's 4,7 is in 2024's 85,7 once.
    expect(amounts({ amounts: agreement.answeringAmounts })).toEqual(["85.7", "83.2", "78", "78.5"]);
  });
});
