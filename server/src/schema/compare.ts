/** compareScenarios: per line, per year, per theme, per scenario, and a plain-language account of the differences. */
import { describeComparison, type CellComparison, type LineComparison, type LineStatus, type PairComparison, type ThemeYearComparison, type YearFlow } from "@ramme/domain";
import { builder } from "../builder.ts";
import { signalOf } from "../cooperative.ts";
import { db } from "../db.ts";
import { scenarioArguments } from "../auth/access.ts";
import { loadComparison, MAX_COMPARED, type ComparisonLineShape, type ComparisonShape } from "../engine/comparison.ts";
import { InvalidInputError } from "../engine/errors.ts";
import { CommentRef } from "./history.ts";
import { InitiativeRef } from "./initiative.ts";

export const LanguageEnum = builder.enumType("Language", {
  description: "The language of generated text.",
  values: { DA: { description: "Danish (the default)." }, EN: { description: "English." } },
});

export const LineStatusEnum = builder.enumType("LineStatus", {
  description: "How a line differs between the base and another scenario.",
  values: {
    ADDED: { description: "Only the other scenario has the line." },
    REMOVED: { description: "Only the base has the line." },
    CHANGED: { description: "Both have it, with a different amount in at least one year." },
    UNCHANGED: { description: "Both have it, with the same amounts." },
  } satisfies Record<LineStatus, unknown>,
});

export const ComparedCellRef = builder.objectRef<CellComparison>("ComparedCell").implement({
  description: "One year of a line in the base and in another scenario. null = the line is absent there.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The year." }),
    base: t.expose("base", { description: "The base scenario's amount; null where it has no such line.", type: "Decimal", nullable: true }),
    other: t.expose("other", { description: "The compared scenario's amount; null where it has no such line.", type: "Decimal", nullable: true }),
    difference: t.expose("difference", { type: "Decimal", description: "other - base, an absent line counting as 0." }),
  }),
});

interface LineVersusShape {
  scenarioId: string;
  line: LineComparison;
  comments: ComparisonLineShape["versus"][number]["comments"];
}

const LineVersusRef = builder.objectRef<LineVersusShape>("LineVersus").implement({
  description: "A line in one compared scenario against the base.",
  fields: (t) => ({
    scenario: t.prismaField({
      type: "Scenario",
      description: "The compared scenario (one the caller may see: every compared scenario is checked before comparing).",
      resolve: (query, versus) => db.scenario.findUniqueOrThrow({ ...query, where: { id: versus.scenarioId } }),
    }),
    scenarioKey: t.exposeString("scenarioId", { description: "The compared scenario's key.", deprecationReason: "Use scenario { key }. Kept until 2027-06-30 (docs/api.md, Deprecation policy)." }),
    status: t.field({ description: "Whether the line was added, removed, changed or unchanged against the base.", type: LineStatusEnum, resolve: (versus) => versus.line.status }),
    cells: t.field({ description: "The line's amounts per year in both scenarios.", type: [ComparedCellRef], resolve: (versus) => versus.line.cells }),
    total: t.field({ type: "Decimal", nullable: true, description: "The line's total over the frame years in this scenario; null when absent.", resolve: (versus) => versus.line.otherTotal }),
    totalDifference: t.field({ description: "The difference of the line's totals (other - base).", type: "Decimal", resolve: (versus) => versus.line.totalDifference }),
    comments: t.field({
      type: [CommentRef],
      description: "Comments on this line in this scenario: the reasons given for its changes.",
      resolve: (versus) => versus.comments,
    }),
  }),
});

