import { queryFromInfo } from "@pothos/plugin-prisma";
import { frameYearTotals, type StatedTotalStatus, type YearAmount } from "@ramme/domain";
import { visibleScenariosWhere } from "../auth/access.ts";
import type { Caller } from "../auth/caller.ts";
import { builder } from "../builder.ts";
import { db } from "../db.ts";
import { keyFromId } from "../engine/input.ts";
import { allocatedPerYear } from "../engine/scenarioAccess.ts";
import { loadScenarioLines, type ScenarioLineShape } from "../engine/scenarioLines.ts";
import { buildYearTotals, type StatedTotalCheckShape, type YearTotalShape } from "../engine/yearTotals.ts";
import { OutsideFrameAmountRef } from "./frame.ts";
import { malformedId } from "./node.ts";
import { frameKeyArg } from "./theme.ts";
import { PAGING } from "./paging.ts";
import { InitiativeRef } from "./initiative.ts";
import { asSource, SourceReference } from "./source.ts";

export const ScenarioKind = builder.enumType("ScenarioKind", {
  description: "Where a scenario comes from.",
  values: {
    BASELINE: { description: "A read-only allocation transcribed from a document (the proposal, the agreement)." },
    WHAT_IF: { description: "A what-if forked from a baseline or from another what-if." },
  },
});

export const YearAmountRef = builder.objectRef<YearAmount>("YearAmount").implement({
  description: "An amount in one year.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "A frame year." }),
    amount: t.expose("amount", { type: "Decimal", description: "In mio. kr." }),
  }),
});

export const FundingLineRef = builder.objectRef<ScenarioLineShape>("FundingLine").implement({
  description: "One initiative's allocation in a scenario: an amount per frame year.",
  fields: (t) => ({
    position: t.exposeInt("position", { description: "Order of the line in the scenario (as printed, for baselines)." }),
    initiative: t.field({ description: "The initiative the line funds.", type: InitiativeRef, resolve: (line) => line.initiative }),
    amounts: t.field({ type: [YearAmountRef], description: "One amount per frame year, in year order.", resolve: (line) => line.amounts }),
    total: t.expose("total", { type: "Decimal", description: "Sum of the line's amounts over all years, exact." }),
  }),
});

export const FootnoteRef = builder.prismaObject("Footnote", {
  description: "A table's footnote, verbatim.",
  fields: (t) => ({
    marker: t.exposeString("marker", { description: 'As printed ("*", "**").' }),
    text: t.exposeString("text", { description: "The footnote's text, as printed." }),
  }),
});

const StatedTotalStatusEnum = builder.enumType("StatedTotalStatus", {
  description: "How a printed total compares with the sum of the printed lines.",
  values: {
    MATCHES: { description: "The lines add up to the printed total." },
    EXPLAINED: { description: "They differ, and the document's notes account for the whole difference." },
    PARTLY_EXPLAINED: { description: "They differ, and the document's notes account for part of it." },
    UNEXPLAINED: { description: "They differ, and nothing in the document explains it." },
  } satisfies Record<StatedTotalStatus, unknown>,
});

const StatedTotalCheckRef = builder.objectRef<StatedTotalCheckShape>("StatedTotalCheck").implement({
  description: "A document's printed total for a year against the sum of its lines.",
  fields: (t) => ({
    stated: t.expose("stated", { type: "Decimal", description: "The total as printed." }),
    printed: t.exposeString("printed", { description: 'The printed text of the total ("100").' }),
    computed: t.expose("computed", { type: "Decimal", description: "The sum of the lines." }),
    difference: t.expose("difference", { type: "Decimal", description: "stated - computed." }),
    explained: t.expose("explained", { type: "Decimal", description: "The part of the difference the document's notes account for." }),
    unexplained: t.expose("unexplained", { type: "Decimal", description: "The part nothing in the document accounts for." }),
    status: t.field({ description: "Whether the totals match, or what explains the difference.", type: StatedTotalStatusEnum, resolve: (check) => check.status }),
    footnotes: t.field({ type: [FootnoteRef], description: "Footnotes attached to the printed total.", resolve: (check) => check.footnotes }),
    explainedBy: t.field({
      type: [OutsideFrameAmountRef],
      description: "Amounts outside the lines that the printed total includes, per the footnotes.",
      resolve: (check) => check.explainedBy,
    }),
  }),
});

