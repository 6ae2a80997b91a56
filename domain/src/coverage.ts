/**
 * Which of Life Science Rådet's recommendations a scenario puts money behind: per recommendation,
 * the scenario's lines whose initiatives answer it, with their amounts per year and in all.
 *
 * An initiative that answers two recommendations counts in full toward each, because that is what a
 * negotiator means by "recommendation 2 gets 29,8 mio. kr.". So the recommendations' totals overlap and
 * must never be added up across recommendations; `answeringAmounts` is the sum that may be told: each
 * answering line once.
 */
import { formatAmountIn, joinList, type Language } from "./describeComparison.ts";
import type { Oere } from "./money.ts";
import type { YearAmount } from "./totals.ts";

/** Evidence that an initiative answers a recommendation (the link's own order is kept). */
export interface RecommendationLink {
  recommendationNumber: number;
  initiativeId: string;
}

/** A scenario's line: the initiative and its amounts (a frame year without a cell counts as 0). */
export interface CoverageLine {
  initiativeId: string;
  amounts: readonly YearAmount[];
}

export interface CoverageScenario {
  key: string;
  lines: readonly CoverageLine[];
}

/**
 * FUNDED: a line that answers it has money in some year. LINES_WITHOUT_MONEY: lines answer it, but
 * with 0 in every year. INITIATIVES_NOT_IN_SCENARIO: initiatives answer it, but none is a line of the
 * scenario. NO_INITIATIVE: no initiative answers it at all.
 */
export type CoverageStatus = "FUNDED" | "LINES_WITHOUT_MONEY" | "INITIATIVES_NOT_IN_SCENARIO" | "NO_INITIATIVE";

/** A line of the scenario that answers the recommendation. */
export interface AnsweringLine {
  initiativeId: string;
  /** One per frame year, in year order. */
  amounts: YearAmount[];
  total: Oere;
}

export interface RecommendationCoverage {
  recommendationNumber: number;
  status: CoverageStatus;
  funded: boolean;
  /** The answering initiatives that are lines of the scenario, in the links' order (lines with 0 included). */
  lines: AnsweringLine[];
  /** Answering initiatives that are not lines of the scenario. */
  absentInitiativeIds: string[];
  /** Per frame year, the sum of `lines`. */
  amounts: YearAmount[];
  total: Oere;
}

/** How a recommendation fares in a scenario against the first scenario, over the whole period. */
export type CoverageChangeKind = "NEWLY_FUNDED" | "NO_LONGER_FUNDED" | "MORE" | "LESS" | "MOVED_BETWEEN_YEARS";

export interface CoverageChange {
  recommendationNumber: number;
  kind: CoverageChangeKind;
  /** The recommendation's total in the first scenario. */
  before: Oere;
  after: Oere;
  /** after - before. */
  difference: Oere;
}

export interface ScenarioCoverage {
  scenarioKey: string;
  /** One per recommendation, in the order given. */
  recommendations: RecommendationCoverage[];
  fundedCount: number;
  recommendationCount: number;
  /** Per frame year, the money of the lines that answer at least one recommendation, each line once. */
  answeringAmounts: YearAmount[];
  answeringTotal: Oere;
  /** Against the first scenario, every recommendation that fares differently; empty for the first. */
  changes: CoverageChange[];
}

/**
 * The coverage of each scenario, in the order given; the first is the one the others are measured
 * against. `recommendationNumbers` are all the recommendations (twelve), `links` every initiative's
 * link, `years` the frame's years.
 */
export function recommendationCoverage(
  recommendationNumbers: readonly number[],
  links: readonly RecommendationLink[],
  scenarios: readonly CoverageScenario[],
  years: readonly number[],
): ScenarioCoverage[] {
  const answeredBy = new Map<number, string[]>(recommendationNumbers.map((number) => [number, []]));
  for (const link of links) answeredBy.get(link.recommendationNumber)?.push(link.initiativeId);
  const answering = new Set(links.map((link) => link.initiativeId));

  const coverages = scenarios.map((scenario) => {
    const lines = new Map(scenario.lines.map((line) => [line.initiativeId, perYear(line.amounts, years)]));
    const recommendations = recommendationNumbers.map((number) => coverRecommendation(number, answeredBy.get(number)!, lines, years));
    const answeringLines = scenario.lines.filter((line) => answering.has(line.initiativeId)).map((line) => lines.get(line.initiativeId)!);
    const answeringAmounts = sumPerYear(answeringLines, years);
    return {
      scenarioKey: scenario.key,
      recommendations,
      fundedCount: recommendations.filter((recommendation) => recommendation.funded).length,
      recommendationCount: recommendations.length,
      answeringAmounts,
      answeringTotal: totalOf(answeringAmounts),
      changes: [] as CoverageChange[],
    };
  });
  const [first, ...others] = coverages;
  for (const other of others) other.changes = changesAgainst(first!, other);
  return coverages;
}

