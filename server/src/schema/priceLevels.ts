/**
 * Price levels: the price index table (read, enter, correct, remove) and amounts shown in another
 * year's price level — a scenario (Scenario.inPriceLevel), a comparison and the exports
 * (their priceLevel argument). Conversions are views; nothing stored changes.
 */
import { DOCUMENTS_ACTOR } from "../seed/seedDatabase.ts";
import { convertsExactly, formatIndexValue, frameYearTotals, allocatedByYear, convertYearAmounts, type FrameYearTotal } from "@ramme/domain";
import { ADMIN_ONLY } from "../auth/refusal.ts";
import { builder } from "../builder.ts";
import { db } from "../db.ts";
import { InvalidInputError } from "../engine/errors.ts";
import { baseYearOf, convertLine, priceLevelFor, removePriceIndex, setPriceIndex, type PriceLevelShape } from "../engine/priceLevels.ts";
import { loadScenarioLines, type ScenarioLineShape } from "../engine/scenarioLines.ts";
import type { PriceIndex, PriceIndexChange } from "../generated/prisma/client.ts";
import { ComparisonRef } from "./compare.ts";
import { ExportFileRef } from "./exchange.ts";
import { FrameYearTotalRef, YEAR_TOTAL_SHAPE_DEPRECATION } from "./live.ts";
import { FundingLineRef, ScenarioRef, YearTotalRef } from "./scenario.ts";
import { scenarioYearTotals, type YearTotalShape } from "../engine/yearTotals.ts";

const PriceIndexRef = builder.objectRef<PriceIndex & { isBase: boolean }>("PriceIndex").implement({
  description: "A year's price index (the frame's base year = 100), with where the figure comes from and who entered it.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The year the index is for." }),
    label: t.string({ description: 'The price level it gives: "2025-pl".', resolve: (row) => `${row.year}-pl` }),
    value: t.exposeString("value", { description: 'The index, exact, with "." as decimal point: "103.2".' }),
    source: t.exposeString("source", { description: "Where the figure comes from." }),
    isBase: t.exposeBoolean("isBase", { description: "The frame's own price level: 100 by definition, never changed or removed." }),
    updatedBy: t.exposeString("updatedBy", { description: "Who entered it last (the documents, for the base year)." }),
    updatedAt: t.expose("updatedAt", { description: "When it was last entered.", type: "DateTime" }),
  }),
});

const PriceIndexChangeRef = builder.objectRef<PriceIndexChange>("PriceIndexChange").implement({
  description: "One change to the price index table: an index entered, corrected or removed.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The year changed." }),
    before: t.exposeString("before", { nullable: true, description: "The value before; null when the year had none." }),
    after: t.exposeString("after", { nullable: true, description: "The value after; null when it was removed." }),
    source: t.exposeString("source", { description: "The source given with the change." }),
    actor: t.exposeString("actor", { description: "Who made the change." }),
    at: t.expose("at", { description: "When.", type: "DateTime" }),
  }),
});

const PriceRoundingEnum = builder.enumType("PriceRounding", {
  description: "How a converted amount is rounded to whole øre.",
  values: { HALF_AWAY_FROM_ZERO: { description: "Once per amount, to the nearest øre; exactly half an øre away from zero (0.5 → 1, -0.5 → -1)." } },
});