export const YearTotalRef = builder.objectRef<YearTotalShape>("YearTotal").implement({
  description: "A scenario's total in one frame year, against the frame.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The frame year." }),
    allocated: t.expose("allocated", { type: "Decimal", description: "Sum of every line's amount that year, computed exactly from the lines." }),
    frame: t.expose("frame", { type: "Decimal", description: "The frame that year." }),
    headroom: t.expose("headroom", { type: "Decimal", description: "frame - allocated; negative when the year is over the frame." }),
    overBy: t.expose("overBy", { type: "Decimal", description: "How much the year is over the frame; 0 when it fits." }),
    fitsFrame: t.exposeBoolean("fits", { description: "True when allocated ≤ frame." }),
    statedTotal: t.field({
      type: "Decimal",
      nullable: true,
      description: 'The total as printed in the source table ("I alt"), for baselines; null for what-ifs.',
      resolve: (total) => total.statedTotalCheck?.stated ?? null,
    }),
    statedTotalCheck: t.field({
      type: StatedTotalCheckRef,
      nullable: true,
      description: "The printed total against the computed one, with the difference and what explains it.",
      resolve: (total) => total.statedTotalCheck,
    }),
    outsideFrame: t.field({
      type: [OutsideFrameAmountRef],
      description: "Money the documents note outside the frame in this year (never counted in allocated).",
      resolve: (total) => total.outsideFrame,
    }),
  }),
});

builder.prismaObject("StatedTotal", {
  description: "A table's printed total for one year.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The year." }),
    amount: t.expose("amount", { description: "The total as printed, in mio. kr.", type: "Decimal" }),
    printed: t.exposeString("printed", { description: "The total as the table prints it." }),
    footnoteMarkers: t.field({ description: "Markers of the footnotes attached to it.", type: ["String"], resolve: (row) => row.footnoteMarkers as string[] }),
  }),
});

builder.prismaObject("SourceTableLine", {
  name: "PrintedTableLine",
  description: "A table row exactly as printed.",
  fields: (t) => ({
    position: t.exposeInt("position", { description: "The row's position in the table." }),
    initiative: t.relation("initiative", { description: "The initiative the row is." }),
    printedHeading: t.exposeString("printedHeading", { description: "The theme heading the row is printed under." }),
    printedTitle: t.exposeString("printedTitle", { description: "The row's title as printed." }),
    printedAmounts: t.field({ type: ["String"], description: 'Cells as printed ("3,5", "-"), in year order.', resolve: (row) => row.printedAmounts as string[] }),
    footnoteMarkers: t.field({ description: "Markers of the footnotes attached to the row.", type: ["String"], resolve: (row) => row.footnoteMarkers as string[] }),
  }),
});

builder.prismaObject("SourceTable", {
  name: "PrintedTable",
  description: "An allocation table as printed in a document; a baseline scenario is transcribed from it.",
  fields: (t) => ({
    key: t.exposeString("id", { description: "Stable key of the table." }),
    title: t.exposeString("title", { description: "The table's title as printed." }),
    printedLabel: t.exposeString("printedLabel", { nullable: true, description: 'The label as printed ("Tabel 1").' }),
    unit: t.exposeString("unit", { description: "The unit the table states (\"Mio. kr., 2024-pl\")." }),
    document: t.relation("document", { description: "The document that prints it." }),
    lines: t.relation("lines", { description: "Its rows, in order.", query: { orderBy: { position: "asc" } } }),
    statedTotals: t.relation("statedTotals", { description: "Its printed total per year.", query: { orderBy: { year: "asc" } } }),
    footnotes: t.relation("footnotes", { description: "Its footnotes.", query: { orderBy: { marker: "asc" } } }),
    source: t.field({ description: "Where in the document it is.", type: SourceReference, resolve: (row) => asSource(row.source) }),
  }),
});

/** The frame's years, for a scenario's totals (summed by the database: allocatedPerYear). */
const frameYearsSelect = { frame: { select: { years: { orderBy: { year: "asc" as const } } } } };

