/** The append-only history: changes with their cells and lines, comments, and the changeset since a point. */
import { visibleScenariosWhere } from "../auth/access.ts";
import type { Caller } from "../auth/caller.ts";
import { builder } from "../builder.ts";
import { db } from "../db.ts";
import { CHANGE_KINDS, type ChangeKind } from "../engine/changeKinds.ts";
import { addComment } from "../engine/comments.ts";
import { InvalidInputError } from "../engine/errors.ts";
import { netCellChanges } from "../engine/history.ts";
import { keyFromId, rowId } from "../engine/input.ts";
import { CellDifferenceRef } from "./errors.ts";
import { PAGING } from "./paging.ts";
import { FundingLineRef, ScenarioRef } from "./scenario.ts";

const CHANGE_KIND_DESCRIPTIONS: Record<ChangeKind, string> = {
  CREATED: "The scenario was created (baselines: transcribed from the document).",
  FORKED: "The scenario was forked from another; version 1 is the parent's state at that moment.",
  CELLS_SET: "Amounts were set: one cell, or a pasted block.",
  LINE_ADDED: "A line was added: a new proposal or an existing initiative.",
  LINE_REMOVED: "A line was taken out.",
  AMOUNT_MOVED: "An amount was moved from one line to another for a range of years.",
  IMPORTED: "The lines and cells were replaced from an imported file.",
  RESTORED: "The lines and cells were set back to those of an earlier version.",
  REVERTED: "One earlier change was undone (the client's undo; reverting a REVERTED change is redo).",
  MERGED: "Another scenario's changes were merged in.",
  UPDATED: "Name, description or must-fit changed.",
  LOCKED: "The scenario was locked.",
  UNLOCKED: "The scenario was unlocked.",
  ARCHIVED: "The scenario was archived.",
  UNARCHIVED: "The scenario was brought back from the archive.",
};

export const ChangeKindEnum = builder.enumType("ChangeKind", {
  description: "What kind of change a history entry records.",
  values: Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, { description: CHANGE_KIND_DESCRIPTIONS[kind] }])) as Record<ChangeKind, { description: string }>,
});

builder.prismaObject("CellChange", {
  description: "One cell of a change, from what to what. null = the line was not in the scenario (added or removed).",
  fields: (t) => ({
    initiative: t.relation("initiative", { description: "The cell's initiative." }),
    initiativeKey: t.exposeString("initiativeId", { description: "The cell's initiative's key.", deprecationReason: "Use initiative { key }. Kept until 2027-06-30 (docs/api.md, Deprecation policy)." }),
    year: t.exposeInt("year", { description: "The cell's year." }),
    before: t.expose("before", { description: "The amount before; null where the line was not in the scenario.", type: "Decimal", nullable: true }),
    after: t.expose("after", { description: "The amount after; null where the line left the scenario.", type: "Decimal", nullable: true }),
    difference: t.field({ type: "Decimal", description: "after - before, an absent line counting as 0.", resolve: (cell) => (cell.after ?? 0n) - (cell.before ?? 0n) }),
  }),
});

builder.prismaObject("LineChange", {
  description: "A line entering or leaving the scenario in a change.",
  fields: (t) => ({
    initiative: t.relation("initiative", { description: "The initiative whose line came or went." }),
    added: t.exposeBoolean("added", { description: "True when the line was added, false when removed." }),
    position: t.exposeInt("position", { description: "The line's position in the scenario." }),
  }),
});

interface FieldChangeShape {
  field: string;
  from: unknown;
  to: unknown;
}

const FieldChangeRef = builder.objectRef<FieldChangeShape>("FieldChange").implement({
  description: "A scenario field changed by an UPDATED change.",
  fields: (t) => ({
    field: t.exposeString("field", { description: '"name", "description" or "mustFit".' }),
    from: t.string({ description: "The value before, as text.", nullable: true, resolve: (change) => (change.from === null || change.from === undefined ? null : String(change.from)) }),
    to: t.string({ description: "The value after, as text.", nullable: true, resolve: (change) => (change.to === null || change.to === undefined ? null : String(change.to)) }),
  }),
});

