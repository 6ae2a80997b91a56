/**
 * The scenario mutations. Each resolver only maps GraphQL input to an engine call (engine/*), which
 * checks everything, writes in one transaction and returns the committed change; the result is a
 * ScenarioEdit or one of the typed errors.
 */
import { frameBreaches } from "@ramme/domain";
import { visibleInitiativesWhere } from "../auth/access.ts";
import { organisationOf } from "../auth/caller.ts";
import { builder } from "../builder.ts";
import { db } from "../db.ts";
import { moveAmount, setCells } from "../engine/cellEdits.ts";
import type { CommittedChange } from "../engine/commitChange.ts";
import { InvalidInputError, MergeConflictError } from "../engine/errors.ts";
import { restoreScenarioVersion, revertChange } from "../engine/history.ts";
import { addInitiative, removeInitiative } from "../engine/lines.ts";
import { mergeScenario } from "../engine/merge.ts";
import { changeScenarioStatus, forkScenario, updateScenario } from "../engine/scenarioLifecycle.ts";
import { CellDifferenceRef, EDIT_ERRORS, STATUS_ERRORS, YearOverFrameRef } from "./errors.ts";
import { YearTotalRef } from "./scenario.ts";

export const AmountNotationEnum = builder.enumType("AmountNotation", {
  description: "How amounts in the input are written. Amounts are always strings, never JSON numbers, so they stay exact.",
  values: {
    API: { description: 'The API\'s own notation: "." as decimal point, no grouping ("3.5", "1234.5"). The default.' },
    DANISH: {
      description:
        'As Danish users type and paste: "," as decimal point and "." grouping thousands ("3,5", "1.234,5"); "3.5" is still read as 3.5, and a lone "-" is 0.',
    },
  },
});

export const ScenarioEditRef = builder.objectRef<CommittedChange>("ScenarioEdit").implement({
  description: "A change that was committed (or, when nothing changed, the scenario as it stands), with the new totals against the frame.",
  fields: (t) => ({
    scenario: t.prismaField({
      type: "Scenario",
      description: "The scenario after the change.",
      resolve: (query, edit) => db.scenario.findUniqueOrThrow({ ...query, where: { id: edit.scenarioId } }),
    }),
    version: t.exposeInt("version", { description: "The scenario's version after the change; send it as expectedVersion with the next edit." }),
    changed: t.boolean({ description: "False when the edit changed nothing (no new version was made).", resolve: (edit) => edit.changeId !== null }),
    change: t.prismaField({
      type: "ScenarioChange",
      nullable: true,
      description: "The history entry this edit made.",
      resolve: (query, edit) => (edit.changeId === null ? null : db.scenarioChange.findUnique({ ...query, where: { id: edit.changeId } })),
    }),
    cells: t.field({ type: [CellDifferenceRef], description: "The cells that changed, before and after.", resolve: (edit) => edit.cells }),
    yearTotals: t.field({ type: [YearTotalRef], description: "Allocated, frame and headroom per year after the change, computed in the same transaction.", resolve: (edit) => edit.yearTotals }),
    overFrame: t.field({
      type: [YearOverFrameRef],
      description: "The years over the frame after the change, and by how much (empty when every year fits).",
      resolve: (edit) => {
        const over = new Set(frameBreaches(edit.yearTotals).map((breach) => breach.year));
        return edit.yearTotals.filter((total) => over.has(total.year)).map(({ year, allocated, frame, overBy }) => ({ year, allocated, frame, overBy }));
      },
    }),
    fitsFrame: t.boolean({ description: "True when every year is within the frame.", resolve: (edit) => edit.yearTotals.every((total) => total.fits) }),
  }),
});

const commentField = "Why: shown in the history and the comparison, on every line the change touches.";
const expectedVersionField = "The scenario version this edit is based on; if the scenario has changed since, the edit is refused with VersionConflictError.";

// --- Scenario life cycle -------------------------------------------------------------------