function coverRecommendation(number: number, initiativeIds: readonly string[], lines: ReadonlyMap<string, YearAmount[]>, years: readonly number[]): RecommendationCoverage {
  const present = initiativeIds.filter((id) => lines.has(id));
  const answeringLines = present.map((initiativeId) => {
    const amounts = lines.get(initiativeId)!;
    return { initiativeId, amounts, total: totalOf(amounts) };
  });
  const amounts = sumPerYear(answeringLines.map((line) => line.amounts), years);
  const funded = amounts.some((cell) => cell.amount > 0n);
  const status: CoverageStatus = funded
    ? "FUNDED"
    : present.length > 0
      ? "LINES_WITHOUT_MONEY"
      : initiativeIds.length > 0
        ? "INITIATIVES_NOT_IN_SCENARIO"
        : "NO_INITIATIVE";
  return {
    recommendationNumber: number,
    status,
    funded,
    lines: answeringLines,
    absentInitiativeIds: initiativeIds.filter((id) => !lines.has(id)),
    amounts,
    total: totalOf(amounts),
  };
}

/** One amount per frame year (cells outside the frame ignored, a missing year 0). */
function perYear(amounts: readonly YearAmount[], years: readonly number[]): YearAmount[] {
  return sumPerYear([amounts], years);
}

function sumPerYear(lines: ReadonlyArray<readonly YearAmount[]>, years: readonly number[]): YearAmount[] {
  const sums = new Map<number, Oere>(years.map((year) => [year, 0n]));
  for (const line of lines) {
    for (const cell of line) {
      const running = sums.get(cell.year);
      if (running !== undefined) sums.set(cell.year, running + cell.amount);
    }
  }
  return years.map((year) => ({ year, amount: sums.get(year)! }));
}

function totalOf(amounts: readonly YearAmount[]): Oere {
  return amounts.reduce((sum, cell) => sum + cell.amount, 0n);
}

const CHANGE_ORDER: readonly CoverageChangeKind[] = ["NEWLY_FUNDED", "NO_LONGER_FUNDED", "MORE", "LESS", "MOVED_BETWEEN_YEARS"];

/** The recommendations that fare differently, the headline kinds first, each kind by number. */
function changesAgainst(first: ScenarioCoverage, other: ScenarioCoverage): CoverageChange[] {
  const changes: CoverageChange[] = [];
  other.recommendations.forEach((after, index) => {
    const before = first.recommendations[index]!;
    const difference = after.total - before.total;
    const kind: CoverageChangeKind | null =
      !before.funded && after.funded
        ? "NEWLY_FUNDED"
        : before.funded && !after.funded
          ? "NO_LONGER_FUNDED"
          : difference > 0n
            ? "MORE"
            : difference < 0n
              ? "LESS"
              : after.amounts.some((cell, yearIndex) => cell.amount !== before.amounts[yearIndex]!.amount)
                ? "MOVED_BETWEEN_YEARS"
                : null;
    if (kind !== null) changes.push({ recommendationNumber: after.recommendationNumber, kind, before: before.total, after: after.total, difference });
  });
  return changes.sort((a, b) => CHANGE_ORDER.indexOf(a.kind) - CHANGE_ORDER.indexOf(b.kind) || a.recommendationNumber - b.recommendationNumber);
}

interface CoveragePhrases {
  list(items: readonly string[]): string;
  quote(name: string): string;
  withUnit(amountText: string): string;
  funds(name: string, funded: number, of: number): string;
  /** "anbefaling 4, 5 og 11" / "recommendations 4, 5 and 11". */
  recommendations(numbers: readonly number[]): string;
  noMoney(recommendations: string, count: number): string;
  otherFunds(name: string, funded: number, same: boolean): string;
  sameAmounts: string;
  change(kind: CoverageChangeKind, number: number, amount: string): string;
}

