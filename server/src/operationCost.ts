/**
 * What an operation costs, known from its text before anything runs: every field costs 1, and a
 * list field multiplies what it selects by the most items it can hold at the documented scale
 * (docs/api.md "The cost model"). A list nested in a list multiplies again, so
 * `themes → initiatives → theme → initiatives` costs what it would really cost to answer.
 *
 * The bound of a list field is named by the field (`Theme.initiatives`) or by what it lists
 * (`FundingLine`: lines in a scenario); a connection's page is its `first`/`last` (a variable
 * counts as the largest page). Every list field of the schema has a bound: a test fails when a new
 * one has none (`listFieldsWithoutBound`). The bounds are the scale the product promises, not a
 * guess at the data: a list larger than its bound is stopped by the execution budget instead.
 */
import {
  Kind,
  parse,
  type FragmentDefinitionNode,
  type GraphQLAbstractType,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import { MAX_COMPARED } from "./engine/comparison.ts";
import { MAX_CELLS_PER_REQUEST } from "./engine/input.ts";

/*
 * Type tests by GraphQL's own toStringTag, not graphql-js's instanceof predicates: the schema's
 * types may come from another copy of the module (CommonJS for Pothos, ESM here, as under vitest).
 */
const tag = (type: unknown): string => Object.prototype.toString.call(type).slice(8, -1);
const isListType = (type: unknown): type is { ofType: GraphQLOutputType } => tag(type) === "GraphQLList";
const isObjectType = (type: unknown): type is GraphQLObjectType => tag(type) === "GraphQLObjectType";
const isAbstractType = (type: unknown): type is GraphQLAbstractType => tag(type) === "GraphQLInterfaceType" || tag(type) === "GraphQLUnionType";
const getNullableType = (type: GraphQLOutputType): GraphQLOutputType => (tag(type) === "GraphQLNonNull" ? (type as { ofType: GraphQLOutputType }).ofType : type);
function getNamedType(type: GraphQLOutputType): GraphQLNamedType {
  let named: GraphQLOutputType = type;
  while ("ofType" in named) named = named.ofType as GraphQLOutputType;
  return named;
}

/**
 * The documented scale (docs/api.md "The cost model"): the most of each thing one answer holds.
 * Lists nested in lists multiply, so these are what one item can hold at the product's scale, not
 * the worst case of the whole database at once.
 */
export const SCALE = {
  /** Lines in a scenario: the benchmark's growth curve reaches 20,000 (the Finance Act has ~5,000). */
  lines: 20_000,
  /** Initiatives in a theme, answering one recommendation or printed total (the benchmark: 125 a theme). */
  initiatives: 1_000,
  /** Years of a frame (the life science frame has 4). */
  years: 10,
  /** Cells of one change: one paste (MAX_CELLS_PER_REQUEST). */
  changeCells: MAX_CELLS_PER_REQUEST,
  /** Cells of one scenario-wide difference (a proposal, a merge): every line in every year. */
  cells: 20_000 * 10,
  /** Scenarios side by side: a base and MAX_COMPARED others. */
  compared: MAX_COMPARED + 1,
  /** Scenarios of one frame (lineage) or one family (changes since): the benchmark's 20 what-ifs of a baseline. */
  scenarios: 20,
  /** Changes in one answer: a page of history, or the changes a returning reader missed. */
  changes: 100,
  /** Comments and sharing events of one scenario. */
  comments: 1_000,
  /** Themes of a frame. */
  themes: 100,
  /** People, organisations, tokens, price indices: the administration's lists. */
  accounts: 1_000,
  /** The documents' short lists: footnotes, sources, paragraphs, recommendations, sentences; printed totals. */
  short: 50,
  /** Checks of a consistency report: the printed totals of the agreement (themes × years). */
  checks: 100 * 10,
  /** A connection's largest page (Pothos' default maxSize) and the page it gives without first/last. */
  page: 100,
  defaultPage: 20,
} as const;

type Bound = number | ((args: Record<string, ValueNode>) => number);

/** Bounds by the listed type: what a list of these can hold wherever it appears. */
const BY_ITEM: Record<string, number> = {
  FundingLine: SCALE.lines,
  ComparisonLine: SCALE.lines,
  NetLineDifference: SCALE.lines,
  RecommendationLine: SCALE.initiatives,
  LineChange: SCALE.lines,
  Initiative: SCALE.initiatives,
  CellDifference: SCALE.cells,
  CellChange: SCALE.changeCells,
  MergeConflict: SCALE.cells,
  // Every wrong cell of a paste is named.
  InputProblem: MAX_CELLS_PER_REQUEST,
  // An imported sheet: a line per row, its years, and a problem per cell at most.
  ImportPreviewLine: SCALE.lines,
  ImportSuggestion: SCALE.lines,
  ImportProblem: SCALE.cells,
  ImportAmount: SCALE.years,
  ImportYearTotal: SCALE.years,
  // A baseline's table (importBaseline): its lines, years, totals and notes.
  BaselineImportLine: SCALE.lines,
  BaselineYearAmount: SCALE.years,
  BaselineYearTotal: SCALE.years,
  BaselinePrintedTotal: SCALE.years,
  BaselineFootnote: SCALE.short,
  YearTotal: SCALE.years,
  FrameYearTotal: SCALE.years,
  FrameYear: SCALE.years,
  YearAmount: SCALE.years,
  YearOverFrame: SCALE.years,
  YearDifference: SCALE.years,
  ComparedCell: SCALE.years,
  SubLineAmount: SCALE.years,
  StatedAmount: SCALE.years,
  ThemeYearDifference: SCALE.themes * SCALE.years,
  LineVersus: SCALE.compared,
  ScenarioDifference: SCALE.compared,
  ScenarioRecommendationCoverage: SCALE.compared,
  LineageNode: SCALE.scenarios,
  ScenarioChangesSince: SCALE.scenarios,
  ScenarioChange: SCALE.changes,
  Comment: SCALE.comments,
  ScenarioShareChange: SCALE.comments,
  ScenarioShare: SCALE.accounts,
  ApiToken: SCALE.accounts,
  User: SCALE.accounts,
  Organisation: SCALE.accounts,
  PriceIndex: SCALE.accounts,
  PriceIndexChange: SCALE.accounts,
  Theme: SCALE.themes,
  Frame: SCALE.short,
  AgreementParagraph: SCALE.short,
  ConsistencyCheck: SCALE.checks,
  Discrepancy: SCALE.checks,
  OutsideFrameAmount: SCALE.short,
  Footnote: SCALE.short,
  InitiativeSubLine: SCALE.short,
  ContinuationLink: SCALE.short,
  RecommendationLink: SCALE.short,
  SourceReference: SCALE.short,
  FieldChange: SCALE.short,
  PrintedTableLine: SCALE.short,
  StatedTotal: SCALE.short,
  Recommendation: SCALE.short,
  RecommendationCoverage: SCALE.short,
  RecommendationCoverageChange: SCALE.short,
  Strategy2021Area: SCALE.short,
  Strategy2021Initiative: SCALE.short,
  StrategyInitiative: SCALE.short,
};

/** Bounds by field, where the listed type says too little (strings, numbers, a connection's page). */
const BY_FIELD: Record<string, Bound> = {
  "ScenarioComparison.others": MAX_COMPARED,
  "ScenarioComparison.years": SCALE.years,
  "ScenarioComparison.baseYearsOverFrame": SCALE.years,
  "RecommendationCoverageComparison.years": SCALE.years,
  "ScenarioDifference.yearsOverFrame": SCALE.years,
  "ScenarioDifference.summary": SCALE.short,
  "LineageNode.yearsOverFrame": SCALE.years,
  "NetDifference.summary": SCALE.short,
  "Initiative.agreementParagraphs": SCALE.short,
  "Recommendation.subPoints": SCALE.short,
  "StatedTotal.footnoteMarkers": SCALE.short,
  "PrintedTableLine.footnoteMarkers": SCALE.short,
  "PrintedTableLine.printedAmounts": SCALE.years,
  "ScenarioChangedEvent.linesAdded": SCALE.lines,
  "ScenarioChangedEvent.linesRemoved": SCALE.lines,
  // A change's cells and lines where changes are listed (a history page, changes since): on average
  // the scenario-wide bound spread over a page of changes. One paste can touch 50,000 cells, but a
  // page of pastes that large is stopped while it is assembled by the response cap (64 MB is some
  // 1.3 million cells), so counting 50,000 for each of a hundred changes would only refuse the
  // client's own ChangesSince.
  "ScenarioChange.cells": SCALE.cells / SCALE.changes,
  "ScenarioChange.lines": SCALE.lines / SCALE.changes,
  // Comments on one line.
  "FundingLine.comments": SCALE.short,
  "LineVersus.comments": SCALE.short,
  "BaselineImportPreview.years": SCALE.years,
  "BaselineImportPreview.themes": SCALE.themes,
  "Query.nodes": (args) => listLength(args.ids, SCALE.page),
  "Query.accountChanges": (args) => intValue(args.first, 500),
};

/**
 * Root fields whose resolvers read whole scenarios whatever the selection asks for (an export, a
 * comparison, a lineage, a history): their work is not in what they return, so the list bounds do not
 * see it, and 15 aliases of one held the server for minutes. Each adds HEAVY_FIELD_COST to the
 * estimate, which makes the operation a large one (two run at a time, executionBudget.ts), and an
 * operation may name at most MAX_HEAVY_FIELDS of them.
 */
export const HEAVY_ROOT_FIELDS: ReadonlySet<string> = new Set([
  "exportScenario",
  "exportComparison",
  "compareScenarios",
  "scenarioLineage",
  "changesSince",
  "recommendationCoverage",
  "history",
  "scenarioChanges",
  "consistencyReport",
  "balanceScenario",
  "mergePreview",
]);
/** Enough for a dashboard's comparison and its report in one request; the web client's operations use one. */
export const MAX_HEAVY_FIELDS = 2;
/** What one heavy field adds to the estimate: the default threshold of a large operation (hardening.ts). */
export const HEAVY_FIELD_COST = 10_000_000;

/** Pothos' connections: the page is first/last, at most SCALE.page; the edges and nodes inside count once more each. */
const CONNECTION_ITEMS = new Set(["edges", "nodes"]);

function intValue(node: ValueNode | undefined, largest: number): number {
  if (node?.kind === Kind.INT) return Math.min(Number(node.value), largest);
  // A variable, or no argument: the largest it could be.
  return largest;
}

function listLength(node: ValueNode | undefined, largest: number): number {
  if (node?.kind === Kind.LIST) return Math.min(node.values.length, largest);
  return largest;
}

function isConnection(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.name.endsWith("Connection") && "pageInfo" in type.getFields();
}

/** The most items a list field holds; undefined for a list field without a bound (a fault the tests catch). */
export function listBound(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, args: Record<string, ValueNode>): number | undefined {
  if (isConnection(parent) && CONNECTION_ITEMS.has(field.name)) return 1;
  const named = BY_FIELD[`${parent.name}.${field.name}`];
  if (named !== undefined) return typeof named === "number" ? named : named(args);
  return BY_ITEM[getNamedType(field.type).name];
}

/** How many times a field's selection is answered: its list bound (nested lists multiply), or a connection's page. */
function multiplier(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, args: Record<string, ValueNode>): number {
  let factor = 1;
  let type: GraphQLOutputType = getNullableType(field.type);
  while (isListType(type)) {
    factor *= listBound(parent, field, args) ?? SCALE.lines;
    type = getNullableType(type.ofType);
  }
  if (isConnection(getNamedType(field.type))) {
    const asked = args.first ?? args.last;
    factor *= asked === undefined ? SCALE.defaultPage : intValue(asked, SCALE.page);
  }
  return factor;
}

/** Every list field of the schema whose bound is not stated: must be empty (tests/api/operationCost.test.ts). */
export function listFieldsWithoutBound(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (isListType(getNullableType(field.type)) && listBound(type, field, {}) === undefined) missing.push(`${type.name}.${field.name}`);
    }
  }
  return missing;
}