const ComparisonLineRef = builder.objectRef<ComparisonLineShape>("ComparisonLine").implement({
  description: "One initiative across the compared scenarios.",
  fields: (t) => ({
    initiative: t.field({ description: "The line's initiative.", type: InitiativeRef, resolve: (line) => line.initiative }),
    initiativeKey: t.string({ description: "The line's initiative's key.", deprecationReason: "Use initiative { key }. Kept until 2027-06-30 (docs/api.md, Deprecation policy).", resolve: (line) => line.initiative.id }),
    themeKey: t.string({ description: "The line's theme's key.", deprecationReason: "Use initiative { theme { key } }. Kept until 2027-06-30 (docs/api.md, Deprecation policy).", resolve: (line) => line.initiative.themeId }),
    inBase: t.boolean({ description: "True when the base scenario has the line.", resolve: (line) => line.base !== null }),
    baseTotal: t.expose("baseTotal", { type: "Decimal", nullable: true, description: "The line's total in the base; null when absent." }),
    versus: t.field({
      type: [LineVersusRef],
      description: "The line in each compared scenario (in the order of `others`), against the base.",
      resolve: (line) => line.versus.filter((entry): entry is LineVersusShape => entry.line !== null),
    }),
  }),
});

const ThemeYearRef = builder.objectRef<ThemeYearComparison>("ThemeYearDifference").implement({
  description: "A theme's subtotal in one year, in the base and the other scenario.",
  fields: (t) => ({
    themeKey: t.exposeString("themeId", { description: "The theme's key.", deprecationReason: "Use theme { key }. Kept until 2027-06-30 (docs/api.md, Deprecation policy)." }),
    theme: t.prismaField({ description: "The theme.", type: "Theme", resolve: (query, entry) => db.theme.findUniqueOrThrow({ ...query, where: { id: entry.themeId } }) }),
    year: t.exposeInt("year", { description: "The year." }),
    base: t.expose("base", { description: "The theme's subtotal in the base scenario.", type: "Decimal" }),
    other: t.expose("other", { description: "The theme's subtotal in the compared scenario.", type: "Decimal" }),
    difference: t.expose("difference", { description: "other - base.", type: "Decimal" }),
  }),
});

export const YearFlowRef = builder.objectRef<YearFlow>("YearDifference").implement({
  description: "One year of a comparison: the totals against the frame, and where the money moved.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The year." }),
    frame: t.expose("frame", { description: "The frame that year.", type: "Decimal" }),
    baseAllocated: t.expose("baseAllocated", { description: "What the base scenario allocates that year.", type: "Decimal" }),
    otherAllocated: t.expose("otherAllocated", { description: "What the compared scenario allocates that year.", type: "Decimal" }),
    baseHeadroom: t.expose("baseHeadroom", { description: "frame - baseAllocated.", type: "Decimal" }),
    otherHeadroom: t.expose("otherHeadroom", { description: "frame - otherAllocated.", type: "Decimal" }),
    released: t.expose("released", { type: "Decimal", description: "Sum of every decrease (removed lines included)." }),
    spent: t.expose("spent", { type: "Decimal", description: "Sum of every increase (added lines included)." }),
    net: t.expose("net", { type: "Decimal", description: "spent - released = otherAllocated - baseAllocated." }),
    releasedFromReserve: t.expose("releasedFromReserve", { type: "Decimal", description: "The part of released that came from reserve lines." }),
    baseOverBy: t.expose("baseOverBy", { type: "Decimal", description: "How much the base is over the frame; 0 when it fits." }),
    otherOverBy: t.expose("otherOverBy", { type: "Decimal", description: "How much the other scenario is over the frame; 0 when it fits." }),
  }),
});

interface PairShape {
  pair: PairComparison;
  titles: Map<string, string>;
}

export const LineCountsRef = builder.objectRef<Record<LineStatus, number>>("LineCounts").implement({
  description: "How many lines are added, removed, changed and unchanged.",
  fields: (t) => ({
    added: t.exposeInt("ADDED", { description: "Lines in the other scenario only." }),
    removed: t.exposeInt("REMOVED", { description: "Lines in the base scenario only." }),
    changed: t.exposeInt("CHANGED", { description: "Lines in both with different amounts." }),
    unchanged: t.exposeInt("UNCHANGED", { description: "Lines in both with the same amounts." }),
  }),
});