const detailsOf = (details: unknown) => (details && typeof details === "object" ? (details as Record<string, unknown>) : {});


export const ScenarioChangeRef = builder.prismaNode("ScenarioChange", {
  id: { field: "id" },
  // By the unique ID alone, so Prisma batches the loads of many changes' fields into one query;
  // node(id:) answers a change of a hidden scenario null first (schema/node.ts, visibleParts).
  nullable: true,
  findUnique: (id) => ({ id: rowId(id) }),
  description: "One committed change to a scenario: who, when, what. The history is append-only.",
  // Whatever field returns a change, the caller must be allowed to see its scenario (auth/access.ts).
  authScopes: (change) => ({ seeScenario: change.scenarioId }),
  fields: (t) => ({
    version: t.exposeInt("version", { description: "The scenario's version after this change." }),
    kind: t.field({ description: "What kind of change it was.", type: ChangeKindEnum, resolve: (change) => change.kind as ChangeKind }),
    actor: t.exposeString("actor", { description: "Who made the change." }),
    at: t.expose("at", { description: "When it was committed.", type: "DateTime" }),
    comment: t.exposeString("comment", { nullable: true, description: "The reason given with the change." }),
    scenario: t.relation("scenario", { description: "The scenario changed." }),
    cells: t.relation("cells", { query: { orderBy: [{ initiativeId: "asc" }, { year: "asc" }] }, description: "The cells it changed." }),
    lines: t.relation("lines", { description: "The lines it added or removed." }),
    comments: t.relation("comments", { description: "Comments given with the change.", query: { orderBy: { id: "asc" } } }),
    fieldChanges: t.field({
      type: [FieldChangeRef],
      description: "For UPDATED: the fields changed, from what to what.",
      resolve: (change) =>
        change.kind === "UPDATED"
          ? Object.entries(detailsOf(change.details)).map(([field, value]) => ({ field, ...(value as { from: unknown; to: unknown }) }))
          : [],
    }),
    restoredVersion: t.int({
      nullable: true,
      description: "For RESTORED: the version restored.",
      resolve: (change) => (change.kind === "RESTORED" ? (detailsOf(change.details).version as number) : null),
    }),
    revertedVersion: t.int({
      nullable: true,
      description: "For REVERTED: the version whose change was undone.",
      resolve: (change) => (change.kind === "REVERTED" ? (detailsOf(change.details).version as number) : null),
    }),
    sourceScenario: t.prismaField({
      type: "Scenario",
      nullable: true,
      description: "For FORKED and MERGED: the scenario forked from or merged in; null when it is not visible to you.",
      resolve: (query, change, _args, context) => {
        const sourceId = detailsOf(change.details).sourceId;
        return typeof sourceId === "string" ? db.scenario.findFirst({ ...query, where: { id: sourceId, ...visibleScenariosWhere(context.caller) } }) : null;
      },
    }),
    sourceVersion: t.int({
      nullable: true,
      description: "For FORKED and MERGED: the source scenario's version at the time.",
      resolve: (change) => (detailsOf(change.details).sourceVersion as number | undefined) ?? null,
    }),
  }),
});

export const CommentRef = builder.prismaNode("Comment", {
  id: { field: "id" },
  // As ScenarioChange: by the unique ID, visibility checked by node(id:) before it loads.
  nullable: true,
  findUnique: (id) => ({ id: rowId(id) }),
  description: "A remark on a scenario, a line or a cell: the reason for a change, or a note in the negotiation.",
  authScopes: (comment) => ({ seeScenario: comment.scenarioId }),
  fields: (t) => ({
    text: t.exposeString("text", { description: "The comment." }),
    author: t.exposeString("author", { description: "Who wrote it, as the history names people." }),
    createdAt: t.expose("createdAt", { description: "When it was written.", type: "DateTime" }),
    version: t.exposeInt("version", { description: "The scenario's version the comment was made on." }),
    initiative: t.relation("initiative", { nullable: true, description: "The line commented on; null for the scenario as a whole." }),
    year: t.exposeInt("year", { nullable: true, description: "The cell's year, when the comment is on one cell." }),
    change: t.relation("change", { nullable: true, description: "The change the comment explains, when given with an edit." }),
  }),
});