const ForkScenarioInput = builder.inputType("ForkScenarioInput", {
  description: "What to fork, and the new what-if's name.",
  fields: (t) => ({
    sourceId: t.id({ required: true, description: "The scenario to copy (a baseline or a what-if): its global ID or key." }),
    name: t.string({ description: "The new what-if's name (up to 200 characters).", required: true }),
    description: t.string({ description: "What the what-if is for (up to 4,000 characters)." }),
  }),
});

builder.mutationField("forkScenario", (t) =>
  t.field({
    type: ScenarioEditRef,
    description: "A what-if copy of any scenario, remembering its parent and the parent's version. The copy is unlocked and not must-fit.",
    errors: { types: [InvalidInputError] },
    args: { input: t.arg({ description: "The mutation's input.", type: ForkScenarioInput, required: true }) },
    authScopes: (_root, { input }) => ({ readScenarios: [{ field: "input.sourceId", id: input.sourceId }] }),
    resolve: (_root, { input }, context) => forkScenario({ sourceId: String(input.sourceId), name: input.name, description: input.description }, context.actor, organisationOf(context.caller)),
  }),
);

const UpdateScenarioInput = builder.inputType("UpdateScenarioInput", {
  description: "Fields to change on a what-if; omitted fields stay as they are.",
  fields: (t) => ({
    scenarioId: t.id({ description: "The scenario's global ID or key.", required: true }),
    expectedVersion: t.int({ description: "When given, refused with VersionConflictError if the scenario changed since." }),
    name: t.string({ description: "New name; omit to keep." }),
    description: t.string({ description: "New description; null or empty clears it; omit to keep." }),
    mustFit: t.boolean({ description: "When true, every later edit that breaks the frame is refused; refused now if the scenario does not fit." }),
  }),
});

builder.mutationField("updateScenario", (t) =>
  t.field({
    type: ScenarioEditRef,
    description: "Renames, describes, or marks the scenario must-fit.",
    errors: { types: EDIT_ERRORS },
    args: { input: t.arg({ description: "The mutation's input.", type: UpdateScenarioInput, required: true }) },
    authScopes: (_root, { input }) => ({ editScenarios: [{ field: "input.scenarioId", id: input.scenarioId }] }),
    resolve: (_root, { input }, context) =>
      updateScenario(
        { scenarioId: String(input.scenarioId), expectedVersion: input.expectedVersion, name: input.name, description: input.description, mustFit: input.mustFit },
        context.actor,
      ),
  }),
);

const ScenarioStatusInput = builder.inputType("ScenarioStatusInput", {
  description: "The scenario to lock, unlock, archive or unarchive.",
  fields: (t) => ({
    scenarioId: t.id({ description: "The scenario's global ID or key.", required: true }),
    expectedVersion: t.int({ description: "When given, refused with VersionConflictError if the scenario changed since." }),
  }),
});

const statusMutations = {
  lockScenario: { change: "LOCK", description: "Locks the scenario: it refuses edits until unlocked. Locking a locked scenario changes nothing." },
  unlockScenario: { change: "UNLOCK", description: "Unlocks a what-if. Baselines cannot be unlocked (ScenarioLockedError)." },
  archiveScenario: { change: "ARCHIVE", description: "Hides the scenario from lists; nothing is deleted, and unarchiveScenario brings it back." },
  unarchiveScenario: { change: "UNARCHIVE", description: "Brings an archived scenario back." },
} as const;

for (const [name, { change, description }] of Object.entries(statusMutations)) {
  builder.mutationField(name, (t) =>
    t.field({
      type: ScenarioEditRef,
      description,
      errors: { types: STATUS_ERRORS },
      args: { input: t.arg({ description: "The mutation's input.", type: ScenarioStatusInput, required: true }) },
      // Archiving hides the scenario from everyone it is shared with: only its own organisation does that.
      authScopes: (_root, { input }) => {
        const scenarios = [{ field: "input.scenarioId", id: input.scenarioId }];
        return change === "ARCHIVE" || change === "UNARCHIVE" ? { ownScenarios: scenarios } : { editScenarios: scenarios };
      },
      resolve: (_root, { input }, context) => changeScenarioStatus(change, { scenarioId: String(input.scenarioId), expectedVersion: input.expectedVersion }, context.actor),
    }),
  );
}

