/**
 * Recommendation coverage: which of Life Science Rådet's twelve recommendations a scenario funds,
 * through which lines and with how much, for one scenario (`Scenario.recommendationCoverage`),
 * side by side (`recommendationCoverage`) and beside a comparison (`ScenarioComparison.coverage`).
 */
import { describeCoverage, type AnsweringLine, type CoverageChange, type CoverageChangeKind, type CoverageLine, type CoverageStatus, type RecommendationCoverage, type ScenarioCoverage } from "@ramme/domain";
import { scenarioArguments } from "../auth/access.ts";
import { builder } from "../builder.ts";
import { db } from "../db.ts";
import { coverageOf, linkKey, loadCoverage, loadCoverageOfIds, MAX_COVERAGE_SCENARIOS, type CoverageShape } from "../engine/coverage.ts";
import { InvalidInputError } from "../engine/errors.ts";
import { ComparisonRef, LanguageEnum } from "./compare.ts";
import { InitiativeRef } from "./initiative.ts";
import { RecommendationRef } from "./recommendation.ts";
import { ScenarioRef, YearAmountRef } from "./scenario.ts";

const NOT_ADDITIVE =
  "An initiative that answers several recommendations counts in full toward each, so these totals overlap: " +
  "never add them up across recommendations (answeringAmounts counts each line once).";

const CoverageStatusEnum = builder.enumType("CoverageStatus", {
  description: "Whether a scenario puts money behind a recommendation, and if not, why not.",
  values: {
    FUNDED: { description: "A line that answers it has money in at least one year." },
    LINES_WITHOUT_MONEY: { description: "Lines of the scenario answer it, but with 0 in every year." },
    INITIATIVES_NOT_IN_SCENARIO: { description: "Initiatives answer it, but none of them is a line of this scenario." },
    NO_INITIATIVE: { description: "No initiative answers it at all." },
  } satisfies Record<CoverageStatus, unknown>,
});

const CoverageChangeKindEnum = builder.enumType("CoverageChangeKind", {
  description: "How a recommendation fares in a scenario against the first scenario, over the whole period.",
  values: {
    NEWLY_FUNDED: { description: "It gets money now, and got none in the first scenario." },
    NO_LONGER_FUNDED: { description: "It got money in the first scenario, and gets none now." },
    MORE: { description: "Funded in both, with a larger total now." },
    LESS: { description: "Funded in both, with a smaller total now." },
    MOVED_BETWEEN_YEARS: { description: "The same total, spread differently over the years." },
  } satisfies Record<CoverageChangeKind, unknown>,
});

interface InShape<T> {
  shape: CoverageShape;
  value: T;
}

interface LineInShape extends InShape<AnsweringLine> {
  recommendationNumber: number;
}

const RecommendationLineRef = builder.objectRef<LineInShape>("RecommendationLine").implement({
  description: "A line of the scenario whose initiative answers the recommendation, with its amounts.",
  fields: (t) => ({
    initiative: t.field({ description: "The line's initiative.", type: InitiativeRef, resolve: ({ shape, value }) => shape.initiatives.get(value.initiativeId)! }),
    initiativeKey: t.string({ description: "The line's initiative's key.", deprecationReason: "Use initiative { key }. Kept until 2027-06-30 (docs/api.md, Deprecation policy).", resolve: ({ value }) => value.initiativeId }),
    basis: t.string({
      description: "EXPLICIT: the text names the recommendation; SUBPOINT: a sub-point asks for what the initiative does.",
      resolve: ({ shape, value, recommendationNumber }) => shape.basis.get(linkKey(recommendationNumber, value.initiativeId))!,
    }),
    amounts: t.field({ type: [YearAmountRef], description: "One per frame year, in year order.", resolve: ({ value }) => value.amounts }),
    total: t.field({ type: "Decimal", description: "The line's total over the frame years.", resolve: ({ value }) => value.total }),
  }),
});