builder.prismaObjectField(ScenarioRef, "history", (t) =>
  t.relatedConnection(
    "changes",
    { ...PAGING, cursor: "id", totalCount: true, description: "Every change to the scenario, newest first.", query: { orderBy: { version: "desc" } } },
    { name: "ScenarioHistoryConnection", description: "A page of a scenario's history." },
    { name: "ScenarioHistoryEdge", description: "A change in a page of history." },
  ),
);

builder.prismaObjectField(ScenarioRef, "lastChange", (t) =>
  t.field({
    type: ScenarioChangeRef,
    nullable: true,
    description: "The newest change: who changed the scenario last, and when.",
    select: { changes: { orderBy: { version: "desc" }, take: 1 } },
    resolve: (scenario) => scenario.changes[0] ?? null,
  }),
);

builder.prismaObjectField(ScenarioRef, "comments", (t) =>
  t.relation("comments", { query: { orderBy: { id: "asc" } }, description: "Every comment on the scenario, its lines and cells, oldest first." }),
);

const historyWhere = (scenarioId: string | number, caller: Caller) => ({ scenarioId: keyFromId(String(scenarioId), "Scenario") ?? "", scenario: visibleScenariosWhere(caller) });

builder.queryField("history", (t) =>
  t.prismaConnection({
    type: "ScenarioChange",
    cursor: "id",
    description: "A scenario's history, newest first: who changed what, when, from what to what, and why.",
    args: { scenarioId: t.arg.id({ required: true, description: "The scenario's global ID or key." }) },
    ...PAGING,
    // A scenario the caller may not see has no history to show, as one that does not exist.
    resolve: (query, _root, args, context) => db.scenarioChange.findMany({ ...query, where: historyWhere(args.scenarioId, context.caller), orderBy: { version: "desc" } }),
    totalCount: (_root, args, context) => db.scenarioChange.count({ where: historyWhere(args.scenarioId, context.caller) }),
  }, { name: "ScenarioChangeConnection", description: "A page of a scenario's history." }, { name: "ScenarioChangeEdge", description: "A change in a page of history." }),
);

const ChangesSinceInput = builder.inputType("ChangesSince", {
  description: "A point in a scenario's history: a version, or a time. Give exactly one.",
  isOneOf: true,
  fields: (t) => ({
    version: t.int({ description: "Changes after this version." }),
    time: t.field({ type: "DateTime", description: "Changes made after this time." }),
  }),
});

interface ChangeSetShape {
  scenarioId: string;
  fromVersion: number;
  toVersion: number;
  changeIds: number[];
  cells: ReturnType<typeof netCellChanges>;
}

const ChangeSetRef = builder.objectRef<ChangeSetShape>("ChangeSet").implement({
  description: "What changed in a scenario since a point: the changes, and their net effect per cell.",
  fields: (t) => ({
    scenario: t.prismaField({ description: "The scenario.", type: "Scenario", resolve: (query, set) => db.scenario.findUniqueOrThrow({ ...query, where: { id: set.scenarioId } }) }),
    fromVersion: t.exposeInt("fromVersion", { description: "The version the changeset starts from." }),
    toVersion: t.exposeInt("toVersion", { description: "The version it ends at (the current one when the set was read)." }),
    changes: t.prismaField({
      type: ["ScenarioChange"],
      description: "The changes, oldest first.",
      resolve: (query, set) => db.scenarioChange.findMany({ ...query, where: { id: { in: set.changeIds } }, orderBy: { version: "asc" } }),
    }),
    cells: t.field({ type: [CellDifferenceRef], description: "Net change per cell: its value at fromVersion and now.", resolve: (set) => set.cells }),
  }),
});

