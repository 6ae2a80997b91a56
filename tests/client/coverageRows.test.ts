/** The recommendations table's layout: each recommendation with every initiative that answers it in any scenario. */
import { describe, expect, it } from "vitest";
import { buildCoverageRows, type RecommendationCoverage, type ScenarioCoverage } from "../../client/src/features/recommendations/coverageRows.ts";

const amounts = (...values: string[]) => values.map((amount, index) => ({ year: 2024 + index, amount }));
const line = (key: string, ...values: string[]) => ({ initiative: { key, title: key.toUpperCase() }, basis: "SUBPOINT", amounts: amounts(...values), total: "0" });

function scenario(key: string, recommendations: Array<Partial<RecommendationCoverage>>, changes: ScenarioCoverage["changes"] = []): ScenarioCoverage {
  return {
    scenario: { key, name: key },
    fundedCount: 0,
    recommendationCount: recommendations.length,
    summary: "",
    answeringTotal: "0",
    changes,
    recommendations: recommendations.map((entry, index) => ({
      number: index + 1, title: `Anbefaling ${index + 1}`, status: "FUNDED", funded: true, amounts: [], total: "0", lines: [], initiativesNotInScenario: [], ...entry,
    })),
  };
}

describe("buildCoverageRows", () => {
  it("lists the lines of every scenario, then the initiatives no scenario has, with null where a scenario lacks the line", () => {
    const first = scenario("a", [{ lines: [line("vmk", "1")], initiativesNotInScenario: [{ key: "gebyr", title: "GEBYR" }, { key: "klinisk", title: "KLINISK" }] }]);
    const second = scenario("b", [{ lines: [line("vmk", "2"), line("klinisk", "1")], initiativesNotInScenario: [{ key: "gebyr", title: "GEBYR" }] }], [{ number: 1, kind: "MORE", difference: "2" }]);
    const [row] = buildCoverageRows([first, second]);
    expect(row!.initiatives.map((initiative) => [initiative.key, initiative.lines.map((entry) => entry?.amounts[0]?.amount ?? null)])).toEqual([
      ["vmk", ["1", "2"]],
      ["klinisk", [null, "1"]],
      ["gebyr", [null, null]],
    ]);
    expect(row!.changes).toEqual([null, { number: 1, kind: "MORE", difference: "2" }]);
  });

  it("gives a recommendation nothing answers no initiative rows", () => {
    const [row] = buildCoverageRows([scenario("a", [{ status: "NO_INITIATIVE", funded: false }])]);
    expect(row!.initiatives).toEqual([]);
    expect(buildCoverageRows([])).toEqual([]);
  });
});
