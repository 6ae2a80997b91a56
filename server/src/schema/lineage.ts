/** The negotiation's lineage: the fork tree with what each scenario did, and what changed since a point across a scenario and its descendants. */
import { describeComparison, summarizeChange, type Language, type LineComparison, type PairComparison } from "@ramme/domain";
import { visibleScenariosWhere } from "../auth/access.ts";
import { builder } from "../builder.ts";
import { db } from "../db.ts";
import { signalOf } from "../cooperative.ts";
import { InvalidInputError } from "../engine/errors.ts";
import { loadChangesSince, loadLineage, type ChangesSinceShape, type LineageNodeShape, type LineageScenario, type ScenarioChangesSinceShape } from "../engine/lineage.ts";
import { ComparedCellRef, LanguageEnum, LineCountsRef, LineStatusEnum, YearFlowRef } from "./compare.ts";
import { ScenarioChangeRef } from "./history.ts";
import { initiativeByKey, InitiativeRef } from "./initiative.ts";
import { ScenarioKind } from "./scenario.ts";

const languageOf = (value: string | null | undefined): Language => (value === "EN" ? "en" : "da");

interface ScenarioPlace {
  scenario: LineageScenario;
  depth: number;
  parentName: string | null;
}

const ScenarioInTreeRef = builder.interfaceRef<ScenarioPlace>("ScenarioInTree").implement({
  description: "A scenario's own facts and its place in a fork tree: the same on a lineage node and in a changes-since entry.",
  fields: (t) => ({
    key: t.string({ description: "The scenario's stable key.", resolve: (place) => place.scenario.id }),
    name: t.string({ description: "The scenario's name.", resolve: (place) => place.scenario.name }),
    kind: t.field({ description: "BASELINE or WHAT_IF.", type: ScenarioKind, resolve: (place) => place.scenario.kind as typeof ScenarioKind.$inferType }),
    parentKey: t.string({ nullable: true, description: "The scenario it was forked from; null for a baseline.", resolve: (place) => place.scenario.parentId }),
    parentName: t.string({ description: "The parent's name; null for a baseline or a parent you cannot see.", nullable: true, resolve: (place) => place.parentName }),
    depth: t.int({ description: "0 for the first scenario of the list, 1 for its forks, and so on.", resolve: (place) => place.depth }),
    createdBy: t.string({ nullable: true, description: "Who forked it (baselines: the documents).", resolve: (place) => place.scenario.createdBy }),
    createdAt: t.field({ description: "When it was made (forked, or transcribed).", type: "DateTime", resolve: (place) => place.scenario.createdAt }),
    forkedFromVersion: t.int({ nullable: true, description: "The parent's version it was forked from.", resolve: (place) => place.scenario.forkedFromVersion }),
    version: t.int({ description: "Its current version.", resolve: (place) => place.scenario.version }),
    locked: t.boolean({ description: "True when it refuses edits.", resolve: (place) => place.scenario.locked }),
    archived: t.boolean({ description: "True when it is archived (hidden from scenarios unless asked for).", resolve: (place) => place.scenario.archivedAt !== null }),
  }),
});

interface LineageNodeWithLanguage extends LineageNodeShape {
  language: Language;
}

const LineageNodeRef = builder.objectRef<LineageNodeWithLanguage>("LineageNode").implement({
  description: "A scenario in the fork tree: who made it, when, from which version of its parent, and what it changed against that.",
  interfaces: [ScenarioInTreeRef],
  fields: (t) => ({
    fitsFrame: t.boolean({ description: "True when every year is within the frame now.", resolve: (node) => node.yearsOverFrame.length === 0 }),
    yearsOverFrame: t.intList({ description: "The years it is over the frame now.", resolve: (node) => node.yearsOverFrame }),
    lastChange: t.field({ type: ScenarioChangeRef, nullable: true, description: "Its newest change: who, when.", resolve: (node) => node.lastChange }),
    summary: t.string({
      nullable: true,
      description:
        "One line on what this scenario did: its current state against its parent's state at forkedFromVersion (not the parent as it is now), " +
        'e.g. "3 linjer ændret, 1 tilføjet; +2,0 mio. kr. i 2025": lines changed, added, removed, then the net change of the total per year. Null for a baseline.',
      resolve: (node) => (node.change ? summarizeChange(node.change, node.language) : null),
    }),
    changeCounts: t.field({ type: LineCountsRef, nullable: true, description: "The lines behind the summary; null for a baseline.", resolve: (node) => node.change?.counts ?? null }),
    changeYears: t.field({
      type: [YearFlowRef],
      nullable: true,
      description: "Per frame year, the totals at the fork point (base) and now (other); null for a baseline.",
      resolve: (node) => node.change?.years ?? null,
    }),
  }),
});