builder.queryField("scenarioChanges", (t) =>
  t.field({
    type: ChangeSetRef,
    errors: { types: [InvalidInputError] },
    description: "The changeset of a scenario since a version or a time.",
    args: {
      scenarioId: t.arg.id({ required: true, description: "The scenario's global ID or key." }),
      since: t.arg({ description: "The point to start from: a version or a time.", type: ChangesSinceInput, required: true }),
    },
    authScopes: (_root, args) => ({ readScenarios: [{ field: "scenarioId", id: args.scenarioId }] }),
    resolve: async (_root, args) => {
      const scenarioId = keyFromId(String(args.scenarioId), "Scenario");
      const scenario = scenarioId ? await db.scenario.findUnique({ where: { id: scenarioId }, select: { id: true, version: true } }) : null;
      if (!scenario) throw InvalidInputError.of("scenarioId", "UNKNOWN_SCENARIO", `there is no scenario ${JSON.stringify(String(args.scenarioId))}.`, String(args.scenarioId));
      const { version, time } = args.since;
      const where =
        version !== null && version !== undefined ? { version: { gt: version } } : { at: { gt: time ?? new Date(0) } };
      if (version !== null && version !== undefined && (version < 0 || version > scenario.version)) {
        throw InvalidInputError.of("since.version", "UNKNOWN_VERSION", `the scenario has versions 1 to ${scenario.version}.`, String(version));
      }
      const changes = await db.scenarioChange.findMany({ where: { scenarioId: scenario.id, ...where }, orderBy: { version: "asc" }, select: { id: true, version: true, cells: true } });
      const toVersion = changes.at(-1)?.version ?? scenario.version;
      const fromVersion = version ?? (changes[0] ? changes[0].version - 1 : toVersion);
      return { scenarioId: scenario.id, fromVersion, toVersion, changeIds: changes.map((change) => change.id), cells: netCellChanges(changes) };
    },
  }),
);

builder.objectField(FundingLineRef, "comments", (t) =>
  t.prismaField({
    type: [CommentRef],
    description: "Comments on this line (and its cells) in this scenario, oldest first.",
    resolve: (query, line) => db.comment.findMany({ ...query, where: { scenarioId: line.scenarioId, initiativeId: line.initiativeId }, orderBy: { id: "asc" } }),
  }),
);

const AddCommentInput = builder.inputType("AddCommentInput", {
  description: "A comment on a scenario, one of its lines (initiativeId), or one cell (initiativeId and year).",
  fields: (t) => ({
    scenarioId: t.id({ description: "The scenario's global ID or key.", required: true }),
    initiativeId: t.id({ description: "The line; omit for the scenario as a whole." }),
    year: t.int({ description: "The cell's year; needs initiativeId." }),
    text: t.string({ required: true, description: "Up to 4,000 characters." }),
  }),
});

builder.mutationField("addComment", (t) =>
  t.prismaField({
    type: "Comment",
    description:
      "Comments on a scenario, a line or a cell. Changes no amounts and makes no new version; allowed on locked scenarios and baselines, " +
      "and on what-ifs shared with your organisation to read (a party may answer a draft it was shown).",
    errors: { types: [InvalidInputError] },
    args: { input: t.arg({ description: "The mutation's input.", type: AddCommentInput, required: true }) },
    authScopes: (_root, { input }) => ({ readScenarios: [{ field: "input.scenarioId", id: input.scenarioId }] }),
    resolve: (_query, _root, { input }, context) =>
      addComment(
        {
          scenarioId: String(input.scenarioId),
          initiativeId: input.initiativeId === null || input.initiativeId === undefined ? null : String(input.initiativeId),
          year: input.year,
          text: input.text,
        },
        context.actor,
      ),
  }),
);
