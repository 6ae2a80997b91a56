/**
 * Lays the API's per-scenario coverage out as one table: per recommendation, its coverage in each
 * scenario, and under it every initiative that answers it, in each scenario its line or null where
 * the scenario does not have it. Pure, so it is unit-tested.
 */
import { graphql, type ResultOf } from "../../graphql.ts";

/** One scenario's coverage as the table is built from it. */
export const ScenarioCoverageFields = graphql(`
  fragment ScenarioCoverageFields on ScenarioRecommendationCoverage @_unmask {
    scenario { key name }
    fundedCount recommendationCount summary answeringTotal
    changes { number kind difference }
    recommendations {
      number title status funded total amounts { year amount }
      lines { initiative { key title } basis total amounts { year amount } }
      initiativesNotInScenario { key title }
    }
  }
`);

export type ScenarioCoverage = ResultOf<typeof ScenarioCoverageFields>;
export type RecommendationCoverage = ScenarioCoverage["recommendations"][number];
export type CoverageLine = RecommendationCoverage["lines"][number];
export type YearAmount = CoverageLine["amounts"][number];

export interface InitiativeRow {
  key: string;
  title: string;
  /** One per scenario, in the scenarios' order: its line, or null where the scenario does not have it. */
  lines: Array<CoverageLine | null>;
}

export interface RecommendationRow {
  number: number;
  title: string;
  /** One per scenario, in the scenarios' order. */
  coverages: RecommendationCoverage[];
  /** The change against the first scenario, per scenario (null for the first and where nothing changed). */
  changes: Array<ScenarioCoverage["changes"][number] | null>;
  initiatives: InitiativeRow[];
}

export function buildCoverageRows(scenarios: readonly ScenarioCoverage[]): RecommendationRow[] {
  const [first] = scenarios;
  if (!first) return [];
  return first.recommendations.map((recommendation, index) => {
    const coverages = scenarios.map((scenario) => scenario.recommendations[index]!);
    // Initiatives in the order the scenarios list their lines, then those no scenario has.
    const titles = new Map<string, string>();
    for (const coverage of coverages) for (const line of coverage.lines) titles.set(line.initiative.key, line.initiative.title);
    for (const coverage of coverages) for (const initiative of coverage.initiativesNotInScenario) if (!titles.has(initiative.key)) titles.set(initiative.key, initiative.title);
    return {
      number: recommendation.number,
      title: recommendation.title,
      coverages,
      changes: scenarios.map((scenario) => scenario.changes.find((change) => change.number === recommendation.number) ?? null),
      initiatives: [...titles].map(([key, title]) => ({
        key,
        title,
        lines: coverages.map((coverage) => coverage.lines.find((line) => line.initiative.key === key) ?? null),
      })),
    };
  });
}