const RecommendationCoverageRef = builder.objectRef<InShape<RecommendationCoverage>>("RecommendationCoverage").implement({
  description: `One recommendation in one scenario: the lines that answer it and the money they get. ${NOT_ADDITIVE}`,
  fields: (t) => ({
    number: t.int({ description: '1-12, as in "Anbefaling 1".', resolve: ({ value }) => value.recommendationNumber }),
    title: t.string({ description: "The recommendation's title.", resolve: ({ shape, value }) => shape.recommendations.get(value.recommendationNumber)!.title }),
    recommendation: t.field({ description: "The recommendation.", type: RecommendationRef, resolve: ({ shape, value }) => shape.recommendations.get(value.recommendationNumber)! }),
    status: t.field({ description: "Whether the scenario funds it, and if not, why not.", type: CoverageStatusEnum, resolve: ({ value }) => value.status }),
    funded: t.boolean({ description: "True when an answering line has money in at least one year.", resolve: ({ value }) => value.funded }),
    amounts: t.field({
      type: [YearAmountRef],
      description: `Per frame year, the sum of the answering lines. ${NOT_ADDITIVE}`,
      resolve: ({ value }) => value.amounts,
    }),
    total: t.field({ type: "Decimal", description: `The sum of \`amounts\`. ${NOT_ADDITIVE}`, resolve: ({ value }) => value.total }),
    lines: t.field({
      type: [RecommendationLineRef],
      description: "The answering initiatives that are lines of this scenario (lines with 0 included), by initiative key.",
      resolve: ({ shape, value }) => value.lines.map((line) => ({ shape, value: line, recommendationNumber: value.recommendationNumber })),
    }),
    initiativesNotInScenario: t.field({
      type: [InitiativeRef],
      description: "Initiatives that answer the recommendation but are not lines of this scenario.",
      resolve: ({ shape, value }) => value.absentInitiativeIds.map((id) => shape.initiatives.get(id)!),
    }),
  }),
});

const CoverageChangeRef = builder.objectRef<CoverageChange>("RecommendationCoverageChange").implement({
  description: "A recommendation that fares differently than in the first scenario, over the whole period.",
  fields: (t) => ({
    number: t.exposeInt("recommendationNumber", { description: "The recommendation's number." }),
    kind: t.field({ description: "How its funding changed against the first scenario.", type: CoverageChangeKindEnum, resolve: (change) => change.kind }),
    before: t.expose("before", { type: "Decimal", description: "Its total in the first scenario." }),
    after: t.expose("after", { type: "Decimal", description: "Its total in this scenario." }),
    difference: t.expose("difference", { type: "Decimal", description: "after - before." }),
  }),
});

const ScenarioCoverageRef = builder.objectRef<InShape<ScenarioCoverage> & { index: number }>("ScenarioRecommendationCoverage").implement({
  description: "Which of Life Science Rådet's recommendations one scenario funds, and with how much.",
  fields: (t) => ({
    scenario: t.field({ description: "The scenario.", type: ScenarioRef, resolve: ({ shape, index }) => shape.scenarios[index]! }),
    scenarioKey: t.string({ description: "The scenario's key.", deprecationReason: "Use scenario { key }. Kept until 2027-06-30 (docs/api.md, Deprecation policy).", resolve: ({ value }) => value.scenarioKey }),
    fundedCount: t.int({ description: "How many recommendations get money.", resolve: ({ value }) => value.fundedCount }),
    recommendationCount: t.int({ description: "How many recommendations there are (12).", resolve: ({ value }) => value.recommendationCount }),
    recommendations: t.field({
      type: [RecommendationCoverageRef],
      description: `Every recommendation, in number order, funded or not. ${NOT_ADDITIVE}`,
      resolve: ({ shape, value }) => value.recommendations.map((recommendation) => ({ shape, value: recommendation })),
    }),
    answeringAmounts: t.field({
      type: [YearAmountRef],
      description: "Per frame year, the money of the lines that answer at least one recommendation, each line counted once.",
      resolve: ({ value }) => value.answeringAmounts,
    }),
    answeringTotal: t.field({ type: "Decimal", description: "The sum of `answeringAmounts`.", resolve: ({ value }) => value.answeringTotal }),
    changes: t.field({
      type: [CoverageChangeRef],
      description: "Against the first scenario side by side: each recommendation that now gets money, no longer does, gets more or less, or the same spread differently. Empty for the first.",
      resolve: ({ value }) => value.changes,
    }),
    summary: t.string({
      description:
        'In plain language, in the language asked for: for the first scenario how many recommendations it funds and which get no money; for any other, that against the first ("»Aftalen« finansierer 8 af 12 anbefalinger; »Mere til VMK« finansierer 9: anbefaling 4 får nu penge …").',
      resolve: ({ shape, index }) =>
        describeCoverage(shape.coverages, index, (key) => shape.scenarios.find((scenario) => scenario.id === key)!.name, shape.language),
    }),
  }),
});

