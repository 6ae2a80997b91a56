/**
 * Recommendation coverage for one or more scenarios: the recommendations with their links and the
 * linked initiatives in one read (every answering line's initiative is a linked one, so nothing
 * else about initiatives is needed), the lines' cells from the caller, and the pure domain
 * arithmetic. A fixed number of statements however many scenarios or lines.
 */
import { recommendationCoverage, type CoverageLine, type Language, type ScenarioCoverage } from "@ramme/domain";
import type { Database } from "../db.ts";
import type { Initiative, Recommendation, Scenario } from "../generated/prisma/client.ts";
import { MAX_COMPARED } from "./comparison.ts";
import { ProblemList } from "./input.ts";
import { loadScenarioLines } from "./scenarioLines.ts";

/** As many scenarios as a comparison puts side by side: a base and its others. */
export const MAX_COVERAGE_SCENARIOS = MAX_COMPARED + 1;

export interface CoverageShape {
  years: number[];
  /** In the order asked; the first is the one the others are measured against. */
  scenarios: Scenario[];
  coverages: ScenarioCoverage[];
  recommendations: Map<number, Recommendation>;
  initiatives: Map<string, Initiative>;
  /** "number/initiativeId" → EXPLICIT or SUBPOINT. */
  basis: Map<string, string>;
  language: Language;
}

export const linkKey = (recommendationNumber: number, initiativeId: string) => `${recommendationNumber}/${initiativeId}`;

/** Coverage of scenarios whose lines are already in memory (a comparison has them). */
export async function coverageOf(
  client: Database,
  scenarios: Scenario[],
  years: number[],
  linesByScenario: ReadonlyMap<string, readonly CoverageLine[]>,
  language: Language,
): Promise<CoverageShape> {
  const recommendations = await client.recommendation.findMany({
    orderBy: { number: "asc" },
    include: { initiatives: { orderBy: { initiativeId: "asc" }, include: { initiative: true } } },
  });
  const links = recommendations.flatMap((recommendation) => recommendation.initiatives);
  return {
    years,
    scenarios,
    coverages: recommendationCoverage(
      recommendations.map((recommendation) => recommendation.number),
      links,
      scenarios.map((scenario) => ({ key: scenario.id, lines: linesByScenario.get(scenario.id) ?? [] })),
      years,
    ),
    recommendations: new Map(recommendations.map(({ initiatives: _links, ...recommendation }) => [recommendation.number, recommendation])),
    initiatives: new Map(links.map((link) => [link.initiativeId, link.initiative])),
    basis: new Map(links.map((link) => [linkKey(link.recommendationNumber, link.initiativeId), link.basis])),
    language,
  };
}

/** Coverage of scenarios read from the database, e.g. one scenario's own. */
export async function loadCoverage(client: Database, scenarios: Scenario[], years: number[], language: Language): Promise<CoverageShape> {
  const lines = await loadScenarioLines(client, scenarios.map((scenario) => scenario.id), years, { select: { id: true } });
  return coverageOf(client, scenarios, years, lines, language);
}

/** Checks the ids (global IDs or keys; known, distinct, of one frame, 1 to MAX_COVERAGE_SCENARIOS) and loads their coverage. */
export async function loadCoverageOfIds(client: Database, idTexts: readonly string[], language: Language): Promise<CoverageShape> {
  const problems = new ProblemList();
  // The length first: nothing else is done with a list that is too long (or empty).
  if (idTexts.length === 0) problems.add("scenarioIds", "REQUIRED", "name at least one scenario.");
  if (idTexts.length > MAX_COVERAGE_SCENARIOS) problems.add("scenarioIds", "TOO_MANY_CELLS", `at most ${MAX_COVERAGE_SCENARIOS} scenarios side by side (got ${idTexts.length}).`);
  problems.throwIfAny();
  const ids = idTexts.map((text, index) => problems.id(`scenarioIds[${index}]`, text, "Scenario"));
  const firstIndex = new Map<string, number>();
  ids.forEach((id, index) => {
    if (id === null) return;
    const earlier = firstIndex.get(id);
    if (earlier === undefined) firstIndex.set(id, index);
    else problems.add(`scenarioIds[${index}]`, "SAME_SCENARIO", `the scenario is already named at scenarioIds[${earlier}].`, idTexts[index]);
  });

  // Malformed IDs and unknown ones are listed together: the well-formed are looked up even when others are not.
  const rows = await client.scenario.findMany({ where: { id: { in: ids.filter((id): id is string => id !== null) } }, include: { frame: { include: { years: { orderBy: { year: "asc" } } } } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const first = ids[0] === null ? undefined : byId.get(ids[0]!);
  ids.forEach((id, index) => {
    if (id === null || (index > 0 && firstIndex.get(id) !== index)) return;
    const row = byId.get(id);
    if (!row) problems.add(`scenarioIds[${index}]`, "UNKNOWN_SCENARIO", `there is no scenario ${JSON.stringify(id)}.`, id);
    else if (first && row.frameId !== first.frameId) problems.add(`scenarioIds[${index}]`, "OTHER_FRAME", "this scenario divides another frame than the first.", id);
  });
  problems.throwIfAny();

  const scenarios = (ids as string[]).map((id) => {
    const { frame: _frame, ...scenario } = byId.get(id)!;
    return scenario;
  });
  return loadCoverage(client, scenarios, first!.frame.years.map((entry) => entry.year), language);
}