// --- Cells ----------------------------------------------------------------------------------

const SetAllocationInput = builder.inputType("SetAllocationInput", {
  description: "One cell to set.",
  fields: (t) => ({
    scenarioId: t.id({ description: "The scenario's global ID or key.", required: true }),
    initiativeId: t.id({ required: true, description: "The line's initiative: global ID or key." }),
    year: t.int({ description: "The frame year of the cell.", required: true }),
    amount: t.string({ required: true, description: 'The amount in mio. kr., as a string in `notation` ("3.5").' }),
    expectedVersion: t.int({ required: true, description: expectedVersionField }),
    notation: t.field({ description: "How `amount` is written: API (\"1234.5\", the default) or DANISH (\"1.234,5\").", type: AmountNotationEnum, defaultValue: "API" }),
    comment: t.string({ description: commentField }),
  }),
});

builder.mutationField("setAllocation", (t) =>
  t.field({
    type: ScenarioEditRef,
    description: "Sets one cell: an initiative's amount in a year.",
    errors: { types: EDIT_ERRORS },
    args: { input: t.arg({ description: "The mutation's input.", type: SetAllocationInput, required: true }) },
    authScopes: (_root, { input }) => ({ editScenarios: [{ field: "input.scenarioId", id: input.scenarioId }] }),
    resolve: (_root, { input }, context) =>
      setCells(
        {
          scenarioId: String(input.scenarioId),
          cells: [{ initiativeId: String(input.initiativeId), year: input.year, amount: input.amount }],
          expectedVersion: input.expectedVersion,
          notation: input.notation ?? "API",
          comment: input.comment,
          visibleInitiatives: visibleInitiativesWhere(context.caller),
        },
        context.actor,
        { cells: "input", single: true },
      ),
  }),
);

const CellInput = builder.inputType("CellInput", {
  description: "One cell of a block.",
  fields: (t) => ({
    initiativeId: t.id({ description: "The line's initiative: global ID or key.", required: true }),
    year: t.int({ description: "The frame year of the cell.", required: true }),
    amount: t.string({ required: true, description: "The amount in mio. kr., as a string in the request's notation." }),
  }),
});

const SetAllocationsInput = builder.inputType("SetAllocationsInput", {
  description: "A block of cells to set in one transaction.",
  fields: (t) => ({
    scenarioId: t.id({ description: "The scenario's global ID or key.", required: true }),
    cells: t.field({ type: [CellInput], required: true, description: "Up to 50,000 cells; each cell at most once." }),
    expectedVersion: t.int({ required: true, description: expectedVersionField }),
    notation: t.field({ description: "How the amounts are written: API (the default) or DANISH.", type: AmountNotationEnum, defaultValue: "API" }),
    comment: t.string({ description: commentField }),
  }),
});

builder.mutationField("setAllocations", (t) =>
  t.field({
    type: ScenarioEditRef,
    description: "Sets a block of cells (a paste) in one transaction: all of them, or — when any cell is wrong — none, with every wrong cell listed.",
    errors: { types: EDIT_ERRORS },
    args: { input: t.arg({ description: "The mutation's input.", type: SetAllocationsInput, required: true }) },
    authScopes: (_root, { input }) => ({ editScenarios: [{ field: "input.scenarioId", id: input.scenarioId }] }),
    resolve: (_root, { input }, context) =>
      setCells(
        {
          scenarioId: String(input.scenarioId),
          cells: input.cells.map((cell) => ({ initiativeId: String(cell.initiativeId), year: cell.year, amount: cell.amount })),
          expectedVersion: input.expectedVersion,
          notation: input.notation ?? "API",
          comment: input.comment,
          visibleInitiatives: visibleInitiativesWhere(context.caller),
        },
        context.actor,
      ),
  }),
);