const PairRef = builder.objectRef<PairShape>("ScenarioDifference").implement({
  description: "One compared scenario against the base: counts, theme subtotals, the years, and the story in words.",
  fields: (t) => ({
    scenario: t.prismaField({ description: "The compared scenario.", type: "Scenario", resolve: (query, { pair }) => db.scenario.findUniqueOrThrow({ ...query, where: { id: pair.otherKey } }) }),
    counts: t.field({ description: "How many lines were added, removed, changed and unchanged.", type: LineCountsRef, resolve: ({ pair }) => pair.counts }),
    themes: t.field({ type: [ThemeYearRef], description: "Per theme and year, the subtotals and their difference.", resolve: ({ pair }) => pair.themes }),
    years: t.field({ description: "Per year, both scenarios' totals against the frame.", type: [YearFlowRef], resolve: ({ pair }) => pair.years }),
    yearsOverFrame: t.intList({ description: "The years the compared scenario breaks the frame.", resolve: ({ pair }) => pair.years.filter((year) => year.otherOverBy > 0n).map((year) => year.year) }),
    summary: t.stringList({
      description: "The differences in plain language: lines added, removed and changed, the reserve, where the money went each year, and the frame.",
      args: { language: t.arg({ description: "The language of the summary: DA or EN.", type: LanguageEnum, defaultValue: "DA" }) },
      resolve: ({ pair, titles }, args) => describeComparison(pair, (id) => titles.get(id) ?? id, args.language === "EN" ? "en" : "da"),
    }),
  }),
});

export const ComparisonRef = builder.objectRef<ComparisonShape>("ScenarioComparison").implement({
  description: "A base scenario against one or more others, line by line and year by year.",
  fields: (t) => ({
    base: t.prismaField({ description: "The scenario the others are compared with.", type: "Scenario", resolve: (query, shape) => db.scenario.findUniqueOrThrow({ ...query, where: { id: shape.base.id } }) }),
    others: t.prismaField({
      description: "The compared scenarios, in the order asked.",
      type: ["Scenario"],
      resolve: async (query, shape) => {
        const rows = await db.scenario.findMany({ ...query, where: { id: { in: shape.others.map((other) => other.id) } } });
        return shape.others.map((other) => rows.find((row) => row.id === other.id)!);
      },
    }),
    years: t.intList({ description: "The frame's years.", resolve: (shape) => shape.years }),
    baseYearsOverFrame: t.intList({
      description: "The years the base breaks the frame.",
      resolve: (shape) => shape.pairs[0]!.years.filter((year) => year.baseOverBy > 0n).map((year) => year.year),
    }),
    lines: t.field({ type: [ComparisonLineRef], description: "Every line of any compared scenario: the base's order, added lines where their scenario puts them.", resolve: (shape) => shape.lines }),
    differences: t.field({
      type: [PairRef],
      description: "Each compared scenario against the base, in the order of `others`.",
      resolve: (shape) => shape.pairs.map((pair) => ({ pair, titles: shape.titles })),
    }),
  }),
});

builder.queryField("compareScenarios", (t) =>
  t.field({
    type: ComparisonRef,
    description:
      "Compares one or more scenarios with a base: per initiative and year the amounts and the difference, lines added and removed, " +
      "per theme and year subtotals, the years each breaks the frame, and a plain-language summary. " +
      "Comparing the two baselines tells the negotiation from the government's proposal to the agreement.",
    errors: { types: [InvalidInputError] },
    args: {
      baseId: t.arg.id({ required: true, description: "The base: global ID or key." }),
      otherIds: t.arg.idList({ required: true, description: "Up to 10 scenarios to compare with the base." }),
      priceLevel: t.arg.int({ description: "Show every amount in this year's price level (see priceIndices); omitted: the frame's own (2024-pl)." }),
      baseVersion: t.arg.int({
        description:
          "Compare with the base as it was at this version (1 to its current one; UNKNOWN_VERSION otherwise), e.g. a what-if's parent at its forkedFromVersion: what the what-if changed since the fork, not counting the parent's later changes. Omitted: the base as it is now.",
      }),
    },
    authScopes: (_root, args) => ({ readScenarios: [{ field: "baseId", id: args.baseId }, ...scenarioArguments("otherIds", args.otherIds, MAX_COMPARED)] }),
    resolve: (_root, args, _context, info) => loadComparison(db, String(args.baseId), args.otherIds.map(String), args.priceLevel ?? null, args.baseVersion ?? null, signalOf(info)),
  }),
);