const ScenarioLineageRef = builder.objectRef<{ nodes: LineageNodeWithLanguage[] }>("ScenarioLineage").implement({
  description: "A fork tree in reading order.",
  fields: (t) => ({
    nodes: t.field({
      type: [LineageNodeRef],
      description: "Each scenario followed by its forks (depth first; baselines in publication order, forks oldest first). Archived scenarios are included (archived: true).",
      resolve: (lineage) => lineage.nodes,
    }),
  }),
});

builder.queryField("scenarioLineage", (t) =>
  t.field({
    type: ScenarioLineageRef,
    errors: { types: [InvalidInputError] },
    description:
      "How scenarios descend from each other: the tree under rootId, or without it every tree (each baseline is a root: in the seeded data the agreement " +
      "is transcribed from its document, not forked from the proposal). Each node tells, in one line, what it changed against the state it was forked from.",
    args: {
      rootId: t.arg.id({ required: false, description: "The scenario whose descendants to show (global ID or key); omit for every tree." }),
      language: t.arg({ type: LanguageEnum, defaultValue: "DA", description: "The language of the summaries." }),
    },
    authScopes: (_root, args) => ({ readScenarios: [{ field: "rootId", id: args.rootId }] }),
    resolve: async (_root, args, context, info) => {
      const nodes = await loadLineage(db, visibleScenariosWhere(context.caller), args.rootId === null || args.rootId === undefined ? null : String(args.rootId), signalOf(info));
      const language = languageOf(args.language);
      return { nodes: nodes.map((node) => ({ ...node, language })) };
    },
  }),
);

interface LineDifferenceShape {
  line: LineComparison;
  title: string;
}

const LineDifferenceRef = builder.objectRef<LineDifferenceShape>("NetLineDifference").implement({
  description: "A line that differs between then and now.",
  fields: (t) => ({
    initiative: t.field({ type: InitiativeRef, description: "The line's initiative.", resolve: ({ line }, _args, context) => initiativeByKey(context, line.initiativeId) }),
    initiativeKey: t.string({ description: "The line's initiative's key.", deprecationReason: "Use initiative { key }. Kept until 2027-06-30 (docs/api.md, Deprecation policy).", resolve: ({ line }) => line.initiativeId }),
    title: t.exposeString("title", { description: "The initiative's title." }),
    status: t.field({ type: LineStatusEnum, description: "ADDED, REMOVED or CHANGED since then.", resolve: ({ line }) => line.status }),
    cells: t.field({ type: [ComparedCellRef], description: "Per frame year: base = then, other = now.", resolve: ({ line }) => line.cells }),
    totalDifference: t.field({ description: "The net change of the line's total.", type: "Decimal", resolve: ({ line }) => line.totalDifference }),
  }),
});

interface NetDifferenceShape {
  pair: PairComparison;
  titles: ReadonlyMap<string, string>;
  language: Language;
}

const NetDifferenceRef = builder.objectRef<NetDifferenceShape>("NetDifference").implement({
  description: "A scenario's state then against now (the comparison of compareScenarios, with then as the base).",
  fields: (t) => ({
    counts: t.field({ description: "How many lines were added, removed, changed and unchanged.", type: LineCountsRef, resolve: ({ pair }) => pair.counts }),
    lines: t.field({
      type: [LineDifferenceRef],
      description: "The lines added, removed or changed, in the scenario's order.",
      resolve: ({ pair, titles }) => pair.lines.filter((line) => line.status !== "UNCHANGED").map((line) => ({ line, title: titles.get(line.initiativeId) ?? line.initiativeId })),
    }),
    years: t.field({ type: [YearFlowRef], description: "Per frame year: totals then (base) and now (other), and where the money moved.", resolve: ({ pair }) => pair.years }),
    headline: t.string({ description: 'In one line: "2 linjer ændret; +2,0 mio. kr. i 2025".', resolve: ({ pair, language }) => summarizeChange(pair, language) }),
    summary: t.stringList({ description: "In plain language, as compareScenarios' summary tells it.", resolve: ({ pair, titles, language }) => describeComparison(pair, (id) => titles.get(id) ?? id, language) }),
  }),
});