const MoveAmountInput = builder.inputType("MoveAmountInput", {
  description: "An amount to move between two lines over a range of years.",
  fields: (t) => ({
    scenarioId: t.id({ description: "The scenario's global ID or key.", required: true }),
    expectedVersion: t.int({ required: true, description: expectedVersionField }),
    fromInitiativeId: t.id({ description: "The line the amount is taken from: global ID or key.", required: true }),
    toInitiativeId: t.id({ description: "The line the amount goes to: global ID or key.", required: true }),
    amount: t.string({ required: true, description: "Moved in each year of the range." }),
    fromYear: t.int({ description: "The first year of the range (a frame year).", required: true }),
    toYear: t.int({ required: true, description: "Inclusive." }),
    notation: t.field({ description: "How `amount` is written: API (the default) or DANISH.", type: AmountNotationEnum, defaultValue: "API" }),
    comment: t.string({ description: commentField }),
  }),
});

builder.mutationField("moveAmount", (t) =>
  t.field({
    type: ScenarioEditRef,
    description: "Moves an amount from one line to another in each year of a range; every year's total stays the same.",
    errors: { types: EDIT_ERRORS },
    args: { input: t.arg({ description: "The mutation's input.", type: MoveAmountInput, required: true }) },
    authScopes: (_root, { input }) => ({ editScenarios: [{ field: "input.scenarioId", id: input.scenarioId }] }),
    resolve: (_root, { input }, context) =>
      moveAmount(
        {
          scenarioId: String(input.scenarioId),
          expectedVersion: input.expectedVersion,
          fromInitiativeId: String(input.fromInitiativeId),
          toInitiativeId: String(input.toInitiativeId),
          amount: input.amount,
          fromYear: input.fromYear,
          toYear: input.toYear,
          notation: input.notation ?? "API",
          comment: input.comment,
          visibleInitiatives: visibleInitiativesWhere(context.caller),
        },
        context.actor,
      ),
  }),
);

// --- Lines ----------------------------------------------------------------------------------

const YearAmountInput = builder.inputType("YearAmountInput", {
  description: "An amount in one year, as a string.",
  fields: (t) => ({ year: t.int({ description: "A frame year.", required: true }), amount: t.string({ description: "The amount in mio. kr., as a string in the input's notation.", required: true }) }),
});

const AddInitiativeInput = builder.inputType("AddInitiativeInput", {
  description: "Either initiativeId (take an existing initiative into the scenario) or title and themeId (a new proposal line).",
  fields: (t) => ({
    scenarioId: t.id({ description: "The scenario's global ID or key.", required: true }),
    expectedVersion: t.int({ required: true, description: expectedVersionField }),
    initiativeId: t.id({ description: "An existing initiative not yet in the scenario." }),
    title: t.string({ description: "A new proposal's title." }),
    themeId: t.id({ description: "A new proposal's theme: global ID or key." }),
    description: t.string({ description: "A new proposal's description." }),
    amounts: t.field({ type: [YearAmountInput], description: "Amounts per year; years left out are 0." }),
    notation: t.field({ description: "How `amounts` are written: API (the default) or DANISH.", type: AmountNotationEnum, defaultValue: "API" }),
    comment: t.string({ description: commentField }),
  }),
});