const danish: CoveragePhrases = {
  list: (items) => joinList(items, "og"),
  quote: (name) => `»${name}«`,
  withUnit: (amountText) => `${amountText} mio. kr.`,
  funds: (name, funded, of) => `${name} finansierer ${funded} af ${of} anbefalinger`,
  recommendations: (numbers) => `anbefaling ${joinList(numbers.map(String), "og")}`,
  noMoney: (recommendations) => `${recommendations} får ingen penge`,
  otherFunds: (name, funded, same) => `${name} finansierer ${same ? "også " : ""}${funded}`,
  sameAmounts: "med samme beløb i alt til hver",
  change: (kind, number, amount) =>
    ({
      NEWLY_FUNDED: `anbefaling ${number} får nu penge (${amount} i alt)`,
      NO_LONGER_FUNDED: `anbefaling ${number} får ikke længere penge (før ${amount} i alt)`,
      MORE: `anbefaling ${number} får ${amount} mere i alt`,
      LESS: `anbefaling ${number} får ${amount} mindre i alt`,
      MOVED_BETWEEN_YEARS: `anbefaling ${number} får det samme i alt, fordelt anderledes på årene`,
    })[kind],
};

const english: CoveragePhrases = {
  list: (items) => joinList(items, "and"),
  quote: (name) => `“${name}”`,
  withUnit: (amountText) => `DKK ${amountText} million`,
  funds: (name, funded, of) => `${name} funds ${funded} of ${of} recommendations`,
  recommendations: (numbers) => `${numbers.length === 1 ? "recommendation" : "recommendations"} ${joinList(numbers.map(String), "and")}`,
  noMoney: (recommendations, count) => `${recommendations} ${count === 1 ? "gets" : "get"} no money`,
  otherFunds: (name, funded, same) => `${name} ${same ? "also " : ""}funds ${funded}`,
  sameAmounts: "with the same amount in all for each",
  change: (kind, number, amount) =>
    ({
      NEWLY_FUNDED: `recommendation ${number} is now funded (${amount} in all)`,
      NO_LONGER_FUNDED: `recommendation ${number} is no longer funded (was ${amount} in all)`,
      MORE: `recommendation ${number} gets ${amount} more in all`,
      LESS: `recommendation ${number} gets ${amount} less in all`,
      MOVED_BETWEEN_YEARS: `recommendation ${number} gets the same in all, spread differently over the years`,
    })[kind],
};

const PHRASES: Record<Language, CoveragePhrases> = { da: danish, en: english };

/**
 * The coverage of `coverages[index]` in one plain sentence. The first scenario: how many
 * recommendations it funds and which get no money. Any other: that against the first, and which
 * recommendations now get money, no longer do, or get more or less over the period.
 */
export function describeCoverage(coverages: readonly ScenarioCoverage[], index: number, nameOf: (scenarioKey: string) => string, language: Language): string {
  const say = PHRASES[language];
  const first = coverages[0]!;
  const coverage = coverages[index]!;
  const firstPart = say.funds(say.quote(nameOf(first.scenarioKey)), first.fundedCount, first.recommendationCount);
  if (index === 0) {
    const unfunded = first.recommendations.filter((recommendation) => !recommendation.funded).map((recommendation) => recommendation.recommendationNumber);
    return unfunded.length === 0 ? `${firstPart}.` : `${firstPart}; ${say.noMoney(say.recommendations(unfunded), unfunded.length)}.`;
  }
  const otherPart = say.otherFunds(say.quote(nameOf(coverage.scenarioKey)), coverage.fundedCount, coverage.fundedCount === first.fundedCount);
  if (coverage.changes.length === 0) return `${firstPart}; ${otherPart}, ${say.sameAmounts}.`;
  const clauses = coverage.changes.map((change) => {
    const amount = change.kind === "NEWLY_FUNDED" ? change.after : change.kind === "NO_LONGER_FUNDED" ? change.before : change.difference < 0n ? -change.difference : change.difference;
    return say.change(change.kind, change.recommendationNumber, say.withUnit(formatAmountIn(language, amount)));
  });
  return `${firstPart}; ${otherPart}: ${say.list(clauses)}.`;
}