const CoverageComparisonRef = builder.objectRef<CoverageShape>("RecommendationCoverageComparison").implement({
  description: "Several scenarios' recommendation coverage side by side, each against the first.",
  fields: (t) => ({
    years: t.intList({ description: "The frame's years.", resolve: (shape) => shape.years }),
    scenarios: t.field({
      type: [ScenarioCoverageRef],
      description: "One per scenario, in the order asked; each lists the recommendations in the same order.",
      resolve: (shape) => scenarioEntries(shape),
    }),
  }),
});

function scenarioEntries(shape: CoverageShape) {
  return shape.coverages.map((value, index) => ({ shape, value, index }));
}

const language = (value: "DA" | "EN" | null | undefined) => (value === "EN" ? "en" : "da");

builder.queryField("recommendationCoverage", (t) =>
  t.field({
    type: CoverageComparisonRef,
    description:
      `Life Science Rådet's twelve recommendations in each scenario: the lines that answer each, their money per year and in all, ` +
      `which get no money and why, and how each scenario fares against the first, in words. ${NOT_ADDITIVE}`,
    errors: { types: [InvalidInputError] },
    args: {
      scenarioIds: t.arg.idList({ required: true, description: `1 to ${MAX_COVERAGE_SCENARIOS} distinct scenarios (global IDs or keys) of one frame; the first is the one the others are measured against.` }),
      language: t.arg({ type: LanguageEnum, defaultValue: "DA", description: "The language of `summary`." }),
    },
    authScopes: (_root, args) => ({ readScenarios: scenarioArguments("scenarioIds", args.scenarioIds, MAX_COVERAGE_SCENARIOS) }),
    resolve: (_root, args) => loadCoverageOfIds(db, args.scenarioIds.map(String), language(args.language)),
  }),
);

builder.prismaObjectField(ScenarioRef, "recommendationCoverage", (t) =>
  t.field({
    type: ScenarioCoverageRef,
    description: `Which of Life Science Rådet's twelve recommendations this scenario funds, through which lines, with how much. ${NOT_ADDITIVE}`,
    args: { language: t.arg({ type: LanguageEnum, defaultValue: "DA", description: "The language of `summary`." }) },
    select: { frame: { select: { years: { orderBy: { year: "asc" } } } } },
    resolve: async ({ frame, ...scenario }, args) => {
      const shape = await loadCoverage(db, [scenario], frame.years.map((entry) => entry.year), language(args.language));
      return scenarioEntries(shape)[0]!;
    },
  }),
);

builder.objectField(ComparisonRef, "coverage", (t) =>
  t.field({
    type: CoverageComparisonRef,
    description: `The recommendation coverage of the base and each compared scenario, the others measured against the base. ${NOT_ADDITIVE}`,
    args: { language: t.arg({ type: LanguageEnum, defaultValue: "DA", description: "The language of `summary`." }) },
    resolve: async (comparison, args) => {
      const ids = [comparison.base.id, ...comparison.others.map((other) => other.id)];
      const rows = await db.scenario.findMany({ where: { id: { in: ids } } });
      // The comparison has every line's cells already: the base's from the first pair, each other's from its pair.
      const lines = new Map<string, CoverageLine[]>();
      const linesOf = (side: "base" | "other", pair: (typeof comparison.pairs)[number]) =>
        pair.lines
          .filter((line) => (side === "base" ? line.baseTotal : line.otherTotal) !== null)
          .map((line) => ({ initiativeId: line.initiativeId, amounts: line.cells.map((cell) => ({ year: cell.year, amount: cell[side]! })) }));
      lines.set(comparison.base.id, linesOf("base", comparison.pairs[0]!));
      for (const pair of comparison.pairs) lines.set(pair.otherKey, linesOf("other", pair));
      return coverageOf(db, ids.map((id) => rows.find((row) => row.id === id)!), comparison.years, lines, language(args.language));
    },
  }),
);