export const PriceLevelRef = builder.objectRef<PriceLevelShape>("PriceLevel").implement({
  description:
    "The price level amounts are shown in. Each amount shown = stored amount (in baseLabel) × index / baseIndex, rounded once to whole øre; " +
    "totals are sums of the converted amounts. Stored amounts never change: another level is a view of them.",
  fields: (t) => ({
    label: t.exposeString("label", { description: '"2026-pl".' }),
    year: t.exposeInt("year", { description: "The year whose price level amounts are shown in." }),
    index: t.string({ description: 'The year\'s index: "103.2".', resolve: (level) => formatIndexValue(level.index) }),
    source: t.exposeString("source", { description: "Where the year's index comes from." }),
    baseLabel: t.exposeString("baseLabel", { description: 'The frame\'s own price level, which amounts are stored in: "2024-pl".' }),
    baseYear: t.exposeInt("baseYear", { description: "The year amounts are stored in (the frame's price level)." }),
    baseIndex: t.string({ description: 'The base year\'s index: "100".', resolve: (level) => formatIndexValue(level.baseIndex) }),
    baseSource: t.exposeString("baseSource", { description: "Where the base year's index comes from." }),
    ratio: t.string({ description: 'index / baseIndex in lowest terms: "129/125". "1/1" for the base level.', resolve: (level) => `${level.ratio.numerator}/${level.ratio.denominator}` }),
    rounding: t.field({ description: "How converted amounts are rounded.", type: PriceRoundingEnum, resolve: () => "HALF_AWAY_FROM_ZERO" as const }),
    isBase: t.boolean({ description: "True when the amounts are the stored ones.", resolve: (level) => level.ratio.numerator === level.ratio.denominator }),
  }),
});

interface PricedScenarioShape {
  priceLevel: PriceLevelShape;
  lines: ScenarioLineShape[];
  yearTotals: FrameYearTotal[];
  totals: YearTotalShape[];
  roundedAmounts: number;
}

const PricedScenarioRef = builder.objectRef<PricedScenarioShape>("PricedScenario").implement({
  description: "A scenario's lines and totals shown in one price level: each line's amounts converted one by one, totals summed from them, the frame converted the same way.",
  fields: (t) => ({
    priceLevel: t.field({ description: "The price level and how amounts were converted to it.", type: PriceLevelRef, resolve: (view) => view.priceLevel }),
    lines: t.field({ type: [FundingLineRef], description: "The scenario's lines, in order, in this price level.", resolve: (view) => view.lines }),
    yearTotals: t.field({
      type: [FrameYearTotalRef],
      description: "Per frame year: the sum of the converted lines, the converted frame and the headroom between them.",
      deprecationReason: YEAR_TOTAL_SHAPE_DEPRECATION,
      resolve: (view) => view.yearTotals,
    }),
    totals: t.field({
      type: [YearTotalRef],
      description:
        "Per frame year, in the shape of Scenario.yearTotals: the sum of the converted lines, the converted frame and the headroom between them. " +
        "`outsideFrame` lists the documents' notes as stated (in the base level); `statedTotal` and `statedTotalCheck` are the document's, so given only in the base level.",
      resolve: (view) => view.totals,
    }),
    roundedAmounts: t.int({
      description: "How many of the stored amounts (cells and frame years) did not convert to whole øre and were rounded; 0: every figure is exact.",
      resolve: (view) => view.roundedAmounts,
    }),
  }),
});

builder.prismaObjectField(ScenarioRef, "inPriceLevel", (t) =>
  t.field({
    type: PricedScenarioRef,
    description: "The scenario's lines and totals in another year's price level (one with an index in priceIndices). The stored amounts are the base level's.",
    errors: { types: [InvalidInputError] },
    args: { year: t.arg.int({ required: true, description: "The price level's year: 2026 for 2026-pl." }) },
    select: { frame: { select: { priceLevel: true, years: { orderBy: { year: "asc" } } } } },
    resolve: async (scenario, args) => {
      const level = await priceLevelFor(db, scenario.frame.priceLevel, args.year, "year");
      const years = scenario.frame.years.map((entry) => entry.year);
      const stored = (await loadScenarioLines(db, [scenario.id], years)).get(scenario.id)!;
      const lines = stored.map((line) => convertLine(line, level));
      const frame = convertYearAmounts(scenario.frame.years, level.ratio);
      const storedAmounts = [...stored.flatMap((line) => line.amounts), ...scenario.frame.years].map((cell) => cell.amount);
      const allocated = allocatedByYear(lines, years);
      const isBase = level.ratio.numerator === level.ratio.denominator;
      return {
        priceLevel: level,
        lines,
        yearTotals: frameYearTotals(frame, allocated),
        totals: await scenarioYearTotals(db, scenario.id, frame, allocated, isBase),
        roundedAmounts: storedAmounts.filter((amount) => !convertsExactly(amount, level.ratio)).length,
      };
    },
  }),
);