/**
 * The cost of one operation's selection: each field 1 plus what it selects, times its multiplier.
 * On an abstract type each possible type is costed and the dearest counts. A fragment's cost on a
 * type is computed once, so many spreads of one fragment cost linear time to count.
 */
export function operationCost(schema: GraphQLSchema, selectionSet: SelectionSetNode, root: GraphQLObjectType, fragments: Record<string, FragmentDefinitionNode>): number {
  const memo = new Map<SelectionSetNode, Map<string, number>>();

  const appliesTo = (condition: string | undefined, type: GraphQLObjectType): boolean => {
    if (condition === undefined || condition === type.name) return true;
    const conditionType = schema.getType(condition);
    return conditionType !== undefined && isAbstractType(conditionType) && schema.isSubType(conditionType, type);
  };

  const onObject = (set: SelectionSetNode, type: GraphQLObjectType): number => {
    let byType = memo.get(set);
    if (byType === undefined) memo.set(set, (byType = new Map()));
    const known = byType.get(type.name);
    if (known !== undefined) return known;
    // A fragment that (invalidly) spreads itself is refused by validation; here it costs nothing more.
    byType.set(type.name, 0);
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === "__typename") continue;
        const field = type.getFields()[selection.name.value];
        if (field === undefined) continue;
        const args = Object.fromEntries((selection.arguments ?? []).map((arg) => [arg.name.value, arg.value]));
        const inner = selection.selectionSet ? onComposite(selection.selectionSet, getNamedType(field.type) as GraphQLCompositeType) : 0;
        total += (1 + inner) * multiplier(type, field, args) + (type === root && HEAVY_ROOT_FIELDS.has(field.name) ? HEAVY_FIELD_COST : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (appliesTo(selection.typeCondition?.name.value, type)) total += onObject(selection.selectionSet, type);
      } else {
        const fragment = fragments[selection.name.value];
        if (fragment !== undefined && appliesTo(fragment.typeCondition.name.value, type)) total += onObject(fragment.selectionSet, type);
      }
    }
    byType.set(type.name, total);
    return total;
  };

  const onComposite = (set: SelectionSetNode, type: GraphQLCompositeType): number => {
    if (isObjectType(type)) return onObject(set, type);
    if (!isAbstractType(type)) return 0;
    return Math.max(0, ...schema.getPossibleTypes(type).map((possible) => onObject(set, possible)));
  };

  return onObject(selectionSet, root);
}

/** How many heavy root fields an operation names, aliases and fragments on the root type included. */
export function heavyFieldCount(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count += HEAVY_ROOT_FIELDS.has(selection.name.value) ? 1 : 0;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += heavyFieldCount(selection.selectionSet, fragments, seen);
    else if (!seen.has(selection.name.value) && fragments[selection.name.value]) {
      // Each fragment counted once however often it is spread: a spread twice selects its fields once.
      seen.add(selection.name.value);
      count += heavyFieldCount(fragments[selection.name.value]!.selectionSet, fragments, seen);
    }
  }
  return count;
}

/** The cost of each operation in a document's text, by name (tests and docs measure the client's documents with it). */
export function documentCosts(schema: GraphQLSchema, source: string): Array<{ name: string | null; cost: number }> {
  const document = parse(source);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return document.definitions.flatMap((definition) => {
    if (definition.kind !== Kind.OPERATION_DEFINITION) return [];
    const root = schema.getRootType(definition.operation);
    return root ? [{ name: definition.name?.value ?? null, cost: operationCost(schema, definition.selectionSet, root, fragments) }] : [];
  });
}
