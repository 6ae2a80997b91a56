/** Proposals that change nothing: how to balance a scenario against the frame, and what a merge would do. */
import { builder } from "../builder.ts";
import { db } from "../db.ts";
import { balanceScenario, type BalanceShape } from "../engine/balance.ts";
import { InvalidInputError } from "../engine/errors.ts";
import { ProblemList } from "../engine/input.ts";
import { checkMergeIds, planMerge, resolutionsMap } from "../engine/merge.ts";
import { CellDifferenceRef, MergeConflictRef, YearOverFrameRef } from "./errors.ts";
import { mergeResolution, MergeResolutionInput } from "./scenarioMutations.ts";
import { YearTotalRef } from "./scenario.ts";

const ReduceProRataInput = builder.inputType("ReduceProRataInput", {
  description: "Cut the chosen lines in proportion to their amounts in each year over the frame.",
  fields: (t) => ({ initiativeIds: t.idList({ description: "The lines to reduce, in proportion to their amounts each year (global IDs or keys).", required: true }) }),
});

const ReserveInput = builder.inputType("ReserveInput", {
  description: "Let one line (a reserve) take up the difference: cut when a year is over, topped up with spare headroom when under.",
  fields: (t) => ({ initiativeId: t.id({ description: "The reserve line that gives up what is over the frame (global ID or key).", required: true }) }),
});

const BalanceStrategyInput = builder.inputType("BalanceStrategyInput", {
  description: "How to bring the years inside the frame. Give exactly one.",
  isOneOf: true,
  fields: (t) => ({
    reduceProRata: t.field({ description: "Reduce the given lines in proportion to their amounts.", type: ReduceProRataInput }),
    reserve: t.field({ description: "Take what is over the frame from one reserve line.", type: ReserveInput }),
  }),
});

const BalanceProposalRef = builder.objectRef<BalanceShape>("BalanceProposal").implement({
  description:
    "A proposal to bring every year inside the frame, with amounts in whole units of the frame's precision. Nothing is saved: " +
    "apply it with setAllocations (cells → initiativeId/year/after) and expectedVersion = basedOnVersion.",
  fields: (t) => ({
    scenario: t.prismaField({ description: "The scenario to balance.", type: "Scenario", resolve: (query, proposal) => db.scenario.findUniqueOrThrow({ ...query, where: { id: proposal.scenarioId } }) }),
    basedOnVersion: t.exposeInt("basedOnVersion", { description: "The version the proposal is computed on: send it as expectedVersion." }),
    cells: t.field({
      type: [CellDifferenceRef],
      description: "The cells the proposal changes, by year and then in line order.",
      resolve: (proposal) => proposal.cells,
    }),
    yearTotals: t.field({ type: [YearTotalRef], description: "The totals if the proposal were applied.", resolve: (proposal) => proposal.yearTotalsAfter }),
    unresolved: t.field({ type: [YearOverFrameRef], description: "Years the proposal cannot bring inside the frame (the chosen lines are too small).", resolve: (proposal) =>
      proposal.unresolved.map(({ year, overBy }) => {
        const total = proposal.totalsAfter.find((entry) => entry.year === year)!;
        return { year, overBy, allocated: total.allocated, frame: total.frame };
      }),
    }),
  }),
});

builder.queryField("balanceScenario", (t) =>
  t.field({
    type: BalanceProposalRef,
    description: "Proposes, without saving, a way to bring every year of a scenario inside the frame.",
    errors: { types: [InvalidInputError] },
    args: { scenarioId: t.arg.id({ description: "The scenario's global ID or key.", required: true }), strategy: t.arg({ description: "How to bring the scenario inside the frame.", type: BalanceStrategyInput, required: true }) },
    authScopes: (_root, args) => ({ readScenarios: [{ field: "scenarioId", id: args.scenarioId }] }),
    resolve: (_root, args) =>
      balanceScenario(db, String(args.scenarioId), {
        reduceProRata: args.strategy.reduceProRata ? { initiativeIds: args.strategy.reduceProRata.initiativeIds.map(String) } : null,
        reserve: args.strategy.reserve ? { initiativeId: String(args.strategy.reserve.initiativeId) } : null,
      }),
  }),
);

type MergePlan = Awaited<ReturnType<typeof planMerge>>;

const MergePreviewRef = builder.objectRef<MergePlan>("MergePreview").implement({
  description: "What mergeScenario would do now: the cells it would change and the conflicts it would report.",
  fields: (t) => ({
    targetVersion: t.int({ description: "Send as expectedTargetVersion to merge exactly this.", resolve: (plan) => plan.target.version }),
    cells: t.field({ type: [CellDifferenceRef], description: "Cells the merge would change in the target.", resolve: (plan) => plan.edits }),
    conflicts: t.field({ type: [MergeConflictRef], description: "Cells still needing a resolution.", resolve: (plan) => plan.conflicts }),
    resolved: t.field({ type: [MergeConflictRef], description: "Conflicts the given resolutions settle.", resolve: (plan) => plan.resolved }),
    yearTotals: t.field({
      type: [YearTotalRef],
      description: "The target's totals against the frame per year if the merge were applied as it stands (unresolved conflicts keep the target's value).",
      resolve: (plan) => plan.yearTotalsAfter,
    }),
  }),
});

builder.queryField("mergePreview", (t) =>
  t.field({
    type: MergePreviewRef,
    description: "Shows, without changing anything, what merging a what-if into another scenario would change and where it conflicts.",
    errors: { types: [InvalidInputError] },
    args: {
      sourceId: t.arg.id({ description: "The what-if whose changes would be merged: global ID or key.", required: true }),
      targetId: t.arg.id({ description: "The scenario they would be merged into: global ID or key.", required: true }),
      resolutions: t.arg({ description: "A side or a typed amount per conflicting cell, as mergeScenario takes them.", type: [MergeResolutionInput], required: false }),
    },
    authScopes: (_root, args) => ({ readScenarios: [{ field: "sourceId", id: args.sourceId }, { field: "targetId", id: args.targetId }] }),
    resolve: async (_root, args) => {
      const problems = new ProblemList();
      const { sourceId, targetId } = await checkMergeIds(db, { sourceId: String(args.sourceId), targetId: String(args.targetId) }, problems, "");
      const resolutions = resolutionsMap(args.resolutions?.map(mergeResolution), problems, "");
      problems.throwIfAny();
      return planMerge(db, sourceId, targetId, resolutions, "");
    },
  }),
);