export const ScenarioRef = builder.prismaNode("Scenario", {
  id: { field: "id" },
  // node(id:) finds only what the caller may see: another organisation's draft is answered null, as an unknown ID is.
  nullable: true,
  findUnique: (id, context) => ({ id, AND: [visibleScenariosWhere(context.caller)] }),
  // Whatever field returns a scenario, the caller must be allowed to see it (auth/access.ts).
  authScopes: (scenario) => ({ seeScenario: scenario }),
  description: "One complete allocation of the frame: a baseline from a document, or a what-if.",
  fields: (t) => ({
    key: t.exposeString("id", { description: 'Stable key; the baselines\' are "regeringens-udspil-2024" and "aftale-2024".' }),
    name: t.exposeString("name", { description: "The scenario's name." }),
    description: t.exposeString("description", { description: "What it is for.", nullable: true }),
    kind: t.field({ description: "BASELINE (from a document, never changed) or WHAT_IF.", type: ScenarioKind, resolve: (scenario) => scenario.kind as typeof ScenarioKind.$inferType }),
    locked: t.exposeBoolean("locked", { description: "A locked scenario refuses edits. Baselines are always locked." }),
    mustFit: t.exposeBoolean("mustFit", { description: "When true, an edit that breaks the frame in any year is refused." }),
    version: t.exposeInt("version", { description: "Increases by one with every change; edits name the version they expect." }),
    archived: t.boolean({ description: "True when archived: hidden from scenarios unless asked for, never deleted.", resolve: (scenario) => scenario.archivedAt !== null }),
    createdAt: t.expose("createdAt", { description: "When it was made.", type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { description: "When it last changed.", type: "DateTime" }),
    parent: t.prismaField({
      type: "Scenario",
      nullable: true,
      description: "The scenario this one was forked from; null for a baseline, and for a fork of a scenario you cannot see (any longer).",
      select: { parentId: true },
      resolve: (query, scenario, _args, context) =>
        scenario.parentId === null ? null : db.scenario.findFirst({ ...query, where: { id: scenario.parentId, ...visibleScenariosWhere(context.caller) } }),
    }),
    forkedFromVersion: t.exposeInt("forkedFromVersion", {
      nullable: true,
      description: "The parent's version this scenario was forked from (compareScenarios' baseVersion compares with the parent as it was then); null for a baseline.",
    }),
    frame: t.relation("frame", { description: "The budget frame it allocates." }),
    printedTable: t.relation("sourceTable", { nullable: true, description: "For baselines: the table as printed in the document." }),
    lines: t.field({
      type: [FundingLineRef],
      description: "One line per initiative in the scenario, in order.",
      // The initiatives load with what the selection under `initiative` needs (theme, sources…), so
      // those fields resolve from memory too.
      select: frameYearsSelect,
      resolve: async (scenario, _args, context, info) => {
        const years = scenario.frame.years.map((entry) => entry.year);
        const lines = await loadScenarioLines(db, [scenario.id], years, queryFromInfo({ context, info, typeName: "Initiative", path: ["initiative"] }));
        return lines.get(scenario.id)!;
      },
    }),
    outsideFrame: t.relation("outsideFrame", { query: { orderBy: { id: "asc" } }, description: "Money noted beside the frame for this scenario." }),
    yearTotals: t.field({
      type: [YearTotalRef],
      description: "One total per frame year: allocated (from the lines), frame, headroom, and the printed total where there is one.",
      select: {
        ...frameYearsSelect,
        outsideFrame: { orderBy: { id: "asc" } },
        sourceTable: { select: { id: true, statedTotals: true, footnotes: true } },
      },
      resolve: async (scenario) =>
        buildYearTotals({
          frameYears: scenario.frame.years,
          allocated: await allocatedPerYear(db, scenario.id, scenario.frame.years),
          outsideFrame: scenario.outsideFrame,
          printedTable: scenario.sourceTable,
        }),
    }),
    fitsFrame: t.boolean({
      description: "True when every year's allocation is within the frame.",
      select: frameYearsSelect,
      resolve: async (scenario) => frameYearTotals(scenario.frame.years, await allocatedPerYear(db, scenario.id, scenario.frame.years)).every((total) => total.fits),
    }),
  }),
});

const scenariosWhere = (args: { includeArchived?: boolean | null; kind?: string | null; frameId?: string | number | null }, caller: Caller) => ({
  ...visibleScenariosWhere(caller),
  ...(args.frameId === null || args.frameId === undefined ? {} : { frameId: frameKeyArg(args.frameId)! }),
  ...(args.includeArchived ? {} : { archivedAt: null }),
  ...(args.kind ? { kind: args.kind as "BASELINE" | "WHAT_IF" } : {}),
});

builder.queryField("scenarios", (t) =>
  t.prismaConnection({
    type: "Scenario",
    cursor: "id",
    description: "Scenarios: baselines first, then what-ifs, oldest first. Archived ones only when asked for.",
    args: {
      includeArchived: t.arg.boolean({ defaultValue: false, description: "Include archived scenarios." }),
      kind: t.arg({ type: ScenarioKind, required: false, description: "Only scenarios of this kind." }),
      frameId: t.arg.id({ required: false, description: "Only this frame's scenarios (its global ID or key). Omitted: every frame's, which a planner never mixes." }),
    },
    ...PAGING,
    resolve: (query, _root, args, context) =>
      db.scenario.findMany({ ...query, where: scenariosWhere(args, context.caller), orderBy: [{ kind: "asc" }, { createdAt: "asc" }, { id: "asc" }] }),
    totalCount: (_root, args, context) => db.scenario.count({ where: scenariosWhere(args, context.caller) }),
  }, { name: "ScenarioConnection", description: "A page of scenarios." }, { name: "ScenarioEdge", description: "A scenario in a page." }),
);

builder.queryField("scenario", (t) =>
  t.prismaField({
    type: "Scenario",
    nullable: true,
    description: "A scenario by its global ID or key (archived ones too); null when there is none or it is not visible to you. Another type's global ID is MALFORMED_ID.",
    args: { id: t.arg.id({ required: true, description: 'The scenario\'s global ID or key ("aftale-2024").' }) },
    resolve: (query, _root, args, context) => {
      const key = keyFromId(String(args.id), "Scenario");
      if (key === null) throw malformedId(String(args.id), "id", "a Scenario");
      return db.scenario.findFirst({ ...query, where: { id: key, ...visibleScenariosWhere(context.caller) } });
    },
  }),
);