builder.mutationField("addInitiative", (t) =>
  t.field({
    type: ScenarioEditRef,
    description: "Adds a line to a what-if: a new proposal (not in the documents) or an existing initiative.",
    errors: { types: EDIT_ERRORS },
    args: { input: t.arg({ description: "The mutation's input.", type: AddInitiativeInput, required: true }) },
    // Taking in another organisation's proposal by its ID would copy a hidden draft's line: it is
    // unknown to you (visibleInitiatives), like every initiative ID a mutation names.
    authScopes: (_root, { input }) => ({ editScenarios: [{ field: "input.scenarioId", id: input.scenarioId }] }),
    resolve: (_root, { input }, context) =>
      addInitiative(
        {
          scenarioId: String(input.scenarioId),
          expectedVersion: input.expectedVersion,
          initiativeId: input.initiativeId === null || input.initiativeId === undefined ? null : String(input.initiativeId),
          title: input.title,
          themeId: input.themeId === null || input.themeId === undefined ? null : String(input.themeId),
          description: input.description,
          amounts: input.amounts,
          notation: input.notation ?? "API",
          comment: input.comment,
          visibleInitiatives: visibleInitiativesWhere(context.caller),
        },
        context.actor,
      ),
  }),
);

const RemoveInitiativeInput = builder.inputType("RemoveInitiativeInput", {
  description: "The line to take out of a what-if.",
  fields: (t) => ({
    scenarioId: t.id({ description: "The scenario's global ID or key.", required: true }),
    initiativeId: t.id({ description: "The line to take out: its initiative's global ID or key.", required: true }),
    expectedVersion: t.int({ required: true, description: expectedVersionField }),
    comment: t.string({ description: commentField }),
  }),
});

builder.mutationField("removeInitiative", (t) =>
  t.field({
    type: ScenarioEditRef,
    description: "Takes a line out of a what-if. The initiative itself stays, and the history keeps the line's amounts.",
    errors: { types: EDIT_ERRORS },
    args: { input: t.arg({ description: "The mutation's input.", type: RemoveInitiativeInput, required: true }) },
    authScopes: (_root, { input }) => ({ editScenarios: [{ field: "input.scenarioId", id: input.scenarioId }] }),
    resolve: (_root, { input }, context) =>
      removeInitiative(
        {
          scenarioId: String(input.scenarioId),
          initiativeId: String(input.initiativeId),
          expectedVersion: input.expectedVersion,
          comment: input.comment,
          visibleInitiatives: visibleInitiativesWhere(context.caller),
        },
        context.actor,
      ),
  }),
);

// --- History --------------------------------------------------------------------------------

const RestoreScenarioVersionInput = builder.inputType("RestoreScenarioVersionInput", {
  description: "The version to bring back.",
  fields: (t) => ({
    scenarioId: t.id({ description: "The scenario's global ID or key.", required: true }),
    version: t.int({ required: true, description: "The version whose lines and cells to bring back." }),
    expectedVersion: t.int({ required: true, description: expectedVersionField }),
    comment: t.string({ description: commentField }),
  }),
});

builder.mutationField("restoreScenarioVersion", (t) =>
  t.field({
    type: ScenarioEditRef,
    description: "Makes a new version whose lines and cells equal an earlier version's (name and lock are kept). History is never rewritten.",
    errors: { types: EDIT_ERRORS },
    args: { input: t.arg({ description: "The mutation's input.", type: RestoreScenarioVersionInput, required: true }) },
    authScopes: (_root, { input }) => ({ editScenarios: [{ field: "input.scenarioId", id: input.scenarioId }] }),
    resolve: (_root, { input }, context) =>
      restoreScenarioVersion(
        { scenarioId: String(input.scenarioId), version: input.version, expectedVersion: input.expectedVersion, comment: input.comment },
        context.actor,
      ),
  }),
);

const RevertChangeInput = builder.inputType("RevertChangeInput", {
  description: "The change to undo, by the version it made.",
  fields: (t) => ({
    scenarioId: t.id({ description: "The scenario's global ID or key.", required: true }),
    version: t.int({ required: true, description: "The version whose change to undo." }),
    expectedVersion: t.int({ required: true, description: expectedVersionField }),
    comment: t.string({ description: commentField }),
  }),
});

