/**
 * The theme chart's series, built from the compare view's query for the government's proposal
 * against the agreement (fixtures/comparisonProposalAgreement.ts, recorded from the API); the
 * expected figures are worked out by hand from the two printed tables (tests/domain/fixtures/baselines.ts).
 */
import { mio } from "@ramme/domain";
import { describe, expect, it } from "vitest";
import { allocatedIn, axisScale, buildChartSeries, chartRows, FRAME_KEY, largestValue, toPlotted, type ChartSeries } from "../../client/src/features/chart/chartSeries.ts";
import { comparison, themes } from "./fixtures/comparisonProposalAgreement.ts";

const series = buildChartSeries(comparison, themes);
const years = [2024, 2025, 2026, 2027];
const amounts = (a: string, b: string, c: string, d: string) => [a, b, c, d].map((amount, index) => ({ year: years[index]!, amount: mio(amount) }));

describe("the theme chart's series: the proposal against the agreement", () => {
  it("has one series per scenario, the base first, each with the frame of 100 a year", () => {
    expect(series.map((one) => one.scenarioName)).toEqual(["Regeringens udspil (november 2024)", "Aftale om strategi for life science (21. november 2024)"]);
    for (const one of series) expect(one.frame).toEqual(amounts("100", "100", "100", "100"));
  });

  it("stacks the same five themes in display order in both, with each scenario's own subtotals", () => {
    const keys = ["forskning-sundhedsdata", "innovation", "produktion-investeringer", "international", "samarbejde"];
    expect(series[0]!.themes.map((theme) => theme.themeKey)).toEqual(keys);
    expect(series[1]!.themes.map((theme) => theme.themeKey)).toEqual(keys);
    expect(series[0]!.themes[0]!.title).toBe("Styrket forskning og bedre brug af sundhedsdata");

    // The proposal: forskning 3.5 + 4.7 + 6.1 + 1.0 = 15.3 in 2024 …; samarbejde 6.0 + the reserve 7.6 = 13.6 ….
    expect(series[0]!.themes.map((theme) => theme.amounts)).toEqual([
      amounts("15.3", "14.7", "9.7", "9.7"),
      amounts("11.9", "5.7", "9.5", "9.5"),
      amounts("11.5", "17.5", "17.5", "17.5"),
      amounts("46.8", "50", "50", "50"),
      amounts("13.6", "12.1", "13.3", "13.3"),
    ]);
    // The agreement: the six new lines in their themes, værdibaseret indkøb + 1.6 in 2024, no reserve.
    expect(series[1]!.themes.map((theme) => theme.amounts)).toEqual([
      amounts("16.3", "19.2", "14.2", "14.2"),
      amounts("13.5", "5.7", "9.5", "9.5"),
      amounts("13.5", "18.6", "19.3", "19.8"),
      amounts("49.6", "50.5", "51", "50"),
      amounts("6", "6", "6", "6.5"),
    ]);
    // The stacks are the allocations: 99.1 and 98.9 in 2024, 100 in 2025.
    expect([allocatedIn(series[0]!, 2024), allocatedIn(series[1]!, 2024), allocatedIn(series[1]!, 2025)]).toEqual([mio("99.1"), mio("98.9"), mio("100")]);
  });

  it("gives AG Charts one row per year, the amounts as plotted numbers", () => {
    expect(chartRows(series[0]!)[0]).toEqual({
      year: "2024",
      "forskning-sundhedsdata": 15.3,
      innovation: 11.9,
      "produktion-investeringer": 11.5,
      international: 46.8,
      samarbejde: 13.6,
      [FRAME_KEY]: 100,
    });
    expect(chartRows(series[1]!).map((row) => row.samarbejde)).toEqual([6, 6, 6, 6.5]);
  });

  it("shares one scale: the frame of 100 is the largest value, so the axis goes to 120 in steps of 20", () => {
    expect(largestValue(series)).toBe(mio("100"));
    expect(axisScale(largestValue(series))).toEqual({ max: 120, step: 20 });
  });

  it("has nothing to draw without a compared scenario", () => {
    expect(buildChartSeries({ years, base: { key: "b", name: "B" }, differences: [] }, themes)).toEqual([]);
  });
});

describe("the chart's scale", () => {
  it("rounds up to a step of 1, 2, 2.5 or 5 times a power of ten, one step above the largest value", () => {
    // 101.5 / 5 = 20.3 → step 25; 101.5 / 25 = 4.06 → 5 steps = 125.
    expect(axisScale(mio("101.5"))).toEqual({ max: 125, step: 25 });
    // 0.3 / 5 = 0.06 → step 0.1; exactly 3 steps, so a fourth above it: 0.4.
    expect(axisScale(mio("0.3"))).toEqual({ max: 0.4, step: 0.1 });
    expect(axisScale(0n)).toEqual({ max: 1, step: 0.2 });
  });

  it("converts to a number only for plotting, exactly for the amounts the planner holds", () => {
    expect(toPlotted(mio("1234.5"))).toBe(1234.5);
    expect(toPlotted(mio("0.1") + mio("0.2"))).toBe(0.3);
  });

  it("takes the largest stack when a scenario is over its frame", () => {
    const over: ChartSeries = {
      scenarioName: "Over",
      frame: [{ year: 2025, amount: mio("100") }],
      themes: [
        { themeKey: "a", title: "A", amounts: [{ year: 2025, amount: mio("60.5") }] },
        { themeKey: "b", title: "B", amounts: [{ year: 2025, amount: mio("41") }] },
      ],
    };
    expect(largestValue([over])).toBe(mio("101.5"));
  });
});
