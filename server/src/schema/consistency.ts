/** consistencyReport: a baseline's document checked against itself — printed totals, the text's amounts, split rows, noted discrepancies. */
import {
  describeConsistencyCheck,
  type ConsistencyCheck,
  type ConsistencyCheckKind,
  type ConsistencyCounts,
  type ConsistencyStatus,
  type NotComparableReason,
} from "@ramme/domain";
import { builder } from "../builder.ts";
import { db } from "../db.ts";
import { loadConsistencyReport, type ConsistencyReportShape } from "../engine/consistency.ts";
import { InvalidInputError } from "../engine/errors.ts";
import { LanguageEnum } from "./compare.ts";
import { OutsideFrameAmountRef } from "./frame.ts";
import { InitiativeRef, InitiativeSubLineRef, StatedAmountRef } from "./initiative.ts";
import { FootnoteRef } from "./scenario.ts";
import { asSource, SourceReference } from "./source.ts";

const CheckKindEnum = builder.enumType("ConsistencyCheckKind", {
  description: "What a consistency check compares.",
  values: {
    STATED_TOTAL: { description: 'The table\'s printed total ("I alt") for a year against the sum of its lines.' },
    TEXT_FRAME: { description: "The text states the whole frame for a year; against the sum of all the table's lines." },
    TEXT_PER_YEAR: { description: "An amount the text states for each year of a range, against its line(s) in one year (one check per year)." },
    TEXT_PERIOD_TOTAL: { description: 'An amount the text states over a period ("i alt 7,2 mio. kr. i perioden 2024-27"), against its line(s) summed over the period.' },
    TEXT_UNSTATED_YEAR: { description: "A line has money in a year for which the text, which speaks of the line, states no amount." },
    TEXT_SPLIT: { description: "The parts the text splits a row into (two recipients), summed, against the row in one year." },
    TEXT_OF_WHICH: { description: 'An "of which" ("Heraf") the text names within a row, against the row in one year: it must fit.' },
    OUTSIDE_FRAME: { description: "Money the document states beside the frame: listed, never compared with the lines." },
  } satisfies Record<ConsistencyCheckKind, unknown>,
});

const StatusEnum = builder.enumType("ConsistencyStatus", {
  description: "How what a document states compares with its table.",
  values: {
    MATCHES: { description: "The figures agree (an “of which” fits in its row)." },
    EXPLAINED: { description: "They differ, and the document's footnotes account for the whole difference." },
    PARTLY_EXPLAINED: { description: "They differ, and the footnotes account for part of it." },
    UNEXPLAINED: { description: "They differ, and nothing in the document explains it." },
    NOT_COMPARABLE: { description: "Not compared with the table; `reason` says why." },
  } satisfies Record<ConsistencyStatus, unknown>,
});

const ReasonEnum = builder.enumType("NotComparableReason", {
  description: "Why a statement is not compared with the table.",
  values: {
    OUTSIDE_FRAME: { description: "The money is outside the frame (another agreement's, co-financing…): no line of the table holds it." },
    PART_OF_LINE: { description: "A part of a row the table does not print on its own; the parts are checked by TEXT_SPLIT / TEXT_OF_WHICH." },
    NO_TABLE_LINE: { description: "The statement names no line of this table." },
  } satisfies Record<NotComparableReason, unknown>,
});

interface CheckShape {
  check: ConsistencyCheck;
  report: ConsistencyReportShape;
}

const CheckRef = builder.objectRef<CheckShape>("ConsistencyCheck").implement({
  description: "One statement of the document against the table's lines, with the difference to the øre and where it comes from.",
  fields: (t) => ({
    kind: t.field({ description: "What is checked.", type: CheckKindEnum, resolve: ({ check }) => check.kind }),
    status: t.field({ description: "How it came out.", type: StatusEnum, resolve: ({ check }) => check.status }),
    reason: t.field({ type: ReasonEnum, nullable: true, description: "Why the check is NOT_COMPARABLE; null otherwise.", resolve: ({ check }) => check.reason }),
    fromYear: t.int({ nullable: true, description: "The first year the statement covers (a single year: fromYear = toYear).", resolve: ({ check }) => check.fromYear }),
    toYear: t.int({ description: "The last year the check covers.", nullable: true, resolve: ({ check }) => check.toYear }),
    stated: t.field({ type: "Decimal", nullable: true, description: "What the document states; null where the text states nothing.", resolve: ({ check }) => check.stated }),
    computed: t.field({ type: "Decimal", nullable: true, description: "The table's figure for the same thing, summed from its lines; null when not comparable.", resolve: ({ check }) => check.computed }),
    difference: t.field({
      type: "Decimal",
      nullable: true,
      description: "stated - computed, a missing statement counting as 0; null when not comparable.",
      resolve: ({ check }) => check.difference,
    }),
    explained: t.field({ type: "Decimal", description: "The part of the difference the document's footnotes account for.", resolve: ({ check }) => check.explained }),
    unexplained: t.field({ type: "Decimal", nullable: true, description: "difference - explained.", resolve: ({ check }) => check.unexplained }),
    initiatives: t.field({
      type: [InitiativeRef],
      description: "The lines the statement is about (empty for the whole table).",
      resolve: ({ check, report }) => check.initiativeIds.map((id) => report.initiatives.get(id)!),
    }),
    subLines: t.field({
      type: [InitiativeSubLineRef],
      description: "The parts of a row the check is about.",
      resolve: ({ check, report }) => check.subLineIds.map((id) => report.subLines.get(id)!),
    }),
    statedAmount: t.field({
      type: StatedAmountRef,
      nullable: true,
      description: "The text's stated amount the check comes from.",
      resolve: ({ check, report }) => (check.statedAmountId === null ? null : report.statedAmounts.get(check.statedAmountId)!),
    }),
    source: t.field({
      type: SourceReference,
      description: "Where the statement is: paragraph, section and the sentence or cell as printed.",
      resolve: ({ check, report }) => ({
        document: report.documentFile,
        section: check.source.section,
        ...(check.source.paragraph === null ? {} : { paragraph: check.source.paragraph }),
        ...(check.source.quote === null ? {} : { quote: check.source.quote }),
      }),
    }),
    footnotes: t.field({
      type: [FootnoteRef],
      description: "The table's footnotes attached to the statement.",
      resolve: ({ check, report }) => report.footnotes.filter((note) => check.footnotes.some((entry) => entry.marker === note.marker)),
    }),
    explainedBy: t.field({
      type: [OutsideFrameAmountRef],
      description: "For a printed total: the amounts beside the lines its footnotes say it includes. For OUTSIDE_FRAME: the money listed.",
      resolve: ({ check, report }) => check.explainedBy.map((id) => report.outsideFrame.get(id)!),
    }),
    note: t.string({ nullable: true, description: "The transcriber's note on how the statement was read.", resolve: ({ check }) => check.note }),
    explanation: t.string({
      description: "The check in one sentence, with its exact figures.",
      args: { language: t.arg({ description: "The language of the explanation: DA or EN.", type: LanguageEnum, defaultValue: "DA" }) },
      resolve: ({ check, report }, args) =>
        describeConsistencyCheck(
          check,
          {
            titleOf: (id) => report.initiatives.get(id)?.title ?? id,
            subLineTitleOf: (id) => report.subLines.get(id)?.title ?? id,
            outsideFrameOf: (id) => report.outsideFrame.get(id)!,
          },
          args.language === "EN" ? "en" : "da",
        ),
    }),
  }),
});