builder.mutationField("revertChange", (t) =>
  t.field({
    type: ScenarioEditRef,
    description:
      "Undoes one change as a new version (the planner's undo; reverting the REVERTED change is redo). " +
      "Refused (CHANGED_SINCE) when a cell it touched has been changed again since, so no later edit is lost.",
    errors: { types: EDIT_ERRORS },
    args: { input: t.arg({ description: "The mutation's input.", type: RevertChangeInput, required: true }) },
    authScopes: (_root, { input }) => ({ editScenarios: [{ field: "input.scenarioId", id: input.scenarioId }] }),
    resolve: (_root, { input }, context) =>
      revertChange({ scenarioId: String(input.scenarioId), version: input.version, expectedVersion: input.expectedVersion, comment: input.comment }, context.actor),
  }),
);

// --- Merge ----------------------------------------------------------------------------------

/** A MergeResolutionInput as the engine takes it. */
export const mergeResolution = (resolution: { initiativeId: string | number; year: number; take: "SOURCE" | "TARGET" | "VALUE"; amount?: string | null; notation?: "API" | "DANISH" | null }) => ({
  initiativeId: String(resolution.initiativeId),
  year: resolution.year,
  take: resolution.take,
  amount: resolution.amount ?? null,
  notation: resolution.notation ?? "API",
});

export const MergeSideEnum = builder.enumType("MergeSide", {
  description: "Which scenario's value a conflicting cell takes.",
  values: {
    SOURCE: { description: "The merged-in scenario's value." },
    TARGET: { description: "Keep the target's value." },
    VALUE: { description: "The resolution's `amount`, typed by the user: checked like any edited amount (the frame's decimals, 0 or more)." },
  },
});

export const MergeResolutionInput = builder.inputType("MergeResolutionInput", {
  description: "Which side a conflicting cell takes.",
  fields: (t) => ({
    initiativeId: t.id({ description: "The conflicting cell's initiative: global ID or key.", required: true }),
    year: t.int({ description: "The conflicting cell's year.", required: true }),
    take: t.field({ description: "Which scenario's value the merged cell gets, or VALUE for `amount`.", type: MergeSideEnum, required: true }),
    amount: t.string({ description: 'With take VALUE (and only then): the amount in mio. kr. the cell gets, as a string in `notation` ("3.5").' }),
    notation: t.field({ description: "How `amount` is written: API (\"1234.5\", the default) or DANISH (\"1.234,5\").", type: AmountNotationEnum, defaultValue: "API" }),
  }),
});

const MergeScenarioInput = builder.inputType("MergeScenarioInput", {
  description: "The what-if to merge, the scenario to merge it into, and resolutions for conflicting cells.",
  fields: (t) => ({
    sourceId: t.id({ required: true, description: "The what-if whose changes (since it was forked) to apply." }),
    targetId: t.id({ required: true, description: "The scenario to apply them to." }),
    expectedTargetVersion: t.int({ required: true, description: "The target's version this merge is based on." }),
    resolutions: t.field({ type: [MergeResolutionInput], description: "A side, or a typed amount, for each conflicting cell." }),
    comment: t.string({ description: commentField }),
  }),
});

builder.mutationField("mergeScenario", (t) =>
  t.field({
    type: ScenarioEditRef,
    description:
      "Applies what changed in a what-if relative to its parent onto another scenario. If the target changed some of the same cells differently, " +
      "nothing is applied (MergeConflictError) unless every conflicting cell has a resolution.",
    errors: { types: [...EDIT_ERRORS, MergeConflictError] },
    args: { input: t.arg({ description: "The mutation's input.", type: MergeScenarioInput, required: true }) },
    authScopes: (_root, { input }) => ({
      $all: { readScenarios: [{ field: "input.sourceId", id: input.sourceId }], editScenarios: [{ field: "input.targetId", id: input.targetId }] },
    }),
    resolve: (_root, { input }, context) =>
      mergeScenario(
        {
          sourceId: String(input.sourceId),
          targetId: String(input.targetId),
          expectedTargetVersion: input.expectedTargetVersion,
          resolutions: input.resolutions?.map(mergeResolution),
          comment: input.comment,
        },
        context.actor,
      ),
  }),
);