interface ScenarioChangesWithLanguage extends ScenarioChangesSinceShape {
  language: Language;
}

const ScenarioChangesSinceRef = builder.objectRef<ScenarioChangesWithLanguage>("ScenarioChangesSince").implement({
  description: "What changed in one scenario since the point.",
  interfaces: [ScenarioInTreeRef],
  fields: (t) => ({
    fromVersion: t.exposeInt("fromVersion", { description: "Its version at the point (1 when it was made after it: then it is taken from its fork)." }),
    createdSince: t.exposeBoolean("createdSince", { description: "True when the scenario was forked (or created) after the point." }),
    changes: t.field({ type: [ScenarioChangeRef], description: "The changes after fromVersion, oldest first.", resolve: (entry) => entry.changes }),
    difference: t.field({ type: NetDifferenceRef, description: "Its state at fromVersion against now.", resolve: (entry) => ({ pair: entry.difference, titles: entry.titles, language: entry.language }) }),
  }),
});

const ChangesSinceReportRef = builder.objectRef<ChangesSinceShape & { language: Language }>("ChangesSinceReport").implement({
  description: "What changed since a point, in a scenario and its descendants.",
  fields: (t) => ({
    scenario: t.prismaField({
      type: "Scenario",
      description: "The scenario asked about (one the caller may see: the argument is checked).",
      resolve: (query, report) => db.scenario.findUniqueOrThrow({ ...query, where: { id: report.scenarioId } }),
    }),
    scenarioKey: t.exposeString("scenarioId", { description: "The scenario asked about.", deprecationReason: "Use scenario { key }. Kept until 2027-06-30 (docs/api.md, Deprecation policy)." }),
    version: t.exposeInt("version", { nullable: true, description: "The version asked for, if any." }),
    at: t.expose("at", { type: "DateTime", description: "The moment the point stands for: since, or when the scenario reached version." }),
    scenarios: t.field({
      type: [ScenarioChangesSinceRef],
      description: "The scenario, then its descendants in tree order.",
      resolve: (report) => report.scenarios.map((entry) => ({ ...entry, language: report.language })),
    }),
  }),
});

builder.queryField("changesSince", (t) =>
  t.field({
    type: ChangesSinceReportRef,
    errors: { types: [InvalidInputError] },
    description:
      "What changed since a version of a scenario or a moment (give exactly one), in the scenario and, by default, every scenario forked from it " +
      "(directly or further down). Descendants are taken at the moment the scenario reached the version; one forked after the point from its fork. " +
      "For each: the changes after its point, and its state then against now.",
    args: {
      scenarioId: t.arg.id({ required: true, description: "Global ID or key." }),
      version: t.arg.int({ required: false, description: "The scenario's version (1 to its current one)." }),
      since: t.arg({ type: "DateTime", required: false, description: "A moment, not in the future." }),
      includeDescendants: t.arg.boolean({ description: "Also the scenario's forks and theirs (default true).", defaultValue: true }),
      language: t.arg({ type: LanguageEnum, defaultValue: "DA", description: "The language of the summaries." }),
    },
    authScopes: (_root, args) => ({ readScenarios: [{ field: "scenarioId", id: args.scenarioId }] }),
    resolve: async (_root, args, context, info) => ({
      ...(await loadChangesSince(
        db,
        visibleScenariosWhere(context.caller),
        { scenarioId: String(args.scenarioId), version: args.version, since: args.since, includeDescendants: args.includeDescendants ?? true },
        new Date(),
        signalOf(info),
      )),
      language: languageOf(args.language),
    }),
  }),
);