builder.objectField(ComparisonRef, "priceLevel", (t) =>
  t.field({
    type: PriceLevelRef,
    description: "The price level every amount of the comparison is in.",
    resolve: (shape) => shape.priceLevel ?? priceLevelFor(db, shape.framePriceLevel, null, "priceLevel"),
  }),
);

builder.objectField(ExportFileRef, "priceLevel", (t) =>
  t.field({ type: PriceLevelRef, description: "The price level the file's amounts are in.", resolve: (file) => file.priceLevel }),
);

builder.queryField("priceIndices", (t) =>
  t.field({
    type: [PriceIndexRef],
    description: "The price index table, by year: the frame's base year (100) and every year someone has entered.",
    resolve: async () => {
      const [rows, frames] = await Promise.all([db.priceIndex.findMany({ orderBy: { year: "asc" } }), db.frame.findMany({ where: { createdBy: DOCUMENTS_ACTOR }, select: { priceLevel: true } })]);
      const baseYears = new Set(frames.map((frame) => baseYearOf(frame.priceLevel)));
      return rows.map((row) => ({ ...row, isBase: baseYears.has(row.year) }));
    },
  }),
);

builder.queryField("priceIndexChanges", (t) =>
  t.field({
    type: [PriceIndexChangeRef],
    description: "Every change to the price index table, newest first; only one year's when `year` is given.",
    args: { year: t.arg.int({ description: "Only the changes of this year; all when omitted." }) },
    resolve: (_root, args) =>
      db.priceIndexChange.findMany({ where: args.year === null || args.year === undefined ? {} : { year: args.year }, orderBy: { id: "desc" } }),
  }),
);

const SetPriceIndexInput = builder.inputType("SetPriceIndexInput", {
  description: "A year's price index and where it comes from.",
  fields: (t) => ({
    year: t.int({ required: true, description: "1950 to 2100, not the frame's base year." }),
    value: t.string({ required: true, description: 'Positive, at most 4 decimals, "103,2" or "103.2".' }),
    source: t.string({ required: true, description: 'Where the figure comes from, e.g. "Finansministeriets pris- og lønskøn, august 2025".' }),
  }),
});

const RemovePriceIndexInput = builder.inputType("RemovePriceIndexInput", {
  description: "The year whose index to remove.",
  fields: (t) => ({ year: t.int({ description: "The year whose index to remove (not the base year).", required: true }) }),
});

/** What every change to the price index table shares: admins only (a READ_WRITE token of one too), typed input errors. */
const INDEX_TABLE_EDIT = { ...ADMIN_ONLY, errors: { types: [InvalidInputError] } };

builder.mutationField("setPriceIndex", (t) =>
  t.field({
    ...INDEX_TABLE_EDIT,
    type: PriceIndexRef,
    description: "Admins only: enters or corrects a year's price index with its source. Refused for the frame's base year. Recorded with who and when (priceIndexChanges).",
    args: { input: t.arg({ description: "The mutation's input.", type: SetPriceIndexInput, required: true }) },
    resolve: async (_root, { input }, context) => ({ ...(await setPriceIndex(input, context.actor)), isBase: false }),
  }),
);

builder.mutationField("removePriceIndex", (t) =>
  t.field({
    ...INDEX_TABLE_EDIT,
    type: PriceIndexRef,
    description: "Admins only: removes a year's price index (answering it as it was). Refused for the frame's base year. Recorded with who and when.",
    args: { input: t.arg({ description: "The mutation's input.", type: RemovePriceIndexInput, required: true }) },
    resolve: async (_root, { input }, context) => ({ ...(await removePriceIndex(input, context.actor)), isBase: false }),
  }),
);