const CountsRef = builder.objectRef<ConsistencyCounts>("ConsistencyCounts").implement({
  description: "How many checks have each status.",
  fields: (t) => ({
    matches: t.exposeInt("MATCHES", { description: "Checks that match." }),
    explained: t.exposeInt("EXPLAINED", { description: "Differences a footnote explains." }),
    partlyExplained: t.exposeInt("PARTLY_EXPLAINED", { description: "Differences a footnote explains in part." }),
    unexplained: t.exposeInt("UNEXPLAINED", { description: "Differences nothing explains." }),
    notComparable: t.exposeInt("NOT_COMPARABLE", { description: "Checks that cannot be compared." }),
  }),
});

const DiscrepancyRef = builder.prismaObject("Discrepancy", {
  description: "A difference between the document's text and its table that a reader noted (a row's label, its heading, a cell's notation): what no sum can check. As transcribed.",
  fields: (t) => ({
    position: t.exposeInt("position", { description: "Its order in the report." }),
    location: t.exposeString("location", { description: "Where in the document." }),
    textQuote: t.exposeString("textQuote", { description: "What the text says, verbatim." }),
    tableQuote: t.exposeString("tableQuote", { description: "What the table prints, verbatim." }),
    explanation: t.exposeString("explanation", { description: "The difference, as the transcriber noted it (English)." }),
    source: t.field({ description: "Where in the document it is.", type: SourceReference, resolve: (row) => asSource(row.source) }),
  }),
});

const ReportRef = builder.objectRef<ConsistencyReportShape>("ConsistencyReport").implement({
  description:
    "A baseline's document checked against its own table: every printed total, every amount its text states (per year, over a period, " +
    "for several lines, split between recipients) and the noted discrepancies, each difference with where it comes from and what explains it.",
  fields: (t) => ({
    scenario: t.prismaField({ description: "The baseline checked.", type: "Scenario", resolve: (query, report) => db.scenario.findUniqueOrThrow({ ...query, where: { id: report.scenarioId } }) }),
    printedTable: t.prismaField({ description: "The table it is checked against.", type: "SourceTable", resolve: (query, report) => db.sourceTable.findUniqueOrThrow({ ...query, where: { id: report.tableId } }) }),
    checks: t.field({
      type: [CheckRef],
      description: "Every check, in this order: printed totals by year, the text's amounts in text order, years the text leaves out, split rows, money beside the frame.",
      resolve: (report) => report.checks.map((check) => ({ check, report })),
    }),
    counts: t.field({ description: "How many checks came out how.", type: CountsRef, resolve: (report) => report.counts }),
    differences: t.int({ description: "Checks whose figures differ (explained, partly or not at all).", resolve: (report) => report.differences }),
    discrepancies: t.field({
      type: [DiscrepancyRef],
      description: "Differences a reader noted that no sum can check, in document order.",
      resolve: (report) => report.discrepancies,
    }),
  }),
});

builder.queryField("consistencyReport", (t) =>
  t.field({
    type: ReportRef,
    description:
      "The consistency report of a baseline: what its document states against its table's lines, to hand on as the proof that the baseline is " +
      "faithful — or that the document is not. InvalidInputError for an unknown or malformed ID, or a what-if (NOT_A_BASELINE).",
    errors: { types: [InvalidInputError] },
    args: { scenarioId: t.arg.id({ required: true, description: "The baseline: global ID or key (\"aftale-2024\")." }) },
    authScopes: (_root, args) => ({ readScenarios: [{ field: "scenarioId", id: args.scenarioId }] }),
    resolve: (_root, args) => loadConsistencyReport(db, String(args.scenarioId)),
  }),
);
